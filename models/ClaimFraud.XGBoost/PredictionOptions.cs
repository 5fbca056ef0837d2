using System.Globalization;

namespace ClaimFraud.XGBoost;

/// <summary>
/// Options for <see cref="Booster.Predict(DMatrix, PredictionOptions?)"/> and the dense overloads.
/// Trees from boosting rounds [IterationBegin, IterationEnd) are used; IterationEnd = 0 means all.
/// </summary>
public sealed record PredictionOptions
{
    /// <summary>Probabilities from all trees.</summary>
    public static PredictionOptions Probability { get; } = new();

    /// <summary>Margins (log-odds) from all trees.</summary>
    public static PredictionOptions Margin { get; } = new() { Kind = PredictionKind.Margin };

    /// <summary>Exact SHAP contributions from all trees.</summary>
    public static PredictionOptions Contributions { get; } = new() { Kind = PredictionKind.Contributions };

    /// <summary>Approximate contributions from all trees.</summary>
    public static PredictionOptions ApproximateContributions { get; } =
        new() { Kind = PredictionKind.ApproximateContributions };

    private readonly int _iterationBegin;
    private readonly int _iterationEnd;
    private readonly float _missing = float.NaN;

    public PredictionKind Kind { get; init; } = PredictionKind.Value;

    /// <summary>First boosting round used (inclusive).</summary>
    public int IterationBegin
    {
        get => _iterationBegin;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _iterationBegin = value;
        }
    }

    /// <summary>Boosting round after the last one used (exclusive); 0 uses every round.</summary>
    public int IterationEnd
    {
        get => _iterationEnd;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _iterationEnd = value;
        }
    }

    /// <summary>Value that means "missing" in dense input (NaN by default); DMatrix inputs carry their own.</summary>
    public float Missing
    {
        get => _missing;
        init
        {
            if (float.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Missing must be NaN or a finite number.");
            }

            _missing = value;
        }
    }

    /// <summary>Uses the trees up to and including <paramref name="bestIteration"/> (0-based), e.g. from early stopping.</summary>
    public PredictionOptions UpToIteration(int bestIteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bestIteration);
        return this with { IterationBegin = 0, IterationEnd = bestIteration + 1 };
    }

    internal bool IsContribution =>
        Kind is PredictionKind.Contributions or PredictionKind.ApproximateContributions;

    internal string DMatrixConfig() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"type\":{(int)Kind},\"training\":false,\"iteration_begin\":{IterationBegin},\"iteration_end\":{IterationEnd},\"strict_shape\":false}}");

    // In-place prediction also needs the missing value and a cache id (only 0 is supported in 1.7).
    internal string DenseConfig() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"type\":{(int)Kind},\"training\":false,\"iteration_begin\":{IterationBegin},\"iteration_end\":{IterationEnd},\"strict_shape\":false,\"missing\":{JsonFloat(Missing)},\"cache_id\":0}}");

    private static string JsonFloat(float value) =>
        float.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
}
