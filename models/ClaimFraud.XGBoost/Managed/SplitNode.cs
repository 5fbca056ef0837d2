using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Managed;

/// <summary>
/// One tree node in the traversal array (16 bytes, so a walk touches one cache line per node). Trees are
/// stored one after another in preorder, so a split's left child is always the next node; child indices
/// are relative to the tree's first node.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SplitNode
{
    /// <summary>Feature the node splits on, or -1 for a leaf.</summary>
    public int Feature;

    /// <summary>Split condition (go left when value &lt; condition, compared as float32), or the leaf value.</summary>
    public float Value;

    /// <summary>Index of the right child within the tree.</summary>
    public int Right;

    /// <summary>Index of the child a missing (NaN) value follows: the left child when default_left is set.</summary>
    public int Missing;

    public readonly bool IsLeaf => Feature < 0;
}
