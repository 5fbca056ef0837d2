using System.Runtime.Intrinsics;
using static ClaimFraud.XGBoost.Managed.PathTreeShap;

namespace ClaimFraud.XGBoost.Managed;

/// <summary>Pointers into one row's scratch memory for exact contributions.</summary>
internal readonly unsafe struct Scratch
{
    /// <summary>TreeEnsemble.PhiCopies arrays of per-feature quadrature-kernel contributions for each lane (only
    /// when some tree uses that kernel).</summary>
    public Vector256<float>* Phi { get; init; }

    /// <summary>TreeEnsemble.PhiCopies arrays of NumFeatures + 1 floats the table kernel adds to in turn.</summary>
    public float* PhiCopies { get; init; }

    /// <summary>Per quadrature slot, Q(t) at the 4 points.</summary>
    public float* Q { get; init; }

    /// <summary>Per split (after a zero block), S(t) of the split: Σ over its leaves of leaf value × Q(t).</summary>
    public float* Sums { get; init; }

    /// <summary>Per quadrature slot, 1 when the edge's feature is still hot (the row followed all its splits so far).</summary>
    public byte* Hot { get; init; }

    /// <summary>Per quadrature split: bit 2 = the row goes right; bits 0–1 = the case (0 feature cold, 1 left, 2 right).</summary>
    public byte* Way { get; init; }

    /// <summary>Path-algorithm elements for trees deeper than the quadrature rule handles.</summary>
    public PathElement* Path { get; init; }
}

/// <summary>Sizes and offsets of <see cref="Scratch"/> inside one byte block (32-byte aligned pieces).</summary>
internal readonly unsafe struct ScratchLayout
{
    private const int Alignment = 32;
    private readonly int _phi;
    private readonly int _copies;
    private readonly int _q;
    private readonly int _sums;
    private readonly int _hot;
    private readonly int _way;
    private readonly int _path;

    public ScratchLayout(int features, bool quadrature, int maxSplits, int pathElements)
    {
        int slots = quadrature ? 2 * maxSplits + 1 : 0;
        // The first Alignment bytes leave room to align the block's start.
        _phi = Alignment;
        _copies = _phi + (quadrature ? Round(TreeEnsemble.PhiCopies * features * sizeof(Vector256<float>)) : 0);
        _q = _copies + Round(TreeEnsemble.PhiCopies * (features + 1) * sizeof(float));
        _sums = _q + Round(slots * 4 * sizeof(float));
        _hot = _sums + (quadrature ? Round((maxSplits + 1) * 4 * sizeof(float)) : 0);
        _way = _hot + Round(slots);
        _path = _way + Round(maxSplits);
        Bytes = _path + pathElements * sizeof(PathElement);
    }

    public int Bytes { get; }

    public Scratch Carve(byte* memory)
    {
        byte* start = (byte*)(((nint)memory + Alignment - 1) & ~(nint)(Alignment - 1)) - Alignment;
        return new Scratch
        {
            Phi = (Vector256<float>*)(start + _phi),
            PhiCopies = (float*)(start + _copies),
            Q = (float*)(start + _q),
            Sums = (float*)(start + _sums),
            Hot = start + _hot,
            Way = start + _way,
            Path = (PathElement*)(start + _path),
        };
    }

    private static int Round(int bytes) => (bytes + Alignment - 1) / Alignment * Alignment;
}
