namespace ClaimFraud.Features.History;

/// <summary>One earlier claim of a patient: enough for counts, gaps, duplicates, readmissions and usual class.</summary>
internal readonly record struct PatientEntry(
    long AdmissionTicks, long DischargeTicks, int AdmissionDay, int DischargeDay, string ClaimId,
    ulong HospitalKey, ulong DxCategoryKey, byte CareClass, bool Inpatient);

/// <summary>One claim with a given (hospital, clinical fingerprint); <paramref name="Previous"/> links to the one recorded before it (-1: none).</summary>
internal readonly record struct CloneEntry(long AdmissionTicks, string ClaimId, ulong PatientKey, long HospitalTariff, int Previous);

/// <summary>Totals of one calendar day (Jakarta) for a hospital, a doctor or all hospitals.</summary>
internal struct DayTotals
{
    public int Day;
    public int Claims;
    public int HighCost;
    public int LosKnown;
    public double LosVsExpectedSum;
    /// <summary>Claims whose INA-CBG code is in the catalog, and the sum of ln(claimed tariff / catalog tariff) over them.</summary>
    public int CbgKnown;
    public double CbgLogRatioSum;
    /// <summary>Claims with a positive bill and INA-CBG tariff, and the sum of ln(hospital_tariff / ina_cbg.tariff) over them.</summary>
    public int BillKnown;
    public double BillLogRatioSum;
}

/// <summary>Day totals kept sorted by day, with a running total so "all earlier days" is cheap when most days are past.</summary>
internal sealed class DaySeries
{
    private readonly List<DayTotals> _days = [];
    private int _claims, _highCost;

    public void Add(int day, bool highCost, double losVsExpected, double cbgTariffVsCatalog, double tariffRatio)
    {
        int i = FindDay(day);
        if (i < 0)
        {
            i = ~i;
            _days.Insert(i, new DayTotals { Day = day });
        }
        var t = _days[i];
        t.Claims++;
        if (highCost) t.HighCost++;
        if (double.IsFinite(losVsExpected)) { t.LosKnown++; t.LosVsExpectedSum += losVsExpected; }
        if (cbgTariffVsCatalog > 0 && double.IsFinite(cbgTariffVsCatalog)) { t.CbgKnown++; t.CbgLogRatioSum += Math.Log(cbgTariffVsCatalog); }
        if (tariffRatio > 0 && double.IsFinite(tariffRatio)) { t.BillKnown++; t.BillLogRatioSum += Math.Log(tariffRatio); }
        _days[i] = t;
        _claims++;
        if (highCost) _highCost++;
    }

    /// <summary>Totals over days in [<paramref name="fromDay"/>, <paramref name="toDayExclusive"/>).</summary>
    public DayTotals Sum(int fromDay, int toDayExclusive)
    {
        var sum = new DayTotals();
        int i = FindDay(fromDay);
        if (i < 0) i = ~i;
        for (; i < _days.Count && _days[i].Day < toDayExclusive; i++)
        {
            var t = _days[i];
            sum.Claims += t.Claims;
            sum.HighCost += t.HighCost;
            sum.LosKnown += t.LosKnown;
            sum.LosVsExpectedSum += t.LosVsExpectedSum;
            sum.CbgKnown += t.CbgKnown;
            sum.CbgLogRatioSum += t.CbgLogRatioSum;
            sum.BillKnown += t.BillKnown;
            sum.BillLogRatioSum += t.BillLogRatioSum;
        }
        return sum;
    }

    /// <summary>Claims and high-cost claims on all days before <paramref name="day"/>.</summary>
    public (int Claims, int HighCost) Before(int day)
    {
        int claims = _claims, high = _highCost;
        for (int i = _days.Count - 1; i >= 0 && _days[i].Day >= day; i--)
        {
            claims -= _days[i].Claims;
            high -= _days[i].HighCost;
        }
        return (claims, high);
    }

    private int FindDay(int day)
    {
        // Appends dominate (claims arrive roughly in time order), so look at the end first.
        int n = _days.Count;
        if (n == 0 || _days[n - 1].Day < day) return ~n;
        if (_days[n - 1].Day == day) return n - 1;
        int lo = 0, hi = n - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int d = _days[mid].Day;
            if (d == day) return mid;
            if (d < day) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }
}
