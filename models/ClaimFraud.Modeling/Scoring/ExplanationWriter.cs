using System.Globalization;
using System.Text;
using ClaimFraud.Domain.Scores;

namespace ClaimFraud.Modeling.Scoring;

/// <summary>
/// The verifier's short text, in Bahasa Indonesia, built from the findings and the strongest model factors.
/// Seed 000 asked ChatGPT for this; this text is the default and the fallback when no chat model is configured.
/// It never includes the patient's name or NIK.
/// </summary>
public static class ExplanationWriter
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string Write(RiskBands.Band band, double modelProbability, double rulesScore,
        IReadOnlyList<RuleViolation> violations, IReadOnlyList<FeatureContribution> importance)
    {
        var sb = new StringBuilder(512);
        sb.Append("Risiko ").Append(LevelId(band.RiskLevel)).Append(" (skor ").Append(band.RiskScore).Append("/100; model ")
          .Append(Percent(modelProbability)).Append(", aturan ").Append(Percent(rulesScore)).Append("). ");

        if (violations.Count > 0)
        {
            sb.Append(violations.Count == 1 ? "Temuan: " : $"{violations.Count} temuan: ");
            for (int i = 0; i < violations.Count && i < 4; i++)
            {
                if (i > 0) sb.Append("; ");
                sb.Append(violations[i].Message.TrimEnd('.'));
            }
            if (violations.Count > 4) sb.Append("; dan ").Append(violations.Count - 4).Append(" lainnya");
            sb.Append(". ");
        }
        else
        {
            sb.Append("Tidak ada aturan yang dilanggar. ");
        }

        var raising = importance.Where(f => f.Contribution > 0.1).Take(3).ToList();
        if (raising.Count > 0)
        {
            sb.Append("Faktor model yang menaikkan risiko: ");
            sb.Append(string.Join(", ", raising.Select(f => FeatureSections.LabelOf(f.Feature) + (f.Value is { } v ? $" = {Number(v)}" : ""))));
            sb.Append(". ");
        }
        sb.Append(Action(band.Recommendation));
        return sb.ToString();
    }

    private static string LevelId(string level) => level switch
    {
        "critical" => "kritis",
        "high" => "tinggi",
        "medium" => "sedang",
        _ => "rendah",
    };

    private static string Action(string recommendation) => recommendation switch
    {
        "REJECT_OR_INVESTIGATE" => "Rekomendasi: tahan pembayaran dan lakukan investigasi; minta dokumen pendukung (SEP, resume medis, hasil penunjang).",
        "DETAILED_REVIEW" => "Rekomendasi: verifikasi rinci pada bagian yang ditandai sebelum disetujui.",
        "STANDARD_REVIEW" => "Rekomendasi: verifikasi standar.",
        _ => "Rekomendasi: dapat disetujui.",
    };

    private static string Percent(double x) => (Math.Clamp(double.IsFinite(x) ? x : 0, 0, 1) * 100).ToString("0", Id) + "%";

    private static string Number(double v) => Math.Abs(v) >= 1000 ? v.ToString("N0", Id) : v.ToString("0.##", Id);
}
