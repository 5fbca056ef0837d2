using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.ResultStore.Layout;
using ClaimFraud.ResultStore.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimFraud.ResultStore.Outbox;

/// <summary>
/// Keeps every write when the store behind it is unreachable: the write lands in a durable outbox directory and the
/// call returns <see cref="ResultWriteOutcome.Queued"/>/<see cref="DecisionWriteOutcome.Queued"/>. Reads see queued
/// results. <see cref="DeliverPendingAsync"/> (driven by <see cref="OutboxDeliveryService"/>) replays the outbox in
/// arrival order; the store's version check and decision slots make a replay of something already applied a no-op.
/// </summary>
/// <remarks>
/// While a claim has queued writes, new writes for it queue behind them, so a decision is never delivered before the
/// result it belongs to. After a failure, writes skip the store for <see cref="OutboxOptions.BypassAfterFailure"/>
/// rather than each waiting out its timeouts. Logs carry claim ids and counts only.
/// </remarks>
public sealed partial class OutboxResultStore : IResultStore, IDisposable
{
    private readonly IResultStore _inner;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly OutboxDirectory _dir;
    private readonly bool _ownsInner;
    private readonly SemaphoreSlim _deliveryGate = new(1, 1);
    private readonly SemaphoreSlim _workSignal = new(0, 1);
    private readonly Lock _state = new();
    private DateTimeOffset _bypassUntil = DateTimeOffset.MinValue;
    private DateTimeOffset? _lastDeliveryAt;
    private string? _lastProblem;

    /// <summary>Opens (or creates) the outbox directory and loads what an earlier run left pending.</summary>
    /// <exception cref="IOException">Another process holds the directory.</exception>
    public OutboxResultStore(IResultStore inner, OutboxOptions options, TimeProvider? time = null,
        ILogger<OutboxResultStore>? logger = null, bool ownsInner = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException($"Outbox options: {string.Join("; ", problems)}", nameof(options));
        _inner = inner;
        _options = options;
        _time = time ?? TimeProvider.System;
        _log = logger ?? (ILogger)NullLogger.Instance;
        _ownsInner = ownsInner;
        _dir = new OutboxDirectory(options.Directory);
        var (pending, _) = _dir.Counts();
        if (pending > 0) LogLoaded(_log, pending, _dir.Root);
    }

    /// <summary>The store writes are delivered to.</summary>
    public IResultStore Inner => _inner;

    /// <summary>Full path of the outbox directory.</summary>
    public string Directory => _dir.Root;

    /// <summary>Tries to create the table; when the store is down that is left to delivery, and this returns normally.</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        try { await _inner.EnsureCreatedAsync(ct).ConfigureAwait(false); }
        catch (Exception e) when (IsUnavailable(e, ct)) { MarkDown(e); }
    }

    public async Task<ResultWriteOutcome> PutResultAsync(StoredResult result, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.ThrowIfInvalid();
        if (!IsBypassing() && !_dir.HasPending(result.ClaimId))
        {
            try { return await _inner.PutResultAsync(result, ct).ConfigureAwait(false); }
            catch (Exception e) when (IsUnavailable(e, ct)) { MarkDown(e); }
        }
        Enqueue(result.ClaimId, result, null);
        return ResultWriteOutcome.Queued;
    }

    public async Task<DecisionWriteOutcome> PutDecisionAsync(string claimId, Decision decision, CancellationToken ct = default)
    {
        FraudResultRowKey.ThrowIfInvalidClaimId(claimId);
        ArgumentNullException.ThrowIfNull(decision);
        DecisionValidator.ThrowIfInvalid(decision);
        if (!IsBypassing() && !_dir.HasPending(claimId))
        {
            try { return await _inner.PutDecisionAsync(claimId, decision, ct).ConfigureAwait(false); }
            catch (Exception e) when (IsUnavailable(e, ct)) { MarkDown(e); }
        }
        Enqueue(claimId, null, decision);
        return DecisionWriteOutcome.Queued;
    }

    /// <summary>The newer of the stored and the queued result; when the store is down, the queued one or <see cref="ResultStoreUnavailableException"/>.</summary>
    public async Task<StoredResult?> GetResultAsync(string claimId, CancellationToken ct = default)
    {
        FraudResultRowKey.ThrowIfInvalidClaimId(claimId);
        var queued = _dir.LatestResult(claimId);
        if (IsBypassing()) return queued ?? throw Down(null);
        StoredResult? stored;
        try { stored = await _inner.GetResultAsync(claimId, ct).ConfigureAwait(false); }
        catch (Exception e) when (IsUnavailable(e, ct))
        {
            MarkDown(e);
            return queued ?? throw Down(e);
        }
        if (queued is null) return stored;
        if (stored is null) return queued;
        return queued.Version > stored.Version ? queued : stored;
    }

    /// <summary>Stored decisions plus queued ones, by decided_at. Throws <see cref="ResultStoreUnavailableException"/> when the store is down (a partial history would mislead).</summary>
    public async Task<IReadOnlyList<Decision>> GetDecisionsAsync(string claimId, CancellationToken ct = default)
    {
        FraudResultRowKey.ThrowIfInvalidClaimId(claimId);
        if (IsBypassing()) throw Down(null);
        IReadOnlyList<Decision> stored;
        try { stored = await _inner.GetDecisionsAsync(claimId, ct).ConfigureAwait(false); }
        catch (Exception e) when (IsUnavailable(e, ct))
        {
            MarkDown(e);
            throw Down(e);
        }
        var queued = _dir.Decisions(claimId);
        if (queued.Count == 0) return stored;
        // Between the store accepting a delivery and the file's removal, a decision is in both places.
        return [.. stored.Concat(queued.Where(q => !stored.Contains(q))).OrderBy(d => d.DecidedAt.UtcTicks)];
    }

    /// <summary>The store's own health; the outbox's state is in <see cref="GetStatus"/>.</summary>
    public Task<StoreHealth> PingAsync(CancellationToken ct = default) => _inner.PingAsync(ct);

    /// <summary>Counts for /ready and logs.</summary>
    public OutboxStatus GetStatus()
    {
        var (count, oldest) = _dir.Counts();
        var now = _time.GetUtcNow();
        lock (_state)
            return new OutboxStatus(count, oldest is { } o ? (now - o).Duration() : null, _dir.RejectedCount, _lastDeliveryAt, _lastProblem);
    }

    /// <summary>
    /// Replays the outbox in arrival order until it is empty or the store is unreachable (then stops, keeping the order).
    /// A write the store answers with an error other than unavailability blocks only its own claim's later writes, is logged,
    /// and is retried next pass. A queued decision whose claim has no result anywhere is set aside into rejected/.
    /// One pass at a time; concurrent callers wait.
    /// </summary>
    public async Task<DeliveryReport> DeliverPendingAsync(CancellationToken ct = default)
    {
        await _deliveryGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            int delivered = 0, rejected = 0;
            bool unavailable = false;
            var blocked = new HashSet<string>(StringComparer.Ordinal);
            string? problem = null;
            foreach (var entry in _dir.Snapshot())
            {
                if (blocked.Contains(entry.ClaimId)) continue;
                try
                {
                    if (entry.Score is { } score)
                    {
                        await _inner.PutResultAsync(new StoredResult(score), ct).ConfigureAwait(false);
                        _dir.Remove(entry.Seq);
                        delivered++;
                    }
                    else if (await _inner.PutDecisionAsync(entry.ClaimId, entry.Decision!, ct).ConfigureAwait(false) == DecisionWriteOutcome.NoResult)
                    {
                        _dir.Reject(entry.Seq, $"decision for claim {entry.ClaimId}: the store holds no result for this claim");
                        LogRejected(_log, entry.Seq, entry.ClaimId);
                        rejected++;
                    }
                    else
                    {
                        _dir.Remove(entry.Seq);
                        delivered++;
                    }
                }
                catch (Exception e) when (IsUnavailable(e, ct))
                {
                    MarkDown(e);
                    problem = e.Message;
                    unavailable = true;
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    blocked.Add(entry.ClaimId);
                    problem = $"{e.GetType().Name} delivering entry {entry.Seq}";
                    LogDeliveryError(_log, entry.Seq, entry.ClaimId, e.GetType().Name);
                }
            }

            var remaining = _dir.Counts().Count;
            lock (_state)
            {
                _lastDeliveryAt = _time.GetUtcNow();
                _lastProblem = problem;
                if (!unavailable && delivered + rejected > 0) _bypassUntil = DateTimeOffset.MinValue;
            }
            if (delivered + rejected > 0) LogDelivered(_log, delivered, rejected, remaining);
            return new DeliveryReport(delivered, rejected, remaining, unavailable, blocked.Count);
        }
        finally { _deliveryGate.Release(); }
    }

    /// <summary>Waits until a write is queued or <paramref name="timeout"/> passes.</summary>
    internal async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct) =>
        await _workSignal.WaitAsync(timeout, ct).ConfigureAwait(false);

    private void Enqueue(string claimId, StoredResult? result, Decision? decision)
    {
        OutboxEntry entry;
        try { entry = _dir.Append(claimId, _time.GetUtcNow(), result?.Score, decision); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Neither the store nor the outbox took the write, so it is not acknowledged: the caller answers 503.
            throw new ResultStoreUnavailableException($"The result store is unreachable and the outbox {_dir.Root} could not be written: {e.Message}", e);
        }
        LogQueued(_log, entry.Kind, claimId, entry.Seq);
        // Wake the delivery loop; a count of one is enough, it drains everything pending.
        if (_workSignal.CurrentCount == 0)
        {
            try { _workSignal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    private bool IsBypassing()
    {
        lock (_state) return _time.GetUtcNow() < _bypassUntil;
    }

    private void MarkDown(Exception e)
    {
        bool wasUp;
        lock (_state)
        {
            wasUp = _time.GetUtcNow() >= _bypassUntil;
            _bypassUntil = _time.GetUtcNow() + _options.BypassAfterFailure;
            _lastProblem = e.Message;
        }
        if (wasUp) LogStoreDown(_log, e.GetType().Name, e.Message);
    }

    private ResultStoreUnavailableException Down(Exception? cause) =>
        cause as ResultStoreUnavailableException
        ?? new ResultStoreUnavailableException($"The result store is unreachable ({_lastProblem ?? "recent failure"}); writes are being queued", cause);

    /// <summary>Failures that another moment may cure: the write is kept rather than lost.</summary>
    internal static bool IsUnavailable(Exception e, CancellationToken ct) => e switch
    {
        ResultStoreUnavailableException or HttpRequestException or TimeoutException => true,
        SqliteException s => SqliteCellTable.IsTransient(s),
        OperationCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };

    public void Dispose()
    {
        _dir.Dispose();
        if (_ownsInner) (_inner as IDisposable)?.Dispose();
        _deliveryGate.Dispose();
        _workSignal.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Directory} holds {Count} pending write(s) from an earlier run")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Result store unreachable ({ExceptionType}: {Problem}); writes go to the outbox")]
    private static partial void LogStoreDown(ILogger logger, string exceptionType, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Kind} for claim {ClaimId} as outbox entry {Seq}")]
    private static partial void LogQueued(ILogger logger, string kind, string claimId, long seq);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox delivered {Delivered}, rejected {Rejected}, {Remaining} pending")]
    private static partial void LogDelivered(ILogger logger, int delivered, int rejected, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {Seq}: decision for claim {ClaimId} has no result in the store; moved to rejected/")]
    private static partial void LogRejected(ILogger logger, long seq, string claimId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox entry {Seq} for claim {ClaimId} failed with {ExceptionType}; the claim's later writes wait for the next pass")]
    private static partial void LogDeliveryError(ILogger logger, long seq, string claimId, string exceptionType);
}
