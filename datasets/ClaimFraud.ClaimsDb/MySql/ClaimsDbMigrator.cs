using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ClaimFraud.ClaimsDb.Migrations;
using MySql.Data.MySqlClient;

namespace ClaimFraud.ClaimsDb.MySql;

/// <summary>
/// Applies Migrations/MySql/*.sql in version order and records each in schema_migrations with its checksum.
/// Idempotent; refuses when an applied script changed; holds a named server lock (GET_LOCK) while it works so
/// two processes starting together do not both migrate.
/// </summary>
public sealed class ClaimsDbMigrator
{
    private readonly string _connectionString;
    private readonly IReadOnlyList<MigrationScript> _scripts;
    private readonly TimeSpan _lockTimeout;

    /// <param name="scripts">The scripts to apply; defaults to the embedded <see cref="ClaimsDbMigrations.MySql"/>.</param>
    public ClaimsDbMigrator(MySqlClaimStoreOptions options, IReadOnlyList<MigrationScript>? scripts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = options.EffectiveConnectionString();
        _scripts = scripts ?? ClaimsDbMigrations.MySql;
        _lockTimeout = options.MigrationLockTimeout;
    }

    public async Task<MigrationResult> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await MySqlSession.OpenAsync(_connectionString, ct);
        string lockName = LockName(connection.Database);
        await AcquireLockAsync(connection, lockName, ct);
        try
        {
            await ExecuteAsync(connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations (" +
                "  version INT NOT NULL PRIMARY KEY," +
                "  name VARCHAR(200) NOT NULL," +
                "  checksum CHAR(64) CHARACTER SET ascii NOT NULL," +
                "  applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) COMMENT 'UTC'," +
                "  execution_ms INT NOT NULL" +
                ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", ct);

            var applied = new List<AppliedMigration>();
            await using (var cmd = new MySqlCommand("SELECT version, name, checksum FROM schema_migrations ORDER BY version", connection))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    applied.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));

            var pending = MigrationPlan.Pending(_scripts, applied);
            foreach (var script in pending)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    // MySQL commits DDL implicitly, so a script cannot be rolled back; each is recorded as soon as it succeeds.
                    await ExecuteAsync(connection, script.Sql, ct);
                }
                catch (MySqlException e)
                {
                    throw new ClaimsDbMigrationException(
                        $"Migration {script} failed: {e.Message}. The statements before the failing one stay applied (MySQL DDL is not transactional); " +
                        "fix the database by hand before running again.", e);
                }
                await using var record = new MySqlCommand(
                    "INSERT INTO schema_migrations (version, name, checksum, execution_ms) VALUES (@version, @name, @checksum, @ms)", connection);
                record.Parameters.AddWithValue("@version", script.Version);
                record.Parameters.AddWithValue("@name", script.Name);
                record.Parameters.AddWithValue("@checksum", script.Checksum);
                record.Parameters.AddWithValue("@ms", (int)Math.Min(int.MaxValue, clock.ElapsedMilliseconds));
                await record.ExecuteNonQueryAsync(ct);
            }
            int version = Math.Max(applied.Count == 0 ? 0 : applied.Max(a => a.Version), pending.Count == 0 ? 0 : pending[^1].Version);
            return new MigrationResult(pending, version);
        }
        finally
        {
            // The lock is the connection's, so closing would free it too; releasing says so explicitly.
            await using var release = new MySqlCommand("SELECT RELEASE_LOCK(@name)", connection);
            release.Parameters.AddWithValue("@name", lockName);
            try { await release.ExecuteScalarAsync(CancellationToken.None); } catch (MySqlException) { }
        }
    }

    /// <summary>GET_LOCK names are server-wide and at most 64 characters, so the database name goes in hashed.</summary>
    internal static string LockName(string database)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)))[..32];
        return "claimfraud_migrate_" + hash;
    }

    private async Task AcquireLockAsync(MySqlConnection connection, string lockName, CancellationToken ct)
    {
        await using var cmd = new MySqlCommand("SELECT GET_LOCK(@name, @timeout)", connection);
        cmd.Parameters.AddWithValue("@name", lockName);
        cmd.Parameters.AddWithValue("@timeout", Math.Max(0, (int)Math.Ceiling(_lockTimeout.TotalSeconds)));
        cmd.CommandTimeout = (int)Math.Ceiling(_lockTimeout.TotalSeconds) + 30;
        var result = await cmd.ExecuteScalarAsync(ct);
        if (result is null or DBNull || Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture) != 1)
            throw new ClaimsDbMigrationException(
                $"Another process has been migrating database '{connection.Database}' for more than {_lockTimeout.TotalSeconds:0} s (lock {lockName}); not migrating concurrently.");
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new MySqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
