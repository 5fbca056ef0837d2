namespace ClaimFraud.Synthetic.People;

/// <summary>
/// 13-digit JKN card numbers (noKartu), unique per patient: "000" then a 10-digit affine permutation of the
/// patient's index, so numbers look scattered yet never repeat within a run.
/// </summary>
internal readonly struct BpjsNumbers
{
    private const long Modulus = 10_000_000_000L;
    private readonly long _multiplier;
    private readonly long _offset;

    public BpjsNumbers(ulong seed)
    {
        // A multiplier coprime with 10^10 (odd, not a multiple of 5) makes index → number a bijection.
        long m = (long)(seed % 4_000_000_000UL) * 2 + 1_000_000_001L;
        if (m % 5 == 0) m += 2;
        _multiplier = m;
        _offset = (long)((seed >> 20) % (ulong)Modulus);
    }

    public string For(long patientIndex)
    {
        long v = (long)(((UInt128)(ulong)patientIndex * (ulong)_multiplier + (ulong)_offset) % (ulong)Modulus);
        return "000" + v.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A different valid-looking number, for an SEP that carries someone else's card.</summary>
    public string Other(long patientIndex, long salt) => For(patientIndex + 1 + salt);
}
