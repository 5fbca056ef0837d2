namespace ClaimFraud.XGBoost.Tests;

public sealed class FeatureScoreTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    [Theory]
    [InlineData(ImportanceType.Gain)]
    [InlineData(ImportanceType.TotalGain)]
    [InlineData(ImportanceType.TotalCover)]
    public void FeatureScoreRanksTheInformativeFeatureFirst(ImportanceType type)
    {
        IReadOnlyDictionary<string, float> scores = model.Booster.FeatureScore(type);

        Assert.Equal("signal", scores.MaxBy(kv => kv.Value).Key);
    }

    [Theory]
    [InlineData(ImportanceType.Gain)]
    [InlineData(ImportanceType.TotalGain)]
    [InlineData(ImportanceType.Cover)]
    [InlineData(ImportanceType.TotalCover)]
    [InlineData(ImportanceType.Weight)]
    public void FeatureScoreUsesTheTrainingFeatureNamesWithPositiveScores(ImportanceType type)
    {
        IReadOnlyDictionary<string, float> scores = model.Booster.FeatureScore(type);

        Assert.Contains("signal", scores.Keys);
        Assert.All(scores.Keys, name => Assert.Contains(name, SyntheticClaims.FeatureNames));
        Assert.All(scores.Values, score => Assert.True(score > 0));
    }

    [Fact]
    public void TotalGainIsGainTimesWeight()
    {
        IReadOnlyDictionary<string, float> gain = model.Booster.FeatureScore(ImportanceType.Gain);
        IReadOnlyDictionary<string, float> weight = model.Booster.FeatureScore(ImportanceType.Weight);
        IReadOnlyDictionary<string, float> total = model.Booster.FeatureScore(ImportanceType.TotalGain);

        foreach (string name in total.Keys)
        {
            Assert.Equal(total[name], gain[name] * weight[name], total[name] * 1e-4);
        }
    }

    [Fact]
    public void ExplicitFeatureNamesReplaceTheModelNames()
    {
        string[] names = ["x0", "x1", "x2", "x3", "x4", "x5"];

        IReadOnlyDictionary<string, float> scores = model.Booster.FeatureScore(ImportanceType.Gain, names);

        Assert.Equal("x0", scores.MaxBy(kv => kv.Value).Key);
        Assert.All(scores.Keys, name => Assert.Contains(name, names));
    }

    [Fact]
    public void FeatureNamesOfTheWrongCountAreRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => model.Booster.FeatureScore(ImportanceType.Gain, ["only", "three", "names"]));

        Assert.Contains("6", error.Message);
    }
}
