using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Extraction;
using static ClaimFraud.Features.Rules.MessageFormat;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Rules;

/// <summary>Rules that compare what was done with what the diagnoses call for (clinical knowledge base).</summary>
internal static class ClinicalRules
{
    private static bool Id(RuleLanguage l) => l == RuleLanguage.Indonesian;

    public static IEnumerable<Rule> All =>
    [
        new(new(RuleCodes.LosExtendedStay, RuleSeverity.Medium, 15, ClaimSection.Admission,
                "Lama rawat melebihi batas wajar diagnosis", "Length of stay beyond the diagnosis's usual maximum",
                "inpatient los_days above the largest los_max of the claim's known diagnoses (J00, usually outpatient: max 1 day); complicated stays get more room: × 1.25 at INA-CBG severity II, × 1.5 at III"),
            static (in RuleInput r) => r[F.LosOverMax] > 0 && r[F.LosDays] > AllowedLos(r),
            static (in RuleInput r, RuleLanguage l) =>
            {
                var items = r.Items;
                var p = items.Primary!.Profile;
                int los = r.Claim.LosDays, max = AllowedLos(r);
                string outpatient = items.Primary.OutpatientOnly ? (Id(l) ? "; diagnosis ini biasanya cukup rawat jalan" : "; this diagnosis is usually treated as outpatient") : "";
                return new(Id(l)
                    ? $"Lama rawat {los} hari untuk {items.PrimaryLabel(l)}; biasanya {Range(p.LosMin, max)} hari{outpatient}"
                    : $"Stay of {los} days for {items.PrimaryLabel(l)}; usually {Range(p.LosMin, max)} days{outpatient}",
                    [r.Claim.PrimaryDiagnosis!.Icd10.Trim()]);
            }),

        new(new(RuleCodes.MedicalUpcodingSuspicion, RuleSeverity.Medium, 25, ClaimSection.Procedures,
                "Diagnosis ringan dengan prosedur berat yang tidak relevan", "Mild diagnosis with an unrelated major procedure",
                "a known-inappropriate (diagnosis, procedure) pair (J00→47.0x, L03→36.1x, …), or a major operative procedure not expected for any diagnosis when the primary diagnosis is mild and all diagnoses are known"),
            static (in RuleInput r) => r.Facts.UpcodingPairs > 0
                || r[F.DxSeverity] == 1 && r.Facts.AllDiagnosesKnown && r[F.MajorProcedureMismatchCount] >= 1,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var items = r.Items;
                var codes = DocumentRules.Distinct(items.UpcodingProcedures().Select(p => p.Icd9Cm.Trim()));
                return new(Id(l)
                    ? $"Diagnosis {SeverityWord(items, l)} {items.PrimaryLabel(l)} dengan prosedur berat yang tidak relevan: {string.Join(", ", codes)}"
                    : $"{Capitalised(SeverityWord(items, l))} diagnosis {items.PrimaryLabel(l)} with unrelated major procedures: {string.Join(", ", codes)}", codes);
            }),

        new(new(RuleCodes.ClinicalProcedureMismatch, RuleSeverity.Medium, 15, ClaimSection.Procedures,
                "Tindakan tidak sesuai dengan diagnosis", "Procedures do not fit the diagnoses",
                "a known-inappropriate procedure pair, or (all diagnoses known) at least 2 procedures not expected and tindakan_validity_score ≤ 0.5"),
            static (in RuleInput r) => r.Facts.ProcedurePairs > 0
                || r.Facts.AllDiagnosesKnown && r.Facts.InappropriateProcedures >= 2 && r[F.TindakanValidityScore] <= (float)RuleThresholds.ProcedureValidityMaximum,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var items = r.Items;
                var codes = DocumentRules.Distinct(items.MismatchedProcedures().Select(p => p.Icd9Cm.Trim()));
                string reason = items.FirstPair(RuleCodes.ClinicalProcedureMismatch) is { } pair && (Id(l) ? pair.ReasonId : pair.ReasonEn) is { } why ? $" — {why}" : "";
                return new(Id(l)
                    ? $"{codes.Count} dari {r.Claim.Procedures.Count} tindakan tidak sesuai dengan diagnosis {items.PrimaryLabel(l)}: {string.Join(", ", codes)}{reason}"
                    : $"{codes.Count} of {r.Claim.Procedures.Count} procedures do not fit diagnosis {items.PrimaryLabel(l)}: {string.Join(", ", codes)}{reason}", codes);
            }),

        new(new(RuleCodes.ProceduresExcessive, RuleSeverity.High, 20, ClaimSection.Procedures,
                "Jumlah tindakan berlebihan untuk diagnosis", "More procedures than the diagnosis needs",
                "procedures ≥ max(4, 2 × the diagnoses' typical count) and above the most the knowledge base can justify (Σ usual counts × ⌈LOS / typical LOS⌉), not counting general procedures no diagnosis lists (only their repeats beyond one per code per typical stay); with no known diagnosis ≥ 8 procedures at ≥ 2 per day"),
            static (in RuleInput r) => Excessive(r),
            static (in RuleInput r, RuleLanguage l) =>
            {
                var items = r.Items;
                int n = r.Claim.Procedures.Count;
                var unexpected = items.UnexpectedProcedures();
                var codes = DocumentRules.Distinct((unexpected.Count > 0 ? unexpected : r.Claim.Procedures).Select(p => p.Icd9Cm.Trim()));
                string intensity = Number(r[F.ProcedureIntensity], l, 1);
                string typical = r.Facts.AnyDiagnosisKnown
                    ? (Id(l) ? $"; biasanya sekitar {Number(r.Facts.ExpectedProcedures, l, 1)}" : $"; usually about {Number(r.Facts.ExpectedProcedures, l, 1)}")
                    : "";
                return new(Id(l)
                    ? $"{n} tindakan ({intensity} per hari) untuk {items.PrimaryLabel(l)}{typical}"
                    : $"{n} procedures ({intensity} per day) for {items.PrimaryLabel(l)}{typical}", codes);
            }),

        new(new(RuleCodes.ClinicalDrugMismatch, RuleSeverity.Medium, 15, ClaimSection.Medications,
                "Obat tidak sesuai dengan diagnosis", "Drug does not fit the diagnoses",
                "a known-inappropriate (diagnosis, drug) pair (e.g. Ceftriaxone for J00), or (all diagnoses known) an expensive or Fornas-restricted drug not expected for any diagnosis"),
            static (in RuleInput r) => r.Facts.DrugPairs > 0 || r.Facts.AllDiagnosesKnown && r.Facts.RestrictedDrugsNotIndicated > 0,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var items = r.Items;
                var names = DocumentRules.Distinct(items.MismatchedDrugs().Select(m => m.Name.Trim()));
                string reason = items.FirstPair(RuleCodes.ClinicalDrugMismatch) is { } pair && (Id(l) ? pair.ReasonId : pair.ReasonEn) is { } why ? $" — {why}" : "";
                return new(Id(l)
                    ? $"Obat tidak sesuai dengan diagnosis {items.PrimaryLabel(l)}: {string.Join(", ", names)}{reason}"
                    : $"Drugs that do not fit diagnosis {items.PrimaryLabel(l)}: {string.Join(", ", names)}{reason}", names);
            }),

        new(new(RuleCodes.DrugQuantityInflated, RuleSeverity.Medium, 15, ClaimSection.Medications,
                "Jumlah obat melebihi batas wajar per hari", "Drug quantity above the plausible daily maximum",
                "quantity / supply days > 1.5 × the catalog's max per day (supply days: the stay, 7 for outpatient, or longer when the knowledge base lists a longer course)"),
            static (in RuleInput r) => r[F.MaxDrugQtyPerDayRatio] > (float)RuleThresholds.DrugInflationRatio,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var over = r.Items.DrugLimits().Where(x => x.QuantityRatio > RuleThresholds.DrugInflationRatio).ToList();
                var x = over[0];
                string perDay = Number(x.Medication.Quantity / x.SupplyDays, l, 1), max = Number(x.MaxPerDay, l, 1);
                return new(Id(l)
                    ? $"{x.Medication.Name} {Number(x.Medication.Quantity, l, 1)} unit untuk {x.SupplyDays} hari = {perDay} per hari, di atas batas wajar {max} per hari ({Ratio(x.QuantityRatio, l)})"
                    : $"{x.Medication.Name} {Number(x.Medication.Quantity, l, 1)} units over {x.SupplyDays} days = {perDay} per day, above the plausible {max} per day ({Ratio(x.QuantityRatio, l)})",
                    DocumentRules.Distinct(over.Select(o => o.Medication.Name.Trim())));
            }),

        new(new(RuleCodes.DrugPriceInflated, RuleSeverity.Medium, 15, ClaimSection.Medications,
                "Harga satuan obat di atas harga katalog", "Drug unit price above the catalog price",
                "unit_price > 1.5 × the catalog's highest unit price for the drug (its form when given)"),
            static (in RuleInput r) => r[F.MaxDrugPriceRatio] > (float)RuleThresholds.DrugInflationRatio,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var over = r.Items.DrugLimits().Where(x => x.PriceRatio > RuleThresholds.DrugInflationRatio).ToList();
                var x = over[0];
                return new(Id(l)
                    ? $"Harga {x.Medication.Name} {Rupiah(x.Medication.UnitPrice, l)} per unit, di atas harga katalog tertinggi {Rupiah(x.PriceMax, l)} ({Ratio(x.PriceRatio, l)})"
                    : $"{x.Medication.Name} billed at {Rupiah(x.Medication.UnitPrice, l)} per unit, above the catalog's highest {Rupiah(x.PriceMax, l)} ({Ratio(x.PriceRatio, l)})",
                    DocumentRules.Distinct(over.Select(o => o.Medication.Name.Trim())));
            }),

        new(new(RuleCodes.VitaminIrrelevant, RuleSeverity.Low, 5, ClaimSection.Vitamins,
                "Vitamin/suplemen tidak relevan dengan diagnosis", "Vitamin or supplement irrelevant to the diagnoses",
                "a known-irrelevant (diagnosis, vitamin) pair, or (all diagnoses known) a high-dose vitamin no diagnosis lists at that dose"),
            static (in RuleInput r) => r.Facts.VitaminPairs > 0 || r.Facts.AllDiagnosesKnown && r.Facts.HighDoseVitaminsIrrelevant > 0,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var items = r.Items;
                var vitamins = items.IrrelevantVitamins();
                var labels = vitamins.Select(v => string.IsNullOrWhiteSpace(v.Dose) ? v.Name.Trim() : $"{v.Name.Trim()} {v.Dose.Trim()}");
                return new(Id(l)
                    ? $"Vitamin tidak relevan untuk {items.PrimaryLabel(l)}: {string.Join(", ", labels)}"
                    : $"Vitamins irrelevant to {items.PrimaryLabel(l)}: {string.Join(", ", labels)}",
                    DocumentRules.Distinct(vitamins.Select(v => v.Name.Trim())));
            }),

        new(new(RuleCodes.InaCbgSeverityUnsupported, RuleSeverity.Medium, 15, ClaimSection.Diagnoses,
                "Tingkat keparahan INA-CBG III tanpa diagnosis sekunder", "INA-CBG severity III without a secondary diagnosis",
                "inpatient INA-CBG severity III while the claim carries a single diagnosis (severity levels come from secondary diagnoses)"),
            static (in RuleInput r) => r.Claim.CareType == CareType.Inpatient && r[F.InaCbgSeverity] == 3 && r[F.NumDiagnoses] == 1,
            static (in RuleInput r, RuleLanguage l) => new(Id(l)
                ? $"Kode INA-CBG {r.Claim.InaCbg.Code.Trim()} (keparahan III) diklaim dengan satu diagnosis saja; keparahan II/III memerlukan diagnosis sekunder (komplikasi/komorbid)"
                : $"INA-CBG {r.Claim.InaCbg.Code.Trim()} (severity III) claimed with a single diagnosis; severity II/III needs secondary diagnoses (complications/comorbidities)",
                [r.Claim.InaCbg.Code.Trim()])),
    ];

    /// <summary>The usual maximum LOS, stretched for claimed INA-CBG severity II/III (complications lengthen stays).</summary>
    internal static int AllowedLos(in RuleInput r)
    {
        int losMax = (int)(r[F.LosDays] - r[F.LosOverMax]);
        double stretch = r[F.InaCbgSeverity] switch { 3 => 1.5, 2 => 1.25, _ => 1.0 };
        return (int)Math.Ceiling(losMax * stretch);
    }

    private static bool Excessive(in RuleInput r)
    {
        if (r.Facts.AnyDiagnosisKnown)
        {
            int n = r.Facts.CountedProcedures;
            return n >= Math.Max(RuleThresholds.ExcessiveProceduresMinimum, 2 * r.Facts.ExpectedProcedures) && n > r.Facts.JustifiedProceduresForStay;
        }
        return r[F.NumProcedures] >= RuleThresholds.ExcessiveProceduresUnknownDx && r[F.ProcedureIntensity] >= (float)RuleThresholds.ExcessiveIntensityUnknownDx;
    }

    private static string Range(int min, int max) => min == max ? $"{min}" : $"{min}–{max}";

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string SeverityWord(ClaimItems items, RuleLanguage l) => (items.Primary?.Severity, l) switch
    {
        (1, RuleLanguage.Indonesian) => "ringan",
        (2, RuleLanguage.Indonesian) => "sedang",
        (3, RuleLanguage.Indonesian) => "berat",
        (1, _) => "mild",
        (2, _) => "moderate",
        (3, _) => "severe",
        (_, RuleLanguage.Indonesian) => "tidak dikenal",
        _ => "unknown",
    };
}
