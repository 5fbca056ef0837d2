namespace ClaimFraud.ResultStore.Layout;

/// <summary>
/// The fraud_result table's column families and qualifiers, shared by the HBase and SQLite stores (see README.md).
/// One row per claim; each decision has its own qualifier in <c>d</c>, so every family keeps one version per cell.
/// </summary>
public static class FraudResultLayout
{
    public const string DefaultTable = "fraud_result";

    /// <summary>Score: the scalar fields of contract §2 plus the ordering stamp.</summary>
    public const string Score = "s";
    /// <summary>Findings: rule violations and suspicious sections.</summary>
    public const string Findings = "f";
    /// <summary>Importance and explanation.</summary>
    public const string Insight = "i";
    /// <summary>Decisions, one qualifier each: 19-digit UTC ticks of decided_at.</summary>
    public const string Decisions = "d";

    public static readonly IReadOnlyList<string> Families = [Score, Findings, Insight, Decisions];

    /// <summary>The families a result occupies (all but decisions).</summary>
    public static readonly IReadOnlyList<string> ResultFamilies = [Score, Findings, Insight];

    /// <summary><c>s:stamp</c> = <see cref="ResultVersion"/> text; the cell check-and-put compares.</summary>
    public const string Stamp = "stamp";

    public const string ClaimId = "claim_id";
    public const string ModelVersion = "model_version";
    public const string ScoredAt = "scored_at";
    public const string FraudScore = "fraud_score";
    public const string RiskScore = "risk_score";
    public const string RiskLevel = "risk_level";
    public const string Priority = "priority";
    public const string Recommendation = "recommendation";
    public const string Components = "components";
    public const string RuleViolations = "rule_violations";
    public const string SuspiciousSections = "suspicious_sections";
    public const string Importance = "importance";
    public const string Explanation = "explanation";
}
