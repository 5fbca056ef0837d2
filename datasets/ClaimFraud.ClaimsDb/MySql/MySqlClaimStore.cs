using ClaimFraud.ClaimsDb.Migrations;
using ClaimFraud.ClaimsDb.Schema;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.MySql;

/// <summary>
/// The claims database on MySQL/MariaDB (MySql.Data). Thread-safe: each call takes its own pooled connection.
/// Nothing here logs; exceptions name claim ids and fields, never NIKs or names.
/// </summary>
public sealed class MySqlClaimStore : IClaimStore
{
    private readonly MySqlClaimStoreOptions _options;
    private readonly string _connectionString;

    public MySqlClaimStore(MySqlClaimStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _connectionString = options.EffectiveConnectionString();
    }

    public Task<MigrationResult> MigrateAsync(CancellationToken ct = default) => new ClaimsDbMigrator(_options).MigrateAsync(ct);

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
        // Foreign key checks off for this session only (the loader writes no table that references another; they only
        // cost time if one comes back). The next user of this pooled connection gets them back on (MySqlSession).
        // Only this connection may answer LOAD DATA LOCAL requests.
        await using var connection = await MySqlSession.OpenAsync(_options.BulkLoadConnectionString(), bulkLoad: true, ct);
        MySqlNoDelay.TryEnable(connection);
        using var writer = new MySqlLoadDataWriter(_options.MaxCommandBytes);
        return await BatchLoader.RunAsync(claims, batchSize, progress, writer.Prepare,
            (prepared, token) => writer.Commit(connection, prepared, token), ct);
    }

    public async Task<LabeledClaim?> ReadClaimAsync(string claimId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        await using var connection = await MySqlSession.OpenAsync(_connectionString, ct);
        return await ClaimQueries.ReadOneAsync(connection, claimId, ct);
    }

    public async Task<IReadOnlyList<LabeledClaim>> ReadPatientHistoryAsync(string nik, DateTimeOffset before, int limit, CancellationToken ct = default)
    {
        await using var connection = await MySqlSession.OpenAsync(_connectionString, ct);
        return await ClaimQueries.ReadPatientHistoryAsync(connection, nik, before, limit, ct);
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await using var connection = await MySqlSession.OpenAsync(_connectionString, ct);
        return await ClaimQueries.CountAsync(connection, ct);
    }

    /// <summary>Pooled connections belong to MySql.Data's pool, not to this object; nothing to release.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
