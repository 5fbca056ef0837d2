namespace ClaimFraud.XGBoost.Tests;

public sealed class SliceTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    [Fact]
    public void ASlicedBoosterPredictsLikeTheIterationRangeItKeeps()
    {
        using var sliced = model.Booster.Slice(0, 25);

        var expected = model.Booster.Predict(model.DTest, PredictionOptions.Probability.UpToIteration(24)).Values;
        var actual = sliced.Predict(model.DTest, PredictionOptions.Probability).Values;

        Assert.Equal(25, sliced.BoostedRounds);
        Assert.Equal(expected, actual);
        Assert.NotEqual(model.Booster.Predict(model.DTest).Values, actual);
    }

    [Fact]
    public void ASlicedBoosterKeepsTheFeatureNames() =>
        Assert.Equal(model.Booster.GetFeatureNames(), model.Booster.Slice(0, 10).GetFeatureNames());

    [Fact]
    public void AnEmptyRangeIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Booster.Slice(5, 5));
}
