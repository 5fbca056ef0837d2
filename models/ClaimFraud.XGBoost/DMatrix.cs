using ClaimFraud.XGBoost.Interop;

namespace ClaimFraud.XGBoost;

/// <summary>
/// XGBoost's data matrix: features plus labels, weights and feature names. The data are copied in,
/// so the source array can be reused at once. Not safe to mutate from several threads; concurrent
/// predictions on the same matrix are fine.
/// </summary>
public sealed unsafe class DMatrix : IDisposable
{
    private const string LabelField = "label";
    private const string WeightField = "weight";
    private const string FeatureNameField = "feature_name";

    private readonly SafeDMatrixHandle _handle;

    private DMatrix(SafeDMatrixHandle handle, long rows, long cols)
    {
        _handle = handle;
        NumRows = rows;
        NumCols = cols;
    }

    /// <summary>Number of rows.</summary>
    public long NumRows { get; }

    /// <summary>Number of feature columns.</summary>
    public long NumCols { get; }

    internal SafeDMatrixHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>
    /// Builds a matrix from row-major dense data (<paramref name="rows"/> × <paramref name="cols"/>).
    /// Cells equal to <paramref name="missing"/> (NaN by default; NaN cells are always missing) are missing.
    /// </summary>
    public static DMatrix FromDense(float[] data, int rows, int cols, float missing = float.NaN)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromDense(data.AsSpan(), rows, cols, missing);
    }

    /// <inheritdoc cref="FromDense(float[], int, int, float)"/>
    public static DMatrix FromDense(ReadOnlySpan<float> data, int rows, int cols, float missing = float.NaN)
    {
        ValidateDense(data.Length, rows, cols, nameof(data));
        SafeDMatrixHandle handle;
        fixed (float* p = data)
        {
            ErrorCheck.Check(NativeMethods.XGDMatrixCreateFromMat(p, (ulong)rows, (ulong)cols, missing, out handle));
        }

        return new DMatrix(handle, rows, cols);
    }

    /// <summary>Sets one label per row (0/1 for binary:logistic).</summary>
    public void SetLabels(ReadOnlySpan<float> labels) => SetFloatInfo(LabelField, labels, nameof(labels));

    /// <summary>Sets one non-negative weight per row.</summary>
    public void SetWeights(ReadOnlySpan<float> weights) => SetFloatInfo(WeightField, weights, nameof(weights));

    /// <summary>A copy of the labels (empty when none were set).</summary>
    public float[] GetLabels() => GetFloatInfo(LabelField);

    /// <summary>A copy of the weights (empty when none were set).</summary>
    public float[] GetWeights() => GetFloatInfo(WeightField);

    /// <summary>
    /// Names the columns, so boosters trained on this matrix report importance and save models with
    /// these names. Names must be unique, non-blank, and one per column.
    /// </summary>
    public void SetFeatureNames(IReadOnlyList<string> names)
    {
        FeatureNames.Validate(names, NumCols, nameof(names));
        using var utf8 = new Utf8StringArray(names);
        fixed (nint* p = utf8.Pointers)
        {
            ErrorCheck.Check(NativeMethods.XGDMatrixSetStrFeatureInfo(Handle, FeatureNameField, p, (ulong)names.Count));
        }
    }

    /// <summary>The column names, or an empty list when none were set.</summary>
    public IReadOnlyList<string> GetFeatureNames()
    {
        ErrorCheck.Check(NativeMethods.XGDMatrixGetStrFeatureInfo(Handle, FeatureNameField, out ulong count, out nint* names));
        return NativeStrings.ReadArray(names, count);
    }

    public void Dispose() => _handle.Dispose();

    internal static void ValidateDense(int length, int rows, int cols, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        if ((long)rows * cols != length)
        {
            throw new ArgumentException(
                $"Dense data has {length} values but rows × cols = {rows} × {cols} = {(long)rows * cols}.", paramName);
        }
    }

    private void SetFloatInfo(string field, ReadOnlySpan<float> values, string paramName)
    {
        if (values.Length != NumRows)
        {
            throw new ArgumentException(
                $"Expected one {field} per row ({NumRows}) but got {values.Length}.", paramName);
        }

        fixed (float* p = values)
        {
            ErrorCheck.Check(NativeMethods.XGDMatrixSetFloatInfo(Handle, field, p, (ulong)values.Length));
        }
    }

    private float[] GetFloatInfo(string field)
    {
        ErrorCheck.Check(NativeMethods.XGDMatrixGetFloatInfo(Handle, field, out ulong length, out float* values));
        return new ReadOnlySpan<float>(values, checked((int)length)).ToArray();
    }
}
