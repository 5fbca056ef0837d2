using ClaimFraud.Domain.Claims;
using static ClaimFraud.Features.Rules.MessageFormat;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Rules;

/// <summary>Billing rules (seed 003/004's "ML tariff analysis" indicators, as explicit rules).</summary>
internal static class TariffRules
{
    private static bool Id(RuleLanguage l) => l == RuleLanguage.Indonesian;

    public static IEnumerable<Rule> All =>
    [
        new(new(RuleCodes.TariffExtremeOvercharging, RuleSeverity.Critical, 35, ClaimSection.Tariff,
                "Tarif RS jauh di atas tarif INA-CBG", "Hospital tariff far above the INA-CBG tariff",
                "tariff_ratio = hospital_tariff / ina_cbg.tariff ≥ 2.0"),
            static (in RuleInput r) => r[F.TariffRatio] >= (float)RuleThresholds.ExtremeOverchargingRatio,
            static (in RuleInput r, RuleLanguage l) => Overcharge(r, l)),

        new(new(RuleCodes.TariffOvercharging, RuleSeverity.Medium, 20, ClaimSection.Tariff,
                "Tarif RS di atas tarif INA-CBG", "Hospital tariff above the INA-CBG tariff",
                "1.3 ≤ tariff_ratio < 2.0 (seed 003: high-cost above 1.3)"),
            static (in RuleInput r) => r[F.TariffRatio] >= (float)RuleThresholds.OverchargingRatio && r[F.TariffRatio] < (float)RuleThresholds.ExtremeOverchargingRatio,
            static (in RuleInput r, RuleLanguage l) => Overcharge(r, l)),

        new(new(RuleCodes.TariffHighDailyCost, RuleSeverity.High, 15, ClaimSection.Tariff,
                "Biaya per hari sangat tinggi untuk diagnosis", "Very high cost per day for the diagnosis",
                "tariff_per_day ≥ 2 × the diagnosis's expected cost per day (tariff_per_day_vs_expected ≥ 2)"),
            static (in RuleInput r) => r[F.TariffPerDayVsExpected] >= (float)RuleThresholds.HighDailyCostRatio,
            static (in RuleInput r, RuleLanguage l) =>
            {
                double perDay = r[F.TariffPerDay], ratio = r[F.TariffPerDayVsExpected];
                return new(Id(l)
                    ? $"Biaya per hari {Rupiah(perDay, l)} ({r.Claim.LosDays} hari) = {Ratio(ratio, l)} biaya harian wajar untuk diagnosis {r.Claim.PrimaryDiagnosis?.Icd10.Trim()} ({Rupiah(perDay / ratio, l)})"
                    : $"Cost per day {Rupiah(perDay, l)} ({r.Claim.LosDays} days) is {Ratio(ratio, l)} the expected daily cost for diagnosis {r.Claim.PrimaryDiagnosis?.Icd10.Trim()} ({Rupiah(perDay / ratio, l)})",
                    ["hospital_tariff"]);
            }),

        new(new(RuleCodes.InaCbgTariffHigherLevel, RuleSeverity.Medium, 15, ClaimSection.Tariff,
                "Tarif INA-CBG yang diklaim setara tarif kelas rawat/keparahan lebih tinggi", "Claimed INA-CBG tariff is that of a better care class or higher severity",
                "at the hospital's usual tariff level (ina_cbg.tariff / catalog over its ≥ 10 claims of the 90 days before), the claimed tariff is ≥ 1.12 × what its code costs and within 6% of the same group's tariff at a better care class or a higher severity"),
            static (in RuleInput r) => r.Facts.HigherLevelStep > 0,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var c = r.Claim;
                double relative = r[F.CbgTariffVsHospitalLevel];
                int careClass = r.Facts.HigherLevelCareClass, severity = r.Facts.HigherLevelSeverity;
                string level = Id(l)
                    ? $"kelas rawat {careClass}, keparahan {Domain.Reference.InaCbgCode.SeverityName(severity)}"
                    : $"care class {careClass}, severity {Domain.Reference.InaCbgCode.SeverityName(severity)}";
                return new(Id(l)
                    ? $"Tarif {c.InaCbg.Code.Trim()} yang diklaim {Rupiah(c.InaCbg.Tariff, l)} = {Ratio(relative, l)} tarif biasa RS ini untuk kode dan kelas rawat {c.CareClass} tersebut, setara tarif {level} ({Ratio(r.Facts.HigherLevelStep, l)})"
                    : $"Claimed {c.InaCbg.Code.Trim()} tariff {Rupiah(c.InaCbg.Tariff, l)} is {Ratio(relative, l)} what this hospital usually claims for the code at care class {c.CareClass}, matching the tariff of {level} ({Ratio(r.Facts.HigherLevelStep, l)})",
                    [c.InaCbg.Code.Trim(), "care_class"]);
            }),

        new(new(RuleCodes.InaCbgTariffMismatch, RuleSeverity.Low, 5, ClaimSection.Tariff,
                "Tarif INA-CBG yang diklaim di atas tarif katalog", "Claimed INA-CBG tariff above the catalog tariff",
                "ina_cbg.tariff ≥ 1.5 × the catalog tariff for the code, hospital class, region and care class"),
            static (in RuleInput r) => r.Facts.CbgTariffVsCatalog >= RuleThresholds.CbgTariffOverCatalogRatio,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var c = r.Claim;
                double ratio = r.Facts.CbgTariffVsCatalog;
                string cell = Id(l)
                    ? $"RS kelas {c.Hospital.Class.ToContract()}, regional {c.Hospital.TariffRegion}, kelas rawat {c.CareClass}"
                    : $"hospital class {c.Hospital.Class.ToContract()}, region {c.Hospital.TariffRegion}, care class {c.CareClass}";
                return new(Id(l)
                    ? $"Tarif {c.InaCbg.Code.Trim()} yang diklaim {Rupiah(c.InaCbg.Tariff, l)} = {Ratio(ratio, l)} tarif katalog (perkiraan) {Rupiah(c.InaCbg.Tariff / ratio, l)} ({cell})"
                    : $"Claimed {c.InaCbg.Code.Trim()} tariff {Rupiah(c.InaCbg.Tariff, l)} is {Ratio(ratio, l)} the catalog's approximate {Rupiah(c.InaCbg.Tariff / ratio, l)} ({cell})",
                    [c.InaCbg.Code.Trim()]);
            }),
    ];

    private static Finding Overcharge(in RuleInput r, RuleLanguage l)
    {
        var c = r.Claim;
        double ratio = r[F.TariffRatio];
        string diff = Rupiah(c.HospitalTariff - c.InaCbg.Tariff, l);
        return new(Id(l)
            ? $"Tarif RS {Rupiah(c.HospitalTariff, l)} = {Ratio(ratio, l)} tarif INA-CBG {Rupiah(c.InaCbg.Tariff, l)} (selisih {diff})"
            : $"Hospital tariff {Rupiah(c.HospitalTariff, l)} is {Ratio(ratio, l)} the INA-CBG tariff {Rupiah(c.InaCbg.Tariff, l)} (difference {diff})",
            [c.InaCbg.Code.Trim()]);
    }
}
