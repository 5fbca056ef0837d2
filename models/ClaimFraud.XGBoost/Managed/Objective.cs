namespace ClaimFraud.XGBoost.Managed;

/// <summary>How an XGBoost objective turns base_score into a margin and a margin into a prediction.</summary>
internal sealed record Objective(string Name, bool IsLogistic)
{
    // Whether base_score is a probability to be turned into a margin with the logit; otherwise it is the margin.
    private bool BaseScoreIsProbability => IsLogistic;

    // Objectives whose prediction transform and base_score handling were checked against XGBoost 1.7.4.
    private static readonly Dictionary<string, Objective> Known = new(StringComparer.Ordinal)
    {
        ["binary:logistic"] = new("binary:logistic", IsLogistic: true),
        ["reg:logistic"] = new("reg:logistic", IsLogistic: true),
        ["binary:logitraw"] = new("binary:logitraw", IsLogistic: false),
        ["reg:squarederror"] = new("reg:squarederror", IsLogistic: false),
    };

    public static Objective Find(string name) =>
        Known.TryGetValue(name, out Objective? objective)
            ? objective
            : throw new NotSupportedException(
                $"Objective '{name}' is not supported by the managed evaluator; supported: {string.Join(", ", Known.Keys)}.");

    /// <summary>
    /// base_score is stored in prediction space: binary:logistic and reg:logistic turn it into a margin
    /// with the logit in float32; binary:logitraw (whose output is the margin) and reg:squarederror use it
    /// as is. Checked against XGBoost 1.7.4's margins in the tests.
    /// </summary>
    public float BaseMargin(float baseScore)
    {
        if (!BaseScoreIsProbability)
        {
            return baseScore;
        }

        if (!(baseScore > 0f && baseScore < 1f))
        {
            throw new FormatException(
                $"base_score {baseScore} of objective '{Name}' must lie strictly between 0 and 1 (it is a probability).");
        }

        return -MathF.Log(1f / baseScore - 1f);
    }
}
