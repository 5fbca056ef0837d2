using System.Text.Json;
using ClaimFraud.Domain.Json;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Scoring;
using ClaimFraud.XGBoost;

namespace ClaimFraud.Modeling.Tests;

public sealed class PipelineTests(TrainedPipeline p) : IClassFixture<TrainedPipeline>
{
    [Fact]
    public void TheModelSeparatesFraudWellAndBeatsTheRulesAlone()
    {
        var t = p.Run.Test;
        Assert.True(t.Model.RocAuc > 0.93, $"ROC-AUC {t.Model.RocAuc}");
        Assert.True(t.Model.PrAuc > t.RulesOnly.PrAuc, $"model PR-AUC {t.Model.PrAuc} vs rules {t.RulesOnly.PrAuc}");
    }

    [Fact]
    public void TheTreesNeverSplitOnAnExcludedFeatureAndTheManifestSaysWhich()
    {
        Assert.Contains("rule_violation_flag", p.Options.Training.ExcludedFeatures);
        var flag = p.Run.Importance.Single(r => r.Feature == "rule_violation_flag");
        Assert.Equal(0, flag.Weight);
        Assert.Contains(p.Run.Importance, r => r.Weight > 0);
        Assert.Equal(p.Options.Training.ExcludedFeatures, ModelRegistry.ReadManifest(p.Entry).ExcludedFeatures);
    }

    [Fact]
    public void ExcludingAFeatureTheSchemaDoesNotHaveIsRefusedByName()
    {
        var options = p.Options.Training with { ExcludedFeatures = ["no_such_feature"], MaxRounds = 1 };
        var train = Training.TrainingPipeline.ToMatrix(p.Rows.Take(400).ToList(), p.Evidence.Schema);
        var error = Assert.Throws<ArgumentException>(() => Training.Trainer.Train(train, train, options));
        Assert.Contains("no_such_feature", error.Message);
    }

    [Fact]
    public void TheTestPartComesAfterTheTrainingPartInTime()
    {
        var lastTrain = p.Run.Split.Train.Max(i => p.Rows[i].AdmissionAt);
        var firstTest = p.Run.Split.Test.Min(i => p.Rows[i].AdmissionAt);
        Assert.True(lastTrain < firstTest);
    }

    [Fact]
    public void EarlyStoppingKeepsOnlyTheRoundsUpToTheBest()
    {
        Assert.Equal(p.Run.Training.BestIteration + 1, p.Run.Training.Booster.BoostedRounds);
        Assert.True(p.Run.Training.RoundsRun >= p.Run.Training.Booster.BoostedRounds);
    }

    [Fact]
    public void EveryFraudPatternInTheTestPartHasARecallFigure()
    {
        var patterns = p.Run.Split.Test.Where(i => p.Rows[i].IsFraud == true).SelectMany(i => p.Rows[i].Patterns).Distinct().Order().ToList();
        Assert.Equal(patterns, p.Run.Test.PerPattern.Select(r => r.Pattern).ToList());
        Assert.All(p.Run.Test.PerPattern, r => Assert.InRange(r.Model, 0, 1));
    }

    [Fact]
    public void ThePublishedVersionHoldsTheFourFilesAndAManifestThatDescribesIt()
    {
        foreach (var f in new[] { "model.json", "manifest.json", "importance.csv", "metrics.json" })
            Assert.True(File.Exists(Path.Combine(p.Entry.Directory, f)), f);
        var m = ModelRegistry.ReadManifest(p.Entry);
        Assert.Equal("claim-fraud-xgb-1.0.0", m.ModelVersion);
        Assert.Equal(p.Evidence.Schema.Names, m.FeatureSchema.Features.Select(f => f.Name));
        Assert.Equal(p.Evidence.Schema.Hash, m.FeatureSchema.Hash);
        Assert.Equal("1.7.4", m.XGBoostVersion);
        Assert.Equal(8_000, m.Dataset.Claims);
        Assert.True(m.Metrics["test_roc_auc"] > 0.9);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(p.Entry.Directory, "model.json")));
        Assert.True(doc.RootElement.TryGetProperty("learner", out _));
    }

    [Fact]
    public void ALoadedModelPredictsWhatTheTrainedBoosterPredicts()
    {
        using var loaded = p.Load();
        var row = p.Rows[p.Run.Split.Test[0]].Features;
        var trained = p.Run.Training.Booster.PredictRow(row).Values[0];
        var reloaded = loaded.Booster.PredictRow(row).Values[0];
        Assert.Equal(trained, reloaded);
    }

    [Fact]
    public void ContributionsPlusBiasSumToTheMarginOfEveryScoredClaim()
    {
        using var model = new FraudModel(p.Load());
        foreach (var i in p.Run.Split.Test.Take(200))
        {
            var output = model.Predict(p.Rows[i].Features);
            var margin = model.Loaded.Booster.PredictRow(p.Rows[i].Features, PredictionOptions.Margin).Values[0];
            Assert.Equal(margin, output.Margin, tolerance: 1e-4 * Math.Max(1, Math.Abs(margin)));
            Assert.Equal(1 / (1 + Math.Exp(-margin)), output.RawProbability, tolerance: 1e-5);
        }
    }

    [Fact]
    public void ServingAttributionsEqualXGBoostsOwnContributions()
    {
        using var model = new FraudModel(p.Load());
        foreach (var i in p.Run.Split.Test.Take(300))
        {
            var row = p.Rows[i].Features;
            var expected = model.Loaded.Booster.PredictRow(row, PredictionOptions.Contributions).Values;
            var actual = model.Predict(row).Contributions;
            for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], tolerance: 1e-4);
        }
    }

    [Fact]
    public void AModelTrainedOnOtherFeaturesIsRefusedWithTheDifference()
    {
        var names = p.Evidence.Schema.Names.Skip(1).Append("a_feature_we_no_longer_have").ToList();
        var e = Assert.Throws<ModelLoadException>(() => p.Registry.Load(p.Entry, "0000000000000000deadbeef", names));
        Assert.Contains("different feature schema", e.Message);
        Assert.Contains("a_feature_we_no_longer_have", e.Message);
    }

    [Fact]
    public void ADamagedModelFileIsRefusedNotServed()
    {
        var copy = CopyEntry();
        var bytes = File.ReadAllBytes(copy.ModelPath);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(copy.ModelPath, bytes);
        var e = Assert.Throws<ModelLoadException>(() => new ModelRegistry(Path.GetDirectoryName(Path.GetDirectoryName(copy.Directory))!)
            .Load(copy, p.Evidence.Schema.Hash));
        Assert.Contains("does not match its manifest", e.Message);
    }

    [Fact]
    public void PublishingAnExistingVersionIsRefusedAndTheNextVersionIsAMinorStep()
    {
        Assert.Throws<IOException>(() => ModelPublisher.Publish(p.Run, p.Registry, new ManifestDataset(), "1.0.0", DateTimeOffset.UnixEpoch));
        Assert.Equal("1.1.0", p.Registry.NextVersion("claim-fraud-xgb").ToString());
    }

    [Fact]
    public void ScoringAFileWritesOneScoreALineInInputOrder()
    {
        var dir = Directory.CreateTempSubdirectory("claimfraud-score-").FullName;
        var input = Path.Combine(dir, "in.jsonl");
        var output = Path.Combine(dir, "out.jsonl");
        File.WriteAllLines(input, p.Claims.Take(50).Select(c => ClaimJson.Serialize(c.Claim, c.Label)));
        using var model = new FraudModel(p.Load());
        var scorer = new ClaimScorer(p.Evidence, model);

        long n = JsonlScoring.ScoreFile(input, output, scorer, p.Evidence.CreateHistory());

        var ids = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("claim_id").GetString()).ToList();
        Assert.Equal(50, n);
        Assert.Equal(p.Claims.Take(50).Select(c => c.Claim.ClaimId), ids);
    }

    [Fact]
    public void ABadLineStopsScoringNamingTheLineAndLeavesNoOutput()
    {
        var dir = Directory.CreateTempSubdirectory("claimfraud-score-").FullName;
        var input = Path.Combine(dir, "in.jsonl");
        var output = Path.Combine(dir, "out.jsonl");
        var lines = p.Claims.Take(5).Select(c => ClaimJson.Serialize(c.Claim)).ToList();
        lines[3] = lines[3].Replace("\"care_class\":", "\"care_class\":\"x\",\"was\":");
        File.WriteAllLines(input, lines);
        using var model = new FraudModel(p.Load());

        var e = Assert.Throws<BadClaimLineException>(() =>
            JsonlScoring.ScoreFile(input, output, new ClaimScorer(p.Evidence, model), p.Evidence.CreateHistory()));

        Assert.Equal(4, e.LineNumber);
        Assert.Contains("care_class", e.Message);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    private ModelEntry CopyEntry()
    {
        var root = Directory.CreateTempSubdirectory("claimfraud-models-copy-").FullName;
        var dir = Path.Combine(root, p.Entry.Name, p.Entry.Version.ToString());
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(p.Entry.Directory)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return new ModelEntry(p.Entry.Name, p.Entry.Version, dir);
    }
}
