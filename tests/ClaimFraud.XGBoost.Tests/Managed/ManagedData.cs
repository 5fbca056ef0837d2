namespace ClaimFraud.XGBoost.Tests.Managed;

/// <summary>
/// Seeded rows for a <see cref="ManagedShape"/>: the usable features drive the label (with an interaction and
/// a threshold effect), the last <see cref="ManagedShape.UnusedFeatures"/> columns are constant or always
/// missing, so XGBoost can never split on them.
/// </summary>
internal sealed record ManagedData(float[] Features, float[] Labels, int Rows, int Columns)
{
    public static ManagedData Generate(ManagedShape shape, int seed, int rows)
    {
        var random = new Random(seed);
        int columns = shape.Features;
        int usable = columns - shape.UnusedFeatures;
        var features = new float[rows * columns];
        var labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            Span<float> row = features.AsSpan(i * columns, columns);
            double signal = 0;
            for (int j = 0; j < usable; j++)
            {
                double value = random.NextDouble() * 4 - 2;
                bool missing = random.NextDouble() < shape.MissingRate;
                row[j] = missing ? float.NaN : (float)value;
                if (!missing)
                {
                    signal += (j % 3 == 0 ? 1.0 : -0.6) * value / (1 + j % 4);
                }
            }

            for (int j = usable; j < columns; j++)
            {
                row[j] = j % 2 == 0 ? 1f : float.NaN;
            }

            if (usable >= 2 && !float.IsNaN(row[0]) && !float.IsNaN(row[1]))
            {
                signal += row[0] > 0 && row[1] > 0 ? 1.5 : -0.3;
            }

            double noise = random.NextDouble() * 2 - 1;
            labels[i] = shape.Objective == "reg:squarederror"
                ? (float)(signal + 0.3 * noise)
                : random.NextDouble() < 1 / (1 + Math.Exp(-(2 * signal + noise))) ? 1f : 0f;
        }

        return new ManagedData(features, labels, rows, columns);
    }

    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * Columns, Columns);

    public DMatrix ToDMatrix()
    {
        var matrix = DMatrix.FromDense(Features, Rows, Columns);
        matrix.SetLabels(Labels);
        return matrix;
    }
}
