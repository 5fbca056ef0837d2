namespace ClaimFraud.Modeling.Data;

/// <summary>A dense row-major float matrix of features with its labels: what XGBoost trains on.</summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(float[] values, int rows, IReadOnlyList<string> featureNames, bool[] labels)
    {
        if (featureNames.Count == 0) throw new ArgumentException("A feature matrix needs at least one feature.", nameof(featureNames));
        if (values.Length != (long)rows * featureNames.Count)
            throw new ArgumentException($"{values.Length} values do not make {rows} rows of {featureNames.Count} features.", nameof(values));
        if (labels.Length != rows) throw new ArgumentException($"{labels.Length} labels for {rows} rows.", nameof(labels));
        Values = values;
        Rows = rows;
        FeatureNames = featureNames;
        Labels = labels;
    }

    public float[] Values { get; }
    public int Rows { get; }
    public int Columns => FeatureNames.Count;
    public IReadOnlyList<string> FeatureNames { get; }
    public bool[] Labels { get; }

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public long Positives
    {
        get
        {
            long p = 0;
            foreach (bool y in Labels) if (y) p++;
            return p;
        }
    }

    public float[] LabelsAsFloats()
    {
        var y = new float[Rows];
        for (int i = 0; i < Rows; i++) y[i] = Labels[i] ? 1f : 0f;
        return y;
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public FeatureMatrix Subset(ReadOnlySpan<int> indices)
    {
        var values = new float[(long)indices.Length * Columns];
        var labels = new bool[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            Row(indices[k]).CopyTo(values.AsSpan(k * Columns, Columns));
            labels[k] = Labels[indices[k]];
        }
        return new FeatureMatrix(values, indices.Length, FeatureNames, labels);
    }
}
