using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features;
using ClaimFraud.Features.History;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Modeling.Tests;

/// <summary>
/// Seed 003's four test cases and seed 004's combined case, scored alone (no history) by the committed model
/// exactly as serving scores them. The claims are in tests/fixtures/seed003/ (how each was built is in the
/// fixtures README); the seed names only the pattern and the expected level.
/// </summary>
public sealed class SeedCaseTests : IClassFixture<SeedCaseTests.CommittedScorer>
{
    private readonly CommittedScorer _scorer;

    public SeedCaseTests(CommittedScorer scorer) => _scorer = scorer;

    [Theory]
    [InlineData("seed003/normal.json", "low", null)]
    [InlineData("seed003/overcharging.json", "high", "TARIFF_OVERCHARGING")]
    [InlineData("seed003/excessive-procedures.json", "high", "PROCEDURES_EXCESSIVE")]
    [InlineData("seed003/extended-stay.json", "medium", "LOS_EXTENDED_STAY")]
    public void EachOfSeedThreesCasesComesOutAtItsLevel(string fixture, string level, string? rule)
    {
        var score = _scorer.Score(fixture);

        Assert.True(level == score.RiskLevel, $"{fixture}: {score.RiskLevel} (fraud_score {score.FraudScore}, model {score.Components.Model}, rules {score.Components.Rules}), expected {level}");
        if (rule is null) Assert.Empty(score.RuleViolations);
        else Assert.Contains(score.RuleViolations, v => v.Code == rule);
    }

    [Fact]
    public void TheOverchargedBillIsTheOnlyThingThatSetsItsCaseApartFromTheNormalOne()
    {
        var normal = _scorer.Score("seed003/normal.json");
        var over = _scorer.Score("seed003/overcharging.json");

        Assert.True(over.Components.Model > normal.Components.Model + 0.3, $"model {normal.Components.Model} → {over.Components.Model}");
        Assert.Contains(over.Importance.Take(3), f => f.Feature is "biaya_anomaly_score" or "tariff_ratio" or "tariff_diff_percentage" or "tariff_per_day_vs_expected");
    }

    [Fact]
    public void SeedFoursCombinedCaseIsCriticalWithBothSourcesAgreeing()
    {
        var score = _scorer.Score("combined-fraud.json");

        Assert.Equal("critical", score.RiskLevel);
        Assert.True(score.FraudScore >= 0.90, $"fraud_score {score.FraudScore}");
        Assert.True(score.Components.Model >= 0.8 && score.Components.Rules >= 0.8, $"model {score.Components.Model}, rules {score.Components.Rules}");
    }

    [Fact]
    public void TheCommittedModelNeverSplitsOnTheRuleFlag()
    {
        var manifest = _scorer.Model.Manifest;
        Assert.Contains("rule_violation_flag", manifest.ExcludedFeatures);
        var score = _scorer.Score("combined-fraud.json");
        Assert.DoesNotContain(score.Importance, f => f.Feature == "rule_violation_flag");
    }

    public sealed class CommittedScorer : IDisposable
    {
        private readonly ClaimScorer _scorer;

        public CommittedScorer()
        {
            var evidence = new ClaimEvidence(ReferenceCatalog.Default);
            var registry = new ModelRegistry(Path.Combine(RepositoryRoot(), "models"));
            // The committed version by name: versions published locally by the notebooks or `claimfraud train` are ignored.
            var entry = registry.Find("claim-fraud-xgb", "1.0.0");
            Model = new FraudModel(registry.Load(entry, evidence.Schema.Hash, evidence.Schema.Names));
            _scorer = new ClaimScorer(evidence, Model);
        }

        public FraudModel Model { get; }

        public Domain.Scores.ClaimScore Score(string fixture)
        {
            var parsed = ClaimJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", fixture)));
            Assert.True(parsed.IsValid, $"{fixture}: {parsed.Errors}");
            return _scorer.Score(parsed.Claim!, HistorySnapshot.Empty).Score;
        }

        public void Dispose() => Model.Dispose();

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ClaimFraud.sln"))) return dir.FullName;
            throw new InvalidOperationException("ClaimFraud.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
