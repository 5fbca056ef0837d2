using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Managed;

/// <summary>
/// The leaves of one block of a tree with their exact SHAP values precomputed for every way a row can go at the
/// block's splits. A block is the subtree under a node at depth 2 (or a leaf at depth 1), together with the splits
/// above it. Path-dependent TreeSHAP of a leaf depends on the row only through which edges of the leaf's path the row
/// follows, so the block's values depend only on the row's way at its at most five splits (root, depth-1 ancestor,
/// block root and its two children): 2^bits rows, pattern bit j = the row goes right at the block's j-th split in
/// preorder. Each table row holds <see cref="LeafTables.Width"/> floats: the contributions to the features of the
/// five column splits (a feature that appears in several columns gets its whole contribution in its first one;
/// columns without a split have value 0 and name the bias column, which is overwritten last), then the value of
/// the leaf the row reaches if it is in this block, else 0, so summing that column over a tree's blocks gives the
/// reached leaf exactly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LeafGroup
{
    /// <summary>Offset of the block's table (2^bits rows of <see cref="LeafTables.Width"/> floats).</summary>
    public int Offset;

    /// <summary>Bits (split indices, preorder within the tree) of the block's splits. Preorder numbers of the
    /// splits above the block are smaller than the block's own, so extracting these bits of the row's direction
    /// mask in order (BMI2 pext) yields the table row.</summary>
    public int PathMask;

    /// <summary>Features of the columns after the root's: the depth-1 ancestor, the block root, its left and right
    /// child (the root's is the tree's first split's).</summary>
    public int F1;

    public int F2;

    public int F3;

    public int F4;
}

/// <summary>
/// Builds <see cref="LeafGroup"/> tables: the precomputation idea of Fast TreeSHAP v2 (Yang, 2021), exact
/// because each entry is the closed form of <see cref="GaussLegendre.AddLeafShapley"/> for its pattern.
/// Used for trees up to <see cref="MaxDepth"/> levels (at most 4 blocks of 32 rows, 3 KB of tables a tree).
/// </summary>
internal static class LeafTables
{
    public const int MaxDepth = 4;

    /// <summary>Depth of the nodes that root a block.</summary>
    private const int BlockDepth = 2;

    /// <summary>Feature columns of a table row: root, depth-1 ancestor, block root, its two children.</summary>
    public const int Columns = 5;

    /// <summary>Floats per table row: the feature columns, then the reached leaf's value.</summary>
    public const int Width = Columns + 1;

    /// <summary>Appends a block and its table for every node at depth 2 and every leaf at depth 1.</summary>
    public static void Build(
        ReadOnlySpan<SplitNode> nodes, ReadOnlySpan<float> cover, ReadOnlySpan<int> parent, int unusedFeature,
        List<LeafGroup> groups, List<float> tables)
    {
        var splitIndex = new int[nodes.Length];
        var depth = new int[nodes.Length];
        for (int i = 0, k = 0; i < nodes.Length; i++)
        {
            splitIndex[i] = nodes[i].IsLeaf ? -1 : k++;
            depth[i] = i == 0 ? 0 : depth[parent[i]] + 1;
        }

        for (int r = 0; r < nodes.Length; r++)
        {
            if (depth[r] != BlockDepth && !(depth[r] < BlockDepth && nodes[r].IsLeaf))
            {
                continue;
            }

            // Column splits (root, depth-1 ancestor, block root, its children), or -1 where there is none.
            var columnSplits = new int[Columns];
            Array.Fill(columnSplits, -1);
            var above = new List<int>();
            for (int node = r; node != 0; node = parent[node])
            {
                above.Insert(0, parent[node]);
            }

            for (int e = 0; e < above.Count; e++)
            {
                columnSplits[e] = above[e];
            }

            if (!nodes[r].IsLeaf)
            {
                columnSplits[BlockDepth] = r;
                foreach ((int child, int column) in (ReadOnlySpan<(int, int)>)[(r + 1, 3), (nodes[r].Right, 4)])
                {
                    if (!nodes[child].IsLeaf)
                    {
                        columnSplits[column] = child;
                    }
                }
            }

            // The block's splits in preorder (the columns' splits sorted), and its leaves.
            var splits = columnSplits.Where(c => c >= 0).Order().ToArray();
            var leaves = new List<int>();
            CollectLeaves(nodes, r, leaves);
            var features = new int[Columns];
            for (int c = 0; c < Columns; c++)
            {
                features[c] = columnSplits[c] >= 0 ? nodes[columnSplits[c]].Feature : unusedFeature;
            }

            int offset = tables.Count;
            for (int pattern = 0; pattern < 1 << splits.Length; pattern++)
            {
                tables.AddRange(Row(nodes, cover, parent, splits, features, leaves, pattern));
            }

            groups.Add(new LeafGroup
            {
                Offset = offset,
                PathMask = splits.Aggregate(0, (mask, split) => mask | (1 << splitIndex[split])),
                F1 = features[1],
                F2 = features[2],
                F3 = features[3],
                F4 = features[4],
            });
        }
    }

    private static void CollectLeaves(ReadOnlySpan<SplitNode> nodes, int node, List<int> leaves)
    {
        if (nodes[node].IsLeaf)
        {
            leaves.Add(node);
            return;
        }

        CollectLeaves(nodes, node + 1, leaves);
        CollectLeaves(nodes, nodes[node].Right, leaves);
    }

    // One table row: bit j of pattern says the row goes right at splits[j].
    private static float[] Row(
        ReadOnlySpan<SplitNode> nodes, ReadOnlySpan<float> cover, ReadOnlySpan<int> parent, int[] splits,
        int[] columns, List<int> leaves, int pattern)
    {
        var row = new double[Width];
        foreach (int leaf in leaves)
        {
            // The leaf's path, root first: each edge's split and child.
            var path = new List<(int From, int To)>();
            for (int node = leaf; node != 0; node = parent[node])
            {
                path.Insert(0, (parent[node], node));
            }

            // Unique features by first appearance on the path; zero and one fractions per feature.
            var features = new List<int>();
            foreach ((int from, _) in path)
            {
                if (!features.Contains(nodes[from].Feature))
                {
                    features.Add(nodes[from].Feature);
                }
            }

            var zero = Enumerable.Repeat(1.0, features.Count).ToArray();
            var one = Enumerable.Repeat(1.0, features.Count).ToArray();
            bool followsPath = true;
            foreach ((int from, int to) in path)
            {
                bool goesRight = ((pattern >> Array.IndexOf(splits, from)) & 1) == 1;
                bool followed = goesRight == (to == nodes[from].Right);
                int at = features.IndexOf(nodes[from].Feature);
                // Cover fraction in float32, as XGBoost divides the child's sum_hessian by the parent's.
                zero[at] *= cover[to] / cover[from];
                one[at] = followed ? one[at] : 0.0;
                followsPath &= followed;
            }

            var phi = new double[features.Count];
            GaussLegendre.AddLeafShapley(zero, one, nodes[leaf].Value, phi);
            for (int f = 0; f < features.Count; f++)
            {
                row[Array.IndexOf(columns, features[f])] += phi[f];
            }

            if (followsPath)
            {
                row[Columns] = nodes[leaf].Value;
            }
        }

        return row.Select(value => (float)value).ToArray();
    }
}
