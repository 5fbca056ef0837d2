namespace ClaimFraud.XGBoost.Tests;

/// <summary>
/// Seeded synthetic rows with a known rule, so a model's quality and explanations can be checked.
/// "signal" dominates the label; "secondary" and the interaction pair matter less; the noise columns
/// do not matter at all. About 3% of "secondary" is missing (NaN).
/// </summary>
internal sealed record SyntheticClaims(float[] Features, float[] Labels, int Rows)
{
    public const int Columns = 6;

    public static readonly string[] FeatureNames =
        ["signal", "secondary", "interaction_a", "interaction_b", "noise_a", "noise_b"];

    public static SyntheticClaims Generate(int seed, int rows)
    {
        var random = new Random(seed);
        var features = new float[rows * Columns];
        var labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double signal = Normal(random);
            double secondary = Normal(random);
            double a = random.NextDouble();
            double b = random.NextDouble();
            double noiseA = Normal(random);
            double noiseB = Normal(random);
            bool secondaryMissing = random.NextDouble() < 0.03;

            double logit = 2.5 * signal + 0.8 * (secondaryMissing ? 0 : secondary) + (a > 0.5 && b > 0.5 ? 1.2 : -0.4);
            labels[i] = logit + 0.4 * Normal(random) > 0 ? 1f : 0f;

            Span<float> row = features.AsSpan(i * Columns, Columns);
            row[0] = (float)signal;
            row[1] = secondaryMissing ? float.NaN : (float)secondary;
            row[2] = (float)a;
            row[3] = (float)b;
            row[4] = (float)noiseA;
            row[5] = (float)noiseB;
        }

        return new SyntheticClaims(features, labels, rows);
    }

    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * Columns, Columns);

    public DMatrix ToDMatrix()
    {
        var matrix = DMatrix.FromDense(Features, Rows, Columns);
        matrix.SetLabels(Labels);
        matrix.SetFeatureNames(FeatureNames);
        return matrix;
    }

    // Box–Muller on the seeded generator keeps the data identical run to run.
    private static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
