namespace ClaimFraud.XGBoost.Managed;

/// <summary>
/// Exact path-dependent TreeSHAP for one tree by Lundberg et al.'s polynomial-time Algorithm 2 (the
/// recursion with EXTEND / UNWIND over the unique feature path), in float32 as XGBoost computes
/// pred_contribs. O(leaves × depth²) per tree; used for trees deeper than the quadrature kernel handles
/// exactly, and by tests as an independent reference.
/// </summary>
internal static unsafe class PathTreeShap
{
    /// <summary>One feature on the unique path: its zero and one fractions, and the permutation weight
    /// of the path subsets with this element's position many ones.</summary>
    internal struct PathElement
    {
        public int Feature;
        public float Zero;
        public float One;
        public float Weight;
    }

    /// <summary>Scratch elements the recursion needs for a tree of the given depth (one path copy per level).</summary>
    public static int ScratchElements(int depth) => (depth + 2) * (depth + 3) / 2;

    /// <summary>Adds the tree's contributions to <paramref name="phi"/> (one entry per feature; no bias).</summary>
    public static void Accumulate(SplitNode* nodes, float* cover, float* row, float* phi, PathElement* scratch) =>
        Recurse(nodes, cover, row, phi, 0, scratch, 0, 1f, 1f, -1);

    private static void Recurse(
        SplitNode* nodes, float* cover, float* row, float* phi,
        int node, PathElement* parentPath, int parentLength, float zero, float one, int feature)
    {
        // The parent's path had at most parentLength + 1 elements before it unwound a repeated feature.
        PathElement* path = parentPath + parentLength + 1;
        for (int i = 0; i < parentLength; i++)
        {
            path[i] = parentPath[i];
        }

        Extend(path, parentLength, zero, one, feature);
        int length = parentLength + 1;
        SplitNode split = nodes[node];
        if (split.IsLeaf)
        {
            // Element 0 is the root's placeholder (feature -1), not a feature.
            for (int i = 1; i < length; i++)
            {
                float weight = UnwoundSum(path, length, i);
                phi[path[i].Feature] += weight * (path[i].One - path[i].Zero) * split.Value;
            }

            return;
        }

        float value = row[split.Feature];
        int hot = float.IsNaN(value) ? split.Missing : value < split.Value ? node + 1 : split.Right;
        int cold = hot == node + 1 ? split.Right : node + 1;
        float hotZero = cover[hot] / cover[node];
        float coldZero = cover[cold] / cover[node];

        // A feature split on again: undo its earlier element and fold its fractions into this split's.
        float incomingZero = 1f;
        float incomingOne = 1f;
        for (int k = 0; k < length; k++)
        {
            if (path[k].Feature == split.Feature)
            {
                incomingZero = path[k].Zero;
                incomingOne = path[k].One;
                Unwind(path, length, k);
                length--;
                break;
            }
        }

        Recurse(nodes, cover, row, phi, hot, path, length, hotZero * incomingZero, incomingOne, split.Feature);
        Recurse(nodes, cover, row, phi, cold, path, length, coldZero * incomingZero, 0f, split.Feature);
    }

    // Appends an element and updates the permutation weights: each existing subset size either gains
    // the new feature (weighted by its one fraction) or not (weighted by its zero fraction).
    private static void Extend(PathElement* path, int length, float zero, float one, int feature)
    {
        path[length] = new PathElement { Feature = feature, Zero = zero, One = one, Weight = length == 0 ? 1f : 0f };
        float size = length + 1;
        for (int i = length - 1; i >= 0; i--)
        {
            path[i + 1].Weight += one * path[i].Weight * (i + 1) / size;
            path[i].Weight = zero * path[i].Weight * (length - i) / size;
        }
    }

    // Inverts Extend for element k, then removes it.
    private static void Unwind(PathElement* path, int length, int k)
    {
        int last = length - 1;
        float one = path[k].One;
        float zero = path[k].Zero;
        float size = length;
        float carry = path[last].Weight;
        for (int i = last - 1; i >= 0; i--)
        {
            if (one != 0f)
            {
                float previous = path[i].Weight;
                path[i].Weight = carry * size / ((i + 1) * one);
                carry = previous - path[i].Weight * zero * (last - i) / size;
            }
            else
            {
                path[i].Weight = path[i].Weight * size / (zero * (last - i));
            }
        }

        for (int i = k; i < last; i++)
        {
            path[i].Feature = path[i + 1].Feature;
            path[i].Zero = path[i + 1].Zero;
            path[i].One = path[i + 1].One;
        }
    }

    // Sum of the weights Unwind(path, length, k) would leave, without changing the path.
    private static float UnwoundSum(PathElement* path, int length, int k)
    {
        int last = length - 1;
        float one = path[k].One;
        float zero = path[k].Zero;
        float size = length;
        float carry = path[last].Weight;
        float total = 0f;
        for (int i = last - 1; i >= 0; i--)
        {
            if (one != 0f)
            {
                float weight = carry * size / ((i + 1) * one);
                total += weight;
                carry = path[i].Weight - weight * zero * ((last - i) / size);
            }
            else if (zero != 0f)
            {
                total += path[i].Weight / zero / ((last - i) / size);
            }
        }

        return total;
    }
}
