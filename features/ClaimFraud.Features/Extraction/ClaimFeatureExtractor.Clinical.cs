using System.Runtime.CompilerServices;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features.Knowledge;
using ClaimFraud.Features.Rules;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Extraction;

public sealed partial class ClaimFeatureExtractor
{
    /// <summary>An outpatient prescription is assumed to cover a week unless the knowledge base lists a longer supply (chronic refills: 30 days).</summary>
    internal const int OutpatientSupplyDays = 7;

    [InlineArray(MaxKnownDiagnoses)]
    internal struct DxBuffer { private DxInfo? _first; }

    /// <summary>The claim's diagnoses as resolved codes, for pair matching and exemptions.</summary>
    [InlineArray(MaxKnownDiagnoses)]
    internal struct CodeBuffer { private string? _first; }

    private void WriteClinical(Claim claim, Span<float> f, ref ClaimFacts facts)
    {
        var known = new DxBuffer();
        var codes = new CodeBuffer();
        int nKnown = 0, nCodes = 0;
        bool allKnown = claim.Diagnoses.Count > 0;
        DxInfo? primary = null;
        var primaryDiagnosis = claim.PrimaryDiagnosis;
        foreach (var d in claim.Diagnoses)
        {
            var r = _index.Diagnosis(d.Icd10);
            if (r.Code is not null && nCodes < MaxKnownDiagnoses) codes[nCodes++] = r.Code;
            if (r.Info is null) { allKnown = false; continue; }
            if (ReferenceEquals(d, primaryDiagnosis)) primary = r.Info;
            bool seen = false;
            for (int i = 0; i < nKnown; i++) if (ReferenceEquals(known[i], r.Info)) { seen = true; break; }
            if (!seen && nKnown < MaxKnownDiagnoses) known[nKnown++] = r.Info;
        }
        facts.AllDiagnosesKnown = allKnown;
        facts.AnyDiagnosisKnown = nKnown > 0;
        ReadOnlySpan<DxInfo?> dxs = known[..nKnown];
        ReadOnlySpan<string?> claimCodes = codes[..nCodes];

        int los = claim.LosDays;
        bool inpatient = claim.CareType == CareType.Inpatient;
        Set(f, F.DxSeverity, primary?.Severity ?? double.NaN);
        Set(f, F.LosVsExpected, primary is not null && inpatient ? (double)los / primary.LosTypical : double.NaN);
        int losMax = 0;
        foreach (var d in dxs) losMax = Math.Max(losMax, d!.LosMax);
        Set(f, F.LosOverMax, primary is null ? double.NaN : inpatient ? Math.Max(0, los - losMax) : 0);
        Set(f, F.InpatientForOutpatientDx, primary is null ? double.NaN : inpatient && primary.OutpatientOnly ? 1 : 0);
        Set(f, F.NumDiagnoses, claim.Diagnoses.Count);

        foreach (var d in dxs)
        {
            facts.ExpectedProcedures += d!.ExpectedProcedures;
            facts.MaxJustifiedProcedures += d.MaxJustifiedProcedures;
        }
        int typicalLos = primary?.LosTypical ?? (dxs.Length > 0 ? dxs[0]!.LosTypical : 1);
        facts.TypicalStays = Math.Max(1, (los + typicalLos - 1) / Math.Max(1, typicalLos));
        facts.JustifiedProceduresForStay = facts.MaxJustifiedProcedures * facts.TypicalStays;

        int pairs = Procedures(claim, dxs, claimCodes, f, ref facts);
        pairs += Drugs(claim, dxs, claimCodes, f, ref facts);
        pairs += Vitamins(claim, dxs, claimCodes, f, ref facts);
        Set(f, F.InappropriatePairCount, pairs);

        Costs(claim, primary, f, ref facts);
    }

    private int Procedures(Claim claim, ReadOnlySpan<DxInfo?> dxs, ReadOnlySpan<string?> claimCodes, Span<float> f, ref ClaimFacts facts)
    {
        int n = claim.Procedures.Count, major = 0, inappropriate = 0, majorMismatch = 0, pairs = 0, counted = 0;
        for (int i = 0; i < n; i++)
        {
            var rp = _index.Procedure(claim.Procedures[i].Icd9Cm);
            if (rp.IsMajor) major++;
            if (dxs.Length == 0) continue;
            bool expected = false;
            if (rp.Code is not null)
                foreach (var d in dxs) if (ClinicalIndex.IsExpected(d!, rp.Code)) { expected = true; break; }
            // A general procedure (ECG, chest x-ray, IV line, …) fits any diagnosis it is general for, and a known pair
            // cannot make it a mismatch there (93.94 is general for respiratory diagnoses, a mismatch for I10 alone).
            if (ClinicalIndex.IsGeneralFor(rp, claimCodes))
            {
                if (expected || RepeatsBefore(claim, i, rp.Code) >= facts.TypicalStays) counted++;
                continue;
            }
            counted++;
            if (!expected)
            {
                inappropriate++;
                if (rp.IsMajor) majorMismatch++;
            }
            if (rp.Code is not null)
                pairs += CountPairs(dxs, claimCodes, ItemKind.Procedure, rp.Code, null, ref facts);
        }
        facts.InappropriateProcedures = inappropriate;
        facts.CountedProcedures = counted;
        Set(f, F.NumMajorProcedures, major);
        Set(f, F.TindakanValidityScore, n == 0 ? 1 : dxs.Length == 0 ? double.NaN : (double)(n - inappropriate) / n);
        Set(f, F.MajorProcedureMismatchCount, dxs.Length == 0 ? double.NaN : majorMismatch);
        Set(f, F.ProceduresVsTypical, dxs.Length == 0 ? double.NaN : n / Math.Max(1.0, facts.ExpectedProcedures));
        return pairs;
    }

    /// <summary>How many procedures before position <paramref name="index"/> carry the same code.</summary>
    private int RepeatsBefore(Claim claim, int index, string? code)
    {
        int repeats = 0;
        for (int j = 0; j < index; j++) if (_index.Procedure(claim.Procedures[j].Icd9Cm).Code == code) repeats++;
        return repeats;
    }

    private int Drugs(Claim claim, ReadOnlySpan<DxInfo?> dxs, ReadOnlySpan<string?> claimCodes, Span<float> f, ref ClaimFacts facts)
    {
        int los = claim.LosDays;
        bool inpatient = claim.CareType == CareType.Inpatient;
        int known = 0, expectedCount = 0, pairs = 0;
        double cost = 0, maxQtyRatio = double.NaN, maxPriceRatio = double.NaN, maxVsUsual = double.NaN;
        foreach (var m in claim.Medications)
        {
            cost += m.Quantity * m.UnitPrice;
            var rd = _index.Drug(m.Name, m.Form);
            if (!rd.Known) continue;
            known++;
            bool expected = false;
            int listedDays = 0;
            double usual = 0;
            foreach (var d in dxs)
            {
                if (!ClinicalIndex.IsExpectedDrug(d!, rd)) continue;
                expected = true;
                listedDays = Math.Max(listedDays, d!.DrugDays.GetValueOrDefault(rd.Name!));
                if (d.DrugUsual.TryGetValue(rd.Name!, out var u))
                {
                    int days = u.Days is { } course ? (inpatient ? Math.Min(course, los + 3) : course) : inpatient ? los : 1;
                    usual = Math.Max(usual, u.Daily * days);
                }
            }
            if (usual > 0 && !(m.Quantity / usual <= maxVsUsual)) maxVsUsual = m.Quantity / usual;
            if (expected) expectedCount++;
            else if (dxs.Length > 0 && rd.ExpensiveOrRestricted) facts.RestrictedDrugsNotIndicated++;

            int supplyDays = Math.Max(inpatient ? los : OutpatientSupplyDays, listedDays);
            double qtyRatio = m.Quantity / supplyDays / rd.MaxPerDay;
            double priceRatio = (double)m.UnitPrice / rd.PriceMax;
            if (!(qtyRatio <= maxQtyRatio)) maxQtyRatio = qtyRatio;
            if (!(priceRatio <= maxPriceRatio)) maxPriceRatio = priceRatio;
            pairs += CountPairs(dxs, claimCodes, ItemKind.Drug, rd.Name!, rd.Form, ref facts);
        }
        int count = claim.Medications.Count;
        double tariff = claim.HospitalTariff;
        Set(f, F.ObatValidityScore, count == 0 ? 1 : known == 0 || dxs.Length == 0 ? double.NaN : (double)expectedCount / known);
        Set(f, F.DrugCostTotal, cost);
        Set(f, F.DrugCostShare, tariff > 0 ? cost / tariff : double.NaN);
        Set(f, F.DrugCostPerDay, cost / los);
        Set(f, F.MaxDrugQtyPerDayRatio, maxQtyRatio);
        Set(f, F.MaxDrugPriceRatio, maxPriceRatio);
        Set(f, F.MaxDrugQtyVsUsual, maxVsUsual);
        return pairs;
    }

    private int Vitamins(Claim claim, ReadOnlySpan<DxInfo?> dxs, ReadOnlySpan<string?> claimCodes, Span<float> f, ref ClaimFacts facts)
    {
        int known = 0, relevantCount = 0, pairs = 0;
        double cost = 0;
        foreach (var v in claim.Vitamins)
        {
            cost += v.Quantity * v.UnitPrice;
            var rv = _index.Vitamin(v.Name, v.Dose);
            if (!rv.Known) continue;
            known++;
            bool relevant = false;
            foreach (var d in dxs) if (ClinicalIndex.IsRelevantVitamin(d!, rv)) { relevant = true; break; }
            if (relevant) relevantCount++;
            else if (dxs.Length > 0 && rv.IsHighDose) facts.HighDoseVitaminsIrrelevant++;
            pairs += CountPairs(dxs, claimCodes, ItemKind.Vitamin, rv.Name!, rv.Dose, ref facts);
        }
        int count = claim.Vitamins.Count;
        Set(f, F.VitaminRelevanceScore, count == 0 ? 1 : known == 0 || dxs.Length == 0 ? double.NaN : (double)relevantCount / known);
        Set(f, F.VitaminCostTotal, cost);
        return pairs;
    }

    /// <summary>Known-inappropriate pairs an item forms with the claim's diagnoses, not excused by another diagnosis; tallied per rule.</summary>
    private static int CountPairs(ReadOnlySpan<DxInfo?> dxs, ReadOnlySpan<string?> claimCodes, ItemKind kind, string item, string? detail, ref ClaimFacts facts)
    {
        int hits = 0;
        foreach (var d in dxs)
        {
            foreach (var pair in d!.Pairs)
            {
                if (!Raises(pair, kind, item, detail, claimCodes)) continue;
                hits++;
                switch (RuleFor(pair))
                {
                    case RuleCodes.MedicalUpcodingSuspicion: facts.UpcodingPairs++; break;
                    case RuleCodes.ClinicalProcedureMismatch: facts.ProcedurePairs++; break;
                    case RuleCodes.ClinicalDrugMismatch: facts.DrugPairs++; break;
                    default: facts.VitaminPairs++; break;
                }
            }
        }
        return hits;
    }

    /// <summary>Whether a diagnosis's known pair is about this item and counts for this claim (not excused by another diagnosis).</summary>
    internal static bool Raises(PairInfo pair, ItemKind kind, string item, string? detail, ReadOnlySpan<string?> claimCodes) =>
        pair.Kind == kind && Matches(pair, item, detail) && AppliesTo(pair, claimCodes) && !IsExempt(pair, claimCodes);

    /// <summary>The rule a pair raises: its own when that is one of the four pair rules, else the rule for its kind of item.</summary>
    internal static string RuleFor(PairInfo pair) => pair.Rule switch
    {
        RuleCodes.MedicalUpcodingSuspicion or RuleCodes.ClinicalProcedureMismatch or RuleCodes.ClinicalDrugMismatch or RuleCodes.VitaminIrrelevant => pair.Rule,
        _ => pair.Kind switch
        {
            ItemKind.Procedure => RuleCodes.ClinicalProcedureMismatch,
            ItemKind.Drug => RuleCodes.ClinicalDrugMismatch,
            _ => RuleCodes.VitaminIrrelevant,
        },
    };

    internal static bool Matches(PairInfo pair, string item, string? detail) => pair.Kind == ItemKind.Procedure
        ? Icd9CmPrefix.Matches(pair.Item, item)
        : pair.Item == item && (pair.Detail is null || pair.Detail == detail);

    /// <summary>The pair's diagnosis prefix may be more specific than the category ("E11.5").</summary>
    internal static bool AppliesTo(PairInfo pair, ReadOnlySpan<string?> claimCodes)
    {
        foreach (var c in claimCodes) if (c!.StartsWith(pair.Pair.Icd10Prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    internal static bool IsExempt(PairInfo pair, ReadOnlySpan<string?> claimCodes)
    {
        foreach (var prefix in pair.Pair.ExemptIfDiagnosis)
            foreach (var c in claimCodes)
                if (c!.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Tariff features measured against what the claimed group costs in the catalog and against what the diagnosis's
    /// usual group would cost, at the claim's own price level (so a generator or region whose tariffs differ from the
    /// catalog's approximations by a constant factor reads the same).
    /// </summary>
    private void Costs(Claim claim, DxInfo? primary, Span<float> f, ref ClaimFacts facts)
    {
        int los = claim.LosDays;
        bool inpatient = claim.CareType == CareType.Inpatient;
        int hc = (int)claim.Hospital.Class, region = claim.Hospital.TariffRegion, care = claim.CareClass;
        var claimed = _index.Cbg(claim.InaCbg.Code);
        double catalogTariff = claimed?.Tariff(hc, region, care) ?? 0;
        double claimedTariff = claim.InaCbg.Tariff;
        // Kept out of the vector: the catalog's tariffs are approximations and every hospital prices by its own table
        // (year, region), so this ratio mostly names the hospital. The rules read it; the model reads it relative to the
        // hospital's usual level (cbg_tariff_vs_hospital_level).
        facts.CbgTariffVsCatalog = catalogTariff > 0 && claimedTariff > 0 ? claimedTariff / catalogTariff : double.NaN;
        facts.ClaimedGroup = claimed;

        Set(f, F.LosVsGroupTypical, inpatient && claimed is { Severity: >= 1, LosTypical: > 0 } ? (double)los / claimed.LosTypical : double.NaN);

        int severity = Text.MedicalCode.InaCbgSeverity(claim.InaCbg.Code);
        Set(f, F.CbgSeverityVsDx, inpatient && severity >= 1 && primary is not null ? severity - primary.Severity : double.NaN);

        var dxGroup = primary is null ? null : inpatient ? primary.InpatientGroups[Math.Max(1, severity)] : primary.OutpatientGroup;
        double dxTariff = dxGroup?.Tariff(hc, region, care) ?? 0;
        double expected =
            catalogTariff > 0 && dxTariff > 0 ? (claimedTariff > 0 ? claimedTariff * dxTariff / catalogTariff : dxTariff)
            : claimedTariff > 0 ? claimedTariff
            : catalogTariff > 0 ? catalogTariff
            : dxTariff > 0 ? dxTariff
            : double.NaN;
        double tariff = claim.HospitalTariff;
        Set(f, F.BiayaAnomalyScore, Math.Log(Math.Max(tariff, 1) / expected));

        int expectedLos = !inpatient ? 1 : dxGroup?.LosTypical ?? primary?.LosTypical ?? claimed?.LosTypical ?? los;
        double expectedPerDay = expected / Math.Max(1, Math.Min(los, expectedLos));
        Set(f, F.TariffPerDayVsExpected, tariff / los / expectedPerDay);
    }

    /// <summary>los_vs_expected for the history's hospital comparisons.</summary>
    internal double LosVsExpected(Claim claim)
    {
        if (claim.CareType != CareType.Inpatient || claim.PrimaryDiagnosis is not { } p) return double.NaN;
        return _index.Diagnosis(p.Icd10).Info is { } dx ? (double)claim.LosDays / dx.LosTypical : double.NaN;
    }
}
