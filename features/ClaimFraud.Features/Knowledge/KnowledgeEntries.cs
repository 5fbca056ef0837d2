using System.Collections.Frozen;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Features.Knowledge;

/// <summary>An INA-CBG group with its 60 tariff cells (hospital class × region × care class).</summary>
internal sealed class CbgInfo(InaCbgGroup group, long[] cells)
{
    public InaCbgGroup Group { get; } = group;
    public string Code => Group.Code;
    public int Severity => Group.SeverityLevel;
    public int LosTypical => Group.LosTypical;

    /// <summary>The groups of the same base code at severity I..III (index 1..3; null when absent or for an outpatient group).</summary>
    public CbgInfo?[] Severities { get; } = new CbgInfo?[4];

    public long Tariff(int hospitalClass, int region, int careClass)
    {
        if (hospitalClass is < 0 or > 3 || region is < 1 or > 5 || careClass is < 1 or > 3) return 0;
        return cells[(hospitalClass * 5 + (region - 1)) * 3 + (careClass - 1)];
    }
}

/// <summary>A known-inappropriate pair, with its item and detail in lookup form.</summary>
internal sealed class PairInfo(InappropriatePair pair, string item, string? detail)
{
    public InappropriatePair Pair { get; } = pair;
    public ItemKind Kind => Pair.Kind;
    /// <summary>Procedure code prefix (dotted) or the catalog drug/vitamin name.</summary>
    public string Item { get; } = item;
    /// <summary>Normalised form (drugs) or dose (vitamins); null = any.</summary>
    public string? Detail { get; } = detail;
    public string Rule => Pair.Rule;
}

/// <summary>A diagnosis category of the knowledge base, pre-digested for the hot path.</summary>
internal sealed class DxInfo
{
    public required DiagnosisProfile Profile { get; init; }
    public string Category => Profile.Icd10;
    /// <summary>1 mild, 2 moderate, 3 severe.</summary>
    public required int Severity { get; init; }
    public bool OutpatientOnly => Profile.UsualCare == CareSetting.Outpatient;
    public int LosTypical => Profile.LosTypical;
    public int LosMax => Profile.LosMax;
    /// <summary>Σ probability × usual count over the expected procedures: how many a typical claim has.</summary>
    public required double ExpectedProcedures { get; init; }
    /// <summary>Σ usual count: the most procedures the knowledge base can justify for this diagnosis.</summary>
    public required int MaxJustifiedProcedures { get; init; }
    public required FrozenSet<string> Procedures { get; init; }
    public required FrozenSet<string> Drugs { get; init; }
    /// <summary>Longest supply in days the knowledge base lists per drug for this diagnosis (0 = "the whole stay").</summary>
    public required FrozenDictionary<string, int> DrugDays { get; init; }
    /// <summary>Usual daily quantity and listed course (null: the stay, or one day for a visit) per drug name; the largest over forms and settings.</summary>
    public required FrozenDictionary<string, (double Daily, int? Days)> DrugUsual { get; init; }
    public required FrozenSet<string> Vitamins { get; init; }
    /// <summary>"name|dose" of the vitamins listed at a specific dose.</summary>
    public required FrozenSet<string> VitaminDoses { get; init; }
    public required PairInfo[] Pairs { get; init; }
    /// <summary>The usual inpatient group at severity I..III (index 1..3; null when the catalog lacks it).</summary>
    public required CbgInfo?[] InpatientGroups { get; init; }
    public required CbgInfo? OutpatientGroup { get; init; }
}

/// <summary>A claim's ICD-10 as written, resolved: canonical dotted code (null if not ICD-10) and knowledge-base entry.</summary>
internal sealed record ResolvedDx(string? Code, DxInfo? Info);

/// <summary>
/// A claim's ICD-9-CM as written, resolved to the dotted code (null if not ICD-9-CM), whether it is a major/operative
/// procedure, and its general_procedures.csv row when it has one (general for the diagnoses that row names).
/// </summary>
internal sealed record ResolvedProcedure(string? Code, bool IsMajor, GeneralProcedure? General);

/// <summary>A claimed drug resolved against the catalog; limits are the claimed form's, or the most permissive over forms when the form is unknown.</summary>
internal sealed record ResolvedDrug(string? Name, string? Form, long PriceMax, double MaxPerDay, bool ExpensiveOrRestricted)
{
    public bool Known => Name is not null;
}

/// <summary>A claimed vitamin resolved against the catalog.</summary>
internal sealed record ResolvedVitamin(string? Name, string? Dose, bool IsHighDose)
{
    public bool Known => Name is not null;

    /// <summary>"name|dose", the key of <see cref="DxInfo.VitaminDoses"/>.</summary>
    public string? NameDose { get; } = Name is null ? null : Name + "|" + Dose;
}
