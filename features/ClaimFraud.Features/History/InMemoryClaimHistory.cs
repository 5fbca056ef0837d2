using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features.Extraction;
using ClaimFraud.Features.Text;

namespace ClaimFraud.Features.History;

/// <summary>
/// A thread-safe in-memory <see cref="IClaimHistory"/>. Patients are keyed by a 64-bit hash of the NIK (the NIK itself
/// is not kept); each claim costs a few small structs. Patient-level statistics are exact to the instant (earlier
/// admission, ties by claim_id); hospital, doctor and all-hospital rates use whole earlier days (Jakarta calendar),
/// which keeps them cheap and independent of the order claims of one day arrive in.
/// </summary>
public sealed class InMemoryClaimHistory : IClaimHistory
{
    private const double HighCostRatio = 1.3;
    private static readonly long Day = TimeSpan.TicksPerDay;

    private readonly Func<Claim, double> _losVsExpected;
    private readonly Func<Claim, double> _cbgTariffVsCatalog;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly HashSet<string> _claimIds = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<PatientEntry>> _patients = [];
    // Claims sharing (hospital, fingerprint) form a chain through _cloneNodes (newest first): one small node per claim.
    private readonly Dictionary<(ulong Hospital, ulong Fingerprint), int> _cloneHeads = [];
    private readonly List<CloneEntry> _cloneNodes = [];
    private readonly Dictionary<ulong, DaySeries> _hospitals = [];
    private readonly Dictionary<ulong, DaySeries> _doctors = [];
    private readonly DaySeries _all = new();

    /// <summary>A history that compares hospitals' stays and INA-CBG tariffs with the knowledge base of <paramref name="catalog"/>.</summary>
    public InMemoryClaimHistory(ReferenceCatalog catalog)
        : this(new ClaimFeatureExtractor(catalog)) { }

    internal InMemoryClaimHistory(ClaimFeatureExtractor extractor)
        : this(extractor.LosVsExpected, extractor.CbgTariffVsCatalog) { }

    /// <param name="losVsExpected">the claim's LOS over its diagnosis's typical LOS (NaN when unknown), for hospital LOS comparisons.</param>
    /// <param name="cbgTariffVsCatalog">the claimed INA-CBG tariff over the catalog's (NaN when unknown), for the hospital's tariff level.</param>
    internal InMemoryClaimHistory(Func<Claim, double> losVsExpected, Func<Claim, double> cbgTariffVsCatalog)
    {
        _losVsExpected = losVsExpected;
        _cbgTariffVsCatalog = cbgTariffVsCatalog;
    }

    /// <summary>Claims recorded so far.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _claimIds.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    public void Add(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var keys = Keys.Of(claim);
        double losVsExpected = _losVsExpected(claim);
        double cbgRatio = _cbgTariffVsCatalog(claim);
        double tariffRatio = claim.InaCbg.Tariff > 0 ? (double)claim.HospitalTariff / claim.InaCbg.Tariff : double.NaN;
        bool highCost = tariffRatio > HighCostRatio;
        int admissionDay = StayCalendar.JakartaDate(claim.AdmissionAt).DayNumber;
        var patientEntry = new PatientEntry(
            claim.AdmissionAt.UtcTicks, claim.DischargeAt.UtcTicks, admissionDay, StayCalendar.JakartaDate(claim.DischargeAt).DayNumber,
            claim.ClaimId, keys.Hospital, keys.DxCategory, (byte)claim.CareClass, claim.CareType == CareType.Inpatient);

        _lock.EnterWriteLock();
        try
        {
            if (!_claimIds.Add(claim.ClaimId)) return;
            InsertSorted(GetOrAdd(_patients, keys.Patient), patientEntry, static e => (e.AdmissionTicks, e.ClaimId));
            if (keys.Fingerprint != 0)
            {
                int previous = _cloneHeads.TryGetValue((keys.Hospital, keys.Fingerprint), out int head) ? head : -1;
                _cloneNodes.Add(new CloneEntry(claim.AdmissionAt.UtcTicks, claim.ClaimId, keys.Patient, claim.HospitalTariff, previous));
                _cloneHeads[(keys.Hospital, keys.Fingerprint)] = _cloneNodes.Count - 1;
            }
            GetOrAddSeries(_hospitals, keys.Hospital).Add(admissionDay, highCost, losVsExpected, cbgRatio, tariffRatio);
            if (keys.Doctor != 0) GetOrAddSeries(_doctors, keys.Doctor).Add(admissionDay, highCost, double.NaN, double.NaN, double.NaN);
            _all.Add(admissionDay, highCost, losVsExpected, double.NaN, double.NaN);
        }
        finally { _lock.ExitWriteLock(); }
    }

    public HistorySnapshot Query(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var keys = Keys.Of(claim);
        long admission = claim.AdmissionAt.UtcTicks;
        int admissionDay = StayCalendar.JakartaDate(claim.AdmissionAt).DayNumber;
        int dischargeDay = StayCalendar.JakartaDate(claim.DischargeAt).DayNumber;
        bool inpatient = claim.CareType == CareType.Inpatient;

        _lock.EnterReadLock();
        try
        {
            int claims30 = 0, claims365 = 0, duplicates = 0, inpatientPrior = 0, classVotes = 0;
            long latestDischarge = long.MinValue;
            double readmitGap = double.NaN;
            string? readmitOf = null;
            List<string>? duplicateIds = null;
            Span<int> classCounts = stackalloc int[4];

            if (_patients.TryGetValue(keys.Patient, out var entries))
            {
                int end = UpperBound(entries, admission, claim.ClaimId, static e => (e.AdmissionTicks, e.ClaimId));
                for (int i = 0; i < end; i++)
                {
                    var e = entries[i];
                    if (e.ClaimId == claim.ClaimId) continue;
                    long ago = admission - e.AdmissionTicks;
                    if (ago <= 30 * Day) claims30++;
                    if (ago <= 365 * Day) claims365++;
                    if (e.DischargeTicks > latestDischarge) latestDischarge = e.DischargeTicks;
                    if (e.HospitalKey == keys.Hospital &&
                        (e.DischargeTicks > admission || e.AdmissionTicks == admission || e.AdmissionDay == admissionDay && e.DischargeDay == dischargeDay))
                    {
                        duplicates++;
                        if ((duplicateIds ??= []).Count < 5) duplicateIds.Add(e.ClaimId);
                    }
                    if (inpatient && e.Inpatient)
                    {
                        if (e.DxCategoryKey == keys.DxCategory && e.DischargeTicks <= admission)
                        {
                            double gap = (double)(admission - e.DischargeTicks) / Day;
                            if (gap <= 30 && !(gap >= readmitGap)) { readmitGap = gap; readmitOf = e.ClaimId; }
                        }
                    }
                    if (e.Inpatient) inpatientPrior++;
                    // A participant's class shows on every claim (outpatient ones too), so all earlier claims vote.
                    if (e.CareClass is >= 1 and <= 3) { classCounts[e.CareClass]++; classVotes++; }
                }
            }

            int usualClass = 0;
            for (int c = 1; c <= 3; c++) if (classCounts[c] > 0 && (usualClass == 0 || classCounts[c] > classCounts[usualClass])) usualClass = c;

            int clones = 0;
            List<string>? cloneIds = null;
            if (keys.Fingerprint != 0 && _cloneHeads.TryGetValue((keys.Hospital, keys.Fingerprint), out int node))
            {
                for (; node >= 0; node = _cloneNodes[node].Previous)
                {
                    var e = _cloneNodes[node];
                    bool earlier = e.AdmissionTicks < admission || e.AdmissionTicks == admission && string.CompareOrdinal(e.ClaimId, claim.ClaimId) < 0;
                    if (!earlier || admission - e.AdmissionTicks > 30 * Day || e.PatientKey == keys.Patient) continue;
                    if (Math.Abs(e.HospitalTariff - (double)claim.HospitalTariff) > ClinicalFingerprint.TariffTolerance * Math.Max(e.HospitalTariff, claim.HospitalTariff)) continue;
                    clones++;
                    if ((cloneIds ??= []).Count < 5) cloneIds.Add(e.ClaimId);
                }
            }

            var hospital90 = new DayTotals();
            (int Claims, int HighCost) hospitalAll = (0, 0);
            if (_hospitals.TryGetValue(keys.Hospital, out var hs))
            {
                hospital90 = hs.Sum(admissionDay - 90, admissionDay);
                hospitalAll = hs.Before(admissionDay);
            }
            var doctor90 = keys.Doctor != 0 && _doctors.TryGetValue(keys.Doctor, out var ds) ? ds.Sum(admissionDay - 90, admissionDay) : new DayTotals();
            var all90 = _all.Sum(admissionDay - 90, admissionDay);

            return new HistorySnapshot
            {
                PatientClaims30d = claims30,
                PatientClaims365d = claims365,
                DaysSinceLastDischarge = latestDischarge == long.MinValue ? double.NaN : (double)(admission - latestDischarge) / Day,
                SameDxReadmissionGapDays = readmitGap,
                SameDxReadmissionOf = readmitOf,
                DuplicateClaimCount = duplicates,
                DuplicateClaimIds = (IReadOnlyList<string>?)duplicateIds ?? [],
                UsualCareClass = usualClass,
                PriorInpatientClaims = inpatientPrior,
                PriorClaimsWithClass = classVotes,
                HospitalClaimsCount = hospitalAll.Claims,
                HospitalHighCostCount = hospitalAll.HighCost,
                HospitalClaims90d = hospital90.Claims,
                HospitalHighCost90d = hospital90.HighCost,
                DoctorClaims90d = doctor90.Claims,
                DoctorHighCost90d = doctor90.HighCost,
                HospitalLosVsExpected90d = hospital90.LosKnown == 0 ? double.NaN : hospital90.LosVsExpectedSum / hospital90.LosKnown,
                AllHospitalsLosVsExpected90d = all90.LosKnown == 0 ? double.NaN : all90.LosVsExpectedSum / all90.LosKnown,
                HospitalCbgTariffLevel90d = hospital90.CbgKnown == 0 ? double.NaN : Math.Exp(hospital90.CbgLogRatioSum / hospital90.CbgKnown),
                HospitalCbgTariffClaims90d = hospital90.CbgKnown,
                HospitalTariffRatio90d = hospital90.BillKnown == 0 ? double.NaN : Math.Exp(hospital90.BillLogRatioSum / hospital90.BillKnown),
                HospitalTariffRatioClaims90d = hospital90.BillKnown,
                CloneCount30d = clones,
                CloneClaimIds = (IReadOnlyList<string>?)cloneIds ?? [],
            };
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Index of the first entry not earlier than (admission, claimId).</summary>
    private static int UpperBound<T>(List<T> list, long admission, string claimId, Func<T, (long Ticks, string Id)> key)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            var (t, id) = key(list[mid]);
            bool earlier = t < admission || t == admission && string.CompareOrdinal(id, claimId) < 0;
            if (earlier) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void InsertSorted<T>(List<T> list, T item, Func<T, (long Ticks, string Id)> key)
    {
        var (t, id) = key(item);
        if (list.Count == 0 || Compare(key(list[^1]), (t, id)) <= 0) { list.Add(item); return; }
        list.Insert(UpperBound(list, t, id, key), item);
    }

    private static int Compare((long Ticks, string Id) a, (long Ticks, string Id) b) =>
        a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : string.CompareOrdinal(a.Id, b.Id);

    private static List<T> GetOrAdd<TKey, T>(Dictionary<TKey, List<T>> d, TKey key) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        return list;
    }

    private static DaySeries GetOrAddSeries(Dictionary<ulong, DaySeries> d, ulong key)
    {
        if (!d.TryGetValue(key, out var s)) d[key] = s = new DaySeries();
        return s;
    }

    /// <summary>The hashed keys a claim is filed under.</summary>
    private readonly record struct Keys(ulong Patient, ulong Hospital, ulong Doctor, ulong DxCategory, ulong Fingerprint)
    {
        public static Keys Of(Claim claim)
        {
            Span<char> dx = stackalloc char[MedicalCode.MaxLength];
            int n = MedicalCode.Compact(claim.PrimaryDiagnosis?.Icd10 ?? "", dx);
            return new Keys(
                StableHash.Of(claim.Patient.Nik),
                StableHash.Of(claim.Hospital.Code.Trim()),
                string.IsNullOrWhiteSpace(claim.DoctorId) ? 0 : StableHash.Of(claim.DoctorId.Trim()) | 1,
                StableHash.Of(dx[..Math.Min(n, 3)]),
                ClinicalFingerprint.OfCloneCandidate(claim));
        }
    }
}
