using System.Globalization;
using System.Text;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Features.Rules;

namespace ClaimFraud.Modeling.Scoring;

/// <summary>
/// The verifier's short text, in Bahasa Indonesia, built from the findings and the strongest model factors.
/// Seed 000 asked ChatGPT for this; this text is the default and the fallback when no chat model is configured.
/// It never includes the patient's name or NIK.
/// </summary>
public static class ExplanationWriter
{
    // The rule messages' Indonesian number format (no dependency on the machine's ICU data for id-ID).
    private static readonly CultureInfo Id = MessageFormat.CultureOf(RuleLanguage.Indonesian);

    public static string Write(RiskBands.Band band, double modelProbability, double rulesScore,
        IReadOnlyList<RuleViolation> violations, IReadOnlyList<FeatureContribution> importance)
    {
        // Appended piece by piece into this thread's builder: this runs
        // for every score served, and a fresh builder's buffer was a sixth of the scoring's garbage.
        var sb = t_builder ??= new StringBuilder(1024);
        sb.Clear();
        sb.Append("Risiko ").Append(LevelId(band.RiskLevel)).Append(" (skor ").Append(band.RiskScore).Append("/100; model ");
        AppendPercent(sb, modelProbability);
        sb.Append(", aturan ");
        AppendPercent(sb, rulesScore);
        sb.Append("). ");

        if (violations.Count > 0)
        {
            if (violations.Count == 1) sb.Append("Temuan: ");
            else sb.Append(violations.Count).Append(" temuan: ");
            for (int i = 0; i < violations.Count && i < 4; i++)
            {
                if (i > 0) sb.Append("; ");
                sb.Append(violations[i].Message.AsSpan().TrimEnd('.'));
            }
            if (violations.Count > 4) sb.Append("; dan ").Append(violations.Count - 4).Append(" lainnya");
            sb.Append(". ");
        }
        else
        {
            sb.Append("Tidak ada aturan yang dilanggar. ");
        }

        // The first three factors that raise the risk by more than 0.1 (importance is strongest first).
        int raising = 0;
        for (int i = 0; i < importance.Count && raising < 3; i++)
        {
            var f = importance[i];
            if (!(f.Contribution > 0.1)) continue;
            sb.Append(raising++ == 0 ? "Faktor model yang menaikkan risiko: " : ", ");
            sb.Append(FeatureSections.LabelOf(f.Feature));
            if (f.Value is { } v)
            {
                sb.Append(" = ");
                AppendNumber(sb, v);
            }
        }
        if (raising > 0) sb.Append(". ");
        sb.Append(Action(band.Recommendation));
        var text = sb.ToString();
        // A rare huge text (hundreds of findings) should not pin its buffer to the thread.
        if (sb.Capacity > 16 * 1024) t_builder = null;
        return text;
    }

    [ThreadStatic] private static StringBuilder? t_builder;

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

    // The rule messages' number writing (MessageFormat: Indonesian digits, the text of the "0" and "#,0.##" formats; below
    // 1000 that is "0.##"'s, except that a value rounding up to 1000 reads "1.000", as the N0 branch would write it).
    private static void AppendPercent(StringBuilder sb, double x) =>
        sb.Append(MessageFormat.Percent(Math.Clamp(double.IsFinite(x) ? x : 0, 0, 1), RuleLanguage.Indonesian));

    private static void AppendNumber(StringBuilder sb, double v)
    {
        if (Math.Abs(v) >= 1000) sb.Append(Id, $"{v:N0}");
        else sb.Append(MessageFormat.Number(v, RuleLanguage.Indonesian, 2));
    }
}
