namespace ClaimFraud.Domain.Scores;

/// <summary>A score as contract §2 describes it: what the serving app, the CLI and the notebooks return for one claim.</summary>
public sealed record ClaimScore
{
    public required string ClaimId { get; init; }
    public required string ModelVersion { get; init; }
    /// <summary>0..1, the combined score the decision is made on.</summary>
    public required double FraudScore { get; init; }
    public required int RiskScore { get; init; }
    public required string RiskLevel { get; init; }
    public required string Priority { get; init; }
    public required string Recommendation { get; init; }
    public required ScoreComponents Components { get; init; }
    public required IReadOnlyList<SuspiciousSection> SuspiciousSections { get; init; }
    public required IReadOnlyList<RuleViolation> RuleViolations { get; init; }
    public required IReadOnlyList<FeatureContribution> Importance { get; init; }
    public required string Explanation { get; init; }
    public required DateTimeOffset ScoredAt { get; init; }
}

/// <summary>The two parts the combination was made from.</summary>
public sealed record ScoreComponents(double Model, double Rules);

public sealed record SuspiciousSection(string Section, IReadOnlyList<string> Items, IReadOnlyList<string> Reasons);

public sealed record RuleViolation(string Code, string Severity, int Points, string Section, string Message);

/// <summary>One feature's signed contribution to this claim's model output (log-odds), with the feature's value (null when the claim does not have it).</summary>
public sealed record FeatureContribution(string Feature, double? Value, double Contribution);
