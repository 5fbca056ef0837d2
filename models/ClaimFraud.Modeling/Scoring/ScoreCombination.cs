namespace ClaimFraud.Modeling.Scoring;

/// <summary>
/// How the model's probability and the rules' score become fraud_score (contract §2).
/// <para>
/// Seed 004 averages the two 50/50. An average alone halves one confident source when the other is silent: a
/// calibrated 0.95 from the model with no rule firing would land at "medium", and a wall of document evidence
/// (rules 1.0) with an unsure model at 0.55. So the score is the seed's average, but never less than
/// <see cref="SoloWeight"/> times the stronger source: either source alone can reach "high" (0.75 at most), and
/// "critical" (≥ 0.80) needs both to agree. The model is calibrated on generated claims and saturates near 1.0 for
/// any pattern it has learnt well, so a solo weight of 0.8 made every single-pattern claim critical; seed 003 files
/// overcharging and excessive procedures alone as "high" and keeps "critical" for claims like seed 004's, where
/// the documents, the clinical picture and the bill all disagree.
/// </para>
/// </summary>
public sealed record ScoreCombination
{
    public string Method { get; init; } = "max(model_weight·model + (1−model_weight)·rules, solo_weight·max(model, rules))";
    public double ModelWeight { get; init; } = 0.5;
    public double SoloWeight { get; init; } = 0.75;

    public static readonly ScoreCombination Default = new();

    public double Combine(double model, double rules)
    {
        model = Clean(model);
        rules = Clean(rules);
        double mean = ModelWeight * model + (1 - ModelWeight) * rules;
        double solo = SoloWeight * Math.Max(model, rules);
        return Math.Clamp(Math.Max(mean, solo), 0, 1);
    }

    private static double Clean(double x) => double.IsFinite(x) ? Math.Clamp(x, 0, 1) : 0;
}
