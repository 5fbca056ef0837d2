using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Domain.Reference;

public enum ClinicalSeverity { Mild, Moderate, Severe }

/// <summary>Where something usually happens: outpatient visits, inpatient stays or both.</summary>
public enum CareSetting { Outpatient, Inpatient, Both }

/// <summary>The kind of claim item an <see cref="InappropriatePair"/> is about.</summary>
public enum ItemKind { Procedure, Drug, Vitamin }

/// <summary>
/// A Fornas drug in one form, as a claim names it ("Ceftriaxone", injection). Prices are per unit, whole rupiah,
/// e-Katalog-like approximations. IsExpensive: costly per day compared with usual alternatives;
/// IsRestricted: Fornas restriction (indication, hospital level or programme drug).
/// </summary>
public sealed record DrugEntry(string Name, string Form, string Strength, string TherapeuticClass, string Unit,
    long UnitPriceMin, long UnitPriceMax, double MaxQuantityPerDay, bool IsExpensive, bool IsRestricted,
    IReadOnlyList<string> Aliases, string? Notes);

/// <summary>A vitamin or supplement at one dose ("Vitamin C", "1000 mg"); IsHighDose marks doses that need a reason.</summary>
public sealed record VitaminEntry(string Name, string Dose, string Form, string Unit, long UnitPriceMin, long UnitPriceMax,
    double MaxQuantityPerDay, bool IsHighDose, IReadOnlyList<string> Aliases, string? Notes);

/// <summary>A laboratory test as claims name it ("Darah lengkap"); prices are approximations.</summary>
public sealed record LabTestEntry(string Name, string NameEn, string Category, string Specimen, long PriceMin, long PriceMax,
    IReadOnlyList<string> Aliases, string? Notes);

/// <summary>A procedure that fits a diagnosis: chance per claim, usual times per episode, whether it is major/operative.</summary>
public sealed record DiagnosisProcedure(string Icd10, string Icd9Cm, double Probability, int UsualCount, bool IsMajor,
    CareSetting Setting, string? Notes);

/// <summary>
/// A drug that fits a diagnosis. Quantity on a claim ≈ DailyQuantity × Days; Days null means "the whole stay"
/// for inpatient rows and a single in-clinic dose (1 day) for outpatient ones.
/// </summary>
public sealed record DiagnosisDrug(string Icd10, DrugEntry Drug, double Probability, double DailyQuantity, int? Days,
    CareSetting Setting, string? Notes);

/// <summary>A vitamin/supplement that fits a diagnosis; quantities as in <see cref="DiagnosisDrug"/>.</summary>
public sealed record DiagnosisVitamin(string Icd10, VitaminEntry Vitamin, double Probability, double DailyQuantity, int? Days,
    CareSetting Setting, string? Notes);

/// <summary>A lab test that fits a diagnosis, with its chance per claim.</summary>
public sealed record DiagnosisLab(string Icd10, LabTestEntry Lab, double Probability);

/// <summary>
/// What a diagnosis (ICD-10 category) usually looks like on a JKN claim. LOS are inclusive calendar days
/// (contract: 10–12 October is 3); outpatient-only diagnoses have LOS 1. FrequencyWeight is a relative
/// prevalence for sampling. InaCbgInpatient is a base group ("K-4-17"; severities I–III exist),
/// InaCbgOutpatient a full code ("Q-5-44-0").
/// </summary>
public sealed record DiagnosisProfile
{
    public required string Icd10 { get; init; }
    public required string NameId { get; init; }
    public required string NameEn { get; init; }
    public required ClinicalSeverity Severity { get; init; }
    public required CareSetting UsualCare { get; init; }
    /// <summary>Share of this diagnosis's claims that are inpatient (0 for outpatient-only, 1 for inpatient-only).</summary>
    public required double InpatientShare { get; init; }
    public required int LosMin { get; init; }
    public required int LosTypical { get; init; }
    public required int LosMax { get; init; }
    /// <summary>Null when either sex is possible.</summary>
    public required Sex? Sex { get; init; }
    public required int AgeMin { get; init; }
    public required int AgeMax { get; init; }
    public required double FrequencyWeight { get; init; }
    public required string InaCbgInpatient { get; init; }
    public required string InaCbgOutpatient { get; init; }
    public required string Chapter { get; init; }
    /// <summary>Specific ICD-10 codes to put on claims for this category (leaf codes, e.g. A09.0, A09.9).</summary>
    public required IReadOnlyList<string> CommonCodes { get; init; }
    public string? Notes { get; init; }

    public IReadOnlyList<DiagnosisProcedure> Procedures { get; init; } = [];
    public IReadOnlyList<DiagnosisDrug> Drugs { get; init; } = [];
    public IReadOnlyList<DiagnosisVitamin> Vitamins { get; init; } = [];
    public IReadOnlyList<DiagnosisLab> Labs { get; init; } = [];

    /// <summary>The inpatient INA-CBG code at severity 1–3 ("K-4-17" + 2 → "K-4-17-II").</summary>
    public string InaCbgInpatientCode(int severityLevel) =>
        severityLevel is >= 1 and <= 3
            ? $"{InaCbgInpatient}-{InaCbgCode.SeverityName(severityLevel)}"
            : throw new ArgumentOutOfRangeException(nameof(severityLevel), severityLevel, "Inpatient severity is 1 to 3.");

    public bool AllowsSex(Sex sex) => Sex is null || Sex == sex;

    public bool AllowsAge(int years) => years >= AgeMin && years <= AgeMax;
}

/// <summary>
/// A known-inappropriate combination: a diagnosis (ICD-10 prefix: category "J00" or dotted "E11.5") with a
/// procedure (ICD-9-CM code or prefix: "47.0" covers 47.0, 47.01, 47.09), a drug or a vitamin. Detail narrows
/// the item: a drug's form or a vitamin's dose (null = any). Rule is the contract rule code to raise.
/// The pair does not apply when the claim also carries a diagnosis starting with one of ExemptIfDiagnosis.
/// </summary>
public sealed record InappropriatePair(string Icd10Prefix, ItemKind Kind, string Item, string? Detail, string Rule,
    IReadOnlyList<string> ExemptIfDiagnosis, string ReasonId, string ReasonEn, string Source)
{
    /// <summary>Whether a claim diagnosis (any ICD-10 form) falls under <see cref="Icd10Prefix"/>.</summary>
    public bool AppliesToDiagnosis(string? icd10) =>
        MedicalCodes.NormalizeIcd10(icd10) is { } code && code.StartsWith(Icd10Prefix, StringComparison.Ordinal);

    /// <summary>Whether another diagnosis on the claim justifies the item.</summary>
    public bool IsExemptedBy(IEnumerable<string?> claimDiagnoses)
    {
        foreach (var d in claimDiagnoses)
        {
            if (MedicalCodes.NormalizeIcd10(d) is not { } code) continue;
            foreach (var prefix in ExemptIfDiagnosis)
            {
                if (code.StartsWith(prefix, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
