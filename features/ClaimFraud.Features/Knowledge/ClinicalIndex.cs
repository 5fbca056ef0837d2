using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Features.Knowledge;

/// <summary>
/// The reference catalogs re-shaped for feature extraction: frozen lookups keyed by canonical codes and names,
/// and caches from the strings claims actually carry. Built once per <see cref="ReferenceCatalog"/> and shared.
/// </summary>
internal sealed class ClinicalIndex
{
    private static readonly ConditionalWeakTable<ReferenceCatalog, ClinicalIndex> Built = new();

    private readonly ClinicalCatalog _clinical;
    private readonly FrozenDictionary<string, DxInfo> _dx;
    private readonly FrozenDictionary<string, CbgInfo> _cbg;
    private readonly FrozenSet<string> _majorProcedures;
    private readonly FrozenSet<string> _minorProcedures;
    private readonly GeneralProcedures _general;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _districts;
    private readonly LookupCache<string, ResolvedDx> _dxCache;
    private readonly LookupCache<string, ResolvedProcedure> _procedureCache;
    private readonly LookupCache<string, CbgInfo?> _cbgCache;
    private readonly LookupCache<(string Name, string? Form), ResolvedDrug> _drugCache;
    private readonly LookupCache<(string Name, string? Dose), ResolvedVitamin> _vitaminCache;

    public static ClinicalIndex For(ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Built.GetValue(catalog, static c => new ClinicalIndex(c));
    }

    private ClinicalIndex(ReferenceCatalog catalog)
    {
        _clinical = catalog.Clinical;
        var inaCbg = catalog.InaCbg;

        var cbg = new Dictionary<string, CbgInfo>(StringComparer.Ordinal);
        foreach (var g in inaCbg.Groups)
        {
            var cells = new long[60];
            for (int h = 0; h < 4; h++)
                for (int region = 1; region <= 5; region++)
                    for (int care = 1; care <= 3; care++)
                        cells[(h * 5 + region - 1) * 3 + care - 1] = inaCbg.Tariff(g.Code, (char)('A' + h), region, care) ?? 0;
            cbg[g.Code] = new CbgInfo(g, cells);
        }
        // Each inpatient group knows its severity siblings, to tell which level a claimed tariff belongs to.
        foreach (var info in cbg.Values)
            for (int s = 1; s <= 3; s++)
                info.Severities[s] = info.Severity >= 1 ? cbg.GetValueOrDefault($"{info.Group.BaseCode}-{InaCbgCode.SeverityName(s)}") : null;
        _cbg = cbg.ToFrozenDictionary(StringComparer.Ordinal);
        _general = GeneralProcedures.Load(catalog.Directory);

        var major = new HashSet<string>(StringComparer.Ordinal);
        var minor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in _clinical.Diagnoses.SelectMany(d => d.Procedures)) (p.IsMajor ? major : minor).Add(p.Icd9Cm);
        minor.ExceptWith(major);
        _majorProcedures = major.ToFrozenSet(StringComparer.Ordinal);
        _minorProcedures = minor.ToFrozenSet(StringComparer.Ordinal);

        _dx = _clinical.Diagnoses.ToFrozenDictionary(d => d.Icd10, d => BuildDx(d, _clinical, cbg), StringComparer.Ordinal);
        _districts = catalog.Areas.Districts.Select(d => d.CodeDigits).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        _dxCache = new(ResolveDx, StringComparer.Ordinal);
        _procedureCache = new(ResolveProcedure, StringComparer.Ordinal);
        _cbgCache = new(code => InaCbgCode.TryParse(code, out var parsed) ? _cbg.GetValueOrDefault(parsed.ToString()) : null, StringComparer.Ordinal);
        _drugCache = new(ResolveDrug);
        _vitaminCache = new(ResolveVitamin);
    }

    public ClinicalCatalog Clinical => _clinical;

    /// <summary>Procedures appropriate for any diagnosis (general_procedures.csv).</summary>
    public GeneralProcedures General => _general;

    public ResolvedDx Diagnosis(string icd10) => _dxCache.Get(icd10);

    public ResolvedProcedure Procedure(string icd9cm) => _procedureCache.Get(icd9cm);

    public CbgInfo? Cbg(string code) => _cbgCache.Get(code);

    public ResolvedDrug Drug(string name, string? form) => _drugCache.Get((name, form));

    public ResolvedVitamin Vitamin(string name, string? dose) => _vitaminCache.Get((name, dose));

    /// <summary>Whether a 6-digit Kemendagri district code exists (a NIK's first six digits).</summary>
    public bool DistrictExists(ReadOnlySpan<char> digits) => _districts.Contains(digits);

    /// <summary>Whether the procedure is general (appropriate whatever the diagnosis) for a claim with these diagnosis codes.</summary>
    public static bool IsGeneralFor(ResolvedProcedure procedure, ReadOnlySpan<string?> claimCodes) =>
        procedure.General is { } g && g.AppliesToAny(claimCodes);

    /// <summary>Whether a diagnosis lists the procedure (exactly, or the code one digit shorter for IM extensions such as 47.091).</summary>
    public static bool IsExpected(DxInfo dx, string procedureCode) =>
        dx.Procedures.Contains(procedureCode) || procedureCode.Length > 5 && dx.Procedures.Contains(procedureCode[..^1]);

    public static bool IsExpectedDrug(DxInfo dx, ResolvedDrug drug) => drug.Name is not null && dx.Drugs.Contains(drug.Name);

    /// <summary>A high-dose vitamin is relevant only when the diagnosis lists that very dose; others by name.</summary>
    public static bool IsRelevantVitamin(DxInfo dx, ResolvedVitamin v) =>
        v.Name is not null && dx.Vitamins.Contains(v.Name) && (!v.IsHighDose || dx.VitaminDoses.Contains(v.NameDose!));

    private ResolvedDx ResolveDx(string raw)
    {
        if (!MedicalCodes.TryParseIcd10(raw, out var code)) return new ResolvedDx(null, null);
        return new ResolvedDx(code.Code, _dx.GetValueOrDefault(code.Category));
    }

    private ResolvedProcedure ResolveProcedure(string raw)
    {
        if (!MedicalCodes.TryNormalizeIcd9Cm(raw, out var code)) return new ResolvedProcedure(null, false, null);
        var general = _general.Find(code);
        bool major;
        if (_majorProcedures.Contains(code)) major = true;
        else if (_minorProcedures.Contains(code) || general is not null) major = false;
        else
        {
            // Not in the knowledge base: ICD-9-CM chapters 01–86 are operations, 87–99 diagnostic and therapeutic procedures.
            major = code.Length >= 2 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && (code[0] - '0') * 10 + (code[1] - '0') is >= 1 and <= 86;
        }
        return new ResolvedProcedure(code, major, general);
    }

    private ResolvedDrug ResolveDrug((string Name, string? Form) key)
    {
        var forms = _clinical.FindDrugForms(key.Name);
        if (forms.Count == 0) return new ResolvedDrug(null, null, 0, 0, false);
        string name = forms[0].Name;
        string? form = string.IsNullOrWhiteSpace(key.Form) ? null : MedicalCodes.NormalizeForm(key.Form);
        var exact = form is null ? null : forms.FirstOrDefault(d => MedicalCodes.NormalizeForm(d.Form) == form);
        return exact is not null
            ? new ResolvedDrug(name, form, exact.UnitPriceMax, exact.MaxQuantityPerDay, exact.IsExpensive || exact.IsRestricted)
            : new ResolvedDrug(name, form, forms.Max(d => d.UnitPriceMax), forms.Max(d => d.MaxQuantityPerDay), forms.All(d => d.IsExpensive || d.IsRestricted));
    }

    private ResolvedVitamin ResolveVitamin((string Name, string? Dose) key)
    {
        var doses = _clinical.FindVitaminDoses(key.Name);
        if (doses.Count == 0) return new ResolvedVitamin(null, null, false);
        string name = doses[0].Name;
        string? dose = string.IsNullOrWhiteSpace(key.Dose) ? null : MedicalCodes.NormalizeDose(key.Dose);
        var exact = dose is null ? null : doses.FirstOrDefault(v => MedicalCodes.NormalizeDose(v.Dose) == dose);
        return new ResolvedVitamin(name, dose, exact?.IsHighDose ?? false);
    }

    private static DxInfo BuildDx(DiagnosisProfile d, ClinicalCatalog clinical, Dictionary<string, CbgInfo> cbg)
    {
        var pairs = clinical.InappropriatePairs
            .Where(p => p.Icd10Prefix.StartsWith(d.Icd10, StringComparison.Ordinal))
            .Select(p => new PairInfo(p, p.Item, p.Detail is null ? null : p.Kind == ItemKind.Drug ? MedicalCodes.NormalizeForm(p.Detail) : MedicalCodes.NormalizeDose(p.Detail)))
            .ToArray();
        return new DxInfo
        {
            Profile = d,
            Severity = d.Severity switch { ClinicalSeverity.Mild => 1, ClinicalSeverity.Moderate => 2, _ => 3 },
            ExpectedProcedures = d.Procedures.Sum(p => p.Probability * p.UsualCount),
            MaxJustifiedProcedures = d.Procedures.Sum(p => p.UsualCount),
            Procedures = d.Procedures.Select(p => p.Icd9Cm).ToFrozenSet(StringComparer.Ordinal),
            Drugs = d.Drugs.Select(x => x.Drug.Name).ToFrozenSet(StringComparer.Ordinal),
            DrugDays = d.Drugs.GroupBy(x => x.Drug.Name).ToFrozenDictionary(g => g.Key, g => g.Max(x => x.Days ?? 0), StringComparer.Ordinal),
            DrugUsual = d.Drugs.GroupBy(x => x.Drug.Name).ToFrozenDictionary(g => g.Key,
                g => (g.Max(x => x.DailyQuantity), g.Any(x => x.Days is null) ? (int?)null : g.Max(x => x.Days)), StringComparer.Ordinal),
            Vitamins = d.Vitamins.Select(x => x.Vitamin.Name).ToFrozenSet(StringComparer.Ordinal),
            VitaminDoses = d.Vitamins.Select(x => x.Vitamin.Name + "|" + MedicalCodes.NormalizeDose(x.Vitamin.Dose)).ToFrozenSet(StringComparer.Ordinal),
            Pairs = pairs,
            InpatientGroups = [null, .. Enumerable.Range(1, 3).Select(s => cbg.GetValueOrDefault($"{d.InaCbgInpatient}-{InaCbgCode.SeverityName(s)}"))],
            OutpatientGroup = cbg.GetValueOrDefault(d.InaCbgOutpatient),
        };
    }
}
