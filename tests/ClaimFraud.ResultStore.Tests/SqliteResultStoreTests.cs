using ClaimFraud.ResultStore.HBase;
using ClaimFraud.ResultStore.Layout;
using ClaimFraud.ResultStore.Sqlite;
using ClaimFraud.ResultStore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static ClaimFraud.ResultStore.Tests.Infrastructure.TestScores;

namespace ClaimFraud.ResultStore.Tests;

public sealed class SqliteResultStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<(string Row, string Family, string Qualifier)> Cells(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT row_key, family, qualifier FROM fraud_result ORDER BY 1, 2, 3";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, string)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        return list;
    }

    [Fact]
    public async Task TheDatabaseIsCreatedAtTheConfiguredPathWithWriteAheadLogging()
    {
        string path = _dir.File("nested/dir/results.db");
        using (var store = new SqliteResultStore(new SqliteResultStoreOptions { Path = path }))
            await store.EnsureCreatedAsync();

        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public async Task TheSqliteLayoutHasTheSameRowsFamiliesAndQualifiersAsTheHBaseTable()
    {
        string path = _dir.File("results.db");
        await using var server = await FakeHBaseRestServer.StartAsync();
        using var sqlite = new SqliteResultStore(new SqliteResultStoreOptions { Path = path });
        using var hbase = HBaseRestResultStore.Create(new HBaseRestOptions { BaseUrl = server.BaseUrl });
        foreach (IResultStore store in new IResultStore[] { sqlite, hbase })
        {
            await store.PutResultAsync(Result("CLM-1"));
            await store.PutResultAsync(Result("CLM-2"));
            await store.PutDecisionAsync("CLM-1", Decision());
        }

        var fromHBase = server.RowKeys("fraud_result")
            .SelectMany(row => server.Row("fraud_result", row).Keys.Select(k => (row, k.Family, k.Qualifier)))
            .Order().ToList();
        var fromSqlite = Cells(path);

        Assert.Equal(fromHBase, fromSqlite);
        Assert.Contains((FraudResultRowKey.For("CLM-1"), "d", Decision().DecidedAt.UtcTicks.ToString("D19")), fromSqlite);
    }

    [Fact]
    public async Task ADatabaseLockedByAnotherWriterMakesTheStoreUnavailableNotBroken()
    {
        string path = _dir.File("results.db");
        using var store = new SqliteResultStore(new SqliteResultStoreOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(1) });
        await store.EnsureCreatedAsync();
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<ResultStoreUnavailableException>(() => store.PutResultAsync(Result("CLM-1")));
        Assert.Contains("locked", e.Message);

        using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }
        Assert.Equal(ResultWriteOutcome.Stored, await store.PutResultAsync(Result("CLM-1")));
    }

    [Fact]
    public void OptionsNameEveryProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => new SqliteResultStore(new SqliteResultStoreOptions { Path = "", Table = "x; DROP", BusyTimeout = TimeSpan.Zero }));
        foreach (var word in new[] { "Path", "Table", "BusyTimeout" }) Assert.Contains(word, e.Message);
    }
}
