using ClaimFraud.ResultStore.HBase;
using ClaimFraud.ResultStore.Hosting;
using ClaimFraud.ResultStore.Outbox;
using ClaimFraud.ResultStore.Sqlite;
using ClaimFraud.ResultStore.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClaimFraud.ResultStore.Tests;

public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddClaimFraudResultStore();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task WithoutAnHBaseUrlTheSqliteStoreServesBehindTheOutbox()
    {
        await using var sp = Build(new()
        {
            ["ResultStore:Sqlite:Path"] = _dir.File("results.db"),
            ["ResultStore:Outbox:Directory"] = _dir.File("outbox"),
        });

        var store = sp.GetRequiredService<IResultStore>();

        var outbox = Assert.IsType<OutboxResultStore>(store);
        Assert.Same(outbox, sp.GetRequiredService<OutboxResultStore>());
        var sqlite = Assert.IsType<SqliteResultStore>(outbox.Inner);
        Assert.Equal(_dir.File("results.db"), sqlite.FilePath);
        Assert.Contains(sp.GetServices<IHostedService>(), s => s is OutboxDeliveryService);
        Assert.Equal(ResultWriteOutcome.Stored, await store.PutResultAsync(TestScores.Result("CLM-1")));
    }

    [Fact]
    public async Task WithAnHBaseUrlTheRestStoreServes()
    {
        await using var server = await FakeHBaseRestServer.StartAsync();
        await using var sp = Build(new()
        {
            ["ResultStore:HBase:BaseUrl"] = server.BaseUrl,
            ["ResultStore:HBase:SaltBuckets"] = "32",
            ["ResultStore:Outbox:Directory"] = _dir.File("outbox"),
        });

        var outbox = sp.GetRequiredService<OutboxResultStore>();
        Assert.IsType<HBaseRestResultStore>(outbox.Inner);
        await sp.GetRequiredService<IResultStore>().PutResultAsync(TestScores.Result("CLM-1"));
        Assert.Equal([Layout.FraudResultRowKey.For("CLM-1", 32)], server.RowKeys("fraud_result"));
    }

    [Fact]
    public async Task BadOptionsAreReportedAllAtOnceWithTheirPaths()
    {
        await using var sp = Build(new()
        {
            ["ResultStore:HBase:BaseUrl"] = "ftp://hbase",
            ["ResultStore:HBase:MaxAttempts"] = "0",
            ["ResultStore:Outbox:Directory"] = "",
        });

        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<ResultStoreOptions>>().Value);

        Assert.Contains(e.Failures, f => f.StartsWith("ResultStore:HBase: BaseUrl", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("ResultStore:HBase: MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("ResultStore:Outbox: Directory", StringComparison.Ordinal));
    }
}
