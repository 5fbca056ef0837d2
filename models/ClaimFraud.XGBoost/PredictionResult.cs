namespace ClaimFraud.XGBoost;

/// <summary>
/// A prediction copied out of XGBoost: row-major <paramref name="Values"/> with XGBoost's reported
/// <paramref name="Shape"/>. Probabilities and margins are (rows); contributions are (rows, features + 1)
/// with the bias in the last column.
/// </summary>
public sealed record PredictionResult(float[] Values, ulong[] Shape)
{
    /// <summary>Number of rows (the first dimension).</summary>
    public int Rows => Shape.Length == 0 ? 0 : checked((int)Shape[0]);

    /// <summary>Values per row: 1 for a one-dimensional result, else the product of the trailing dimensions.</summary>
    public int Columns => Rows == 0 ? 0 : Values.Length / Rows;

    /// <summary>The values of one row.</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return Values.AsSpan(row * Columns, Columns);
    }

    /// <summary>The value at (row, column) of a two-dimensional result.</summary>
    public float this[int row, int column] => Row(row)[column];
}
