namespace ClaimFraud.XGBoost.Tests;

public sealed class ErrorTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    [Fact]
    public void AnUnknownObjectiveThrowsXGBoostExceptionWithTheLibraryMessage()
    {
        using var booster = new Booster(model.DTrain);
        booster.SetParam("objective", "binary:nonsense");

        // XGBoost validates parameters lazily, on the first round.
        XGBoostException error = Assert.Throws<XGBoostException>(() => booster.UpdateOneIter(0, model.DTrain));

        Assert.Equal("XGBoosterUpdateOneIter", error.Function);
        Assert.Contains("binary:nonsense", error.NativeMessage);
        Assert.Contains("Unknown objective function", error.Message);
        Assert.DoesNotContain("Stack trace:", error.Message);
    }

    [Fact]
    public void AnInvalidParameterValueThrowsXGBoostExceptionNamingTheParameter()
    {
        using var booster = new Booster(model.DTrain);
        booster.SetParams(new Dictionary<string, object> { ["objective"] = "binary:logistic", ["max_depth"] = "deep" });

        XGBoostException error = Assert.Throws<XGBoostException>(() => booster.UpdateOneIter(0, model.DTrain));

        Assert.Contains("max_depth", error.NativeMessage);
        Assert.Contains("deep", error.NativeMessage);
    }

    [Fact]
    public void LoadingAGarbageBufferThrowsXGBoostExceptionWithTheLibraryMessage()
    {
        byte[] garbage = "this is not an XGBoost model"u8.ToArray();

        XGBoostException error = Assert.Throws<XGBoostException>(() => Booster.Load(garbage));

        Assert.Equal("XGBoosterLoadModelFromBuffer", error.Function);
        Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
        Assert.Contains(error.NativeMessage.Split('\n')[0].Trim(), error.Message);
    }

    [Fact]
    public void LoadingGarbageFromAJsonFileThrowsXGBoostException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"claimfraud-garbage-{Environment.ProcessId}.json");
        File.WriteAllText(path, "{ not json at all");
        try
        {
            XGBoostException error = Assert.Throws<XGBoostException>(() => Booster.Load(path));
            Assert.Equal("XGBoosterLoadModel", error.Function);
            Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PredictingRowsWithTheWrongColumnCountThrowsXGBoostException()
    {
        XGBoostException error = Assert.Throws<XGBoostException>(() => model.Booster.PredictDense(new float[10], 2, 5));

        Assert.Contains("column", error.NativeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DenseInputWhoseLengthIsNotRowsTimesColumnsIsRejected()
    {
        ArgumentException fromDense = Assert.Throws<ArgumentException>(() => DMatrix.FromDense(new float[10], 3, 3));
        ArgumentException predict = Assert.Throws<ArgumentException>(() => model.Booster.PredictDense(new float[10], 3, 3));

        Assert.Contains("3 × 3 = 9", fromDense.Message);
        Assert.Contains("10", predict.Message);
    }

    [Fact]
    public void LabelsOfTheWrongLengthAreRejectedWithBothCounts()
    {
        using DMatrix matrix = DMatrix.FromDense(new float[12], 4, 3);

        ArgumentException error = Assert.Throws<ArgumentException>(() => matrix.SetLabels([1f, 0f]));

        Assert.Contains("(4)", error.Message);
        Assert.Contains("got 2", error.Message);
    }

    [Fact]
    public void DuplicateOrBlankFeatureNamesAreRejected()
    {
        using DMatrix matrix = DMatrix.FromDense(new float[6], 2, 3);

        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => matrix.SetFeatureNames(["a", "b", "a"])).Message);
        Assert.Contains("blank", Assert.Throws<ArgumentException>(() => matrix.SetFeatureNames(["a", " ", "c"])).Message);
        Assert.Contains("3 feature names", Assert.Throws<ArgumentException>(() => matrix.SetFeatureNames(["a"])).Message);
    }

    [Fact]
    public void DisposingTwiceIsSafeAndUseAfterDisposeThrowsObjectDisposed()
    {
        DMatrix matrix = DMatrix.FromDense(model.Test.Features, model.Test.Rows, SyntheticClaims.Columns);
        Booster booster = model.Copy();

        booster.Dispose();
        booster.Dispose();
        matrix.Dispose();
        matrix.Dispose();

        Assert.Throws<ObjectDisposedException>(() => booster.Predict(model.DTest));
        Assert.Throws<ObjectDisposedException>(() => booster.BoostedRounds);
        Assert.Throws<ObjectDisposedException>(() => model.Booster.Predict(matrix));
        Assert.Throws<ObjectDisposedException>(() => matrix.GetLabels());
    }

    [Fact]
    public void AMatrixUsedToCreateABoosterCanBeDisposedFirst()
    {
        var data = SyntheticClaims.Generate(seed: 5, rows: 300);
        DMatrix dtrain = data.ToDMatrix();
        using Booster booster = TrainedModel.TrainBooster(dtrain, rounds: 3);

        dtrain.Dispose();

        Assert.Equal(model.Test.Rows, booster.Predict(model.DTest).Values.Length);
    }
}
