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
        var codes = new List<string>();
        foreach (var d in claim.Diagnoses)
        {
            var r = index.Diagnosis(d.Icd10);
            if (r.Code is not null && codes.Count < ClaimFeatureExtractor.MaxKnownDiagnoses) codes.Add(r.Code);
            if (r.Info is null) continue;
            if (ReferenceEquals(d, primary)) Primary = r.Info;
            if (!_known.Contains(r.Info) && _known.Count < ClaimFeatureExtractor.MaxKnownDiagnoses) _known.Add(r.Info);
        }
        _codes = [.. codes];
        AllKnown = claim.Diagnoses.Count > 0 && claim.Diagnoses.All(d => index.Diagnosis(d.Icd10).Info is not null);
    }

    public DxInfo? Primary { get; }

    public bool AllKnown { get; }

    public IReadOnlyList<DxInfo> Known => _known;

    /// <summary>"J00 Nasofaringitis akut …" in the message language, or the code as claimed when unknown.</summary>
    public string PrimaryLabel(RuleLanguage language)
    {
        string code = _claim.PrimaryDiagnosis?.Icd10.Trim() ?? "?";
        return Primary is null ? code : $"{code} {(language == RuleLanguage.Indonesian ? Primary.Profile.NameId : Primary.Profile.NameEn)}";
    }

    /// <summary>Procedures no known diagnosis lists and that are not general for the claim's diagnoses.</summary>
    public List<Procedure> UnexpectedProcedures() =>
        _claim.Procedures.Where(p => _known.Count > 0 && !IsGeneral(p) && !IsExpected(p)).ToList();

    /// <summary>Procedures in a known upcoding pair, and (for a mild primary diagnosis with all diagnoses known) unexpected major procedures.</summary>
    public List<Procedure> UpcodingProcedures()
    {
        bool mild = Primary?.Severity == 1 && AllKnown;
        return _claim.Procedures.Where(p =>
        {
            var rp = _index.Procedure(p.Icd9Cm);
            if (rp.Code is null || ClinicalIndex.IsGeneralFor(rp, _codes)) return false;
            if (PairRules(ItemKind.Procedure, rp.Code, null).Contains(RuleCodes.MedicalUpcodingSuspicion)) return true;
            return mild && rp.IsMajor && !IsExpected(p);
        }).ToList();
    }

    /// <summary>Procedures in a known CLINICAL_PROCEDURE_MISMATCH pair, then the other unexpected ones.</summary>
    public List<Procedure> MismatchedProcedures()
    {
        var paired = _claim.Procedures.Where(p => !IsGeneral(p) && _index.Procedure(p.Icd9Cm).Code is { } code
            && PairRules(ItemKind.Procedure, code, null).Contains(RuleCodes.ClinicalProcedureMismatch));
        return paired.Concat(UnexpectedProcedures()).Distinct().ToList();
    }

    public IEnumerable<(InappropriatePair Pair, string Item)> Pairs(string rule)
    {
        foreach (var p in _claim.Procedures)
            if (!IsGeneral(p) && _index.Procedure(p.Icd9Cm).Code is { } code)
                foreach (var pair in MatchingPairs(ItemKind.Procedure, code, null))
                    if (ClaimFeatureExtractor.RuleFor(pair) == rule) yield return (pair.Pair, p.Icd9Cm.Trim());
        foreach (var m in _claim.Medications)
            if (_index.Drug(m.Name, m.Form) is { Known: true } d)
                foreach (var pair in MatchingPairs(ItemKind.Drug, d.Name!, d.Form))
                    if (ClaimFeatureExtractor.RuleFor(pair) == rule) yield return (pair.Pair, m.Name.Trim());
        foreach (var v in _claim.Vitamins)
            if (_index.Vitamin(v.Name, v.Dose) is { Known: true } rv)
                foreach (var pair in MatchingPairs(ItemKind.Vitamin, rv.Name!, rv.Dose))
                    if (ClaimFeatureExtractor.RuleFor(pair) == rule) yield return (pair.Pair, v.Name.Trim());
    }

    /// <summary>Drugs in a known mismatch pair, and (all diagnoses known) expensive or restricted drugs not expected for any diagnosis.</summary>
    public List<Medication> MismatchedDrugs() => _claim.Medications.Where(m =>
    {
        var d = _index.Drug(m.Name, m.Form);
        if (!d.Known) return false;
        if (PairRules(ItemKind.Drug, d.Name!, d.Form).Contains(RuleCodes.ClinicalDrugMismatch)) return true;
        return AllKnown && d.ExpensiveOrRestricted && !_known.Any(x => ClinicalIndex.IsExpectedDrug(x, d));
    }).ToList();

    public List<Vitamin> IrrelevantVitamins() => _claim.Vitamins.Where(v =>
    {
        var rv = _index.Vitamin(v.Name, v.Dose);
        if (!rv.Known) return false;
        if (PairRules(ItemKind.Vitamin, rv.Name!, rv.Dose).Contains(RuleCodes.VitaminIrrelevant)) return true;
        return AllKnown && rv.IsHighDose && !_known.Any(x => ClinicalIndex.IsRelevantVitamin(x, rv));
    }).ToList();

    /// <summary>Each known drug with its quantity per supply day over the catalog maximum and its price over the catalog maximum.</summary>
    public List<(Medication Medication, int SupplyDays, double MaxPerDay, double QuantityRatio, long PriceMax, double PriceRatio)> DrugLimits()
    {
        var list = new List<(Medication, int, double, double, long, double)>();
        int los = _claim.LosDays;
        bool inpatient = _claim.CareType == CareType.Inpatient;
        foreach (var m in _claim.Medications)
        {
            var d = _index.Drug(m.Name, m.Form);
            if (!d.Known) continue;
            int listed = _known.Where(x => ClinicalIndex.IsExpectedDrug(x, d)).Select(x => x.DrugDays.GetValueOrDefault(d.Name!)).DefaultIfEmpty(0).Max();
            int supply = Math.Max(inpatient ? los : ClaimFeatureExtractor.OutpatientSupplyDays, listed);
            list.Add((m, supply, d.MaxPerDay, m.Quantity / supply / d.MaxPerDay, d.PriceMax, (double)m.UnitPrice / d.PriceMax));
        }
        return list;
    }

    private bool IsGeneral(Procedure p) => ClinicalIndex.IsGeneralFor(_index.Procedure(p.Icd9Cm), _codes);

    private bool IsExpected(Procedure p) =>
        _index.Procedure(p.Icd9Cm).Code is { } code && _known.Any(d => ClinicalIndex.IsExpected(d, code));

    private IEnumerable<string> PairRules(ItemKind kind, string item, string? detail) =>
        MatchingPairs(kind, item, detail).Select(ClaimFeatureExtractor.RuleFor);

    private IEnumerable<PairInfo> MatchingPairs(ItemKind kind, string item, string? detail)
    {
        var codes = _codes;
        return _known.SelectMany(d => d.Pairs).Where(pair => pair.Kind == kind
            && ClaimFeatureExtractor.Matches(pair, item, detail)
            && ClaimFeatureExtractor.AppliesTo(pair, codes)
            && !ClaimFeatureExtractor.IsExempt(pair, codes));
    }
}
