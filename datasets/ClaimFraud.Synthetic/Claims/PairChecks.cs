using ClaimFraud.Domain.Reference;
using ClaimFraud.Synthetic.Knowledge;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>
/// Whether an item would form a known-inappropriate pair (inappropriate_pairs.csv) with a claim's diagnoses, honouring
/// the pairs' exemptions. Legitimate additions must never do so: the pairs are the catalog's definition of misuse.
/// </summary>
internal sealed class PairChecks(GeneratorKnowledge k)
{
    private readonly ClinicalCatalog _clinical = k.Catalog.Clinical;
    // Only items named in some pair need the (allocating) catalog lookup.
    private readonly HashSet<string> _procedures = k.ProcedureMisuses.SelectMany(m => m.Codes).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _drugs = k.Catalog.Clinical.InappropriatePairs.Where(p => p.Kind == ItemKind.Drug).Select(p => p.Item).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _vitamins = k.Catalog.Clinical.InappropriatePairs.Where(p => p.Kind == ItemKind.Vitamin).Select(p => p.Item).ToHashSet(StringComparer.Ordinal);

    public bool Procedure(ClaimDraft d, string code)
    {
        if (!_procedures.Contains(code)) return false;
        var codes = Codes(d);
        foreach (var dx in codes)
            foreach (var pair in _clinical.FindInappropriateProcedure(dx, code))
                if (!pair.IsExemptedBy(codes)) return true;
        return false;
    }

    public bool Drug(ClaimDraft d, DrugEntry drug)
    {
        if (!_drugs.Contains(drug.Name)) return false;
        var codes = Codes(d);
        foreach (var dx in codes)
            foreach (var pair in _clinical.FindInappropriateDrug(dx, drug.Name, drug.Form))
                if (!pair.IsExemptedBy(codes)) return true;
        return false;
    }

    public bool Vitamin(ClaimDraft d, VitaminEntry vitamin)
    {
        if (!_vitamins.Contains(vitamin.Name)) return false;
        var codes = Codes(d);
        foreach (var dx in codes)
            foreach (var pair in _clinical.FindInappropriateVitamin(dx, vitamin.Name, vitamin.Dose))
                if (!pair.IsExemptedBy(codes)) return true;
        return false;
    }

    private static List<string> Codes(ClaimDraft d)
    {
        var codes = new List<string>(1 + d.SecondaryCodes.Count) { d.DiagnosisCode };
        codes.AddRange(d.SecondaryCodes);
        return codes;
    }
}
