using static ClaimFraud.Features.Rules.MessageFormat;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Rules;

/// <summary>Rules over earlier claims (point-in-time history): repeat billing, readmission, room class, cloning, provider pattern.</summary>
internal static class HistoryRules
{
    private static bool Id(RuleLanguage l) => l == RuleLanguage.Indonesian;

    public static IEnumerable<Rule> All =>
    [
        new(new(RuleCodes.DuplicateClaim, RuleSeverity.Critical, 50, ClaimSection.Admission,
                "Klaim ganda untuk pasien dan periode rawat yang sama", "Duplicate claim for the same patient and stay",
                "an earlier claim of the same patient at the same hospital whose stay overlaps or has the same dates"),
            static (in RuleInput r) => r.History.DuplicateClaimCount >= 1,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var ids = r.History.DuplicateClaimIds;
                return new(Id(l)
                    ? $"Periode rawat tumpang tindih dengan {r.History.DuplicateClaimCount} klaim sebelumnya dari pasien yang sama di RS yang sama: {string.Join(", ", ids)}"
                    : $"The stay overlaps {r.History.DuplicateClaimCount} earlier claim(s) of the same patient at the same hospital: {string.Join(", ", ids)}", ids);
            }),

        new(new(RuleCodes.ReadmissionSameDiagnosis, RuleSeverity.Medium, 15, ClaimSection.Admission,
                "Rawat inap ulang dengan diagnosis sama dalam 7 hari", "Readmission with the same diagnosis within 7 days",
                "an inpatient admission ≤ 7 days after an inpatient discharge of the same patient with the same ICD-10 category"),
            static (in RuleInput r) => r.History.SameDxReadmissionGapDays <= RuleThresholds.ReadmissionDays,
            static (in RuleInput r, RuleLanguage l) =>
            {
                string gap = Number(r.History.SameDxReadmissionGapDays, l, 1);
                string of = r.History.SameDxReadmissionOf ?? "?";
                return new(Id(l)
                    ? $"Dirawat kembali {gap} hari setelah pulang (klaim {of}) dengan diagnosis yang sama; kemungkinan satu episode ditagih dua kali"
                    : $"Readmitted {gap} days after discharge (claim {of}) with the same diagnosis; possibly one episode billed twice", [of]);
            }),

        new(new(RuleCodes.RoomClassAboveUsual, RuleSeverity.Medium, 15, ClaimSection.Admission,
                "Kelas rawat di atas kelas biasa pasien", "Care class above the patient's usual class",
                "inpatient care class better than the patient's most frequent class over ≥ 2 earlier claims"),
            static (in RuleInput r) => r[F.RoomClassAboveUsual] >= 1 && r.History.PriorClaimsWithClass >= RuleThresholds.RoomClassMinimumHistory,
            static (in RuleInput r, RuleLanguage l) => new(Id(l)
                ? $"Kelas rawat {r.Claim.CareClass}, sedangkan pada {r.History.PriorClaimsWithClass} klaim sebelumnya pasien biasanya di kelas {r.History.UsualCareClass}"
                : $"Care class {r.Claim.CareClass}, while on {r.History.PriorClaimsWithClass} earlier claims the patient was usually in class {r.History.UsualCareClass}",
                ["care_class"])),

        new(new(RuleCodes.ClonedClaimSuspicion, RuleSeverity.High, 30, ClaimSection.Provider,
                "Klaim identik dengan klaim pasien lain (kloning)", "Claim identical to other patients' claims (cloning)",
                "another patient's claim at the same hospital within 30 days with the identical clinical fingerprint (diagnoses, procedure set, drugs with quantities, LOS; stays with ≥ 2 procedures and drugs, visits with ≥ 3) and a bill within ±5%"),
            static (in RuleInput r) => r.History.CloneCount30d >= 1,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var ids = r.History.CloneClaimIds;
                return new(Id(l)
                    ? $"Isi klinis identik dan tarif hampir sama (±5%) dengan {r.History.CloneCount30d} klaim pasien lain di RS yang sama dalam 30 hari: {string.Join(", ", ids)}"
                    : $"Clinical content identical and bill within ±5% of {r.History.CloneCount30d} other patients' claims at the same hospital within 30 days: {string.Join(", ", ids)}", ids);
            }),

        new(new(RuleCodes.ProviderHighCostPattern, RuleSeverity.Low, 10, ClaimSection.Provider,
                "RS dengan pola tarif tinggi yang sistematis", "Hospital with a systematic high-tariff pattern",
                "≥ 50% of the hospital's ≥ 20 claims in the 90 days before have tariff_ratio > 1.3"),
            static (in RuleInput r) => r.History.HospitalClaims90d >= RuleThresholds.ProviderHighCostMinimumClaims
                && r.History.HospitalHighCostRate90d >= RuleThresholds.ProviderHighCostShare,
            static (in RuleInput r, RuleLanguage l) => new(Id(l)
                ? $"{Percent(r.History.HospitalHighCostRate90d, l)} dari {r.History.HospitalClaims90d} klaim RS ini dalam 90 hari terakhir bertarif > 1,3× INA-CBG"
                : $"{Percent(r.History.HospitalHighCostRate90d, l)} of this hospital's {r.History.HospitalClaims90d} claims in the last 90 days billed > 1.3× INA-CBG",
                [r.Claim.Hospital.Code.Trim()])),
    ];
}
