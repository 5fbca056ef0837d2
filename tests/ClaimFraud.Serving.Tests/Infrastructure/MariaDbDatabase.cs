using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ClaimFraud.ClaimsDb.MySql;
using ClaimFraud.Domain.Claims;
using MySql.Data.MySqlClient;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>
/// A database of its own on the test command's MariaDB (CLAIMFRAUD_TEST_MYSQL), migrated and loaded through the ClaimsDb
/// store exactly as production loads claims, dropped on dispose.
/// </summary>
public sealed class MariaDbDatabase : IAsyncDisposable
{
    public const string Variable = "CLAIMFRAUD_TEST_MYSQL";

    private readonly string _server;

    private MariaDbDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The test server's connection string; fails (never skips) when the test command did not provide one.</summary>
    public static string ServerConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
            Assert.Fail($"{Variable} is not set. Run the tests with scripts/test.sh, which starts a private MariaDB and exports it " +
                        "(or: source scripts/mariadb.sh && mariadb_start, then dotnet test tests/ClaimFraud.Serving.Tests).");
        return server!;
    }

    /// <summary>A fresh migrated database holding <paramref name="claims"/>.</summary>
    public static async Task<MariaDbDatabase> CreateAsync(IEnumerable<Claim> claims)
    {
        var db = new MariaDbDatabase(ServerConnectionString(), "claimfraud_serving_" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        await db.ExecuteOnServerAsync($"CREATE DATABASE `{db.Name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        await using var store = new MySqlClaimStore(new MySqlClaimStoreOptions(db.ConnectionString));
        await store.MigrateAsync();
        await store.LoadAsync(claims.Select(c => new LabeledClaim(c, null)));
        return db;
    }

    /// <summary>The test server's connection string pointed at a port nothing listens on: MySQL "stopped".</summary>
    public static string Unreachable()
    {
        var builder = new MySqlConnectionStringBuilder(ServerConnectionString()) { Server = "127.0.0.1", Port = (uint)ClosedPort.Find(), Database = "claimfraud" };
        return builder.ConnectionString;
    }

    public async ValueTask DisposeAsync() => await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS `{Name}`");

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new MySqlConnectionStringBuilder(_server) { Pooling = false };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        // MySql.Data 8.0.16 does not know MariaDB's 'utf8mb3' name for result columns; ask for utf8mb4 results.
        await using (var set = new MySqlCommand("SET character_set_results = utf8mb4", connection)) await set.ExecuteNonQueryAsync();
        await using var cmd = new MySqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A loopback port with nothing listening (taken from the OS, then released).</summary>
public static class ClosedPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
