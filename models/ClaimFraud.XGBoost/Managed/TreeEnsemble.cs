using System.Runtime.CompilerServices;

namespace ClaimFraud.XGBoost.Managed;

/// <summary>
/// A pure managed evaluator of an XGBoost tree ensemble (gbtree, one output) read from XGBoost's own JSON
/// model: margins, probabilities, exact TreeSHAP contributions (XGBoost's pred_contribs) and Saabas
/// contributions (approx_contribs), one row at a time without allocating.
/// <para>
/// Rows are dense float32 vectors of <see cref="NumFeatures"/> values; NaN means missing and follows the
/// split's default direction. Splits go left when value &lt; condition, compared in float32, as XGBoost does.
/// </para>
/// <para>Immutable once loaded: every method may be called from many threads at once.</para>
/// </summary>
[SkipLocalsInit]
public sealed unsafe partial class TreeEnsemble
{
    private readonly Objective _objective;

    // All trees' nodes in one array, each tree in preorder; tree t occupies [_treeStart[t], _treeStart[t + 1]).
    private readonly SplitNode[] _nodes;
    private readonly int[] _treeStart;

    /// <summary>Number of features a row must have.</summary>
    public int NumFeatures { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _treeStart.Length - 1;

    /// <summary>Deepest root-to-leaf path (number of splits) over all trees; 0 when every tree is a single leaf.</summary>
    public int MaxDepth { get; }

    /// <summary>The XGBoost objective, e.g. "binary:logistic".</summary>
    public string Objective => _objective.Name;

    /// <summary>The model's base_score converted to a margin (logit for logistic objectives).</summary>
    public float BaseMargin { get; }

    /// <summary>
    /// The bias column of <see cref="Contributions"/>: the trees' expected outputs under their training
    /// covers plus <see cref="BaseMargin"/>.
    /// </summary>
    public float ExpectedValue { get; }

    /// <summary>Feature names saved with the model, or an empty list when it has none.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Reads a model saved by XGBoost as JSON (XGBoosterSaveModelToBuffer with format "json", or a .json file).</summary>
    /// <exception cref="FormatException">The bytes are not JSON, or not a consistent XGBoost model.</exception>
    /// <exception cref="NotSupportedException">
    /// The model is valid but outside what this evaluator handles: gblinear or dart, categorical splits,
    /// several outputs (multi-class), or an objective other than binary:logistic, reg:logistic,
    /// binary:logitraw, reg:squarederror.
    /// </exception>
    public static TreeEnsemble FromJson(ReadOnlySpan<byte> modelJson) => new(ModelJson.Read(modelJson));

    /// <summary>Snapshots the booster's current model (through its JSON form).</summary>
    public static TreeEnsemble FromBooster(Booster booster)
    {
        ArgumentNullException.ThrowIfNull(booster);
        return FromJson(booster.SaveModelToBuffer(ModelFormat.Json));
    }

    /// <summary>The margin (log-odds for logistic objectives): base margin plus every tree's leaf value, summed in float32 in tree order as XGBoost does.</summary>
    public float Margin(ReadOnlySpan<float> row)
    {
        CheckRow(row);
        fixed (SplitNode* nodes = _nodes)
        fixed (float* features = row)
        {
            return SumLeaves(nodes, features);
        }
    }

    /// <summary>The predicted probability, sigmoid(<see cref="Margin"/>); only for logistic objectives.</summary>
    public double Probability(ReadOnlySpan<float> row) => ProbabilityFromMargin(Margin(row));

    /// <summary>Turns a margin of this model (e.g. the value <see cref="Contributions"/> returns) into a probability.</summary>
    /// <exception cref="InvalidOperationException">The objective does not produce probabilities.</exception>
    public double ProbabilityFromMargin(float margin)
    {
        if (!_objective.IsLogistic)
        {
            throw new InvalidOperationException(
                $"Objective '{_objective.Name}' does not predict probabilities; use Margin.");
        }

        return 1.0 / (1.0 + Math.Exp(-(double)margin));
    }

    private float SumLeaves(SplitNode* nodes, float* row)
    {
        float margin = BaseMargin;
        int[] starts = _treeStart;
        for (int t = 0; t < starts.Length - 1; t++)
        {
            margin += LeafValue(nodes + starts[t], row);
        }

        return margin;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float LeafValue(SplitNode* tree, float* row) => tree[LeafIndex(tree, row)].Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LeafIndex(SplitNode* tree, float* row)
    {
        int i = 0;
        while (true)
        {
            SplitNode node = tree[i];
            if (node.Feature < 0)
            {
                return i;
            }

            i = NextNode(node, i, row[node.Feature]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextNode(SplitNode node, int index, float value) =>
        float.IsNaN(value) ? node.Missing : value < node.Value ? index + 1 : node.Right;

    private void CheckRow(ReadOnlySpan<float> row)
    {
        if (row.Length != NumFeatures)
        {
            throw new ArgumentException(
                $"The row has {row.Length} values but the model expects {NumFeatures} features.", nameof(row));
        }
    }
}
