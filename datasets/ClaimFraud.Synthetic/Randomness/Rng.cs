using System.Runtime.CompilerServices;

namespace ClaimFraud.Synthetic.Randomness;

/// <summary>
/// xoshiro256** with the draws the generators need. Bogus' Randomizer locks on every call and wraps System.Random;
/// per-claim numeric draws are the hot path, so they use this instead (Bogus still supplies the names).
/// </summary>
internal sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        // SplitMix64 expands one word into the four state words, as the xoshiro authors recommend.
        ulong x = seed;
        _s0 = SeedMix.SplitMix(ref x);
        _s1 = SeedMix.SplitMix(ref x);
        _s2 = SeedMix.SplitMix(ref x);
        _s3 = SeedMix.SplitMix(ref x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextULong()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int n) => n <= 1 ? 0 : (int)Math.BigMul(NextULong(), (ulong)n, out _);

    /// <summary>Uniform integer in [min, max], both included.</summary>
    public int Between(int min, int max) => max <= min ? min : min + Next(max - min + 1);

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by Box–Muller (one of the pair is discarded to keep the stream simple to reason about).</summary>
    public double Normal()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Log-normal with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}

/// <summary>Derives independent, stable seeds for each entity and stream from the one user seed.</summary>
internal static class SeedMix
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A seed for item <paramref name="index"/> of stream <paramref name="stream"/>; streams are named so adding one never shifts another.</summary>
    public static ulong Derive(long seed, SeedStream stream, long index = 0)
    {
        ulong x = (ulong)seed;
        ulong a = SplitMix(ref x);
        x = a ^ ((ulong)stream * 0xD1B54A32D192ED03UL);
        ulong b = SplitMix(ref x);
        x = b ^ (ulong)index;
        return SplitMix(ref x);
    }

    public static int DeriveInt(long seed, SeedStream stream, long index = 0) => (int)(Derive(seed, stream, index) & 0x7FFF_FFFF);
}

/// <summary>Named random streams. Append new names at the end: their numbers are part of the seeded output.</summary>
internal enum SeedStream
{
    Hospitals = 1,
    Doctors = 2,
    Patients = 3,
    PatientNames = 4,
    Schedule = 5,
    Claims = 6,
    Fraud = 7,
    Sep = 8,
    BpjsNumbers = 9,
    HospitalFraud = 10,
    AlteredNames = 11,
    HospitalRecords = 12,
    TariffTables = 13,
    ClaimRecords = 14,
}
