namespace ClaimFraud.XGBoost.Tests;

public sealed class DMatrixTests
{
    [Fact]
    public void ShapeLabelsWeightsAndFeatureNamesRoundTrip()
    {
        float[] data = [1, 2, 3, 4, 5, float.NaN];
        using DMatrix matrix = DMatrix.FromDense(data.AsSpan(), rows: 2, cols: 3);

        matrix.SetLabels([1f, 0f]);
        matrix.SetWeights([0.5f, 2f]);
        matrix.SetFeatureNames(["tarif", "lama_rawat", "jumlah_tindakan"]);

        Assert.Equal(2, matrix.NumRows);
        Assert.Equal(3, matrix.NumCols);
        Assert.Equal([1f, 0f], matrix.GetLabels());
        Assert.Equal([0.5f, 2f], matrix.GetWeights());
        Assert.Equal(["tarif", "lama_rawat", "jumlah_tindakan"], matrix.GetFeatureNames());
    }

    [Fact]
    public void AMatrixWithoutLabelsOrNamesReportsEmptyLists()
    {
        using DMatrix matrix = DMatrix.FromDense(new float[4], 2, 2);

        Assert.Empty(matrix.GetLabels());
        Assert.Empty(matrix.GetWeights());
        Assert.Empty(matrix.GetFeatureNames());
    }

    [Fact]
    public void TheSourceArrayCanBeReusedBecauseDataIsCopiedIn()
    {
        var data = SyntheticClaims.Generate(seed: 11, rows: 400);
        using DMatrix dtrain = data.ToDMatrix();
        using Booster booster = TrainedModel.TrainBooster(dtrain, rounds: 5);
        float[] before = booster.Predict(dtrain).Values;

        float[] reused = data.Features;
        using DMatrix copy = DMatrix.FromDense(reused, data.Rows, SyntheticClaims.Columns);
        Array.Fill(reused, 123f);

        Assert.Equal(before, booster.Predict(copy).Values);
    }
}
