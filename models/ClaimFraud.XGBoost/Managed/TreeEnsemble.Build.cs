using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Managed;

public sealed partial class TreeEnsemble
{
    // Per node, parallel to _nodes: the node's cover (sum_hessian) for the path algorithm, and
    // mean(node) − mean(parent) for Saabas.
    private readonly float[] _cover;
    private readonly float[] _approxDelta;

    // How each tree's exact contributions are computed: ShapKernel.LeafTable up to depth 4, Quadrature up
    // to depth 8, Path beyond; None for a single leaf.
    private readonly ShapKernel[] _kernel;

    // Splits of LeafTable and Quadrature trees in preorder, tree t's at [_treeSplitStart[t], _treeSplitStart[t + 1]).
    private readonly ShapSplit[] _splits;
    private readonly int[] _treeSplitStart;

    // LeafTable trees: groups at [_treeGroupStart[t], _treeGroupStart[t + 1]), their tables in _tables.
    private readonly LeafGroup[] _groups;
    private readonly int[] _treeGroupStart;
    private readonly float[] _tables;

    // LeafTable trees: their (at most 15) splits as DirectionLanes lanes from DirectionLanes × t, so that AVX2
    // finds the row's way at every split of a tree with one or two gathers and compares (unused lanes are
    // masked off); bit k of _laneDefaultLeft[t] says missing values go left at split k.
    internal const int DirectionLanes = 16;
    private readonly int[] _laneFeatures;
    private readonly float[] _laneThresholds;
    private readonly int[] _laneDefaultLeft;

    // Quadrature trees: VectorsPerSplit vectors of QuadratureWidth floats per split from _treeVectorStart[t].
    private const int VectorsPerSplit = 7;
    private const int QuadratureWidth = 2 * GaussLegendre.Points;
    private readonly float[] _shapVectors;
    private readonly int[] _treeVectorStart;

    // Scratch sizes for one row: most splits in one tree with splits kept, path-algorithm scratch (elements).
    private readonly int _maxTreeSplits;
    private readonly int _maxPathElements;
    private readonly bool _usesQuadrature;

    private TreeEnsemble(JsonModel model)
    {
        _objective = model.Objective;
        NumFeatures = model.NumFeatures;
        FeatureNames = model.FeatureNames;
        BaseMargin = _objective.BaseMargin(model.BaseScore);

        JsonTree[] trees = model.Trees;
        var orders = new int[trees.Length][];
        _treeStart = new int[trees.Length + 1];
        for (int t = 0; t < trees.Length; t++)
        {
            orders[t] = Preorder(trees[t], t);
            _treeStart[t + 1] = _treeStart[t] + orders[t].Length;
        }

        int total = _treeStart[^1];
        _nodes = new SplitNode[total];
        _cover = new float[total];
        _approxDelta = new float[total];
        _kernel = new ShapKernel[trees.Length];
        _treeSplitStart = new int[trees.Length + 1];
        _treeGroupStart = new int[trees.Length + 1];
        _treeVectorStart = new int[trees.Length + 1];
        _laneFeatures = new int[DirectionLanes * trees.Length];
        _laneThresholds = new float[DirectionLanes * trees.Length];
        _laneDefaultLeft = new int[trees.Length];
        var splits = new List<ShapSplit>();
        var groups = new List<LeafGroup>();
        var tables = new List<float>();
        var vectors = new List<float>();

        // XGBoost adds each tree's expected value to the bias in tree order, then the base margin.
        float expected = 0f;
        for (int t = 0; t < trees.Length; t++)
        {
            int start = _treeStart[t];
            int count = orders[t].Length;
            Span<SplitNode> nodes = _nodes.AsSpan(start, count);
            Span<float> cover = _cover.AsSpan(start, count);
            var parent = new int[count];
            int depth = Flatten(trees[t], orders[t], nodes, cover, parent);
            MaxDepth = Math.Max(MaxDepth, depth);
            expected += FillApproximateDeltas(nodes, cover, parent, _approxDelta.AsSpan(start, count));

            _kernel[t] = depth switch
            {
                0 => ShapKernel.None,
                <= LeafTables.MaxDepth => ShapKernel.LeafTable,
                <= GaussLegendre.MaxExactDepth => ShapKernel.Quadrature,
                _ => ShapKernel.Path,
            };
            if (_kernel[t] is ShapKernel.LeafTable or ShapKernel.Quadrature)
            {
                int before = splits.Count;
                AddSplits(nodes, splits);
                _maxTreeSplits = Math.Max(_maxTreeSplits, splits.Count - before);
            }

            if (_kernel[t] == ShapKernel.LeafTable)
            {
                LeafTables.Build(nodes, cover, parent, unusedFeature: NumFeatures, groups, tables);
                FillLanes(t, CollectionsMarshal.AsSpan(splits)[_treeSplitStart[t]..]);
            }
            else if (_kernel[t] == ShapKernel.Quadrature)
            {
                FillQuadrature(nodes, cover, parent, CollectionsMarshal.AsSpan(splits)[_treeSplitStart[t]..], vectors);
                _usesQuadrature = true;
            }
            else if (_kernel[t] == ShapKernel.Path)
            {
                _maxPathElements = Math.Max(_maxPathElements, PathTreeShap.ScratchElements(depth));
            }

            _treeSplitStart[t + 1] = splits.Count;
            _treeGroupStart[t + 1] = groups.Count;
            _treeVectorStart[t + 1] = vectors.Count;
        }

        _splits = splits.ToArray();
        _groups = groups.ToArray();
        _tables = tables.ToArray();
        _shapVectors = vectors.ToArray();
        ExpectedValue = expected + BaseMargin;
    }

    private void FillLanes(int tree, ReadOnlySpan<ShapSplit> splits)
    {
        for (int k = 0; k < splits.Length; k++)
        {
            _laneFeatures[DirectionLanes * tree + k] = splits[k].Feature;
            _laneThresholds[DirectionLanes * tree + k] = splits[k].Threshold;
            _laneDefaultLeft[tree] |= splits[k].DefaultLeft << k;
        }
    }

    // Node ids reachable from the root, in preorder with the left child first. Unreachable (deleted) nodes are
    // dropped; a node reached twice means the child arrays do not form a tree.
    private static int[] Preorder(JsonTree tree, int treeIndex)
    {
        int n = tree.LeftChildren.Length;
        var seen = new bool[n];
        var order = new List<int>(n);
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            int node = stack.Pop();
            if (seen[node])
            {
                throw new FormatException(
                    $"learner.gradient_booster.model.trees[{treeIndex}] node {node} is reached twice; the child arrays do not form a tree.");
            }

            seen[node] = true;
            order.Add(node);
            if (tree.LeftChildren[node] != -1)
            {
                stack.Push(tree.RightChildren[node]);
                stack.Push(tree.LeftChildren[node]);
            }
        }

        return order.ToArray();
    }

    // Writes the tree's nodes in preorder and returns its depth.
    private static int Flatten(JsonTree tree, int[] order, Span<SplitNode> nodes, Span<float> cover, Span<int> parent)
    {
        var position = new Dictionary<int, int>(order.Length);
        for (int i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }

        var depth = new int[order.Length];
        int maxDepth = 0;
        parent[0] = -1;
        for (int i = 0; i < order.Length; i++)
        {
            int id = order[i];
            cover[i] = tree.SumHessian[id];
            if (tree.LeftChildren[id] == -1)
            {
                nodes[i] = new SplitNode { Feature = -1, Value = tree.SplitConditions[id], Right = -1, Missing = -1 };
                maxDepth = Math.Max(maxDepth, depth[i]);
                continue;
            }

            int left = position[tree.LeftChildren[id]];
            int right = position[tree.RightChildren[id]];
            nodes[i] = new SplitNode
            {
                Feature = tree.SplitIndices[id],
                Value = tree.SplitConditions[id],
                Right = right,
                Missing = tree.DefaultLeft[id] ? left : right,
            };
            parent[left] = parent[right] = i;
            depth[left] = depth[right] = depth[i] + 1;
        }

        return maxDepth;
    }

    // Node means as XGBoost's FillNodeMeanValues computes them (float32, children weighted by their cover,
    // divided by the node's own cover). Returns the root mean, the tree's expected value.
    private static float FillApproximateDeltas(ReadOnlySpan<SplitNode> nodes, ReadOnlySpan<float> cover, ReadOnlySpan<int> parent, Span<float> delta)
    {
        var mean = new float[nodes.Length];
        for (int i = nodes.Length - 1; i >= 0; i--)
        {
            SplitNode node = nodes[i];
            if (node.IsLeaf)
            {
                mean[i] = node.Value;
                continue;
            }

            float sum = mean[i + 1] * cover[i + 1];
            sum += mean[node.Right] * cover[node.Right];
            mean[i] = sum / cover[i];
        }

        delta[0] = 0f;
        for (int i = 1; i < nodes.Length; i++)
        {
            delta[i] = mean[i] - mean[parent[i]];
        }

        return mean[0];
    }

    // The tree's splits in preorder, with child links by split index (-1 for a leaf child).
    private static void AddSplits(ReadOnlySpan<SplitNode> nodes, List<ShapSplit> splits)
    {
        var splitIndex = new int[nodes.Length];
        int k = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            splitIndex[i] = nodes[i].IsLeaf ? -1 : k++;
        }

        for (int i = 0; i < nodes.Length; i++)
        {
            SplitNode node = nodes[i];
            if (node.IsLeaf)
            {
                continue;
            }

            int left = i + 1;
            int right = node.Right;
            splits.Add(new ShapSplit
            {
                Feature = node.Feature,
                Threshold = node.Value,
                DefaultLeft = node.Missing == left ? 1 : 0,
                LeftSplit = splitIndex[left],
                RightSplit = splitIndex[right],
                LeafLeft = nodes[left].IsLeaf ? nodes[left].Value : 0f,
                LeafRight = nodes[right].IsLeaf ? nodes[right].Value : 0f,
            });
        }
    }

    // For leaf l, feature j on its path with zero fraction z (product of the cover ratios of j's splits) and
    // one fraction o (1 if the row follows all of them), path-dependent TreeSHAP gives (GaussLegendre.AddLeafShapley)
    //   phi_j(l) = v_l (o − z) ∫₀¹ Π_{k ≠ j} (z_k + (o_k − z_k) t) dt
    //            = Σ_q w_q · v_l Q_l(t_q) · (o − z) / (z + (o − z) t_q),  Q_l = Π_k (z_k + (o_k − z_k) t).
    // z depends only on the tree and o ∈ {0, 1} on the row, so each edge's factor of Q and change of the
    // feature's term are precomputed for the row's three possible states of the edge's feature: already
    // cold above (factor = cover ratio, no change), turning cold here, still hot. Summed over a feature's
    // edges, the changes telescope to each leaf's final term. A split's two child edges share feature and
    // ancestor, and exactly one of them is the row's way, so a split has three cases: 0 = feature already
    // cold, 1 = row goes left (left hot, right turns cold), 2 = row goes right. Vectors per split, each
    // [left child × points | right child × points]: Scale0..2 (factor of Q per case), Delta0..2 (quadrature
    // weight × change of the term, Delta0 = 0), and the leaf values (0 for a child that is a split: its S
    // comes from that split instead). Fills Self and Ancestor of the tree's splits.
    private static void FillQuadrature(
        ReadOnlySpan<SplitNode> nodes, ReadOnlySpan<float> cover, ReadOnlySpan<int> parent, Span<ShapSplit> splits,
        List<float> vectors)
    {
        double[] t = GaussLegendre.Nodes;
        double[] w = GaussLegendre.Weights;
        const int points = GaussLegendre.Points;
        const int width = QuadratureWidth;
        var zero = new double[nodes.Length];
        var slot = new int[nodes.Length];
        var block = new float[VectorsPerSplit * width];
        int k = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            SplitNode node = nodes[i];
            if (node.IsLeaf)
            {
                continue;
            }

            int left = i + 1;
            int right = node.Right;
            slot[left] = 1 + 2 * k;
            slot[right] = 2 + 2 * k;

            int ancestor = i;
            while (ancestor != 0 && nodes[parent[ancestor]].Feature != node.Feature)
            {
                ancestor = parent[ancestor];
            }

            // The feature's factor and term so far on this path: the ancestor's hot ones (only a hot ancestor
            // leads to cases 1 and 2), or 1 and 0 when the feature is new on the path.
            double za = ancestor != 0 ? zero[ancestor] : 1.0;
            // Cover fractions in float32, as XGBoost divides the child's sum_hessian by the parent's.
            float ratioLeft = cover[left] / cover[i];
            float ratioRight = cover[right] / cover[i];
            zero[left] = za * ratioLeft;
            zero[right] = za * ratioRight;

            for (int side = 0; side < 2; side++)
            {
                int child = side == 0 ? left : right;
                double z = zero[child];
                for (int q = 0; q < points; q++)
                {
                    double previousHot = za + (1 - za) * t[q];
                    double previousTerm = (1 - za) / previousHot;
                    double hot = z + (1 - z) * t[q];
                    double hotScale = hot / previousHot;
                    double coldScale = z * (1 - t[q]) / previousHot;
                    double hotDelta = w[q] * ((1 - z) / hot - previousTerm);
                    double coldDelta = w[q] * (-1 / (1 - t[q]) - previousTerm);
                    bool hotWhenGoingLeft = side == 0;
                    int lane = side * points + q;
                    block[0 * width + lane] = side == 0 ? ratioLeft : ratioRight;
                    block[1 * width + lane] = (float)(hotWhenGoingLeft ? hotScale : coldScale);
                    block[2 * width + lane] = (float)(hotWhenGoingLeft ? coldScale : hotScale);
                    block[3 * width + lane] = 0f;
                    block[4 * width + lane] = (float)(hotWhenGoingLeft ? hotDelta : coldDelta);
                    block[5 * width + lane] = (float)(hotWhenGoingLeft ? coldDelta : hotDelta);
                    block[6 * width + lane] = nodes[child].IsLeaf ? nodes[child].Value : 0f;
                }
            }

            vectors.AddRange(block);
            splits[k].Self = slot[i];
            splits[k].Ancestor = ancestor != 0 ? slot[ancestor] : 0;
            k++;
        }
    }
}
