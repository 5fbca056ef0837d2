namespace ClaimFraud.Domain.Scores;

/// <summary>The four bands of contract §2 (seed 003's auto-flagging logic): risk level, priority and recommendation move together.</summary>
public static class RiskBands
{
    public readonly record struct Band(int RiskScore, string RiskLevel, string Priority, string Recommendation);

    /// <summary>risk_score = round(100 × fraud_score), half away from zero as the seed rounds 92.5 to 93.</summary>
    public static int RiskScore(double fraudScore) =>
        (int)Math.Round(100 * Math.Clamp(double.IsFinite(fraudScore) ? fraudScore : 0, 0, 1), MidpointRounding.AwayFromZero);

    public static Band For(double fraudScore)
    {
        int r = RiskScore(fraudScore);
        return r switch
        {
            >= 80 => new Band(r, "critical", "urgent", "REJECT_OR_INVESTIGATE"),
            >= 60 => new Band(r, "high", "high", "DETAILED_REVIEW"),
            >= 40 => new Band(r, "medium", "normal", "STANDARD_REVIEW"),
            _ => new Band(r, "low", "low", "APPROVE"),
        };
    }
}
