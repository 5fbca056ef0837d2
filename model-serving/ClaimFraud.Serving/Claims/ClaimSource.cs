using ClaimFraud.ClaimsDb;
using ClaimFraud.ClaimsDb.MySql;
using ClaimFraud.ClaimsDb.Sqlite;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Serving.Options;
using Microsoft.Extensions.Options;
using MySql.Data.MySqlClient;

namespace ClaimFraud.Serving.Claims;

/// <summary>The claims database cannot be reached or answered with an error; the message names the backend, never claim data.</summary>
internal sealed class ClaimSourceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Where POST /claims/{id}/score reads claims from: MySQL/MariaDB when configured (seed 000 stage 7: "Ambil data dari
/// MySQL"), else the embedded SQLite file. The schema is migrated before the first read; a failed migration or read is
/// tried again on the next request, so the app starts, and scores posted claims, while the database is down.
/// </summary>
internal sealed partial class ClaimSource : IAsyncDisposable
{
    private const string ProbeClaimId = "readiness-probe";
    private readonly IClaimStore _store;
    private readonly ClaimSourceOptions _options;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    public ClaimSource(IOptions<ClaimSourceOptions> options, IConfiguration configuration, ILogger<ClaimSource> log)
    {
        _options = options.Value;
        _log = log;
        string? mysql = _options.UsesMySql ? _options.MySql : configuration.GetConnectionString("Claims");
        if (!string.IsNullOrWhiteSpace(mysql))
        {
            var builder = new MySqlConnectionStringBuilder(mysql) { ConnectionTimeout = (uint)_options.ConnectTimeoutSeconds };
            _store = new MySqlClaimStore(new MySqlClaimStoreOptions(builder.ConnectionString));
            Backend = $"mysql {builder.Server}:{builder.Port}/{builder.Database}";
        }
        else
        {
            _store = new SqliteClaimStore(SqliteClaimStoreOptions.File(_options.SqlitePath));
            Backend = $"sqlite {Path.GetFullPath(_options.SqlitePath)}";
        }
        _migrated = !_options.Migrate;
    }

    /// <summary>Which database, for /ready and logs (no credentials).</summary>
    public string Backend { get; }

    /// <summary>The stored claim, or null when there is none with this id.</summary>
    /// <exception cref="ClaimSourceUnavailableException">The database did not answer within ClaimSource:Timeout, or failed.</exception>
    public async Task<LabeledClaim?> ReadAsync(string claimId, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            if (!_migrated) await MigrateAsync(timeout.Token);
            return await _store.ReadClaimAsync(claimId, timeout.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not ClaimSourceUnavailableException)
        {
            // Any failure here is the database's (connection, timeout, server error), not the caller's input.
            LogUnavailable(_log, Backend, e.GetType().Name, e.Message);
            throw new ClaimSourceUnavailableException(
                e is OperationCanceledException ? $"The claims database ({Backend}) did not answer within {_options.Timeout.TotalSeconds:0.#} s." : $"The claims database ({Backend}) failed: {e.Message}", e);
        }
    }

    /// <summary>Whether the database answers a point read (for /ready); null when it does, else the problem.</summary>
    public async Task<string?> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await ReadAsync(ProbeClaimId, ct);
            return null;
        }
        catch (ClaimSourceUnavailableException e)
        {
            return e.Message;
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await _migration.WaitAsync(ct);
        try
        {
            if (_migrated) return;
            var result = await _store.MigrateAsync(ct);
            _migrated = true;
            if (result.ChangedAnything) LogMigrated(_log, Backend, result.SchemaVersion);
        }
        finally { _migration.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _migration.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claims database {Backend} unavailable: {ExceptionType}: {Problem}")]
    private static partial void LogUnavailable(ILogger logger, string backend, string exceptionType, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claims database {Backend} migrated to schema version {Version}")]
    private static partial void LogMigrated(ILogger logger, string backend, int version);
}
