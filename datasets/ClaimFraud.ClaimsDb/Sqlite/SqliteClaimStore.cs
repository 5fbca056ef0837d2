using ClaimFraud.ClaimsDb.Migrations;
using ClaimFraud.ClaimsDb.Schema;
using ClaimFraud.Domain.Claims;
using Microsoft.Data.Sqlite;

namespace ClaimFraud.ClaimsDb.Sqlite;

/// <summary>
/// The claims database embedded in the process (Microsoft.Data.Sqlite): the serving app's default when no MySQL is
/// configured, and the tests' in-memory store. Same schema, same rules and same results as <see cref="MySql.MySqlClaimStore"/>.
/// </summary>
public sealed class SqliteClaimStore : IClaimStore
{
    private readonly SqliteClaimStoreOptions _options;
    private readonly string _connectionString;
    // An in-memory database lives only while a connection to it is open; this one keeps it for the store's lifetime.
    private readonly SqliteConnection? _keepAlive;

    public SqliteClaimStore(SqliteClaimStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _connectionString = options.ConnectionString();
        if (options.InMemory)
        {
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
    }

    public Task<MigrationResult> MigrateAsync(CancellationToken ct = default) => new SqliteClaimsDbMigrator(_options).MigrateAsync(ct);

    public Task<ClaimLoadResult> LoadAsync(IEnumerable<LabeledClaim> claims, int batchSize = ClaimLoadDefaults.BatchSize,
        Action<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return LoadAsync(claims.ToAsync(), batchSize, progress, ct);
    }

    public async Task<ClaimLoadResult> LoadAsync(IAsyncEnumerable<LabeledClaim> claims, int batchSize = ClaimLoadDefaults.BatchSize,
        Action<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        await using var connection = await OpenAsync(ct);
        using var writer = new SqliteBatchWriter(connection);
        return await BatchLoader.RunAsync(claims, batchSize, progress, batch => batch.ToArray(), writer.Write, ct);
    }

    public async Task<LabeledClaim?> ReadClaimAsync(string claimId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        await using var connection = await OpenAsync(ct);
        return await ClaimQueries.ReadOneAsync(connection, claimId, ct);
    }

    public async Task<IReadOnlyList<LabeledClaim>> ReadPatientHistoryAsync(string nik, DateTimeOffset before, int limit, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await ClaimQueries.ReadPatientHistoryAsync(connection, nik, before, limit, ct);
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await ClaimQueries.CountAsync(connection, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null) await _keepAlive.DisposeAsync();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!_options.InMemory)
            {
                // With WAL, NORMAL loses at most the last transactions on power loss and never corrupts; FULL would sync every commit.
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA synchronous = NORMAL";
                await cmd.ExecuteNonQueryAsync(ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
