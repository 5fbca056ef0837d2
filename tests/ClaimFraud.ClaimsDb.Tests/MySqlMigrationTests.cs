using ClaimFraud.ClaimsDb.Migrations;
using ClaimFraud.ClaimsDb.MySql;
using MySql.Data.MySqlClient;

namespace ClaimFraud.ClaimsDb.Tests;

public sealed class MySqlMigrationTests : IAsyncLifetime
{
    private MySqlTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await MySqlTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task MigrationsApplyOnAnEmptyDatabaseAndASecondRunChangesNothing()
    {
        var migrator = new ClaimsDbMigrator(_db.Options);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(ClaimsDbMigrations.MySql.Select(s => s.Version), first.Applied.Select(s => s.Version));
        Assert.Equal(ClaimsDbMigrations.MySql[^1].Version, first.SchemaVersion);
        Assert.Empty(second.Applied);
        Assert.Equal(first.SchemaVersion, second.SchemaVersion);
        Assert.Equal(ClaimsDbMigrations.MySql.Count, Convert.ToInt32(await _db.ScalarAsync("SELECT COUNT(*) FROM schema_migrations")));
        Assert.Equal(ClaimsDbMigrations.MySql[0].Checksum, await _db.ScalarAsync("SELECT checksum FROM schema_migrations WHERE version = 1"));
        Assert.Equal(3, Convert.ToInt32(await _db.ScalarAsync(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('claims', 'claim_decisions', 'schema_migrations')")));
        Assert.Equal(3, Convert.ToInt32(await _db.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")));
        foreach (var list in new[] { "diagnoses", "procedures", "medications", "vitamins", "lab_tests" })
            Assert.Equal("NO", await _db.ScalarAsync(
                "SELECT is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'claims' AND column_name = @c", ("@c", list)));
        Assert.Equal("utf8mb4", await _db.ScalarAsync(
            "SELECT character_set_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'claims' AND column_name = 'patient_name'"));
    }

    [Fact]
    public async Task ClaimsStoredBeforeTheListsBecameJsonReadBackUnchangedAfterMigrating()
    {
        var beforeV003 = ClaimsDbMigrations.MySql.Where(s => s.Version < 3).ToList();
        await new ClaimsDbMigrator(_db.Options, beforeV003).MigrateAsync();
        var claims = LegacyRows.AwkwardClaims();
        await using (var connection = await _db.OpenAsync())
            foreach (var claim in claims) await LegacyRows.InsertAsync(connection, claim);

        var result = await new ClaimsDbMigrator(_db.Options).MigrateAsync();

        Assert.Equal(3, result.Applied.Single().Version);
        var store = new MySqlClaimStore(_db.Options);
        foreach (var claim in claims)
            Assert.Equal(Fixtures.Json(claim), Fixtures.Json(await store.ReadClaimAsync(claim.Claim.ClaimId)));
    }

    [Fact]
    public async Task AnAppliedMigrationWhoseTextChangedIsRefused()
    {
        await new ClaimsDbMigrator(_db.Options).MigrateAsync();
        var edited = ClaimsDbMigrations.MySql.Select(s => s.Version == 1 ? s with { Sql = s.Sql + "\n-- edited after release\n" } : s).ToList();

        var e = await Assert.ThrowsAsync<ClaimsDbMigrationException>(() => new ClaimsDbMigrator(_db.Options, edited).MigrateAsync());

        Assert.Contains("V001__claims", e.Message);
        Assert.Contains("changed after it was applied", e.Message);
    }

    [Fact]
    public async Task AChecksumAlteredInTheDatabaseIsRefused()
    {
        await new ClaimsDbMigrator(_db.Options).MigrateAsync();
        await _db.ScalarAsync("UPDATE schema_migrations SET checksum = @c WHERE version = 2", ("@c", new string('0', 64)));

        var e = await Assert.ThrowsAsync<ClaimsDbMigrationException>(() => new ClaimsDbMigrator(_db.Options).MigrateAsync());

        Assert.Contains("V002__claim_decisions", e.Message);
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerBuildIsRefused()
    {
        await new ClaimsDbMigrator(_db.Options).MigrateAsync();
        await _db.ScalarAsync("INSERT INTO schema_migrations (version, name, checksum, execution_ms) VALUES (99, 'from_the_future', @c, 0)", ("@c", new string('a', 64)));

        var e = await Assert.ThrowsAsync<ClaimsDbMigrationException>(() => new ClaimsDbMigrator(_db.Options).MigrateAsync());

        Assert.Contains("V099__from_the_future", e.Message);
    }

    [Fact]
    public async Task MigratorsStartedTogetherApplyEachScriptOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new ClaimsDbMigrator(_db.Options).MigrateAsync())));

        Assert.Equal(ClaimsDbMigrations.MySql.Count, results.Sum(r => r.Applied.Count));
        Assert.All(results, r => Assert.Equal(ClaimsDbMigrations.MySql[^1].Version, r.SchemaVersion));
    }

    [Fact]
    public async Task AMigrationThatCannotGetTheLockInTimeFailsWithoutTouchingTheSchema()
    {
        await using var holder = await _db.OpenAsync();
        await using (var take = new MySqlCommand("SELECT GET_LOCK(@n, 0)", holder))
        {
            take.Parameters.AddWithValue("@n", ClaimsDbMigrator.LockName(_db.Name));
            Assert.Equal(1L, Convert.ToInt64(await take.ExecuteScalarAsync()));
        }

        var e = await Assert.ThrowsAsync<ClaimsDbMigrationException>(() =>
            new ClaimsDbMigrator(_db.Options with { MigrationLockTimeout = TimeSpan.FromSeconds(1) }).MigrateAsync());

        Assert.Contains("Another process", e.Message);
        Assert.Equal(0, Convert.ToInt32(await _db.ScalarAsync(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'claims'")));
    }

    [Fact]
    public async Task TheMySqlAndSqliteSchemasHaveTheSameTablesAndColumns()
    {
        await new ClaimsDbMigrator(_db.Options).MigrateAsync();
        var mysql = new SortedSet<string>(StringComparer.Ordinal);
        await using (var connection = await _db.OpenAsync())
        {
            await using var cmd = new MySqlCommand(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE()", connection);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) mysql.Add($"{r.GetString(0)}.{r.GetString(1)}");
        }

        var sqlite = await SqliteMigrationTests.ColumnsOfAFreshDatabaseAsync();

        Assert.Equal(sqlite, mysql);
    }
}
