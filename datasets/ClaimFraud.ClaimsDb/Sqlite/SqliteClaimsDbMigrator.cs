using System.Diagnostics;
using ClaimFraud.ClaimsDb.Migrations;
using Microsoft.Data.Sqlite;

namespace ClaimFraud.ClaimsDb.Sqlite;

/// <summary>
/// Applies Migrations/Sqlite/*.sql in version order, recording each in schema_migrations with its checksum, under the
/// same rules as the MySQL <see cref="MySql.ClaimsDbMigrator"/>. SQLite DDL is transactional, so the whole run is one
/// BEGIN IMMEDIATE transaction: it holds the write lock (no concurrent migration) and leaves nothing half applied.
/// </summary>
public sealed class SqliteClaimsDbMigrator
{
    private readonly SqliteClaimStoreOptions _options;
    private readonly IReadOnlyList<MigrationScript> _scripts;

    public SqliteClaimsDbMigrator(SqliteClaimStoreOptions options, IReadOnlyList<MigrationScript>? scripts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _scripts = scripts ?? ClaimsDbMigrations.Sqlite;
    }

    public async Task<MigrationResult> MigrateAsync(CancellationToken ct = default)
    {
        if (!_options.InMemory && Path.GetDirectoryName(_options.DataSource) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        await using var connection = new SqliteConnection(_options.ConnectionString());
        await connection.OpenAsync(ct);
        if (!_options.InMemory)
        {
            // Persistent in the file: readers no longer block the loader and vice versa.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(ct);
        }

        // BEGIN IMMEDIATE: takes the write lock now rather than at the first write.
        await using var tx = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, tx,
            "CREATE TABLE IF NOT EXISTS schema_migrations (" +
            "  version INTEGER NOT NULL PRIMARY KEY," +
            "  name TEXT NOT NULL," +
            "  checksum TEXT NOT NULL," +
            "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))," +
            "  execution_ms INTEGER NOT NULL" +
            ") STRICT", ct);

        var applied = new List<AppliedMigration>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        var pending = MigrationPlan.Pending(_scripts, applied);
        foreach (var script in pending)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await ExecuteAsync(connection, tx, script.Sql, ct);
            }
            catch (SqliteException e)
            {
                throw new ClaimsDbMigrationException($"Migration {script} failed: {e.Message}. Nothing of this run was applied.", e);
            }
            await using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_migrations (version, name, checksum, execution_ms) VALUES (@version, @name, @checksum, @ms)";
            record.Parameters.AddWithValue("@version", script.Version);
            record.Parameters.AddWithValue("@name", script.Name);
            record.Parameters.AddWithValue("@checksum", script.Checksum);
            record.Parameters.AddWithValue("@ms", clock.ElapsedMilliseconds);
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        int version = Math.Max(applied.Count == 0 ? 0 : applied.Max(a => a.Version), pending.Count == 0 ? 0 : pending[^1].Version);
        return new MigrationResult(pending, version);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
