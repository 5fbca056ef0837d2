using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Managed;

/// <summary>
/// The leaves under one split with their exact SHAP values precomputed for every way a row can relate to their
/// paths. Path-dependent TreeSHAP of a leaf depends on the row only through which edges of the leaf's path the
/// row follows, so a split at depth d has 2^(d+1) patterns: bit e (e &lt; d) says whether the row follows the path
/// edge leaving the ancestor at depth e (root = 0), bit d whether the row goes right at the split. Bits above d
/// are always 0. Each table row holds <see cref="LeafTables.Width"/> floats: the contributions to the features of
/// the splits at depths 0..3 on the path (a feature repeated on the path gets its whole contribution in its first
/// column, 0 in the others; columns past d have value 0 and name the bias column, which is overwritten last),
/// then the value of the leaf the row reaches if it is one of this group's leaves, else 0, so summing that
/// column over a tree's groups gives the reached leaf exactly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LeafGroup
{
    /// <summary>Offset of the group's table (16 rows of <see cref="LeafTables.Width"/> floats).</summary>
    public int Offset;

    /// <summary>Bits (split indices, preorder within the tree) of the path's splits, root (bit 0) to the group's
    /// split. Preorder numbers grow along a path, so extracting these bits of the row's direction mask in order
    /// (BMI2 pext) yields the pattern with bit e = depth e.</summary>
    public int PathMask;

    /// <summary>Bits of the path's splits where the path leaves to the left, so "row goes right" must be flipped
    /// to read "row follows the path" (never the group's own split, whose bit is the row's way).</summary>
    public int FlipMask;

    /// <summary>Features of the path's splits at depths 1, 2, 3 (the root's is the tree's first split's).</summary>
    public int F1;

    public int F2;

    public int F3;
}

/// <summary>
/// Builds <see cref="LeafGroup"/> tables: the precomputation idea of Fast TreeSHAP v2 (Yang, 2021), exact
/// because each entry is the closed form of <see cref="GaussLegendre.AddLeafShapley"/> for its pattern.
/// Used for trees up to <see cref="MaxDepth"/> levels (at most 15 splits, 8 groups and 2.5 KB of tables each).
/// </summary>
internal static class LeafTables
{
    public const int MaxDepth = 4;

    /// <summary>Floats per table row: one per path depth, then the reached leaf's value.</summary>
    public const int Width = MaxDepth + 1;

    public const int Rows = 1 << MaxDepth;

    /// <summary>Appends a group and its table for every split of the tree that has a leaf child.</summary>
    public static void Build(
        ReadOnlySpan<SplitNode> nodes, ReadOnlySpan<float> cover, ReadOnlySpan<int> parent, int unusedFeature,
        List<LeafGroup> groups, List<float> tables)
    {
        var splitIndex = new int[nodes.Length];
        for (int i = 0, k = 0; i < nodes.Length; i++)
        {
            splitIndex[i] = nodes[i].IsLeaf ? -1 : k++;
        }

        for (int i = 0; i < nodes.Length; i++)
        {
            int left = i + 1;
            if (nodes[i].IsLeaf || (!nodes[left].IsLeaf && !nodes[nodes[i].Right].IsLeaf))
            {
                continue;
            }

            // The path's splits, root first, ending with this split; and the side each path edge takes.
            var path = new List<int> { i };
            for (int node = i; node != 0; node = parent[node])
            {
                path.Insert(0, parent[node]);
            }

            int depth = path.Count - 1;
            var columns = new int[MaxDepth];
            Array.Fill(columns, unusedFeature);
            int flip = 0;
            for (int e = 0; e <= depth; e++)
            {
                columns[e] = nodes[path[e]].Feature;
                if (e < depth && path[e + 1] == path[e] + 1)
                {
                    flip |= 1 << e;
                }
            }

            int offset = tables.Count;
            for (int pattern = 0; pattern < Rows; pattern++)
            {
                tables.AddRange(pattern >> (depth + 1) == 0 ? Row(nodes, cover, path, columns, pattern) : new float[Width]);
            }

            int pathMask = 0, flipMask = 0;
            for (int e = 0; e <= depth; e++)
            {
                pathMask |= 1 << splitIndex[path[e]];
                if (((flip >> e) & 1) == 1) flipMask |= 1 << splitIndex[path[e]];
            }

            groups.Add(new LeafGroup
            {
                Offset = offset,
                PathMask = pathMask,
                FlipMask = flipMask,
                F1 = columns[1],
                F2 = columns[2],
                F3 = columns[3],
            });
        }
    }

    private static float[] Row(ReadOnlySpan<SplitNode> nodes, ReadOnlySpan<float> cover, List<int> path, int[] columns, int pattern)
    {
        int depth = path.Count - 1;
        int split = path[depth];
        var row = new double[Width];
        bool followsPath = true;
        for (int e = 0; e < depth; e++)
        {
            followsPath &= ((pattern >> e) & 1) == 1;
        }

        // Unique features by first appearance on the path; zero and one fractions per feature.
        var features = columns.Take(depth + 1).Distinct().ToList();
        var zero = new double[features.Count];
        var one = new double[features.Count];
        var phi = new double[features.Count];
        int goesRight = (pattern >> depth) & 1;
        foreach ((int child, int side) in (ReadOnlySpan<(int, int)>)[(split + 1, 0), (nodes[split].Right, 1)])
        {
            if (!nodes[child].IsLeaf)
            {
                continue;
            }

            Array.Fill(zero, 1.0);
            Array.Fill(one, 1.0);
            for (int e = 0; e <= depth; e++)
            {
                int from = path[e];
                int to = e < depth ? path[e + 1] : child;
                bool followed = e < depth ? ((pattern >> e) & 1) == 1 : goesRight == side;
                int at = features.IndexOf(nodes[from].Feature);
                // Cover fraction in float32, as XGBoost divides the child's sum_hessian by the parent's.
                zero[at] *= cover[to] / cover[from];
                one[at] = followed ? one[at] : 0.0;
            }

            GaussLegendre.AddLeafShapley(zero, one, nodes[child].Value, phi);
            if (followsPath && goesRight == side)
            {
                row[MaxDepth] = nodes[child].Value;
            }
        }

        for (int f = 0; f < features.Count; f++)
        {
            row[Array.IndexOf(columns, features[f])] = phi[f];
        }

        return row.Select(value => (float)value).ToArray();
    }
}
