namespace ClaimFraud.XGBoost.Tests;

public sealed class PredictionTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    private const double SumTolerance = 1e-4;

    [Fact]
    public void ProbabilitiesEqualTheSigmoidOfTheMargin()
    {
        PredictionResult probabilities = model.Booster.Predict(model.DTest);
        PredictionResult margins = model.Booster.Predict(model.DTest, PredictionOptions.Margin);

        Assert.Equal([(ulong)model.Test.Rows], probabilities.Shape);
        Assert.Equal(probabilities.Shape, margins.Shape);
        for (int i = 0; i < model.Test.Rows; i++)
        {
            Assert.Equal(Scoring.Sigmoid(margins.Values[i]), probabilities.Values[i], 1e-6);
        }
    }

    [Theory]
    [InlineData(PredictionKind.Contributions)]
    [InlineData(PredictionKind.ApproximateContributions)]
    public void ContributionsPlusBiasSumToTheMarginForEveryRow(PredictionKind kind)
    {
        PredictionResult contributions = model.Booster.Predict(model.DTest, kind);
        float[] margins = model.Booster.Predict(model.DTest, PredictionOptions.Margin).Values;

        // One column per feature plus the bias column.
        Assert.Equal([(ulong)model.Test.Rows, SyntheticClaims.Columns + 1UL], contributions.Shape);
        for (int i = 0; i < model.Test.Rows; i++)
        {
            double sum = 0;
            foreach (float value in contributions.Row(i))
            {
                sum += value;
            }

            Assert.Equal(margins[i], sum, SumTolerance);
        }
    }

    [Fact]
    public void ExactAndApproximateContributionsDifferSoBothModesAreReallyRequested()
    {
        float[] exact = model.Booster.Predict(model.DTest, PredictionKind.Contributions).Values;
        float[] approximate = model.Booster.Predict(model.DTest, PredictionKind.ApproximateContributions).Values;

        Assert.NotEqual(exact, approximate);
    }

    [Fact]
    public void ShapRanksTheSignalFeatureHighestOnAverage()
    {
        PredictionResult contributions = model.Booster.Predict(model.DTest, PredictionKind.Contributions);
        var meanAbsolute = new double[SyntheticClaims.Columns];
        for (int i = 0; i < contributions.Rows; i++)
        {
            for (int j = 0; j < SyntheticClaims.Columns; j++)
            {
                meanAbsolute[j] += Math.Abs(contributions[i, j]) / contributions.Rows;
            }
        }

        Assert.Equal(0, Array.IndexOf(meanAbsolute, meanAbsolute.Max()));
    }

    [Theory]
    [InlineData(PredictionKind.Value)]
    [InlineData(PredictionKind.Margin)]
    [InlineData(PredictionKind.Contributions)]
    [InlineData(PredictionKind.ApproximateContributions)]
    public void DensePredictionsEqualDMatrixPredictions(PredictionKind kind)
    {
        var options = PredictionOptions.Probability with { Kind = kind };
        PredictionResult fromDMatrix = model.Booster.Predict(model.DTest, options);
        PredictionResult fromDense = model.Booster.PredictDense(model.Test.Features, model.Test.Rows, SyntheticClaims.Columns, options);

        Assert.Equal(fromDMatrix.Shape, fromDense.Shape);
        Assert.Equal(fromDMatrix.Values, fromDense.Values);
    }

    [Fact]
    public void PredictRowGivesTheSameProbabilityAsTheBatch()
    {
        float[] batch = model.Booster.Predict(model.DTest).Values;
        for (int i = 0; i < 50; i++)
        {
            PredictionResult single = model.Booster.PredictRow(model.Test.Row(i));
            Assert.Equal([1UL], single.Shape);
            Assert.Equal(batch[i], single.Values[0]);
        }
    }

    [Fact]
    public void AnIterationRangeUsesOnlyThoseRounds()
    {
        using Booster tenRounds = TrainedModel.TrainBooster(model.DTrain, rounds: 10);
        float[] fromShortModel = tenRounds.Predict(model.DTest, PredictionOptions.Margin).Values;
        float[] firstTen = model.Booster.Predict(model.DTest, PredictionOptions.Margin.UpToIteration(9)).Values;
        float[] all = model.Booster.Predict(model.DTest, PredictionOptions.Margin).Values;
        float[] rest = model.Booster.Predict(model.DTest, PredictionOptions.Margin with { IterationBegin = 10, IterationEnd = TrainedModel.Rounds }).Values;

        // Boosting is sequential: the first ten rounds of the long model are the ten-round model.
        Assert.Equal(fromShortModel, firstTen);
        Assert.NotEqual(all, firstTen);
        // base_score 0.5 has margin 0, so the two ranges add up to the whole model.
        for (int i = 0; i < all.Length; i++)
        {
            Assert.Equal(all[i], firstTen[i] + rest[i], SumTolerance);
        }
    }

    [Fact]
    public void NaNIsTreatedAsMissing()
    {
        const float sentinel = -999f;
        int rows = 200;
        float[] withNaN = model.Test.Features[..(rows * SyntheticClaims.Columns)];
        float[] withSentinel = (float[])withNaN.Clone();
        float[] withZero = (float[])withNaN.Clone();
        for (int i = 0; i < rows; i++)
        {
            // Blank the dominant feature so the missing branch decides the outcome.
            withNaN[i * SyntheticClaims.Columns] = float.NaN;
            withSentinel[i * SyntheticClaims.Columns] = sentinel;
            withZero[i * SyntheticClaims.Columns] = 0f;
        }

        using DMatrix nanMatrix = DMatrix.FromDense(withNaN, rows, SyntheticClaims.Columns);
        using DMatrix sentinelMatrix = DMatrix.FromDense(withSentinel, rows, SyntheticClaims.Columns, missing: sentinel);
        using DMatrix zeroMatrix = DMatrix.FromDense(withZero, rows, SyntheticClaims.Columns);

        float[] nan = model.Booster.Predict(nanMatrix).Values;
        Assert.Equal(model.Booster.Predict(sentinelMatrix).Values, nan);
        Assert.Equal(model.Booster.PredictDense(withNaN, rows, SyntheticClaims.Columns).Values, nan);
        Assert.Equal(
            model.Booster.PredictDense(withSentinel, rows, SyntheticClaims.Columns, PredictionOptions.Probability with { Missing = sentinel }).Values,
            nan);
        Assert.All(nan, p => Assert.False(float.IsNaN(p)));
        // Missing is its own branch, not a stand-in for zero.
        Assert.NotEqual(model.Booster.Predict(zeroMatrix).Values, nan);
    }
}
