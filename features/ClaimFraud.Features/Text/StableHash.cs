namespace ClaimFraud.Features.Text;

/// <summary>
/// A 64-bit FNV-1a hash with a final avalanche mix: stable across processes and machines (unlike
/// <see cref="HashCode"/>), so history snapshots and fingerprints mean the same thing everywhere.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s)
        {
            h ^= (byte)c;
            h *= Prime;
            h ^= (byte)(c >> 8);
            h *= Prime;
        }
        return Mix(h);
    }

    public static ulong Of(string? s) => s is null ? 0 : Of(s.AsSpan());

    /// <summary>Combines in order.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2)));

    /// <summary>SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
