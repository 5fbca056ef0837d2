using ClaimFraud.ResultStore.Decisions;
using L = ClaimFraud.ResultStore.Layout.FraudResultLayout;

namespace ClaimFraud.ResultStore.Layout;

/// <summary>
/// The result and decision rules, written once over <see cref="ICellTable"/> so HBase and SQLite behave alike:
/// results replace each other only forwards in <see cref="ResultVersion"/> order (check-and-put on s:stamp), decisions
/// take a fresh d:&lt;ticks&gt; qualifier (check-and-put on "absent") and are recognised when delivered twice.
/// </summary>
internal sealed class CellResultStore(ICellTable table, int saltBuckets)
{
    // Each lost race means another writer made progress, so a small bound only trips under pathological contention.
    private const int MaxResultAttempts = 8;
    private const int MaxDecisionSlots = 64;

    private static readonly string[] ResultColumns = [.. L.ResultFamilies];
    private static readonly string[] StampColumn = [L.Score + ":" + L.Stamp];
    private static readonly string[] DecisionColumns = [L.Decisions];

    private readonly SemaphoreSlim _ensureGate = new(1, 1);
    private volatile bool _ensured;

    public string Name => table.Name;

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_ensured) return;
        await _ensureGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_ensured) return;
            await table.EnsureTableAsync(ct).ConfigureAwait(false);
            _ensured = true;
        }
        finally { _ensureGate.Release(); }
    }

    /// <summary>Runs a write; if the backend says the table vanished after it was ensured, re-creates it and tries once more.</summary>
    private async Task<T> WithTableAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        try { return await write().ConfigureAwait(false); }
        catch (TableMissingException)
        {
            _ensured = false;
            await EnsureCreatedAsync(ct).ConfigureAwait(false);
            return await write().ConfigureAwait(false);
        }
    }

    public string RowKey(string claimId) => FraudResultRowKey.For(claimId, saltBuckets);

    public Task<ResultWriteOutcome> PutResultAsync(StoredResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.ThrowIfInvalid();
        return WithTableAsync(() => PutResultCoreAsync(result, ct), ct);
    }

    private async Task<ResultWriteOutcome> PutResultCoreAsync(StoredResult result, CancellationToken ct)
    {
        string row = RowKey(result.ClaimId);
        var version = result.Version;
        var cells = ResultCells.Encode(result);

        for (int attempt = 0; attempt < MaxResultAttempts; attempt++)
        {
            var current = await table.GetAsync(row, StampColumn, ct).ConfigureAwait(false);
            byte[] expected = [];
            if (current.Count > 0)
            {
                int c = version.CompareTo(ResultCells.DecodeStamp(row, current[0]));
                if (c == 0) return ResultWriteOutcome.AlreadyStored;
                if (c < 0) return ResultWriteOutcome.Superseded;
                expected = current[0].Value;
            }
            var check = new Cell(L.Score, L.Stamp, expected);
            if (await table.CheckAndPutAsync(row, cells, check, ct).ConfigureAwait(false))
                return ResultWriteOutcome.Stored;
        }
        throw new ResultStoreException($"gave up storing the result of claim {result.ClaimId}: {MaxResultAttempts} concurrent writes won the race");
    }

    public async Task<StoredResult?> GetResultAsync(string claimId, CancellationToken ct)
    {
        FraudResultRowKey.ThrowIfInvalidClaimId(claimId);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        string row = RowKey(claimId);
        var cells = await table.GetAsync(row, ResultColumns, ct).ConfigureAwait(false);
        return cells.Count == 0 ? null : ResultCells.Decode(row, cells);
    }

    public Task<DecisionWriteOutcome> PutDecisionAsync(string claimId, Decision decision, CancellationToken ct)
    {
        FraudResultRowKey.ThrowIfInvalidClaimId(claimId);
        ArgumentNullException.ThrowIfNull(decision);
        DecisionValidator.ThrowIfInvalid(decision);
        return WithTableAsync(() => PutDecisionCoreAsync(claimId, decision, ct), ct);
    }

    private async Task<DecisionWriteOutcome> PutDecisionCoreAsync(string claimId, Decision decision, CancellationToken ct)
    {
        string row = RowKey(claimId);
        // Results are never deleted, so once a stamp is seen the decision may follow it without holding a lock.
        if ((await table.GetAsync(row, StampColumn, ct).ConfigureAwait(false)).Count == 0)
            return DecisionWriteOutcome.NoResult;

        byte[] value = ResultCells.EncodeDecision(decision);
        long ticks = decision.DecidedAt.UtcTicks;
        for (int slot = 0; slot < MaxDecisionSlots; slot++, ticks++)
        {
            string qualifier = ResultCells.DecisionQualifier(ticks);
            var cell = new Cell(L.Decisions, qualifier, value);
            if (await table.CheckAndPutAsync(row, [cell], new Cell(L.Decisions, qualifier, []), ct).ConfigureAwait(false))
                return DecisionWriteOutcome.Stored;
            // The slot is taken: by this very decision (a redelivery) or by another made in the same 100 ns.
            var taken = await table.GetAsync(row, [cell.Column], ct).ConfigureAwait(false);
            if (taken.Count > 0 && taken[0].Value.AsSpan().SequenceEqual(value))
                return DecisionWriteOutcome.AlreadyStored;
        }
        throw new ResultStoreException($"gave up storing a decision for claim {claimId}: {MaxDecisionSlots} decisions share its instant");
    }

    public async Task<IReadOnlyList<Decision>> GetDecisionsAsync(string claimId, CancellationToken ct)
    {
        FraudResultRowKey.ThrowIfInvalidClaimId(claimId);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        string row = RowKey(claimId);
        var cells = await table.GetAsync(row, DecisionColumns, ct).ConfigureAwait(false);
        return cells.Where(c => c.Family == L.Decisions)
            .OrderBy(c => c.Qualifier, StringComparer.Ordinal)
            .Select(c => ResultCells.DecodeDecision(row, c))
            .ToList();
    }

    public async Task<StoreHealth> PingAsync(CancellationToken ct)
    {
        try
        {
            // A fresh cluster has no table until something creates it; readiness must not wait for a first write that never comes.
            await EnsureCreatedAsync(ct).ConfigureAwait(false);
            await table.PingAsync(ct).ConfigureAwait(false);
            return StoreHealth.Reachable(table.Name);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception e)
        {
            return StoreHealth.Unreachable(table.Name, e.Message);
        }
    }
}
