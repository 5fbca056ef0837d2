using System.Net;
using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.ResultStore.Layout;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimFraud.ResultStore.HBase;

/// <summary>
/// The result store on HBase through its REST gateway (Stargate), table layout in README.md. Thread-safe; keep one per process.
/// </summary>
public sealed class HBaseRestResultStore : IResultStore, IDisposable
{
    private readonly CellResultStore _store;
    private readonly HttpClient? _ownedClient;

    /// <summary>Uses <paramref name="http"/> as given (its BaseAddress and Timeout are ignored; options rule).</summary>
    public HBaseRestResultStore(HttpClient http, HBaseRestOptions options, TimeProvider? time = null, ILogger<HBaseRestResultStore>? logger = null)
        : this(http, options, time, logger, owned: false) { }

    private HBaseRestResultStore(HttpClient http, HBaseRestOptions options, TimeProvider? time, ILogger<HBaseRestResultStore>? logger, bool owned)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException($"HBase REST options: {string.Join("; ", problems)}", nameof(options));
        if (owned) _ownedClient = http;
        var table = new HBaseRestCellTable(http, options, time ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
        _store = new CellResultStore(table, options.SaltBuckets);
    }

    /// <summary>
    /// A store with its own HttpClient over a SocketsHttpHandler (connections recycled every 2 minutes so DNS changes are
    /// seen by a long-lived singleton); disposing the store disposes it.
    /// </summary>
    public static HBaseRestResultStore Create(HBaseRestOptions options, TimeProvider? time = null, ILogger<HBaseRestResultStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        try { return new HBaseRestResultStore(http, options, time, logger, owned: true); }
        catch { http.Dispose(); throw; }
    }

    /// <summary>The row key this store uses for a claim (salted; see <see cref="FraudResultRowKey"/>).</summary>
    public string RowKeyFor(string claimId) => _store.RowKey(claimId);

    public Task EnsureCreatedAsync(CancellationToken ct = default) => _store.EnsureCreatedAsync(ct);

    public Task<ResultWriteOutcome> PutResultAsync(StoredResult result, CancellationToken ct = default) => _store.PutResultAsync(result, ct);

    public Task<StoredResult?> GetResultAsync(string claimId, CancellationToken ct = default) => _store.GetResultAsync(claimId, ct);

    public Task<DecisionWriteOutcome> PutDecisionAsync(string claimId, Decision decision, CancellationToken ct = default) =>
        _store.PutDecisionAsync(claimId, decision, ct);

    public Task<IReadOnlyList<Decision>> GetDecisionsAsync(string claimId, CancellationToken ct = default) => _store.GetDecisionsAsync(claimId, ct);

    public Task<StoreHealth> PingAsync(CancellationToken ct = default) => _store.PingAsync(ct);

    public void Dispose() => _ownedClient?.Dispose();
}
