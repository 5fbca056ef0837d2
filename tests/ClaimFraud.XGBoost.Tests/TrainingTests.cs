using System.Globalization;
using System.Text.Json;

namespace ClaimFraud.XGBoost.Tests;

public sealed class TrainingTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    [Fact]
    public void TrainingOnASeededRuleGivesHighAucAndAccuracyOnHeldOutRows()
    {
        float[] probabilities = model.Booster.Predict(model.DTest).Values;

        Assert.Equal(model.Test.Rows, probabilities.Length);
        Assert.True(Scoring.RocAuc(probabilities, model.Test.Labels) > 0.95, "held-out AUC should exceed 0.95");
        Assert.True(Scoring.Accuracy(probabilities, model.Test.Labels) > 0.88, "held-out accuracy should exceed 0.88");
    }

    [Fact]
    public void EvalOneIterReportsParsedMetricsThatMatchItsTextAndOurAuc()
    {
        EvaluationResult result = model.Booster.EvalOneIter(
            TrainedModel.Rounds - 1, (model.DTrain, "train"), (model.DTest, "test"));

        Assert.StartsWith($"[{TrainedModel.Rounds - 1}]", result.Text);
        Assert.Equal(["test-auc", "test-logloss", "train-auc", "train-logloss"], result.Metrics.Keys.Order());
        foreach ((string key, double value) in result.Metrics)
        {
            Assert.Contains($"\t{key}:", result.Text);
            Assert.InRange(value, 1e-6, 1.0);
        }

        double ourAuc = Scoring.RocAuc(model.Booster.Predict(model.DTest).Values, model.Test.Labels);
        Assert.Equal(ourAuc, result.Metrics["test-auc"], 4);
    }

    [Fact]
    public void TrainingTwiceWithTheSameSeedGivesIdenticalModelBytes()
    {
        using Booster first = TrainedModel.TrainBooster(model.DTrain, rounds: 10);
        using Booster second = TrainedModel.TrainBooster(model.DTrain, rounds: 10);

        Assert.Equal(first.SaveModelToBuffer(ModelFormat.Ubj), second.SaveModelToBuffer(ModelFormat.Ubj));
    }

    [Fact]
    public void ModelReportsItsRoundsFeaturesAndTheTrainingFeatureNames()
    {
        Assert.Equal(TrainedModel.Rounds, model.Booster.BoostedRounds);
        Assert.Equal(SyntheticClaims.Columns, model.Booster.NumFeatures);
        Assert.Equal(SyntheticClaims.FeatureNames, model.Booster.GetFeatureNames());
    }

    [Fact]
    public void SetParamsFormatsNumbersWithTheInvariantCultureEvenUnderIndonesianCulture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            // id-ID writes 0.3 as "0,3", which XGBoost would reject or misread.
            CultureInfo.CurrentCulture = new CultureInfo("id-ID");
            using var booster = new Booster(model.DTrain);
            booster.SetParams(new Dictionary<string, object> { ["objective"] = "binary:logistic", ["eta"] = 0.3 });
            booster.UpdateOneIter(0, model.DTrain);

            string eta = FindStringProperty(JsonDocument.Parse(booster.SaveJsonConfig()).RootElement, "eta")
                ?? throw new Xunit.Sdk.XunitException("eta not found in the booster's JSON config");
            Assert.Equal(0.3, double.Parse(eta, CultureInfo.InvariantCulture), 6);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void JsonConfigLoadedIntoANewBoosterKeepsTheObjectiveAndDepth()
    {
        string config = model.Booster.SaveJsonConfig();
        using var fresh = new Booster(model.DTrain);
        fresh.LoadJsonConfig(config);

        JsonElement root = JsonDocument.Parse(fresh.SaveJsonConfig()).RootElement;
        Assert.Equal("binary:logistic", root.GetProperty("learner").GetProperty("objective").GetProperty("name").GetString());
        Assert.Equal("4", FindStringProperty(root, "max_depth"));
    }

    [Fact]
    public void SetParamsSetsEachElementOfASequenceAndRejectsNullValues()
    {
        Assert.Equal(["auc", "logloss"], Booster.FormatParameter("eval_metric", new[] { "auc", "logloss" }));
        Assert.Equal(["true"], Booster.FormatParameter("validate_parameters", true));
        ArgumentException error = Assert.Throws<ArgumentException>(() => Booster.FormatParameter("eta", null));
        Assert.Contains("eta", error.Message);
    }

    private static string? FindStringProperty(JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.Name == name && property.Value.ValueKind == JsonValueKind.String)
                    {
                        return property.Value.GetString();
                    }

                    if (FindStringProperty(property.Value, name) is { } nested)
                    {
                        return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (FindStringProperty(item, name) is { } nested)
                    {
                        return nested;
                    }
                }

                break;
        }

        return null;
    }
}
