using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.ResultStore.Layout;

namespace ClaimFraud.ResultStore.Sqlite;

/// <summary>
/// The result store in a local SQLite file, laid out as the HBase table is (same row keys, families and qualifiers as a
/// cells table). The default when no HBase is configured. Thread-safe; keep one per process and file.
/// </summary>
public sealed class SqliteResultStore : IResultStore, IDisposable
{
    private readonly CellResultStore _store;
    private readonly SqliteCellTable _table;

    public SqliteResultStore(SqliteResultStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException($"SQLite result store options: {string.Join("; ", problems)}", nameof(options));
        _table = new SqliteCellTable(options, time ?? TimeProvider.System);
        _store = new CellResultStore(_table, options.SaltBuckets);
    }

    /// <summary>The database file's full path.</summary>
    public string FilePath => _table.FilePath;

    public Task EnsureCreatedAsync(CancellationToken ct = default) => _store.EnsureCreatedAsync(ct);

    public Task<ResultWriteOutcome> PutResultAsync(StoredResult result, CancellationToken ct = default) => _store.PutResultAsync(result, ct);

    public Task<StoredResult?> GetResultAsync(string claimId, CancellationToken ct = default) => _store.GetResultAsync(claimId, ct);

    public Task<DecisionWriteOutcome> PutDecisionAsync(string claimId, Decision decision, CancellationToken ct = default) =>
        _store.PutDecisionAsync(claimId, decision, ct);

    public Task<IReadOnlyList<Decision>> GetDecisionsAsync(string claimId, CancellationToken ct = default) => _store.GetDecisionsAsync(claimId, ct);

    public Task<StoreHealth> PingAsync(CancellationToken ct = default) => _store.PingAsync(ct);

    /// <summary>Closes pooled connections to the file so it can be moved or deleted.</summary>
    public void Dispose() => _table.ClearPool();
}
