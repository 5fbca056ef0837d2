using System.Diagnostics;
using System.Runtime.CompilerServices;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>
/// The batching both stores share: check each claim, keep the last of repeated ids in a batch, then write batches in
/// a two-stage pipeline. <c>prepare</c> (CPU: turning claims into SQL) runs on the caller's thread for batch k+1 while
/// <c>commit</c> (the database transaction) of batch k runs in the background, so client and server work overlap.
/// At most one commit is in flight, so batches commit in input order on one connection.
/// </summary>
internal static class BatchLoader
{
    public static async Task<ClaimLoadResult> RunAsync<TPrepared>(
        IAsyncEnumerable<LabeledClaim> claims, int batchSize, Action<long>? progress,
        Func<IReadOnlyList<LabeledClaim>, TPrepared> prepare,
        Action<TPrepared, CancellationToken> commit,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var clock = Stopwatch.StartNew();
        var batch = new List<LabeledClaim>(batchSize);
        var positions = new Dictionary<string, int>(batchSize, StringComparer.Ordinal);
        long committed = 0;
        int taken = 0;
        Task? inFlight = null;
        int inFlightClaims = 0;

        async Task AwaitInFlightAsync()
        {
            if (inFlight is null) return;
            var task = inFlight;
            inFlight = null;
            await task;
            committed += inFlightClaims;
            progress?.Invoke(committed);
        }

        async Task SubmitAsync()
        {
            if (taken == 0) return;
            var prepared = prepare(batch);
            int claimsInBatch = taken;
            taken = 0;
            batch.Clear();
            positions.Clear();
            await AwaitInFlightAsync();
            inFlightClaims = claimsInBatch;
            inFlight = Task.Run(() => commit(prepared, ct), ct);
        }

        try
        {
            await foreach (var claim in claims.WithCancellation(ct))
            {
                StorageCheck.Check(claim);
                taken++;
                // The same id twice in one batch: the later one wins, exactly as if they had been in different batches.
                if (positions.TryGetValue(claim.Claim.ClaimId, out int at)) batch[at] = claim;
                else
                {
                    positions.Add(claim.Claim.ClaimId, batch.Count);
                    batch.Add(claim);
                }
                if (taken >= batchSize) await SubmitAsync();
            }
            await SubmitAsync();
            await AwaitInFlightAsync();
        }
        finally
        {
            // A bad claim or a failed source stops the load; the batch already handed to the database still finishes
            // (committed or rolled back as a whole) before the connection is closed under it.
            if (inFlight is not null)
            {
                try { await inFlight; }
                catch (Exception) when (inFlight.IsFaulted || inFlight.IsCanceled) { /* the original exception is the one to report */ }
            }
        }
        return new ClaimLoadResult(committed, clock.Elapsed);
    }

    public static async IAsyncEnumerable<T> ToAsync<T>(this IEnumerable<T> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var item in source)
        {
            ct.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask;
    }
}
