using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb;

/// <summary>A load-rate measurement the CLI can run against any store (no BenchmarkDotNet: one bulk load is the whole experiment).</summary>
public static class ClaimsDbBenchmark
{
    /// <summary>
    /// Migrates <paramref name="store"/>, builds <paramref name="count"/> claims with <paramref name="claimAt"/> (untimed, so
    /// only the database is measured), bulk-loads them and returns claims per second. Use an empty database: reloading
    /// ids that are stored measures replacement, which is slower.
    /// </summary>
    public static async Task<double> MeasureLoadRateAsync(IClaimStore store, int count, Func<int, LabeledClaim> claimAt,
        int batchSize = ClaimLoadDefaults.BatchSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(claimAt);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await store.MigrateAsync(ct);
        var claims = new LabeledClaim[count];
        for (int i = 0; i < count; i++) claims[i] = claimAt(i);
        var result = await store.LoadAsync(claims, batchSize, progress: null, ct);
        return result.ClaimsPerSecond;
    }
}
