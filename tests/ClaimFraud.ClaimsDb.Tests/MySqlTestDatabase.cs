using System.Security.Cryptography;
using ClaimFraud.ClaimsDb.MySql;
using MySql.Data.MySqlClient;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>
/// A database of its own on the test MariaDB (CREATE DATABASE claimfraud_test_&lt;random&gt;), dropped on dispose, so
/// test classes run in parallel without seeing each other's claims. The server comes from CLAIMFRAUD_TEST_MYSQL.
/// </summary>
public sealed class MySqlTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "CLAIMFRAUD_TEST_MYSQL";

    private readonly string _serverConnectionString;

    private MySqlTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new MySqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public MySqlClaimStoreOptions Options => new(ConnectionString);

    /// <summary>A fresh, empty database. Fails (never skips) when the test server is not configured.</summary>
    public static async Task<MySqlTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
            Assert.Fail($"{EnvironmentVariable} is not set. Run the tests with scripts/test.sh, which starts a private MariaDB and exports it " +
                        "(or: source scripts/mariadb.sh && mariadb_start, then dotnet test).");
        // The name only has to differ between test classes running at once; it is not part of any result.
        var db = new MySqlTestDatabase(server!, "claimfraud_test_" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        await db.ExecuteOnServerAsync($"CREATE DATABASE `{db.Name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return db;
    }

    /// <summary>A fresh database with the embedded migrations applied, and a store over it.</summary>
    public static async Task<(MySqlTestDatabase Db, MySqlClaimStore Store)> CreateMigratedAsync()
    {
        var db = await CreateAsync();
        var store = new MySqlClaimStore(db.Options);
        await store.MigrateAsync();
        return (db, store);
    }

    /// <summary>Runs test-only SQL against this database (values still go as parameters).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var cmd = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await cmd.ExecuteScalarAsync();
    }

    /// <summary>A connection set up as the store sets up its own (see MySqlSession: MySql.Data needs utf8mb4 results on MariaDB).</summary>
    public Task<MySqlConnection> OpenAsync() => MySqlSession.OpenAsync(ConnectionString, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS `{Name}`");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new MySqlConnectionStringBuilder(_serverConnectionString) { Pooling = false };
        await using var connection = await MySqlSession.OpenAsync(builder.ConnectionString, CancellationToken.None);
        await using var cmd = new MySqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
