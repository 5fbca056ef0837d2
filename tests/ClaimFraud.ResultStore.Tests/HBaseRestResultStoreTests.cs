using System.Text;
using System.Text.Json;
using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.HBase;
using ClaimFraud.ResultStore.Layout;
using ClaimFraud.ResultStore.Tests.Infrastructure;
using static ClaimFraud.ResultStore.Tests.Infrastructure.TestScores;

namespace ClaimFraud.ResultStore.Tests;

/// <summary>The HBase REST client against the in-process gateway: wire format, table creation, races, retries, bad answers.</summary>
public sealed class HBaseRestResultStoreTests : IAsyncLifetime
{
    private FakeHBaseRestServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeHBaseRestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HBaseRestResultStore NewStore(Action<HBaseRestOptions>? tweak = null, string? baseUrl = null)
    {
        var o = new HBaseRestOptions { BaseUrl = baseUrl ?? _server.BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(50) };
        tweak?.Invoke(o);
        return HBaseRestResultStore.Create(o);
    }

    [Fact]
    public async Task WhatFollowsAnHBaseCallRunsOnThePoolNotOnTheThreadThatCompletedIt()
    {
        // Like a socket event thread with inline completions: the answer (or the failure) completes on a thread of its
        // own, and anything awaiting it without a hop would run on that thread.
        var answers = new CompletesOnItsOwnThread();
        using var http = new HttpClient(answers);
        using var store = new HBaseRestResultStore(http, new HBaseRestOptions { BaseUrl = "http://hbase.test:8080/", MaxAttempts = 1 });

        bool answeredOnPool = await ContinuesOnPool(() => store.GetResultAsync("C-1"));
        answers.Fail = true;
        bool failedOnPool = await ContinuesOnPool(() => store.GetResultAsync("C-2"));

        Assert.Equal(4, answers.Calls); // schema GET and PUT, row GET; the failed row GET
        Assert.True(answeredOnPool, "the code after a 404 ran on the thread that completed the call");
        Assert.True(failedOnPool, "the code after a failed call ran on the thread that completed it");
    }

    /// <summary>Whether the code after <paramref name="call"/> (answered or failed) runs on a pool thread; the answering threads are not.</summary>
    private static async Task<bool> ContinuesOnPool(Func<Task> call)
    {
        try { await call().ConfigureAwait(false); }
        catch (ResultStoreException) { }
        return Thread.CurrentThread.IsThreadPoolThread;
    }

    /// <summary>Answers PUTs (the table schema) 201 and GETs 404, or fails like a refused connection, from a new thread each time; continuations run inline there.</summary>
    private sealed class CompletesOnItsOwnThread : HttpMessageHandler
    {
        private int _calls;

        public bool Fail { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<HttpResponseMessage>();
            bool fail = Fail;
            var thread = new Thread(() =>
            {
                Interlocked.Increment(ref _calls);
                if (fail) answer.SetException(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
                else answer.SetResult(new HttpResponseMessage(request.Method == HttpMethod.Put ? System.Net.HttpStatusCode.Created : System.Net.HttpStatusCode.NotFound) { RequestMessage = request });
            }) { IsBackground = true };
            thread.Start();
            return answer.Task;
        }
    }

    [Fact]
    public async Task TheTableIsCreatedOnceWithItsFourFamiliesAndASecondEnsureIsANoOp()
    {
        using (var store = NewStore())
        {
            await store.EnsureCreatedAsync();
            await store.EnsureCreatedAsync();
        }
        using (var restarted = NewStore()) await restarted.EnsureCreatedAsync();

        Assert.Equal(1, _server.SchemaPuts);
        Assert.Equal(new Dictionary<string, int> { ["d"] = 1, ["f"] = 1, ["i"] = 1, ["s"] = 1 },
            _server.FamiliesOf("fraud_result")!.OrderBy(kv => kv.Key).ToDictionary());
    }

    [Fact]
    public async Task APingAgainstAFreshGatewayCreatesTheTableSoReadinessCanTurnGreen()
    {
        using var store = NewStore();

        var health = await store.PingAsync();

        Assert.True(health.IsReachable, health.Problem);
        Assert.Equal(1, _server.SchemaPuts);
    }

    [Fact]
    public async Task AnExistingTableWithoutTheDecisionFamilyIsReportedNotAltered()
    {
        _server.CreateTable("fraud_result", ("s", 1), ("f", 1), ("i", 1));
        using var store = NewStore();

        var e = await Assert.ThrowsAsync<ResultStoreException>(() => store.EnsureCreatedAsync());

        Assert.Contains("column families d", e.Message);
        Assert.Equal(0, _server.SchemaPuts);
    }

    [Fact]
    public async Task ResultsAreWrittenUnderTheSaltedRowKeyAsBase64CellsWithTheCheckCellLast()
    {
        using var store = NewStore();
        await store.PutResultAsync(Result("CLM-2025-000042"));

        string rowKey = FraudResultRowKey.For("CLM-2025-000042");
        Assert.Equal([rowKey], _server.RowKeys("fraud_result"));
        Assert.Matches("^[0-9a-f]{2}\\|CLM-2025-000042$", rowKey);

        var put = _server.Requests.Single(r => r.Method == "PUT" && r.Target.EndsWith("?check=put", StringComparison.Ordinal));
        Assert.Equal($"/fraud_result/{Uri.EscapeDataString(rowKey)}?check=put", put.Target);
        using var body = JsonDocument.Parse(put.Body);
        var row = body.RootElement.GetProperty("Row").EnumerateArray().Single();
        Assert.Equal(rowKey, Encoding.UTF8.GetString(row.GetProperty("key").GetBytesFromBase64()));
        var columns = row.GetProperty("Cell").EnumerateArray().Select(c => Encoding.UTF8.GetString(c.GetProperty("column").GetBytesFromBase64())).ToList();
        Assert.Equal("s:stamp", columns[^1]);
        Assert.Contains("s:stamp", columns[..^1]);
        Assert.Empty(row.GetProperty("Cell").EnumerateArray().Last().GetProperty("$").GetBytesFromBase64());

        var stored = _server.Row("fraud_result", rowKey);
        Assert.Equal("CLM-2025-000042", Encoding.UTF8.GetString(stored[("s", "claim_id")][0].Value));
        Assert.Equal("claim-fraud-xgb-1.0.0", Encoding.UTF8.GetString(stored[("s", "model_version")][0].Value));
        Assert.StartsWith($"{T0.UtcTicks:D19}|", Encoding.UTF8.GetString(stored[("s", "stamp")][0].Value));
        Assert.True(stored.ContainsKey(("f", "rule_violations")) && stored.ContainsKey(("f", "suspicious_sections")));
        Assert.True(stored.ContainsKey(("i", "importance")) && stored.ContainsKey(("i", "explanation")));
    }

    [Fact]
    public async Task CheckAndPutRefusesToRegressAResultANewerScoringWroteMeanwhile()
    {
        using var store = NewStore();
        await store.PutResultAsync(Result("CLM-1", T0));
        var newer = Result("CLM-1", T0.AddMinutes(10), "claim-fraud-xgb-2.0.0", seed: 9);
        var newerCells = ResultCells.Encode(newer);
        // Between this writer's read of s:stamp and its check-and-put, another instance stores a newer scoring.
        _server.BeforeCheckAndPut = (server, table, row) =>
        {
            server.BeforeCheckAndPut = null;
            foreach (var c in newerCells) server.PutCellDirectly(table, row, c.Family, c.Qualifier, c.Value);
        };

        var outcome = await store.PutResultAsync(Result("CLM-1", T0.AddMinutes(5), seed: 5));

        Assert.Equal(ResultWriteOutcome.Superseded, outcome);
        Assert.Contains(_server.Requests, r => r.Status == 304);
        Assert.Equal(ScoreJson.Serialize(newer.Score), ScoreJson.Serialize((await store.GetResultAsync("CLM-1"))!.Score));
    }

    [Fact]
    public async Task DecisionsEachTakeTheirOwnQualifierInTheDecisionFamily()
    {
        using var store = NewStore();
        await store.PutResultAsync(Result("CLM-1"));
        await store.PutDecisionAsync("CLM-1", Decision(at: T0.AddHours(1)));
        await store.PutDecisionAsync("CLM-1", Decision(at: T0.AddHours(1), verifier: "verifier-099"));

        var qualifiers = _server.Row("fraud_result", FraudResultRowKey.For("CLM-1")).Keys.Where(k => k.Family == "d").Select(k => k.Qualifier).Order().ToList();
        long ticks = T0.AddHours(1).UtcTicks;
        Assert.Equal([ticks.ToString("D19"), (ticks + 1).ToString("D19")], qualifiers);
    }

    [Fact]
    public async Task Answers509And503AreRetriedUntilTheWriteGoesThrough()
    {
        using var store = NewStore();
        await store.EnsureCreatedAsync();
        _server.AnswerNext(1, 509, "Too busy\r\n", when: (m, _) => m == "PUT");
        _server.AnswerNext(1, 503, "Unavailable\r\n", when: (m, _) => m == "PUT");

        Assert.Equal(ResultWriteOutcome.Stored, await store.PutResultAsync(Result("CLM-1")));

        Assert.Equal([509, 503, 200], _server.Requests.Where(r => r.Method == "PUT" && r.Target.Contains("check=put")).Select(r => r.Status));
        Assert.NotNull(await store.GetResultAsync("CLM-1"));
    }

    [Fact]
    public async Task RetriesGiveUpAsUnavailableAfterTheConfiguredAttempts()
    {
        using var store = NewStore(o => o.MaxAttempts = 3);
        await store.EnsureCreatedAsync();
        _server.AnswerNext(100, 503, "Unavailable\r\n", when: (m, _) => m == "GET");

        var e = await Assert.ThrowsAsync<ResultStoreUnavailableException>(() => store.GetResultAsync("CLM-1"));

        Assert.Contains("after 3 attempt(s)", e.Message);
        Assert.Contains("503", e.Message);
        Assert.Equal(3, _server.Requests.Count(r => r.Method == "GET" && !r.Target.EndsWith("/schema", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsAClearFormatError()
    {
        using var store = NewStore();
        await store.EnsureCreatedAsync();
        _server.AnswerNext(1, 200, "{\"Row\":[{\"key\":", "application/json", when: (m, _) => m == "GET");

        var e = await Assert.ThrowsAsync<ResultStoreFormatException>(() => store.GetResultAsync("CLM-1"));
        Assert.Contains("not JSON", e.Message);
    }

    [Fact]
    public async Task ACellThatIsNotBase64IsAClearFormatError()
    {
        using var store = NewStore();
        await store.EnsureCreatedAsync();
        string key = Convert.ToBase64String(Encoding.UTF8.GetBytes(FraudResultRowKey.For("CLM-1")));
        _server.AnswerNext(1, 200, $$"""{"Row":[{"key":"{{key}}","Cell":[{"column":"czpzdGFtcA==","$":"%%%not base64%%%"}]}]}""", "application/json", when: (m, _) => m == "GET");

        var e = await Assert.ThrowsAsync<ResultStoreFormatException>(() => store.GetResultAsync("CLM-1"));
        Assert.Contains("Row[0].Cell[0].$ is not base64", e.Message);
    }

    [Fact]
    public async Task ARowMissingCellsNamesTheMissingCell()
    {
        using var store = NewStore();
        await store.EnsureCreatedAsync();
        string row = FraudResultRowKey.For("CLM-1");
        _server.PutCellDirectly("fraud_result", row, "s", "claim_id", Encoding.UTF8.GetBytes("CLM-1"));

        var e = await Assert.ThrowsAsync<ResultStoreFormatException>(() => store.GetResultAsync("CLM-1"));
        Assert.Contains($"row '{row}' lacks cell", e.Message);
    }

    [Fact]
    public async Task AnHtmlPageInsteadOfJsonIsReportedWithItsContentType()
    {
        using var store = NewStore();
        await store.EnsureCreatedAsync();
        _server.AnswerNext(1, 200, "<html>Knox login</html>", "text/html", when: (m, _) => m == "GET");

        var e = await Assert.ThrowsAsync<ResultStoreFormatException>(() => store.GetResultAsync("CLM-1"));
        Assert.Contains("Content-Type text/html", e.Message);
    }

    [Fact]
    public async Task AnUnreachableGatewayIsUnavailableAndFailsThePing()
    {
        using var store = NewStore(o => o.MaxAttempts = 2, baseUrl: $"http://127.0.0.1:{Ports.Closed()}/");

        await Assert.ThrowsAsync<ResultStoreUnavailableException>(() => store.PutResultAsync(Result("CLM-1")));
        var health = await store.PingAsync();

        Assert.False(health.IsReachable);
        Assert.Contains("HBase REST", health.Backend);
    }

    [Fact]
    public async Task AGatewayThatDoesNotAnswerInTimeIsUnavailable()
    {
        using var store = NewStore(o => { o.MaxAttempts = 1; o.RequestTimeout = TimeSpan.FromMilliseconds(200); });
        _server.AnswerNext(1, 200, "{}", "application/json", delay: TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<ResultStoreUnavailableException>(() => store.EnsureCreatedAsync());
        Assert.Contains("no answer within 0.2 s", e.Message);
    }

    [Fact]
    public async Task KnoxBasicAuthIsSentAndAWrongPasswordIsNamedAsSuch()
    {
        await using var secured = await FakeHBaseRestServer.StartAsync(user: "svc-claimfraud", password: "s3cret");
        using var right = NewStore(o => { o.UserName = "svc-claimfraud"; o.Password = "s3cret"; }, secured.BaseUrl);
        using var wrong = NewStore(o => { o.UserName = "svc-claimfraud"; o.Password = "guess"; }, secured.BaseUrl);

        Assert.Equal(ResultWriteOutcome.Stored, await right.PutResultAsync(Result("CLM-1")));
        var e = await Assert.ThrowsAsync<ResultStoreException>(() => wrong.GetResultAsync("CLM-1"));

        Assert.Contains("401", e.Message);
        Assert.Contains("credentials", e.Message);
    }

    [Fact]
    public async Task ATableDroppedBehindTheStoresBackIsRecreatedOnTheNextWrite()
    {
        using var store = NewStore();
        await store.PutResultAsync(Result("CLM-1"));
        _server.DropTable("fraud_result");

        Assert.Equal(ResultWriteOutcome.Stored, await store.PutResultAsync(Result("CLM-2")));
        Assert.Equal(2, _server.SchemaPuts);
    }

    [Fact]
    public void OptionsNameEveryProblem()
    {
        var o = new HBaseRestOptions { BaseUrl = "ftp://hbase", MaxAttempts = 0, UserName = "svc", SaltBuckets = 300 };

        var e = Assert.Throws<ArgumentException>(() => HBaseRestResultStore.Create(o));

        foreach (var word in new[] { "BaseUrl", "MaxAttempts", "Password", "SaltBuckets" }) Assert.Contains(word, e.Message);
    }
}
