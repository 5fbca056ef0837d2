using System.Buffers;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static ClaimFraud.XGBoost.Managed.PathTreeShap;

namespace ClaimFraud.XGBoost.Managed;

public sealed unsafe partial class TreeEnsemble
{
    // Per-row scratch up to this many bytes lives on the stack; larger models rent from the shared pool.
    private const int StackScratchBytes = 48 * 1024;

    // Copies of the per-feature sums the table kernel adds to in turn (a power of two).
    internal const int PhiCopies = 4;

    /// <summary>
    /// Exact SHAP values (XGBoost's pred_contribs: path-dependent TreeSHAP with sum_hessian as cover):
    /// writes one value per feature and the bias (<see cref="ExpectedValue"/>) last, so
    /// <paramref name="destination"/> needs <see cref="NumFeatures"/> + 1 entries. The entries sum to the
    /// margin up to float rounding; the margin itself is returned exactly as <see cref="Margin"/> computes it.
    /// </summary>
    public float Contributions(ReadOnlySpan<float> row, Span<float> destination)
    {
        CheckRow(row);
        CheckDestination(destination);

        var layout = new ScratchLayout(NumFeatures, _usesQuadrature, _maxTreeSplits, _maxPathElements);
        byte[]? rented = null;
        Span<byte> scratch = layout.Bytes <= StackScratchBytes
            ? stackalloc byte[layout.Bytes]
            : (rented = ArrayPool<byte>.Shared.Rent(layout.Bytes));
        try
        {
            fixed (float* features = row)
            fixed (float* phi = destination)
            fixed (byte* memory = scratch)
            {
                return ExactContributions(features, phi, layout.Carve(memory));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Saabas attributions (XGBoost's approx_contribs): along the row's path each split's feature gets the
    /// change of the cover-weighted mean node value. Same layout and return value as <see cref="Contributions"/>.
    /// </summary>
    public float ApproximateContributions(ReadOnlySpan<float> row, Span<float> destination)
    {
        CheckRow(row);
        CheckDestination(destination);
        destination.Clear();
        float margin = BaseMargin;
        fixed (SplitNode* allNodes = _nodes)
        fixed (float* allDeltas = _approxDelta)
        fixed (float* features = row)
        fixed (float* phi = destination)
        {
            for (int t = 0; t < TreeCount; t++)
            {
                SplitNode* nodes = allNodes + _treeStart[t];
                float* deltas = allDeltas + _treeStart[t];
                int i = 0;
                while (!nodes[i].IsLeaf)
                {
                    SplitNode node = nodes[i];
                    int next = NextNode(node, i, features[node.Feature]);
                    phi[node.Feature] += deltas[next];
                    i = next;
                }

                margin += nodes[i].Value;
            }
        }

        destination[NumFeatures] = ExpectedValue;
        return margin;
    }

    /// <summary>Exact contributions by the path algorithm for every tree (tests compare the other kernels with it).</summary>
    internal float ContributionsByPathAlgorithm(ReadOnlySpan<float> row, Span<float> destination)
    {
        CheckRow(row);
        CheckDestination(destination);
        destination.Clear();
        var path = new PathElement[PathTreeShap.ScratchElements(MaxDepth)];
        float margin = BaseMargin;
        fixed (SplitNode* allNodes = _nodes)
        fixed (float* allCover = _cover)
        fixed (float* features = row)
        fixed (float* phi = destination)
        fixed (PathElement* scratch = path)
        {
            for (int t = 0; t < TreeCount; t++)
            {
                margin += LeafValue(allNodes + _treeStart[t], features);
                PathTreeShap.Accumulate(allNodes + _treeStart[t], allCover + _treeStart[t], features, phi, scratch);
            }
        }

        destination[NumFeatures] = ExpectedValue;
        return margin;
    }

    private float ExactContributions(float* row, float* phi, Scratch scratch)
    {
        // phi[NumFeatures] (the bias slot) collects the tables' unused columns until it is overwritten below.
        new Span<float>(phi, NumFeatures + 1).Clear();
        new Span<float>(scratch.PhiCopies, PhiCopies * (NumFeatures + 1)).Clear();
        if (_usesQuadrature)
        {
            new Span<Vector256<float>>(scratch.Phi, PhiCopies * NumFeatures).Clear();
        }

        float margin = BaseMargin;
        fixed (SplitNode* allNodes = _nodes)
        fixed (float* allCover = _cover)
        fixed (ShapSplit* allSplits = _splits)
        fixed (LeafGroup* allGroups = _groups)
        fixed (float* tables = _tables)
        fixed (float* allVectors = _shapVectors)
        fixed (int* laneFeatures = _laneFeatures)
        fixed (float* laneThresholds = _laneThresholds)
        {
            for (int t = 0; t < _kernel.Length; t++)
            {
                ShapSplit* splits = allSplits + _treeSplitStart[t];
                int count = _treeSplitStart[t + 1] - _treeSplitStart[t];
                switch (_kernel[t])
                {
                    case ShapKernel.LeafTable:
                        int right = Directions(
                            splits, count, laneFeatures + DirectionLanes * t, laneThresholds + DirectionLanes * t,
                            _laneDefaultLeft[t], row);
                        margin += TableTree(
                            right, splits, allGroups + _treeGroupStart[t], _treeGroupStart[t + 1] - _treeGroupStart[t],
                            tables, phi, scratch.PhiCopies, NumFeatures + 1);
                        break;
                    case ShapKernel.Quadrature:
                        margin += QuadratureTree(splits, allVectors + _treeVectorStart[t], count, row, NumFeatures, scratch);
                        break;
                    case ShapKernel.Path:
                        SplitNode* nodes = allNodes + _treeStart[t];
                        margin += LeafValue(nodes, row);
                        PathTreeShap.Accumulate(nodes, allCover + _treeStart[t], row, phi, scratch.Path);
                        break;
                    default:
                        margin += allNodes[_treeStart[t]].Value;
                        break;
                }
            }
        }

        for (int c = 0; c < PhiCopies; c++)
        {
            float* copy = scratch.PhiCopies + c * (NumFeatures + 1);
            for (int j = 0; j < NumFeatures; j++)
            {
                phi[j] += copy[j];
            }
        }

        if (_usesQuadrature)
        {
            for (int j = 0; j < NumFeatures; j++)
            {
                Vector256<float> sum = Vector256<float>.Zero;
                for (int c = 0; c < PhiCopies; c++)
                {
                    sum += scratch.Phi[c * NumFeatures + j];
                }

                phi[j] += Vector256.Sum(sum);
            }
        }

        phi[NumFeatures] = ExpectedValue;
        return margin;
    }

    // One row through a tree of depth ≤ 4, given the row's way at every split (see Directions): each block reads
    // its table row for the pattern made of its splits' bits. Returns the value of the leaf the row reaches (from
    // the tables' last column).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float TableTree(
        int right, ShapSplit* splits, LeafGroup* groups, int groupCount, float* tables, float* phi, float* copies, int stride)
    {
        float root = 0f;
        float reached = 0f;
        LeafGroup* group = groups;
        for (int g = 0; g < groupCount; g++, group++)
        {
            float* values = tables + group->Offset + LeafTables.Width * Pattern(right, group->PathMask);
            root += values[0];
            reached += values[LeafTables.Columns];
            // Consecutive blocks add to different copies of phi, so adds to a popular feature do not wait on
            // each other through memory.
            float* copy = copies + (g & (PhiCopies - 1)) * stride;
            copy[group->F1] += values[1];
            copy[group->F2] += values[2];
            copy[group->F3] += values[3];
            copy[group->F4] += values[4];
        }

        phi[splits->Feature] += root;
        return reached;
    }

    // One row through a tree of depth 5–8 with the 4-point rule (see FillQuadrature); lanes are
    // [left child × 4 points | right child × 4 points]. Top-down over the splits (preorder): the row's way,
    // the split's case and Q of both children = own Q × Scale[case]. Bottom-up: S of both children (Q × leaf
    // value for a leaf, the child split's S otherwise) × Delta[case] goes to the feature, and the sum of the
    // two becomes the split's S (kept apart from Q so each load reads exactly one earlier store, which
    // store-to-load forwarding needs). Branch-free; returns the value of the leaf the row reaches.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float QuadratureTree(ShapSplit* splits, float* vectors, int count, float* row, int features, Scratch scratch)
    {
        const int Width = QuadratureWidth;
        const int Stride = VectorsPerSplit * Width;
        float* q = scratch.Q;
        byte* hot = scratch.Hot;
        byte* way = scratch.Way;
        Vector128<float>.One.Store(q);
        hot[0] = 1;

        ShapSplit* split = splits;
        float* v = vectors;
        float* pair = q + 4;
        for (int k = 0; k < count; k++, split++, v += Stride, pair += Width)
        {
            int right = GoesRight(split, row);
            int wasHot = hot[split->Ancestor];
            hot[1 + 2 * k] = (byte)(wasHot & (right ^ 1));
            hot[2 + 2 * k] = (byte)(wasHot & right);
            int @case = wasHot + (wasHot & right);
            way[k] = (byte)(@case | (right << 2));
            Vector128<float> own = Vector128.Load(q + 4 * split->Self);
            (Vector256.Create(own, own) * Vector256.Load(v + Width * @case)).Store(pair);
        }

        // S of split k at sums[4 + 4k]; sums[0..4) is the zero read for leaf children.
        float* sums = scratch.Sums;
        Vector128<float>.Zero.Store(sums);
        for (int k = count - 1; k >= 0; k--)
        {
            split = splits + k;
            v = vectors + Stride * k;
            Vector256<float> children = Vector256.Create(
                Vector128.Load(sums + 4 + 4 * split->LeftSplit), Vector128.Load(sums + 4 + 4 * split->RightSplit));
            Vector256<float> s = Vector256.MultiplyAddEstimate(
                Vector256.Load(q + 4 + Width * k), Vector256.Load(v + 6 * Width), children);
            // As in TableTree, consecutive splits add to different copies of the per-feature sums.
            Vector256<float>* phi = scratch.Phi + (k & (PhiCopies - 1)) * features + split->Feature;
            *phi = Vector256.MultiplyAddEstimate(s, Vector256.Load(v + Width * (3 + (way[k] & 3))), *phi);
            (s.GetLower() + s.GetUpper()).Store(sums + 4 + 4 * k);
        }

        return ReachedLeaf(splits, way);
    }

    // Bit k set when the row goes right at split k of a tree of at most DirectionLanes splits: with AVX2 one
    // gather and compare per 8 splits (an ordered compare is false for NaN, which then follows the default side).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Directions(ShapSplit* splits, int count, int* features, float* thresholds, int defaultLeft, float* row)
    {
        if (Avx2.IsSupported)
        {
            Vector256<float> low = Avx2.GatherVector256(row, Vector256.Load(features), 4);
            int less = (int)Avx.Compare(low, Vector256.Load(thresholds), FloatComparisonMode.OrderedLessThanNonSignaling).ExtractMostSignificantBits();
            int missing = (int)Avx.Compare(low, low, FloatComparisonMode.UnorderedNonSignaling).ExtractMostSignificantBits();
            if (count > 8)
            {
                Vector256<float> high = Avx2.GatherVector256(row, Vector256.Load(features + 8), 4);
                less |= (int)Avx.Compare(high, Vector256.Load(thresholds + 8), FloatComparisonMode.OrderedLessThanNonSignaling).ExtractMostSignificantBits() << 8;
                missing |= (int)Avx.Compare(high, high, FloatComparisonMode.UnorderedNonSignaling).ExtractMostSignificantBits() << 8;
            }

            return ~(less | (missing & defaultLeft)) & ((1 << count) - 1);
        }

        int right = 0;
        for (int k = 0; k < count; k++)
        {
            right |= GoesRight(splits + k, row) << k;
        }

        return right;
    }

    // The bits of value selected by mask, packed to the low end in order (BMI2's pext; a bit loop elsewhere).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pattern(int value, int mask)
    {
        if (Bmi2.IsSupported)
        {
            return (int)Bmi2.ParallelBitExtract((uint)value, (uint)mask);
        }

        int pattern = 0;
        for (int bit = 0; mask != 0; bit++, mask &= mask - 1)
        {
            pattern |= ((value >> BitOperations.TrailingZeroCount(mask)) & 1) << bit;
        }

        return pattern;
    }

    // 1 when the row goes right at the split: NaN follows the default side, otherwise value < threshold goes left.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int GoesRight(ShapSplit* split, float* row)
    {
        float value = row[split->Feature];
        int missing = Unsafe.BitCast<bool, byte>(float.IsNaN(value));
        int left = Unsafe.BitCast<bool, byte>(value < split->Threshold) | (missing & split->DefaultLeft);
        return left ^ 1;
    }

    // Follows the recorded ways (bit 2 = right) from the root to the row's leaf.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ReachedLeaf(ShapSplit* splits, byte* way)
    {
        int k = 0;
        while (true)
        {
            ShapSplit* split = splits + k;
            bool right = way[k] >= 4;
            int next = right ? split->RightSplit : split->LeftSplit;
            if (next < 0)
            {
                return right ? split->LeafRight : split->LeafLeft;
            }

            k = next;
        }
    }

    private void CheckDestination(Span<float> destination)
    {
        if (destination.Length != NumFeatures + 1)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} entries but needs {NumFeatures + 1} (one per feature plus the bias).",
                nameof(destination));
        }
    }
}
