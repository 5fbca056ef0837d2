using System.Globalization;
using ClaimFraud.ClaimsDb.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>The store contract on the embedded SQLite store, in memory; each test gets its own database.</summary>
public sealed class SqliteClaimStoreTests : ClaimStoreContractTests
{
    private static int _counter;
    private SqliteClaimStoreOptions? _options;

    protected override int RoundTripCount => 1_000;

    protected override async Task<IClaimStore> CreateMigratedStoreAsync()
    {
        _options = SqliteClaimStoreOptions.Memory($"claims-test-{Interlocked.Increment(ref _counter)}");
        var store = new SqliteClaimStore(_options);
        await store.MigrateAsync();
        return store;
    }

    protected override Task DropStoreAsync() => Task.CompletedTask;

    protected override async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection(_options!.ConnectionString());
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
