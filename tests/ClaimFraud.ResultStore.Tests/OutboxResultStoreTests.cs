using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.ResultStore.HBase;
using ClaimFraud.ResultStore.Outbox;
using ClaimFraud.ResultStore.Sqlite;
using ClaimFraud.ResultStore.Tests.Infrastructure;
using static ClaimFraud.ResultStore.Tests.Infrastructure.TestScores;

namespace ClaimFraud.ResultStore.Tests;

public sealed class OutboxResultStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new(T0);
    private readonly SqliteResultStore _sqlite;
    private readonly FlakyResultStore _flaky;

    public OutboxResultStoreTests()
    {
        _sqlite = new SqliteResultStore(new SqliteResultStoreOptions { Path = _dir.File("results.db") });
        _flaky = new FlakyResultStore(_sqlite);
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _dir.Dispose();
    }

    private OutboxOptions Options => new() { Directory = _dir.File("outbox"), BypassAfterFailure = TimeSpan.FromSeconds(5) };

    private OutboxResultStore Outbox(IResultStore? inner = null, ListLogger<OutboxResultStore>? log = null) =>
        new(inner ?? _flaky, Options, _time, log);

    private static string Json(StoredResult? r) => r is null ? "null" : ScoreJson.Serialize(r.Score);

    [Fact]
    public async Task WithTheGatewayRefusingConnectionsAResultIsQueuedReadableAndDeliveredOnceItIsBack()
    {
        int port = Ports.Closed();
        using var hbase = HBaseRestResultStore.Create(new HBaseRestOptions
        {
            BaseUrl = $"http://127.0.0.1:{port}/", MaxAttempts = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });
        using var outbox = Outbox(hbase);
        var result = Result("CLM-2025-000007");

        Assert.Equal(ResultWriteOutcome.Queued, await outbox.PutResultAsync(result));
        Assert.Equal(Json(result), Json(await outbox.GetResultAsync("CLM-2025-000007")));
        Assert.Equal(1, outbox.GetStatus().PendingCount);

        await using var server = await FakeHBaseRestServer.StartAsync(port);
        var report = await outbox.DeliverPendingAsync();

        Assert.Equal(new DeliveryReport(1, 0, 0, false, 0), report);
        Assert.Equal(0, outbox.GetStatus().PendingCount);
        Assert.Empty(Directory.EnumerateFiles(outbox.Directory, "*.json"));
        Assert.Equal(Json(result), Json(await hbase.GetResultAsync("CLM-2025-000007")));
    }

    [Fact]
    public async Task TheOutboxSurvivesARestartAndDeliversInOrderAfterwards()
    {
        _flaky.Down = true;
        var result = Result("CLM-1");
        var decision = Decision();
        using (var before = Outbox())
        {
            Assert.Equal(ResultWriteOutcome.Queued, await before.PutResultAsync(result));
            Assert.Equal(DecisionWriteOutcome.Queued, await before.PutDecisionAsync("CLM-1", decision));
        }

        _flaky.Down = false;
        using var after = Outbox();
        Assert.Equal(2, after.GetStatus().PendingCount);
        Assert.Equal(Json(result), Json(await after.GetResultAsync("CLM-1")));

        var report = await after.DeliverPendingAsync();

        Assert.Equal(2, report.Delivered);
        Assert.Equal(Json(result), Json(await _sqlite.GetResultAsync("CLM-1")));
        Assert.Equal([decision], await _sqlite.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task DeliveringWritesTheStoreAlreadyAppliedDoesNotDuplicateThem()
    {
        _flaky.Down = true;
        using var outbox = Outbox();
        var result = Result("CLM-1");
        var decision = Decision();
        await outbox.PutResultAsync(result);
        await outbox.PutDecisionAsync("CLM-1", decision);
        _flaky.Down = false;

        // The store applies both writes but the answers are lost: the entries stay queued and are delivered again.
        _flaky.ApplyThenFailWrites = 1;
        var first = await outbox.DeliverPendingAsync();
        _flaky.ApplyThenFailWrites = 1;
        var second = await outbox.DeliverPendingAsync();
        var third = await outbox.DeliverPendingAsync();
        var fourth = await outbox.DeliverPendingAsync();

        Assert.True(first.StoreUnavailable && second.StoreUnavailable);
        Assert.Equal(2, third.Delivered);
        Assert.Equal(0, fourth.Delivered + fourth.Remaining);
        Assert.Equal([decision], await _sqlite.GetDecisionsAsync("CLM-1"));
        Assert.Equal(Json(result), Json(await _sqlite.GetResultAsync("CLM-1")));
    }

    [Fact]
    public async Task TwoDeliveryPassesAtOnceDeliverEachWriteOnce()
    {
        _flaky.Down = true;
        using var outbox = Outbox();
        await outbox.PutResultAsync(Result("CLM-1"));
        for (int i = 0; i < 5; i++) await outbox.PutDecisionAsync("CLM-1", Decision(at: T0.AddMinutes(i)));
        _flaky.Down = false;

        var reports = await Task.WhenAll(Task.Run(() => outbox.DeliverPendingAsync()), Task.Run(() => outbox.DeliverPendingAsync()));

        Assert.Equal(6, reports.Sum(r => r.Delivered));
        Assert.Equal(5, (await _sqlite.GetDecisionsAsync("CLM-1")).Count);
    }

    [Fact]
    public async Task AnOlderQueuedResultDoesNotRegressANewerOneStoredMeanwhile()
    {
        _flaky.Down = true;
        using var outbox = Outbox();
        await outbox.PutResultAsync(Result("CLM-1", T0));
        var newer = Result("CLM-1", T0.AddMinutes(30), "claim-fraud-xgb-2.0.0", seed: 4);
        await _sqlite.PutResultAsync(newer);
        _flaky.Down = false;
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Json(newer), Json(await outbox.GetResultAsync("CLM-1")));
        await outbox.DeliverPendingAsync();

        Assert.Equal(Json(newer), Json(await _sqlite.GetResultAsync("CLM-1")));
        Assert.Equal(0, outbox.GetStatus().PendingCount);
    }

    [Fact]
    public async Task ADecisionForAClaimWhoseResultIsStillQueuedWaitsBehindIt()
    {
        _flaky.Down = true;
        using var outbox = Outbox();
        await outbox.PutResultAsync(Result("CLM-1"));
        _flaky.Down = false;
        _time.Advance(TimeSpan.FromSeconds(10));

        // The store is back but has no result yet: answering NoResult would be wrong, so the decision queues.
        Assert.Equal(DecisionWriteOutcome.Queued, await outbox.PutDecisionAsync("CLM-1", Decision()));
        Assert.Equal([Decision()], await outbox.GetDecisionsAsync("CLM-1"));

        await outbox.DeliverPendingAsync();
        Assert.Equal([Decision()], await _sqlite.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task AQueuedDecisionForAClaimWithoutAnyResultIsSetAsideNotLost()
    {
        _flaky.Down = true;
        using var outbox = Outbox();
        await outbox.PutDecisionAsync("CLM-NEVER-SCORED", Decision());
        _flaky.Down = false;

        var report = await outbox.DeliverPendingAsync();

        Assert.Equal(1, report.Rejected);
        Assert.Equal(1, outbox.GetStatus().RejectedCount);
        var file = Assert.Single(Directory.EnumerateFiles(Path.Combine(outbox.Directory, "rejected"), "*.json"));
        Assert.Contains("no result", File.ReadAllText(file + ".reason.txt"));
        Assert.Contains("CLM-NEVER-SCORED", File.ReadAllText(file));
    }

    [Fact]
    public async Task AfterAFailureWritesSkipTheStoreUntilTheBypassWindowEnds()
    {
        _flaky.Down = true;
        using var outbox = Outbox();

        Assert.Equal(ResultWriteOutcome.Queued, await outbox.PutResultAsync(Result("CLM-1")));
        int callsAfterFirst = _flaky.Calls;
        Assert.Equal(ResultWriteOutcome.Queued, await outbox.PutResultAsync(Result("CLM-2")));
        Assert.Equal(callsAfterFirst, _flaky.Calls);

        _flaky.Down = false;
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(ResultWriteOutcome.Stored, await outbox.PutResultAsync(Result("CLM-3")));
    }

    [Fact]
    public async Task StatusReportsThePendingCountAndTheOldestEntrysAge()
    {
        _flaky.Down = true;
        using var outbox = Outbox();
        await outbox.PutResultAsync(Result("CLM-1"));
        _time.Advance(TimeSpan.FromSeconds(30));
        await outbox.PutResultAsync(Result("CLM-2"));
        _time.Advance(TimeSpan.FromSeconds(60));

        var status = outbox.GetStatus();

        Assert.Equal(2, status.PendingCount);
        Assert.Equal(TimeSpan.FromSeconds(90), status.OldestPendingAge);
        Assert.Equal(0, status.RejectedCount);
    }

    [Fact]
    public async Task WhileTheStoreIsDownAClaimWithNothingQueuedIsUnavailableNotMissing()
    {
        _flaky.Down = true;
        using var outbox = Outbox();

        await Assert.ThrowsAsync<ResultStoreUnavailableException>(() => outbox.GetResultAsync("CLM-1"));
        await Assert.ThrowsAsync<ResultStoreUnavailableException>(() => outbox.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task ASecondOutboxOnTheSameDirectoryIsRefused()
    {
        using var first = Outbox();
        var e = Assert.Throws<IOException>(() => Outbox());
        Assert.Contains("in use by another process", e.Message);
        await first.PutResultAsync(Result("CLM-1"));
    }

    [Fact]
    public async Task AnUnreadableOutboxFileIsSetAsideAndNewEntriesNumberAfterIt()
    {
        Directory.CreateDirectory(Options.Directory);
        File.WriteAllText(Path.Combine(Options.Directory, "00000000000000000099.json"), "{\"seq\":99,\"kind\":\"res");
        _flaky.Down = true;
        using var outbox = Outbox();

        Assert.Equal((0, 1), (outbox.GetStatus().PendingCount, outbox.GetStatus().RejectedCount));
        await outbox.PutResultAsync(Result("CLM-1"));
        Assert.Equal("00000000000000000100.json", Path.GetFileName(Directory.EnumerateFiles(outbox.Directory, "*.json").Single()));
    }

    [Fact]
    public async Task InvalidInputIsRefusedBeforeItReachesTheOutbox()
    {
        _flaky.Down = true;
        using var outbox = Outbox();

        await Assert.ThrowsAsync<InvalidDecisionException>(() => outbox.PutDecisionAsync("CLM-1", Decision() with { ApprovedAmount = null }));
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.PutResultAsync(Result("CLM 1")));
        Assert.Equal(0, outbox.GetStatus().PendingCount);
    }

    [Fact]
    public async Task LogsCarryClaimIdsAndCountsButNotTheExplanationText()
    {
        var log = new ListLogger<OutboxResultStore>();
        _flaky.Down = true;
        using var outbox = Outbox(log: log);
        var result = Result("CLM-LOGGED");
        var withPersonalText = new StoredResult(result.Score with { Explanation = "Pasien Budi Santoso NIK 3174012345678901" });

        await outbox.PutResultAsync(withPersonalText);
        _flaky.Down = false;
        _time.Advance(TimeSpan.FromSeconds(10));
        await outbox.DeliverPendingAsync();

        Assert.Contains(log.Lines, l => l.Contains("CLM-LOGGED"));
        Assert.DoesNotContain(log.Lines, l => l.Contains("Budi") || l.Contains("3174012345678901"));
    }

    [Fact]
    public async Task TheDeliveryServiceDrainsTheOutboxInTheBackground()
    {
        _flaky.Down = true;
        var options = Options;
        options.RetryInitialDelay = TimeSpan.FromMilliseconds(20);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
        using var outbox = new OutboxResultStore(_flaky, options);
        using var service = new OutboxDeliveryService(outbox, options);
        await service.StartAsync(CancellationToken.None);
        await outbox.PutResultAsync(Result("CLM-1"));
        await Task.Delay(100);
        Assert.Equal(1, outbox.GetStatus().PendingCount);

        _flaky.Down = false;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (outbox.GetStatus().PendingCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(0, outbox.GetStatus().PendingCount);
        Assert.NotNull(await _sqlite.GetResultAsync("CLM-1"));
    }
}
