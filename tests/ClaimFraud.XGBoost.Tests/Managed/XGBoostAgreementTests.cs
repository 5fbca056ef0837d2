using ClaimFraud.XGBoost.Managed;

namespace ClaimFraud.XGBoost.Tests.Managed;

/// <summary>The managed evaluator against the real XGBoost 1.7 on models XGBoost trains here.</summary>
[Collection(ManagedModelsCollection.Name)]
public sealed class XGBoostAgreementTests(ManagedModels models)
{
    private const double MarginRelativeTolerance = 1e-5;
    private const double ContributionTolerance = 1e-4;

    // XGBoost's pred_contribs is costly on the largest models; a thousand rows still cover every leaf often.
    private const int ContributionRows = 1000;

    [Theory]
    [MemberData(nameof(ManagedShape.Names), MemberType = typeof(ManagedShape))]
    public void MarginsEqualXGBoostMargins(string shape)
    {
        TrainedShape model = models[shape];
        float[] expected = model.Booster.Predict(model.DTest, PredictionOptions.Margin).Values;

        for (int i = 0; i < model.Test.Rows; i++)
        {
            float actual = model.Ensemble.Margin(model.Test.Row(i));
            Assert.True(
                Math.Abs(actual - expected[i]) <= MarginRelativeTolerance * Math.Max(1.0, Math.Abs(expected[i])),
                $"{shape} row {i}: managed {actual} vs XGBoost {expected[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(ManagedShape.Names), MemberType = typeof(ManagedShape))]
    public void ProbabilitiesEqualXGBoostPredictionsForLogisticObjectives(string shape)
    {
        TrainedShape model = models[shape];
        if (!model.Shape.IsLogistic)
        {
            Assert.Throws<InvalidOperationException>(() => model.Ensemble.Probability(model.Test.Row(0)));
            return;
        }

        float[] expected = model.Booster.Predict(model.DTest).Values;
        for (int i = 0; i < model.Test.Rows; i++)
        {
            Assert.Equal(expected[i], model.Ensemble.Probability(model.Test.Row(i)), 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(ManagedShape.Names), MemberType = typeof(ManagedShape))]
    public void ContributionsEqualXGBoostPredContribs(string shape)
    {
        TrainedShape model = models[shape];
        AssertContributionsMatch(model, PredictionKind.Contributions, (row, destination) => model.Ensemble.Contributions(row, destination));
    }

    [Theory]
    [MemberData(nameof(ManagedShape.Names), MemberType = typeof(ManagedShape))]
    public void ApproximateContributionsEqualXGBoostApproxContribs(string shape)
    {
        TrainedShape model = models[shape];
        AssertContributionsMatch(
            model, PredictionKind.ApproximateContributions, (row, destination) => model.Ensemble.ApproximateContributions(row, destination));
    }

    [Theory]
    [MemberData(nameof(ManagedShape.Names), MemberType = typeof(ManagedShape))]
    public void ContributionsPlusBiasEqualTheMarginTheyReturn(string shape)
    {
        TrainedShape model = models[shape];
        var contributions = new float[model.Ensemble.NumFeatures + 1];
        for (int i = 0; i < ContributionRows; i++)
        {
            float margin = model.Ensemble.Contributions(model.Test.Row(i), contributions);
            Assert.Equal(model.Ensemble.Margin(model.Test.Row(i)), margin);
            Assert.Equal(model.Ensemble.ExpectedValue, contributions[^1]);
            double sum = 0;
            foreach (float value in contributions)
            {
                sum += value;
            }

            Assert.True(Math.Abs(sum - margin) <= 1e-4 * Math.Max(1.0, Math.Abs(margin)), $"{shape} row {i}: sum {sum} vs margin {margin}");
        }
    }

    [Fact]
    public void FeaturesTheModelNeverSplitsOnGetExactlyZero()
    {
        TrainedShape model = models[ManagedShape.Serving.Name];
        int firstUnused = model.Shape.Features - model.Shape.UnusedFeatures;
        var contributions = new float[model.Ensemble.NumFeatures + 1];
        var approximate = new float[model.Ensemble.NumFeatures + 1];
        for (int i = 0; i < 500; i++)
        {
            model.Ensemble.Contributions(model.Test.Row(i), contributions);
            model.Ensemble.ApproximateContributions(model.Test.Row(i), approximate);
            for (int j = firstUnused; j < model.Shape.Features; j++)
            {
                Assert.Equal(0f, contributions[j]);
                Assert.Equal(0f, approximate[j]);
            }
        }

        // And the used ones are not all zero, so the check above means something.
        Assert.Contains(contributions.Take(firstUnused), value => value != 0f);
    }

    [Fact]
    public void TheDescriptionMatchesTheTrainedModel()
    {
        TrainedShape model = models[ManagedShape.Weighted.Name];
        TreeEnsemble ensemble = model.Ensemble;

        Assert.Equal(model.Shape.Features, ensemble.NumFeatures);
        Assert.Equal(model.Shape.Rounds, ensemble.TreeCount);
        Assert.Equal(model.Shape.Depth, ensemble.MaxDepth);
        Assert.Equal("binary:logistic", ensemble.Objective);
        Assert.Equal(-MathF.Log(1f / 0.2f - 1f), ensemble.BaseMargin);
    }

    [Fact]
    public void ASlicedEarlyStoppedModelMatchesXGBoost()
    {
        ManagedShape shape = ManagedShape.Serving with { Name = "early-stopping", Features = 20, UnusedFeatures = 2 };
        var train = ManagedData.Generate(shape, seed: 71, rows: 2000);
        var valid = ManagedData.Generate(shape, seed: 72, rows: 1000);
        using DMatrix dtrain = train.ToDMatrix();
        using DMatrix dvalid = valid.ToDMatrix();
        using var booster = new Booster(dtrain, dvalid);
        booster.SetParams(shape.Parameters());
        booster.SetParams(new Dictionary<string, object> { ["eval_metric"] = "logloss", ["eta"] = 0.3 });

        double best = double.MaxValue;
        int bestIteration = 0;
        for (int i = 0; i < 300 && i - bestIteration < 10; i++)
        {
            booster.UpdateOneIter(i, dtrain);
            double loss = booster.EvalOneIter(i, (dvalid, "valid")).Metrics["valid-logloss"];
            if (loss < best)
            {
                (best, bestIteration) = (loss, i);
            }
        }

        Assert.True(booster.BoostedRounds > bestIteration + 1, "early stopping never triggered, so slicing is not tested");
        using Booster sliced = booster.Slice(0, bestIteration + 1);
        TreeEnsemble ensemble = TreeEnsemble.FromBooster(sliced);

        Assert.Equal(bestIteration + 1, ensemble.TreeCount);
        float[] margins = booster.Predict(dvalid, PredictionOptions.Margin.UpToIteration(bestIteration)).Values;
        PredictionResult shap = booster.Predict(dvalid, PredictionOptions.Contributions.UpToIteration(bestIteration));
        var contributions = new float[shape.Features + 1];
        for (int i = 0; i < valid.Rows; i++)
        {
            Assert.True(Math.Abs(ensemble.Margin(valid.Row(i)) - margins[i]) <= MarginRelativeTolerance * Math.Max(1, Math.Abs(margins[i])));
            ensemble.Contributions(valid.Row(i), contributions);
            AssertClose(shap.Row(i), contributions, $"row {i}");
        }
    }

    private static void AssertContributionsMatch(TrainedShape model, PredictionKind kind, Func<float[], float[], float> compute)
    {
        int rows = Math.Min(ContributionRows, model.Test.Rows);
        using DMatrix subset = DMatrix.FromDense(model.Test.Features.AsSpan(0, rows * model.Test.Columns), rows, model.Test.Columns);
        PredictionResult expected = model.Booster.Predict(subset, kind);
        Assert.Equal([(ulong)rows, (ulong)model.Shape.Features + 1], expected.Shape);

        var destination = new float[model.Shape.Features + 1];
        for (int i = 0; i < rows; i++)
        {
            compute(model.Test.Row(i).ToArray(), destination);
            AssertClose(expected.Row(i), destination, $"{model.Shape.Name} {kind} row {i}");
        }
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string where)
    {
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.True(Math.Abs(actual[j] - expected[j]) <= ContributionTolerance,
                $"{where}, column {j}: managed {actual[j]} vs XGBoost {expected[j]}");
        }
    }
}
