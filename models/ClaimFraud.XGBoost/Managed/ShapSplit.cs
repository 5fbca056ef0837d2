using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Managed;

/// <summary>
/// One split as the table and quadrature TreeSHAP kernels read it. Each tree's splits are stored in preorder.
/// For the quadrature kernel, split k's children own the row-state slots 1 + 2k (left) and 2 + 2k (right),
/// slot 0 stands for the root, and the split's vectors (see TreeEnsemble.FillQuadrature) live in a separate
/// float array.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ShapSplit
{
    public int Feature;

    public float Threshold;

    /// <summary>1 when missing values go left.</summary>
    public int DefaultLeft;

    /// <summary>Slot of this split's own node (0 for the root): where its Q(t) is read and its S(t) written.</summary>
    public int Self;

    /// <summary>Slot of the nearest ancestor edge on the same feature, or 0 (always hot) when there is none.</summary>
    public int Ancestor;

    /// <summary>Index (within the tree) of the split that is the left / right child, or -1 for a leaf child (the
    /// kernels read S at index + 1, so -1 lands on a zero).</summary>
    public int LeftSplit;

    public int RightSplit;

    /// <summary>Leaf value of the left / right child when it is a leaf.</summary>
    public float LeafLeft;

    public float LeafRight;
}

/// <summary>How a tree's exact contributions are computed for a row.</summary>
internal enum ShapKernel : byte
{
    /// <summary>A single leaf: no feature contributes.</summary>
    None,

    /// <summary>Depth ≤ 4: precomputed per-pattern tables (<see cref="LeafTables"/>).</summary>
    LeafTable,

    /// <summary>Depth 5–8: the 4-point quadrature kernel.</summary>
    Quadrature,

    /// <summary>Deeper: Lundberg et al.'s Algorithm 2 (<see cref="PathTreeShap"/>).</summary>
    Path,
}
