using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Extraction;
using ClaimFraud.Features.Text;
using static ClaimFraud.Features.Rules.MessageFormat;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Rules;

/// <summary>Timeline and cross-document rules (seed 004's "document analysis").</summary>
internal static class DocumentRules
{
    public static IEnumerable<Rule> All =>
    [
        new(new(RuleCodes.TimelineSepAfterDischarge, RuleSeverity.High, 40, ClaimSection.Sep,
                "SEP diterbitkan setelah pasien pulang", "SEP issued after the patient was discharged",
                "documents.sep.issued_at later than discharge_at"),
            static (in RuleInput r) => r[F.SepHoursAfterDischarge] > 0,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var sep = r.Claim.Documents!.Sep!;
                string issued = DateTime(sep.IssuedAt!.Value), discharged = DateTime(r.Claim.DischargeAt);
                return new(l == RuleLanguage.Indonesian
                    ? $"SEP diterbitkan {issued}, setelah pasien pulang {discharged}"
                    : $"SEP issued {issued}, after discharge {discharged}",
                    [string.IsNullOrWhiteSpace(sep.Number) ? "SEP" : sep.Number.Trim()]);
            }),

        new(new(RuleCodes.SepBpjsNumberMismatch, RuleSeverity.High, 40, ClaimSection.Sep,
                "Nomor kartu BPJS di SEP berbeda dengan nomor kartu pasien", "The BPJS card number on the SEP differs from the patient's",
                "documents.sep.bpjs_number present and different from patient.bpjs_number"),
            static (in RuleInput r) => r[F.SepBpjsMismatch] == 1,
            static (in RuleInput r, RuleLanguage l) => new(l == RuleLanguage.Indonesian
                ? "Nomor kartu BPJS di SEP berbeda dengan nomor kartu peserta pada klaim (SEP milik peserta lain?)"
                : "The BPJS card number on the SEP differs from the patient's card number on the claim (an SEP of another participant?)",
                ["documents.sep.bpjs_number"])),

        new(new(RuleCodes.TimelineLabOutsideTreatment, RuleSeverity.High, 30, ClaimSection.LabTests,
                "Pemeriksaan laboratorium di luar periode rawat", "Lab test outside the treatment period",
                "a lab test dated before the day before admission or after the discharge date (Jakarta calendar)"),
            static (in RuleInput r) => r[F.LabsOutsideStay] >= 1,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var c = r.Claim;
                var outside = c.LabTests.Where(x => x.At is { } at && ClaimFeatureExtractor.IsOutside(at, ClaimFeatureExtractor.FirstStayDay(c), ClaimFeatureExtractor.LastStayDay(c))).ToList();
                var first = outside[0];
                string more = outside.Count > 1 ? (l == RuleLanguage.Indonesian ? $" dan {outside.Count - 1} lainnya" : $" and {outside.Count - 1} more") : "";
                return new(l == RuleLanguage.Indonesian
                    ? $"Pemeriksaan lab {first.Name} pada {DateTime(first.At!.Value)}{more}, di luar periode rawat {DateTime(c.AdmissionAt)} s.d. {DateTime(c.DischargeAt)}"
                    : $"Lab test {first.Name} on {DateTime(first.At!.Value)}{more}, outside the stay {DateTime(c.AdmissionAt)} to {DateTime(c.DischargeAt)}",
                    Distinct(outside.Select(x => x.Name.Trim())));
            }),

        new(new(RuleCodes.TimelineProcedureOutsideTreatment, RuleSeverity.High, 30, ClaimSection.Procedures,
                "Tindakan di luar periode rawat", "Procedure outside the treatment period",
                "a procedure dated before the day before admission or after the discharge date (Jakarta calendar)"),
            static (in RuleInput r) => r[F.ProceduresOutsideStay] >= 1,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var c = r.Claim;
                var outside = c.Procedures.Where(x => x.At is { } at && ClaimFeatureExtractor.IsOutside(at, ClaimFeatureExtractor.FirstStayDay(c), ClaimFeatureExtractor.LastStayDay(c))).ToList();
                var first = outside[0];
                string more = outside.Count > 1 ? (l == RuleLanguage.Indonesian ? $" dan {outside.Count - 1} lainnya" : $" and {outside.Count - 1} more") : "";
                return new(l == RuleLanguage.Indonesian
                    ? $"Tindakan {first.Icd9Cm} pada {DateTime(first.At!.Value)}{more}, di luar periode rawat {DateTime(c.AdmissionAt)} s.d. {DateTime(c.DischargeAt)}"
                    : $"Procedure {first.Icd9Cm} on {DateTime(first.At!.Value)}{more}, outside the stay {DateTime(c.AdmissionAt)} to {DateTime(c.DischargeAt)}",
                    Distinct(outside.Select(x => x.Icd9Cm.Trim())));
            }),

        new(new(RuleCodes.ResumeDatesMismatch, RuleSeverity.Medium, 20, ClaimSection.Admission,
                "Tanggal rawat di resume medis berbeda dengan klaim", "Resume medis dates differ from the claim's",
                "resume admission or discharge date differs from the claim's (Jakarta calendar)"),
            static (in RuleInput r) => r[F.ResumeDatesMismatch] == 1,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var c = r.Claim;
                var rm = c.Documents!.ResumeMedis!;
                string ra = rm.AdmissionAt is { } a ? Date(a) : "?", rd = rm.DischargeAt is { } d ? Date(d) : "?";
                var items = new List<string>();
                if (rm.AdmissionAt is { } ax && StayCalendar.JakartaDate(ax) != StayCalendar.JakartaDate(c.AdmissionAt)) items.Add("documents.resume_medis.admission_at");
                if (rm.DischargeAt is { } dx && StayCalendar.JakartaDate(dx) != StayCalendar.JakartaDate(c.DischargeAt)) items.Add("documents.resume_medis.discharge_at");
                return new(l == RuleLanguage.Indonesian
                    ? $"Resume medis mencatat rawat {ra} s.d. {rd}, klaim {Date(c.AdmissionAt)} s.d. {Date(c.DischargeAt)}"
                    : $"The resume medis records a stay {ra} to {rd}; the claim {Date(c.AdmissionAt)} to {Date(c.DischargeAt)}", items);
            }),

        new(new(RuleCodes.PatientNameMismatch, RuleSeverity.High, 50, ClaimSection.Patient,
                "Nama pasien tidak sama antar dokumen", "Patient name differs between documents",
                "normalised names (case, punctuation, titles and degrees removed; binti = bin) on claim, SEP and resume not all equal"),
            static (in RuleInput r) => r[F.NameSimilarityMin] < 1,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var c = r.Claim;
                var names = new List<(string Field, string LabelId, string LabelEn, string Normal)>();
                Add(names, "patient.name", "klaim", "claim", c.Patient.Name);
                Add(names, "documents.sep.patient_name", "SEP", "SEP", c.Documents?.Sep?.PatientName);
                Add(names, "documents.resume_medis.patient_name", "resume medis", "resume medis", c.Documents?.ResumeMedis?.PatientName);
                var pairsId = new List<string>();
                var pairsEn = new List<string>();
                var fields = new List<string>();
                for (int i = 0; i < names.Count; i++)
                    for (int j = i + 1; j < names.Count; j++)
                    {
                        if (names[i].Normal == names[j].Normal) continue;
                        pairsId.Add($"{names[i].LabelId} vs {names[j].LabelId}");
                        pairsEn.Add($"{names[i].LabelEn} vs {names[j].LabelEn}");
                        if (!fields.Contains(names[i].Field)) fields.Add(names[i].Field);
                        if (!fields.Contains(names[j].Field)) fields.Add(names[j].Field);
                    }
                string similarity = Number(r[F.NameSimilarityMin], l, 2);
                // Names are personal data: the message says where they differ and how much, not what they are.
                return new(l == RuleLanguage.Indonesian
                    ? $"Nama pasien tidak cocok ({string.Join(", ", pairsId)}); kemiripan {similarity}"
                    : $"Patient name does not match ({string.Join(", ", pairsEn)}); similarity {similarity}", fields);

                static void Add(List<(string, string, string, string)> into, string path, string id, string en, string? name)
                {
                    if (string.IsNullOrWhiteSpace(name)) return;
                    string normal = PersonName.Normalize(name);
                    if (normal.Length > 0) into.Add((path, id, en, normal));
                }
            }),
    ];

    /// <summary>The first 20 distinct items in order (a finding lists a handful; a linear scan beats a hash set here).</summary>
    internal static IReadOnlyList<string> Distinct(IEnumerable<string> items)
    {
        var list = new List<string>();
        foreach (var item in items)
        {
            if (list.Contains(item)) continue;
            list.Add(item);
            if (list.Count == 20) break;
        }
        return list;
    }
}
