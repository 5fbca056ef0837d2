using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.Decisions;

namespace ClaimFraud.ResultStore.Tests.Infrastructure;

/// <summary>Scores and decisions with awkward content: non-ASCII text, doubles that need 17 digits, a +07:00 offset.</summary>
public static class TestScores
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7));

    public static StoredResult Result(string claimId, DateTimeOffset? scoredAt = null, string modelVersion = "claim-fraud-xgb-1.0.0", int seed = 1)
    {
        var rng = new Random(seed);
        double model = 0.1 + 0.2 + rng.NextDouble() * 1e-9; // 0.30000000000000004-ish: round-trips only if written exactly
        double fraud = Math.Round(0.5 + rng.NextDouble() / 2, 15);
        var band = RiskBands.For(fraud);
        return new StoredResult(new ClaimScore
        {
            ClaimId = claimId,
            ModelVersion = modelVersion,
            FraudScore = fraud,
            RiskScore = band.RiskScore,
            RiskLevel = band.RiskLevel,
            Priority = band.Priority,
            Recommendation = band.Recommendation,
            Components = new ScoreComponents(model, 1.0),
            SuspiciousSections =
            [
                new SuspiciousSection("procedures", ["47.09", "36.10"], ["MEDICAL_UPCODING_SUSPICION"]),
                new SuspiciousSection("sep", [], ["TIMELINE_SEP_AFTER_DISCHARGE"]),
            ],
            RuleViolations =
            [
                new RuleViolation("TIMELINE_SEP_AFTER_DISCHARGE", "high", 40, "sep", "SEP issued 2024-10-13 10:00, after discharge 2024-10-12 16:00"),
                new RuleViolation("TARIFF_EXTREME_OVERCHARGING", "critical", 50, "tariff", $"tarif {rng.Next(2, 9)},7× rata-rata INA-CBG"),
            ],
            Importance = [new FeatureContribution("tariff_ratio", 2.66, 1.42), new FeatureContribution("los_days", 9, -0.031_25)],
            Explanation = "Klaim ini menunjukkan pola penagihan berlebih — SEP terbit setelah pasien pulang; “periksa ulang” é ü 漢字.",
            ScoredAt = scoredAt ?? T0,
        });
    }

    public static Decision Decision(string action = DecisionActions.ApprovePartial, decimal? amount = 1_500_000.50m,
        DateTimeOffset? at = null, string note = "Tarif disesuaikan ke INA-CBG", string verifier = "verifier-017") => new()
    {
        Action = action,
        ApprovedAmount = action == DecisionActions.ApprovePartial ? amount : null,
        Note = note,
        Verifier = verifier,
        DecidedAt = at ?? T0.AddHours(1),
    };
}
