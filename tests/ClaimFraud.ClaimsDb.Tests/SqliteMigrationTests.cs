using ClaimFraud.ClaimsDb.Migrations;
using ClaimFraud.ClaimsDb.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClaimFraud.ClaimsDb.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("claimsdb-test-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private SqliteClaimStoreOptions FileOptions() => SqliteClaimStoreOptions.File(Path.Combine(_dir, "nested", "claims.db"));

    [Fact]
    public async Task MigrationsApplyOnAnEmptyDatabaseAndASecondRunChangesNothing()
    {
        var migrator = new SqliteClaimsDbMigrator(FileOptions());

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(ClaimsDbMigrations.Sqlite.Select(s => s.Version), first.Applied.Select(s => s.Version));
        Assert.Empty(second.Applied);
        Assert.Equal(first.SchemaVersion, second.SchemaVersion);
        Assert.Equal(ClaimsDbMigrations.Sqlite.Count, await ScalarAsync(FileOptions(), "SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task AnAppliedMigrationWhoseTextChangedIsRefused()
    {
        await new SqliteClaimsDbMigrator(FileOptions()).MigrateAsync();
        var edited = ClaimsDbMigrations.Sqlite.Select(s => s.Version == 2 ? s with { Sql = s.Sql.Replace("TEXT", "BLOB") } : s).ToList();

        var e = await Assert.ThrowsAsync<ClaimsDbMigrationException>(() => new SqliteClaimsDbMigrator(FileOptions(), edited).MigrateAsync());

        Assert.Contains("V002__claim_decisions", e.Message);
    }

    [Fact]
    public async Task AFailingMigrationLeavesNothingOfItsRunApplied()
    {
        var broken = ClaimsDbMigrations.Sqlite
            .Append(new MigrationScript(ClaimsDbMigrations.Sqlite[^1].Version + 1, "broken", "CREATE TABLE half_done (x INTEGER); THIS IS NOT SQL;")).ToList();

        await Assert.ThrowsAsync<ClaimsDbMigrationException>(() => new SqliteClaimsDbMigrator(FileOptions(), broken).MigrateAsync());

        Assert.Equal(0, await ScalarAsync(FileOptions(), "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('claims', 'half_done', 'schema_migrations')"));
    }

    [Fact]
    public async Task ClaimsStoredBeforeTheListsBecameJsonReadBackUnchangedAfterMigrating()
    {
        var beforeV003 = ClaimsDbMigrations.Sqlite.Where(s => s.Version < 3).ToList();
        await new SqliteClaimsDbMigrator(FileOptions(), beforeV003).MigrateAsync();
        var claims = LegacyRows.AwkwardClaims();
        await using (var connection = new SqliteConnection(FileOptions().ConnectionString()))
        {
            await connection.OpenAsync();
            foreach (var claim in claims) await LegacyRows.InsertAsync(connection, claim);
        }

        await using var store = new SqliteClaimStore(FileOptions());
        var result = await store.MigrateAsync();

        Assert.Equal(3, result.Applied.Single().Version);
        foreach (var claim in claims)
            Assert.Equal(Fixtures.Json(claim), Fixtures.Json(await store.ReadClaimAsync(claim.Claim.ClaimId)));
        Assert.Equal(0, await ScalarAsync(FileOptions(), "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'claim\\_%' ESCAPE '\\' AND name <> 'claim_decisions' AND type = 'table'"));
    }

    [Fact]
    public async Task AFileDatabaseUsesWalAndKeepsItsClaimsAfterReopening()
    {
        var claims = RandomClaims.Stream(11, 50).ToList();
        await using (var store = new SqliteClaimStore(FileOptions()))
        {
            await store.MigrateAsync();
            await store.LoadAsync(claims);
        }

        await using var reopened = new SqliteClaimStore(FileOptions());
        var again = await reopened.MigrateAsync();

        Assert.Empty(again.Applied);
        Assert.Equal(50, await reopened.CountAsync());
        Assert.Equal(Fixtures.Json(claims[49]), Fixtures.Json(await reopened.ReadClaimAsync(claims[49].Claim.ClaimId)));
        await using var connection = new SqliteConnection(FileOptions().ConnectionString());
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public void ChecksumsIgnoreTheLineEndingStyle()
    {
        Assert.Equal(MigrationScript.ComputeChecksum("CREATE TABLE t (x INT);\nSELECT 1;\n"), MigrationScript.ComputeChecksum("CREATE TABLE t (x INT);\r\nSELECT 1;\r\n"));
        Assert.NotEqual(MigrationScript.ComputeChecksum("CREATE TABLE t (x INT);"), MigrationScript.ComputeChecksum("CREATE TABLE t (y INT);"));
    }

    [Fact]
    public void EachDatabaseKindShipsTheSameMigrationVersionsAndNames()
    {
        Assert.NotEmpty(ClaimsDbMigrations.MySql);
        Assert.Equal(ClaimsDbMigrations.MySql.Select(s => s.ToString()), ClaimsDbMigrations.Sqlite.Select(s => s.ToString()));
    }

    /// <summary>Every table.column of a freshly migrated SQLite database, for comparing with the MySQL schema.</summary>
    internal static async Task<SortedSet<string>> ColumnsOfAFreshDatabaseAsync()
    {
        var options = SqliteClaimStoreOptions.Memory("schema-compare");
        await using var store = new SqliteClaimStore(options);
        await store.MigrateAsync();
        await using var connection = new SqliteConnection(options.ConnectionString());
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText =
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p " +
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) columns.Add($"{r.GetString(0)}.{r.GetString(1)}");
        return columns;
    }

    private static async Task<long> ScalarAsync(SqliteClaimStoreOptions options, string sql)
    {
        await using var connection = new SqliteConnection(options.ConnectionString());
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
