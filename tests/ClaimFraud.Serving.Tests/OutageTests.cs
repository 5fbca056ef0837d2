using System.Text.Json.Nodes;
using ClaimFraud.ClaimsDb.Sqlite;
using ClaimFraud.Domain.Claims;
using ClaimFraud.ResultStore.Layout;
using ClaimFraud.ResultStore.Tests.Infrastructure;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>What the app does while its databases are away: answers what it can, says 503 for what it cannot, loses nothing.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task WithMySqlStoppedScoringByIdIs503ReadyIs503AndPredictStillWorks()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?>
        {
            ["ClaimSource:MySql"] = MariaDbDatabase.Unreachable(),
            ["ClaimSource:Timeout"] = "00:00:03",
        });
        using var client = app.CreateAuthorizedClient();

        var byId = await (await client.PostAsync("/claims/CLM-1/score", null)).ExpectAsync(503);
        var ready = await (await client.GetAsync("/ready")).ExpectAsync(503);
        var predict = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        Assert.Equal("Claims database unavailable", byId.GetProperty("title").GetString());
        Assert.Contains("mysql", byId.GetProperty("detail").GetString());
        Assert.Equal("unhealthy", ready.GetProperty("checks").GetProperty("claim_source").GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("model").GetProperty("status").GetString());
        Assert.Equal("critical", predict.GetProperty("risk_level").GetString());
    }

    [Fact]
    public async Task WithHBaseUnreachableTheScoreIsQueuedStillReadableAndDeliveredWhenHBaseComesBack()
    {
        TestModels.Committed();
        int port = ClosedPort.Find();
        using var claims = new TempDirectory("claims");
        await LoadSqliteClaimsAsync(claims.File("claims.db"), TestClaims.Parse(TestClaims.WithId("CLM-HB-1")));
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?>
        {
            ["ClaimSource:SqlitePath"] = claims.File("claims.db"),
            ["ResultStore:HBase:BaseUrl"] = $"http://127.0.0.1:{port}/",
            ["ResultStore:HBase:MaxAttempts"] = "1",
            ["ResultStore:HBase:ConnectTimeout"] = "00:00:01",
            ["ResultStore:HBase:RequestTimeout"] = "00:00:02",
        });
        using var client = app.CreateAuthorizedClient();

        var scoring = await client.PostAsync("/claims/CLM-HB-1/score", null);
        var score = await scoring.ExpectAsync(200);
        var whileDown = await (await client.GetAsync("/claims/CLM-HB-1/fraud-result")).ExpectAsync(200);
        var readyWhileDown = await (await client.GetAsync("/ready")).ExpectAsync(503);

        Assert.Equal("queued", scoring.Headers.GetValues("X-Result-Store").Single());
        Assert.Equal(score.GetRawText(), whileDown.GetRawText());
        Assert.Equal("unhealthy", readyWhileDown.GetProperty("checks").GetProperty("result_store").GetProperty("status").GetString());
        Assert.Equal(1, readyWhileDown.GetProperty("checks").GetProperty("outbox").GetProperty("data").GetProperty("pending").GetInt32());

        await using var hbase = await FakeHBaseRestServer.StartAsync(port);
        await WaitUntilAsync(() => app.Outbox.GetStatus().PendingCount == 0, TimeSpan.FromSeconds(30));

        Assert.Contains(FraudResultRowKey.For("CLM-HB-1"), hbase.RowKeys("fraud_result"));
        var afterDelivery = await (await client.GetAsync("/claims/CLM-HB-1/fraud-result")).ExpectAsync(200);
        Assert.Equal(score.GetRawText(), afterDelivery.GetRawText());
        await WaitUntilAsync(async () => (int)(await client.GetAsync("/ready")).StatusCode == 200, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ADecisionWhileHBaseIsUnreachableIsQueuedBehindItsResult()
    {
        TestModels.Committed();
        int port = ClosedPort.Find();
        using var claims = new TempDirectory("claims");
        await LoadSqliteClaimsAsync(claims.File("claims.db"), TestClaims.Parse(TestClaims.WithId("CLM-HB-2")));
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?>
        {
            ["ClaimSource:SqlitePath"] = claims.File("claims.db"),
            ["ResultStore:HBase:BaseUrl"] = $"http://127.0.0.1:{port}/",
            ["ResultStore:HBase:MaxAttempts"] = "1",
        });
        using var client = app.CreateAuthorizedClient();
        await (await client.PostAsync("/claims/CLM-HB-2/score", null)).ExpectAsync(200);

        var decision = await (await client.PostAsync("/claims/CLM-HB-2/decision",
            TestClaims.Json(new JsonObject { ["action"] = "decline", ["verifier"] = "verifikator-02" }))).ExpectAsync(202);
        Assert.Equal("queued", decision.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKindNull, decision.GetProperty("history").ValueKind);

        await using var hbase = await FakeHBaseRestServer.StartAsync(port);
        await WaitUntilAsync(() => app.Outbox.GetStatus().PendingCount == 0, TimeSpan.FromSeconds(30));
        var history = await (await client.GetAsync("/claims/CLM-HB-2/decisions")).ExpectAsync(200);

        Assert.Equal(["decline"], history.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("action").GetString()!).ToArray());
        Assert.Equal(0, app.Outbox.GetStatus().RejectedCount);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static async Task LoadSqliteClaimsAsync(string path, params Claim[] claims)
    {
        await using var store = new SqliteClaimStore(SqliteClaimStoreOptions.File(path));
        await store.MigrateAsync();
        await store.LoadAsync(claims.Select(c => new LabeledClaim(c, null)));
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"condition not met within {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
