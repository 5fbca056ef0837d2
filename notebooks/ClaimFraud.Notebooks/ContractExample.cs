using System.Globalization;
using ClaimFraud.Domain.Scores;

namespace ClaimFraud.Notebooks;

/// <summary>
/// The contract's worked example (§2: the seed's combined-fraud case, tests/fixtures/combined-fraud.json) and what its
/// score must show, so a notebook run fails loudly when a model or rule change breaks it.
/// </summary>
public static class ContractExample
{
    /// <summary>Where the worked case lives in the repository.</summary>
    public const string FixturePath = "tests/fixtures/combined-fraud.json";

    public const double MinimumFraudScore = 0.90;

    /// <summary>The eight rule codes contract §2 requires among the worked case's violations.</summary>
    public static IReadOnlyList<string> RequiredCodes { get; } =
    [
        "TIMELINE_SEP_AFTER_DISCHARGE", "TIMELINE_LAB_OUTSIDE_TREATMENT", "PATIENT_NAME_MISMATCH", "MEDICAL_UPCODING_SUSPICION",
        "TARIFF_EXTREME_OVERCHARGING", "LOS_EXTENDED_STAY", "PROCEDURES_EXCESSIVE", "TARIFF_HIGH_DAILY_COST",
    ];

    /// <summary>Everything about <paramref name="score"/> that falls short of the contract; empty when it meets it.</summary>
    public static IReadOnlyList<string> Problems(ClaimScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var problems = new List<string>();
        if (score.FraudScore < MinimumFraudScore)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"fraud_score {score.FraudScore} is below {MinimumFraudScore} (model {score.Components.Model}, rules {score.Components.Rules})"));
        if (score.RiskLevel != "critical") problems.Add($"risk_level is {score.RiskLevel}, not critical");
        if (score.Recommendation != "REJECT_OR_INVESTIGATE") problems.Add($"recommendation is {score.Recommendation}, not REJECT_OR_INVESTIGATE");
        var fired = score.RuleViolations.Select(v => v.Code).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredCodes.Where(c => !fired.Contains(c)).ToList();
        if (missing.Count > 0) problems.Add($"rule_violations lack {string.Join(", ", missing)}");
        return problems;
    }
}
