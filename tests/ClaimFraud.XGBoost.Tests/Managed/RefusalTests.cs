using System.Text;
using System.Text.Json.Nodes;
using ClaimFraud.XGBoost.Managed;

namespace ClaimFraud.XGBoost.Tests.Managed;

/// <summary>Models and inputs the evaluator must refuse, each with a message that names the problem.</summary>
[Collection(ManagedModelsCollection.Name)]
public sealed class RefusalTests(ManagedModels models)
{
    [Theory]
    [InlineData("gblinear", "gblinear")]
    [InlineData("dart", "dart")]
    public void BoostersOtherThanGbtreeAreRefused(string boosterName, string messagePart)
    {
        using Booster booster = Train(new Dictionary<string, object>
        {
            ["booster"] = boosterName, ["objective"] = "binary:logistic", ["seed"] = 3,
        });

        var error = Assert.Throws<NotSupportedException>(() => TreeEnsemble.FromBooster(booster));
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public void MultiClassModelsAreRefused()
    {
        using Booster booster = Train(new Dictionary<string, object>
        {
            ["objective"] = "multi:softprob", ["num_class"] = 3, ["max_depth"] = 2, ["seed"] = 3,
        }, labels: i => i % 3);

        var error = Assert.Throws<NotSupportedException>(() => TreeEnsemble.FromBooster(booster));
        Assert.Contains("num_class 3", error.Message);
    }

    [Fact]
    public void AnObjectiveWithoutKnownBaseScoreHandlingIsRefusedByName()
    {
        using Booster booster = Train(new Dictionary<string, object> { ["objective"] = "count:poisson", ["max_depth"] = 2 });

        var error = Assert.Throws<NotSupportedException>(() => TreeEnsemble.FromBooster(booster));
        Assert.Contains("count:poisson", error.Message);
    }

    [Fact]
    public void CategoricalSplitsAreRefused()
    {
        JsonNode model = RealModel();
        model["learner"]!["gradient_booster"]!["model"]!["trees"]![0]!["split_type"]![0] = 1;

        var error = Assert.Throws<NotSupportedException>(() => TreeEnsemble.FromJson(Bytes(model)));
        Assert.Contains("categorical", error.Message);
        Assert.Contains("trees[0].split_type[0]", error.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{}", "'learner'")]
    [InlineData("[1, 2, 3]", "'learner'")]
    public void TextThatIsNotAModelIsRefused(string text, string messagePart)
    {
        var error = Assert.Throws<FormatException>(() => TreeEnsemble.FromJson(Encoding.UTF8.GetBytes(text)));
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public void ATruncatedModelIsRefusedAsInvalidJson()
    {
        byte[] json = Bytes(RealModel());

        var error = Assert.Throws<FormatException>(() => TreeEnsemble.FromJson(json.AsSpan(0, json.Length / 2)));
        Assert.Contains("not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("mismatched-arrays", "right_children has")]
    [InlineData("child-out-of-range", "outside")]
    [InlineData("shared-child", "reached twice")]
    [InlineData("feature-out-of-range", "num_feature")]
    [InlineData("missing-sum-hessian", "sum_hessian")]
    [InlineData("text-threshold", "split_conditions[0]")]
    [InlineData("bad-base-score", "base_score")]
    [InlineData("no-num-feature", "num_feature")]
    [InlineData("tree-count", "num_trees")]
    public void InconsistentModelsAreRefusedNamingTheProblem(string damage, string messagePart)
    {
        JsonNode model = RealModel();
        JsonNode learner = model["learner"]!;
        JsonNode tree = learner["gradient_booster"]!["model"]!["trees"]![1]!;
        switch (damage)
        {
            case "mismatched-arrays":
                tree["right_children"]!.AsArray().RemoveAt(0);
                break;
            case "child-out-of-range":
                tree["left_children"]![0] = 999;
                break;
            case "shared-child":
                // Both of the root's children become the same node: not a tree.
                tree["right_children"]![0] = tree["left_children"]![0]!.GetValue<int>();
                break;
            case "feature-out-of-range":
                tree["split_indices"]![0] = 1000;
                break;
            case "missing-sum-hessian":
                tree.AsObject().Remove("sum_hessian");
                break;
            case "text-threshold":
                tree["split_conditions"]![0] = "0.5";
                break;
            case "bad-base-score":
                learner["learner_model_param"]!["base_score"] = "half";
                break;
            case "no-num-feature":
                learner["learner_model_param"]!.AsObject().Remove("num_feature");
                break;
            case "tree-count":
                learner["gradient_booster"]!["model"]!["gbtree_model_param"]!["num_trees"] = "7";
                break;
        }

        var error = Assert.Throws<FormatException>(() => TreeEnsemble.FromJson(Bytes(model)));
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public void RowsAndDestinationsOfTheWrongLengthAreRefused()
    {
        TreeEnsemble ensemble = models[ManagedShape.Stumps.Name].Ensemble;
        var shortRow = new float[ensemble.NumFeatures - 1];
        var row = new float[ensemble.NumFeatures];

        Assert.Contains("expects 10 features", Assert.Throws<ArgumentException>(() => ensemble.Margin(shortRow)).Message);
        Assert.Throws<ArgumentException>(() => ensemble.Contributions(shortRow, new float[ensemble.NumFeatures + 1]));
        Assert.Contains("needs 11", Assert.Throws<ArgumentException>(() => ensemble.Contributions(row, new float[ensemble.NumFeatures])).Message);
        Assert.Throws<ArgumentException>(() => ensemble.ApproximateContributions(row, new float[ensemble.NumFeatures + 2]));
    }

    private JsonNode RealModel() =>
        JsonNode.Parse(models[ManagedShape.Stumps.Name].Booster.SaveModelToBuffer(ModelFormat.Json))!;

    private static byte[] Bytes(JsonNode model) => Encoding.UTF8.GetBytes(model.ToJsonString());

    private static Booster Train(Dictionary<string, object> parameters, Func<int, float>? labels = null)
    {
        var random = new Random(5);
        const int rows = 300;
        const int cols = 4;
        var features = new float[rows * cols];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                features[i * cols + j] = (float)random.NextDouble();
            }

            y[i] = labels?.Invoke(i) ?? (features[i * cols] > 0.5f ? 1f : 0f);
        }

        using DMatrix dtrain = DMatrix.FromDense(features, rows, cols);
        dtrain.SetLabels(y);
        var booster = new Booster(dtrain);
        booster.SetParams(parameters);
        for (int i = 0; i < 3; i++)
        {
            booster.UpdateOneIter(i, dtrain);
        }

        return booster;
    }
}
