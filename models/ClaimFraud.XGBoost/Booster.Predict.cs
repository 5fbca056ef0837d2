using System.Globalization;
using ClaimFraud.XGBoost.Interop;

namespace ClaimFraud.XGBoost;

public sealed unsafe partial class Booster
{
    /// <summary>Predicts every row of <paramref name="data"/> (XGBoosterPredictFromDMatrix). Default: probabilities.</summary>
    public PredictionResult Predict(DMatrix data, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= PredictionOptions.Probability;
        using var _ = EnterRead();
        ErrorCheck.Check(NativeMethods.XGBoosterPredictFromDMatrix(
            _handle, data.Handle, options.DMatrixConfig(), out ulong* shape, out ulong dimensions, out float* result));
        return CopyResult(shape, dimensions, result);
    }

    /// <inheritdoc cref="Predict(DMatrix, PredictionOptions?)"/>
    public PredictionResult Predict(DMatrix data, PredictionKind kind) =>
        Predict(data, PredictionOptions.Probability with { Kind = kind });

    /// <summary>
    /// Predicts row-major dense data without building a DMatrix (XGBoosterPredictFromDense, reading the
    /// caller's memory in place). XGBoost 1.7's in-place path only computes values and margins, so
    /// contribution requests build a temporary DMatrix from the same data instead.
    /// </summary>
    public PredictionResult PredictDense(ReadOnlySpan<float> values, int rows, int cols, PredictionOptions? options = null)
    {
        DMatrix.ValidateDense(values.Length, rows, cols, nameof(values));
        ArgumentOutOfRangeException.ThrowIfZero(rows);
        options ??= PredictionOptions.Probability;
        if (options.IsContribution)
        {
            using var matrix = DMatrix.FromDense(values, rows, cols, options.Missing);
            return Predict(matrix, options);
        }

        using var _ = EnterRead();
        fixed (float* data = values)
        {
            ErrorCheck.Check(NativeMethods.XGBoosterPredictFromDense(
                _handle, ArrayInterface(data, rows, cols), options.DenseConfig(), proxy: 0,
                out ulong* shape, out ulong dimensions, out float* result));
            return CopyResult(shape, dimensions, result);
        }
    }

    /// <summary>Predicts one row given as its feature values (the single-claim serving path).</summary>
    public PredictionResult PredictRow(ReadOnlySpan<float> features, PredictionOptions? options = null) =>
        PredictDense(features, 1, features.Length, options);

    // numpy's __array_interface__ (version 3): C-contiguous float32, read-only, at a pinned address.
    private static string ArrayInterface(float* data, int rows, int cols) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"data\":[{(ulong)data},true],\"shape\":[{rows},{cols}],\"typestr\":\"<f4\",\"version\":3}}");

    // XGBoost's buffers are per thread and reused by the next call on this thread: copy now.
    private static PredictionResult CopyResult(ulong* shape, ulong dimensions, float* result)
    {
        var dims = new ReadOnlySpan<ulong>(shape, checked((int)dimensions)).ToArray();
        ulong count = 1;
        foreach (ulong d in dims)
        {
            count = checked(count * d);
        }

        var values = dims.Length == 0 ? [] : new ReadOnlySpan<float>(result, checked((int)count)).ToArray();
        return new PredictionResult(values, dims);
    }
}
