using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features.Knowledge;
using ClaimFraud.Features.Rules;

namespace ClaimFraud.Features.Extraction;

/// <summary>
/// Which items of a claim a clinical finding is about, for messages and suspicious_sections. Runs only for rules
/// that fired, so it may allocate; its conditions mirror the extractor's counts.
/// </summary>
internal sealed class ClaimItems
{
    private readonly ClinicalIndex _index;
    private readonly Claim _claim;
    private readonly List<DxInfo> _known = [];
    private readonly string[] _codes;

    public ClaimItems(ClinicalIndex index, Claim claim)
    {
        _index = index;
        _claim = claim;
        var primary = claim.PrimaryDiagnosis;
        var diagnoses = claim.Diagnoses;
        var codes = new List<string>(diagnoses.Count);
        bool allKnown = diagnoses.Count > 0;
        for (int i = 0; i < diagnoses.Count; i++)
        {
            var d = diagnoses[i];
            var r = index.Diagnosis(d.Icd10);
            if (r.Code is not null && codes.Count < ClaimFeatureExtractor.MaxKnownDiagnoses) codes.Add(r.Code);
            if (r.Info is null)
            {
                allKnown = false;
                continue;
            }
            if (ReferenceEquals(d, primary)) Primary = r.Info;
            if (!_known.Contains(r.Info) && _known.Count < ClaimFeatureExtractor.MaxKnownDiagnoses) _known.Add(r.Info);
        }
        _codes = [.. codes];
        AllKnown = allKnown;
    }

    public DxInfo? Primary { get; }

    public bool AllKnown { get; }

    public IReadOnlyList<DxInfo> Known => _known;

    /// <summary>"J00 Nasofaringitis akut …" in the message language, or the code as claimed when unknown.</summary>
    public string PrimaryLabel(RuleLanguage language)
    {
        // Most clinical findings name the primary diagnosis; one claim's findings share the label.
        if (language == _labelLanguage && _label is { } label) return label;
        string code = _claim.PrimaryDiagnosis?.Icd10.Trim() ?? "?";
        label = Primary is null ? code : $"{code} {(language == RuleLanguage.Indonesian ? Primary.Profile.NameId : Primary.Profile.NameEn)}";
        (_label, _labelLanguage) = (label, language);
        return label;
    }

    private string? _label;
    private RuleLanguage _labelLanguage;

    /// <summary>Procedures no known diagnosis lists and that are not general for the claim's diagnoses.</summary>
    public List<Procedure> UnexpectedProcedures()
    {
        var list = new List<Procedure>();
        if (_known.Count == 0) return list;
        foreach (var p in Lookups.Procedures)
            if (!p.General && !p.Expected) list.Add(p.Procedure);
        return list;
    }

    /// <summary>Procedures in a known upcoding pair, and (for a mild primary diagnosis with all diagnoses known) unexpected major procedures.</summary>
    public List<Procedure> UpcodingProcedures()
    {
        bool mild = Primary?.Severity == 1 && AllKnown;
        var list = new List<Procedure>();
        foreach (var p in Lookups.Procedures)
        {
            if (p.Resolved.Code is null || p.General) continue;
            if (HasRule(p.Pairs, RuleCodes.MedicalUpcodingSuspicion) || mild && p.Resolved.IsMajor && !p.Expected) list.Add(p.Procedure);
        }
        return list;
    }

    /// <summary>Procedures in a known CLINICAL_PROCEDURE_MISMATCH pair, then the other unexpected ones.</summary>
    public List<Procedure> MismatchedProcedures()
    {
        var paired = new List<Procedure>();
        foreach (var p in Lookups.Procedures)
            if (HasRule(p.Pairs, RuleCodes.ClinicalProcedureMismatch)) paired.Add(p.Procedure);
        return paired.Concat(UnexpectedProcedures()).Distinct().ToList();
    }

    /// <summary>The first known pair for <paramref name="rule"/> among the claim's items (procedures, then drugs, then vitamins), or null.</summary>
    public InappropriatePair? FirstPair(string rule)
    {
        var lookups = Lookups;
        foreach (var p in lookups.Procedures)
            if (FirstFor(p.Pairs, rule) is { } pair) return pair.Pair;
        foreach (var d in lookups.Drugs)
            if (FirstFor(d.Pairs, rule) is { } pair) return pair.Pair;
        foreach (var v in lookups.Vitamins)
            if (FirstFor(v.Pairs, rule) is { } pair) return pair.Pair;
        return null;
    }

    /// <summary>Drugs in a known mismatch pair, and (all diagnoses known) expensive or restricted drugs not expected for any diagnosis.</summary>
    public List<Medication> MismatchedDrugs()
    {
        var list = new List<Medication>();
        foreach (var d in Lookups.Drugs)
        {
            if (!d.Resolved.Known) continue;
            if (HasRule(d.Pairs, RuleCodes.ClinicalDrugMismatch)
                || AllKnown && d.Resolved.ExpensiveOrRestricted && !_known.Any(x => ClinicalIndex.IsExpectedDrug(x, d.Resolved)))
                list.Add(d.Medication);
        }
        return list;
    }

    public List<Vitamin> IrrelevantVitamins()
    {
        var list = new List<Vitamin>();
        foreach (var v in Lookups.Vitamins)
        {
            if (!v.Resolved.Known) continue;
            if (HasRule(v.Pairs, RuleCodes.VitaminIrrelevant)
                || AllKnown && v.Resolved.IsHighDose && !_known.Any(x => ClinicalIndex.IsRelevantVitamin(x, v.Resolved)))
                list.Add(v.Vitamin);
        }
        return list;
    }

    /// <summary>Each known drug with its quantity per supply day over the catalog maximum and its price over the catalog maximum.</summary>
    public List<(Medication Medication, int SupplyDays, double MaxPerDay, double QuantityRatio, long PriceMax, double PriceRatio)> DrugLimits()
    {
        var list = new List<(Medication, int, double, double, long, double)>();
        int los = _claim.LosDays;
        bool inpatient = _claim.CareType == CareType.Inpatient;
        foreach (var (m, d, _) in Lookups.Drugs)
        {
            if (!d.Known) continue;
            int listed = 0;
            foreach (var x in _known)
                if (ClinicalIndex.IsExpectedDrug(x, d)) listed = Math.Max(listed, x.DrugDays.GetValueOrDefault(d.Name!));
            int supply = Math.Max(inpatient ? los : ClaimFeatureExtractor.OutpatientSupplyDays, listed);
            list.Add((m, supply, d.MaxPerDay, m.Quantity / supply / d.MaxPerDay, d.PriceMax, (double)m.UnitPrice / d.PriceMax));
        }
        return list;
    }

    private static bool HasRule(List<PairInfo> pairs, string rule) => FirstFor(pairs, rule) is not null;

    private static PairInfo? FirstFor(List<PairInfo> pairs, string rule)
    {
        foreach (var pair in pairs)
            if (ClaimFeatureExtractor.RuleFor(pair) == rule) return pair;
        return null;
    }

    // Every item resolved in the knowledge base once, with the known pairs that match it (in diagnosis order), so the
    // several findings about one claim do not look the same items up again.
    private ItemLookups? _lookups;

    private ItemLookups Lookups => _lookups ??= Resolve();

    private ItemLookups Resolve()
    {
        var procedures = new List<ProcedureLookup>(_claim.Procedures.Count);
        foreach (var p in _claim.Procedures)
        {
            var rp = _index.Procedure(p.Icd9Cm);
            bool general = ClinicalIndex.IsGeneralFor(rp, _codes);
            bool expected = false;
            if (rp.Code is { } code)
                foreach (var d in _known) if (ClinicalIndex.IsExpected(d, code)) { expected = true; break; }
            procedures.Add(new(p, rp, general, expected, !general && rp.Code is not null ? MatchingPairs(ItemKind.Procedure, rp.Code, null) : []));
        }
        var drugs = new List<(Medication, ResolvedDrug, List<PairInfo>)>(_claim.Medications.Count);
        foreach (var m in _claim.Medications)
        {
            var d = _index.Drug(m.Name, m.Form);
            drugs.Add((m, d, d.Known ? MatchingPairs(ItemKind.Drug, d.Name!, d.Form) : []));
        }
        var vitamins = new List<(Vitamin, ResolvedVitamin, List<PairInfo>)>(_claim.Vitamins.Count);
        foreach (var v in _claim.Vitamins)
        {
            var rv = _index.Vitamin(v.Name, v.Dose);
            vitamins.Add((v, rv, rv.Known ? MatchingPairs(ItemKind.Vitamin, rv.Name!, rv.Dose) : []));
        }
        return new ItemLookups(procedures, drugs, vitamins);
    }

    private List<PairInfo> MatchingPairs(ItemKind kind, string item, string? detail)
    {
        var list = new List<PairInfo>();
        foreach (var d in _known)
            foreach (var pair in d.Pairs)
                if (ClaimFeatureExtractor.Raises(pair, kind, item, detail, _codes)) list.Add(pair);
        return list;
    }

    private sealed record ProcedureLookup(Procedure Procedure, ResolvedProcedure Resolved, bool General, bool Expected, List<PairInfo> Pairs);

    private sealed record ItemLookups(
        List<ProcedureLookup> Procedures,
        List<(Medication Medication, ResolvedDrug Resolved, List<PairInfo> Pairs)> Drugs,
        List<(Vitamin Vitamin, ResolvedVitamin Resolved, List<PairInfo> Pairs)> Vitamins);
}
