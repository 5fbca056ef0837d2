namespace ClaimFraud.Features.History;

/// <summary>
/// History statistics of one claim as of its admission: the patient's earlier claims, and the hospital's and doctor's
/// earlier days. Holds no NIK or name; claim ids of related earlier claims are kept for the rule messages.
/// </summary>
public sealed record HistorySnapshot
{
    /// <summary>No earlier claims at all: counts 0, rates and gaps NaN.</summary>
    public static readonly HistorySnapshot Empty = new();

    public int PatientClaims30d { get; init; }
    public int PatientClaims365d { get; init; }

    /// <summary>Days from the patient's latest earlier discharge to this admission; NaN without earlier claims.</summary>
    public double DaysSinceLastDischarge { get; init; } = double.NaN;

    /// <summary>Smallest gap in days between an earlier inpatient discharge with the same ICD-10 category and this inpatient admission, within 30 days; NaN if none.</summary>
    public double SameDxReadmissionGapDays { get; init; } = double.NaN;

    public string? SameDxReadmissionOf { get; init; }

    /// <summary>Earlier claims of the patient at the same hospital whose stay overlaps this one or has the same dates.</summary>
    public int DuplicateClaimCount { get; init; }

    public IReadOnlyList<string> DuplicateClaimIds { get; init; } = [];

    /// <summary>The patient's most frequent care class over earlier claims (ties: the better class); 0 without earlier claims.</summary>
    public int UsualCareClass { get; init; }

    /// <summary>Earlier claims that voted for <see cref="UsualCareClass"/>.</summary>
    public int PriorClaimsWithClass { get; init; }

    public int PriorInpatientClaims { get; init; }

    /// <summary>The hospital's claims admitted on earlier days (all history).</summary>
    public int HospitalClaimsCount { get; init; }

    public int HospitalHighCostCount { get; init; }

    public int HospitalClaims90d { get; init; }
    public int HospitalHighCost90d { get; init; }
    public int DoctorClaims90d { get; init; }
    public int DoctorHighCost90d { get; init; }

    /// <summary>Mean los_vs_expected of the hospital's claims over the 90 days before; NaN when none had a known expected LOS.</summary>
    public double HospitalLosVsExpected90d { get; init; } = double.NaN;

    /// <summary>The same over all hospitals.</summary>
    public double AllHospitalsLosVsExpected90d { get; init; } = double.NaN;

    /// <summary>
    /// Geometric mean of claimed INA-CBG tariff / catalog tariff over the hospital's claims of the 90 days before (the
    /// hospital's tariff table relative to the catalog's approximations); NaN when none had a catalog code.
    /// </summary>
    public double HospitalCbgTariffLevel90d { get; init; } = double.NaN;

    /// <summary>How many claims <see cref="HospitalCbgTariffLevel90d"/> averages over.</summary>
    public int HospitalCbgTariffClaims90d { get; init; }

    /// <summary>Geometric mean of hospital_tariff / ina_cbg.tariff over the hospital's claims of the 90 days before (how it usually bills against the package); NaN when none.</summary>
    public double HospitalTariffRatio90d { get; init; } = double.NaN;

    /// <summary>How many claims <see cref="HospitalTariffRatio90d"/> averages over.</summary>
    public int HospitalTariffRatioClaims90d { get; init; }

    /// <summary>Other patients' claims at the same hospital in the 30 days before with the identical clinical fingerprint.</summary>
    public int CloneCount30d { get; init; }

    public IReadOnlyList<string> CloneClaimIds { get; init; } = [];

    public double ProviderHighCostRate => HospitalClaimsCount == 0 ? double.NaN : (double)HospitalHighCostCount / HospitalClaimsCount;
    public double HospitalHighCostRate90d => HospitalClaims90d == 0 ? double.NaN : (double)HospitalHighCost90d / HospitalClaims90d;
    public double DoctorHighCostRate90d => DoctorClaims90d == 0 ? double.NaN : (double)DoctorHighCost90d / DoctorClaims90d;
}
