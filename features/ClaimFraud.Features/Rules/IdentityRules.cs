using ClaimFraud.Domain.Claims;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Rules;

/// <summary>NIK checks. The messages never repeat the NIK (personal data); a district code is not identifying and helps a verifier.</summary>
internal static class IdentityRules
{
    public static IEnumerable<Rule> All =>
    [
        new(new(RuleCodes.NikInvalid, RuleSeverity.Medium, 20, ClaimSection.Patient,
                "NIK tidak valid", "NIK is not valid",
                "the NIK's date part is impossible or its district code is not in the Kemendagri list"),
            static (in RuleInput r) => r[F.NikValid] == 0,
            static (in RuleInput r, RuleLanguage l) =>
            {
                string nik = r.Claim.Patient.Nik;
                bool decodes = Nik.TryDecode(nik, out _);
                string district = nik.Length >= 6 ? nik[..6] : nik;
                return new(decodes
                    ? (l == RuleLanguage.Indonesian
                        ? $"NIK tidak valid: kode kecamatan {district} tidak ada dalam daftar wilayah Kemendagri"
                        : $"NIK is not valid: district code {district} is not in the Kemendagri area list")
                    : (l == RuleLanguage.Indonesian
                        ? "NIK tidak valid: bagian tanggal lahir atau nomor urut tidak mungkin"
                        : "NIK is not valid: its birth-date or serial part is impossible"),
                    ["patient.nik"]);
            }),

        new(new(RuleCodes.NikMismatch, RuleSeverity.Medium, 20, ClaimSection.Patient,
                "NIK tidak sesuai dengan jenis kelamin atau tanggal lahir", "NIK disagrees with sex or birth date",
                "the decoded NIK's sex (day + 40 for women) or DDMMYY differs from patient.sex / patient.birth_date"),
            static (in RuleInput r) => r[F.NikConsistent] == 0,
            static (in RuleInput r, RuleLanguage l) =>
            {
                var p = r.Claim.Patient;
                Nik.TryDecode(p.Nik, out var parts);
                bool sexDiffers = parts.Sex != p.Sex;
                bool dateDiffers = parts.Day != p.BirthDate.Day || parts.Month != p.BirthDate.Month || parts.TwoDigitYear != p.BirthDate.Year % 100;
                var items = new List<string> { "patient.nik" };
                if (sexDiffers) items.Add("patient.sex");
                if (dateDiffers) items.Add("patient.birth_date");
                string what = (sexDiffers, dateDiffers, l) switch
                {
                    (true, true, RuleLanguage.Indonesian) => "jenis kelamin dan tanggal lahir",
                    (true, false, RuleLanguage.Indonesian) => "jenis kelamin",
                    (_, _, RuleLanguage.Indonesian) => "tanggal lahir",
                    (true, true, _) => "sex and birth date",
                    (true, false, _) => "sex",
                    _ => "birth date",
                };
                return new(l == RuleLanguage.Indonesian ? $"NIK tidak sesuai dengan {what} pasien" : $"NIK disagrees with the patient's {what}", items);
            }),
    ];
}
