using System.Collections.Concurrent;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.IO;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Synthetic.Claims;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.Output;

namespace ClaimFraud.Synthetic;

/// <summary>
/// Synthetic JKN hospital claims with fraud labels: realistic legitimate claims from the reference catalogs, and
/// the patterns of <see cref="FraudPatterns"/> planted at <see cref="GeneratorOptions.FraudRate"/>. Same options →
/// same claims, byte for byte; claims stream lazily in admission-time order with flat memory.
/// </summary>
public static class SyntheticDataset
{
    /// <summary>Claims generated from the default reference catalogs (<see cref="ReferenceCatalog.Default"/>).</summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public static IEnumerable<LabeledClaim> Generate(GeneratorOptions options) => Generate(options, ReferenceCatalog.Default);

    /// <summary>
    /// Claims generated from the given reference catalogs. Options and catalogs are checked (and loaded) at once;
    /// the claims are made lazily, and each enumeration starts afresh with the same result.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public static IEnumerable<LabeledClaim> Generate(GeneratorOptions options, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        options.Validated();
        var knowledge = GeneratorKnowledge.For(catalog);
        if (options.Hospitals > knowledge.Hospitals.Length)
            throw new ArgumentException($"Invalid generator options: Hospitals must be at most {knowledge.Hospitals.Length} (the general hospitals of class A–D in the reference list; got {options.Hospitals}).");
        return Enumerate(options, catalog);
    }

    private static IEnumerable<LabeledClaim> Enumerate(GeneratorOptions options, ReferenceCatalog catalog)
    {
        var stream = new ClaimStream(options, catalog);
        foreach (var claim in stream.Run()) yield return claim;
    }

    /// <summary>
    /// Writes the claims as JSON Lines (one contract §1 claim per line with its <c>label</c>) to
    /// <paramref name="outputPath"/> atomically: on any failure or cancellation nothing is left at the path.
    /// Returns the number of claims written; <paramref name="progress"/> hears the running count every 10,000.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (nothing is written).</exception>
    public static long WriteJsonl(GeneratorOptions options, string outputPath, IProgress<long>? progress = null, CancellationToken ct = default) =>
        WriteJsonl(options, ReferenceCatalog.Default, outputPath, progress, ct);

    /// <inheritdoc cref="WriteJsonl(GeneratorOptions, string, IProgress{long}?, CancellationToken)"/>
    public static long WriteJsonl(GeneratorOptions options, ReferenceCatalog catalog, string outputPath, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var claims = Generate(options, catalog);
        using var file = AtomicFile.Create(outputPath);
        long count = WriteJsonl(claims, file.Stream, progress, ct);
        file.Commit();
        return count;
    }

    /// <summary>Writes the claims as JSON Lines to a stream (left open; flushed at the end); returns how many were written.</summary>
    public static long WriteJsonl(GeneratorOptions options, Stream output, IProgress<long>? progress = null, CancellationToken ct = default) =>
        WriteJsonl(options, ReferenceCatalog.Default, output, progress, ct);

    /// <inheritdoc cref="WriteJsonl(GeneratorOptions, Stream, IProgress{long}?, CancellationToken)"/>
    public static long WriteJsonl(GeneratorOptions options, ReferenceCatalog catalog, Stream output, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return WriteJsonl(Generate(options, catalog), output, progress, ct);
    }

    /// <summary>
    /// A pipeline: generation runs on its own thread and hands out batches, which serialise in parallel on the
    /// thread pool; the calling thread writes the serialised batches strictly in order, so the bytes do not
    /// depend on timing. A bounded queue keeps memory flat.
    /// </summary>
    private static long WriteJsonl(IEnumerable<LabeledClaim> claims, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        const int BatchSize = 256, InFlight = 6, ReportEvery = 10_000;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var pending = new BlockingCollection<Task<JsonlBatch>>(boundedCapacity: InFlight);
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new LabeledClaim[BatchSize];
                int n = 0;
                foreach (var claim in claims)
                {
                    batch[n++] = claim;
                    if (n < BatchSize) continue;
                    var full = batch;
                    pending.Add(Task.Run(() => JsonlBatch.Serialize(full, BatchSize)), stop.Token);
                    batch = new LabeledClaim[BatchSize];
                    n = 0;
                }
                if (n > 0)
                {
                    int last = n;
                    pending.Add(Task.Run(() => JsonlBatch.Serialize(batch, last)), stop.Token);
                }
            }
            finally
            {
                pending.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long count = 0, nextReport = ReportEvery;
        try
        {
            foreach (var serialising in pending.GetConsumingEnumerable(stop.Token))
            {
                var batch = serialising.GetAwaiter().GetResult();
                output.Write(batch.Bytes);
                count += batch.Claims;
                batch.Release();
                if (count >= nextReport)
                {
                    progress?.Report(count);
                    nextReport += ReportEvery;
                }
            }
            // Rethrows a generation failure: an incomplete file must not be committed.
            producer.GetAwaiter().GetResult();
            ct.ThrowIfCancellationRequested();
            output.Flush();
        }
        catch
        {
            stop.Cancel();
            try { producer.Wait(CancellationToken.None); } catch (AggregateException) { /* the first error is the one to report */ }
            throw;
        }
        progress?.Report(count);
        return count;
    }
}
