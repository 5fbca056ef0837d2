using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.ResultStore.HBase;
using ClaimFraud.ResultStore.Outbox;
using ClaimFraud.ResultStore.Sqlite;
using ClaimFraud.ResultStore.Tests.Infrastructure;
using static ClaimFraud.ResultStore.Tests.Infrastructure.TestScores;

namespace ClaimFraud.ResultStore.Tests;

/// <summary>What every <see cref="IResultStore"/> must do; each backend runs these against a fresh, empty store.</summary>
public abstract class ResultStoreBehaviour : IAsyncLifetime
{
    protected IResultStore Store { get; private set; } = null!;

    protected abstract Task<IResultStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AResultRoundTripsExactly()
    {
        var written = Result("CLM-2025-000001");

        Assert.Equal(ResultWriteOutcome.Stored, await Store.PutResultAsync(written));
        var read = await Store.GetResultAsync("CLM-2025-000001");

        Assert.NotNull(read);
        Assert.Equal(ScoreJson.Serialize(written.Score), ScoreJson.Serialize(read.Score));
        Assert.Equal(written.ScoredAt.Offset, read.ScoredAt.Offset);
        Assert.Equal(written.Score.Components.Model, read.Score.Components.Model);
    }

    [Fact]
    public async Task AMissingClaimHasNoResultAndNoDecisions()
    {
        await Store.PutResultAsync(Result("CLM-PRESENT"));

        Assert.Null(await Store.GetResultAsync("CLM-ABSENT"));
        Assert.Empty(await Store.GetDecisionsAsync("CLM-ABSENT"));
    }

    [Fact]
    public async Task AnOlderScoringDoesNotReplaceANewerResult()
    {
        var newer = Result("CLM-1", T0.AddMinutes(5), seed: 2);
        var older = Result("CLM-1", T0, seed: 3);

        await Store.PutResultAsync(newer);
        Assert.Equal(ResultWriteOutcome.Superseded, await Store.PutResultAsync(older));

        Assert.Equal(ScoreJson.Serialize(newer.Score), ScoreJson.Serialize((await Store.GetResultAsync("CLM-1"))!.Score));
    }

    [Fact]
    public async Task ANewerScoringReplacesAnOlderResult()
    {
        await Store.PutResultAsync(Result("CLM-1", T0, seed: 3));
        var newer = Result("CLM-1", T0.AddMinutes(5), "claim-fraud-xgb-1.1.0", seed: 2);

        Assert.Equal(ResultWriteOutcome.Stored, await Store.PutResultAsync(newer));

        var read = (await Store.GetResultAsync("CLM-1"))!;
        Assert.Equal("claim-fraud-xgb-1.1.0", read.ModelVersion);
        Assert.Equal(ScoreJson.Serialize(newer.Score), ScoreJson.Serialize(read.Score));
    }

    [Fact]
    public async Task WritingTheSameResultTwiceChangesNothing()
    {
        var result = Result("CLM-1");
        await Store.PutResultAsync(result);

        Assert.Equal(ResultWriteOutcome.AlreadyStored, await Store.PutResultAsync(result));
        Assert.Equal(ScoreJson.Serialize(result.Score), ScoreJson.Serialize((await Store.GetResultAsync("CLM-1"))!.Score));
    }

    [Fact]
    public async Task ConcurrentScoringsLeaveTheNewestResult()
    {
        var results = Enumerable.Range(0, 8).Select(i => Result("CLM-RACE", T0.AddSeconds(i), seed: i)).ToList();

        await Task.WhenAll(results.AsEnumerable().Reverse().Select(r => Task.Run(() => Store.PutResultAsync(r))));

        Assert.Equal(ScoreJson.Serialize(results[^1].Score), ScoreJson.Serialize((await Store.GetResultAsync("CLM-RACE"))!.Score));
    }

    [Fact]
    public async Task DecisionHistoryIsKeptOldestFirst()
    {
        await Store.PutResultAsync(Result("CLM-1"));
        var first = Decision(DecisionActions.ManualReview, at: T0.AddHours(1), note: "perlu dokumen");
        var second = Decision(DecisionActions.RequestDocument, at: T0.AddHours(2), note: "minta resume medis");
        var third = Decision(DecisionActions.ApprovePartial, 2_000_000m, T0.AddHours(3));

        foreach (var d in new[] { first, second, third })
            Assert.Equal(DecisionWriteOutcome.Stored, await Store.PutDecisionAsync("CLM-1", d));

        Assert.Equal([first, second, third], await Store.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task ADecisionRecordedLateWithAnEarlierTimeIsListedByDecidedAt()
    {
        await Store.PutResultAsync(Result("CLM-1"));
        var later = Decision(DecisionActions.Decline, at: T0.AddHours(3));
        var earlier = Decision(DecisionActions.ManualReview, at: T0.AddHours(1));

        await Store.PutDecisionAsync("CLM-1", later);
        await Store.PutDecisionAsync("CLM-1", earlier);

        Assert.Equal([earlier, later], await Store.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task TwoDifferentDecisionsAtTheSameInstantAreBothKept()
    {
        await Store.PutResultAsync(Result("CLM-1"));
        var a = Decision(DecisionActions.ManualReview, verifier: "verifier-001");
        var b = Decision(DecisionActions.Decline, verifier: "verifier-002");

        Assert.Equal(DecisionWriteOutcome.Stored, await Store.PutDecisionAsync("CLM-1", a));
        Assert.Equal(DecisionWriteOutcome.Stored, await Store.PutDecisionAsync("CLM-1", b));

        Assert.Equal([a, b], await Store.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task StoringTheSameDecisionTwiceKeepsOneCopy()
    {
        await Store.PutResultAsync(Result("CLM-1"));
        var d = Decision();

        await Store.PutDecisionAsync("CLM-1", d);
        Assert.Equal(DecisionWriteOutcome.AlreadyStored, await Store.PutDecisionAsync("CLM-1", d));

        Assert.Equal([d], await Store.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task ADecisionForAClaimWithoutAResultIsAnsweredNoResult()
    {
        Assert.Equal(DecisionWriteOutcome.NoResult, await Store.PutDecisionAsync("CLM-NEVER-SCORED", Decision()));
        Assert.Empty(await Store.GetDecisionsAsync("CLM-NEVER-SCORED"));
    }

    [Fact]
    public async Task AnInvalidDecisionIsRefusedNamingEveryWrongField()
    {
        await Store.PutResultAsync(Result("CLM-1"));
        var bad = new Decision { Action = "approve_all", ApprovedAmount = -5, Verifier = "", DecidedAt = T0 };

        var e = await Assert.ThrowsAsync<InvalidDecisionException>(() => Store.PutDecisionAsync("CLM-1", bad));

        Assert.Equal(["action", "approved_amount", "verifier"], e.Errors.Fields.Order(StringComparer.Ordinal));
        Assert.Empty(await Store.GetDecisionsAsync("CLM-1"));
    }

    [Fact]
    public async Task AClaimIdThatCannotBeARowKeyIsRejected()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.GetResultAsync("CLM/../1"));
        Assert.Contains("claim_id", e.Message);
    }

    [Fact]
    public async Task EnsuringTheTableTwiceKeepsWhatIsStored()
    {
        await Store.EnsureCreatedAsync();
        await Store.PutResultAsync(Result("CLM-1"));
        await Store.EnsureCreatedAsync();

        Assert.NotNull(await Store.GetResultAsync("CLM-1"));
    }

    [Fact]
    public async Task AWorkingStoreAnswersThePing()
    {
        await Store.EnsureCreatedAsync();
        var health = await Store.PingAsync();
        Assert.True(health.IsReachable, health.Problem);
    }
}

public sealed class HBaseRestResultStoreBehaviour : ResultStoreBehaviour
{
    private FakeHBaseRestServer _server = null!;

    protected override async Task<IResultStore> CreateStoreAsync()
    {
        _server = await FakeHBaseRestServer.StartAsync();
        return HBaseRestResultStore.Create(new HBaseRestOptions { BaseUrl = _server.BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(5) });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }
}

public sealed class SqliteResultStoreBehaviour : ResultStoreBehaviour
{
    private readonly TempDirectory _dir = new();

    protected override Task<IResultStore> CreateStoreAsync() =>
        Task.FromResult<IResultStore>(new SqliteResultStore(new SqliteResultStoreOptions { Path = _dir.File("results.db") }));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>With the store up, the outbox must be invisible.</summary>
public sealed class OutboxOverSqliteResultStoreBehaviour : ResultStoreBehaviour
{
    private readonly TempDirectory _dir = new();

    protected override Task<IResultStore> CreateStoreAsync() =>
        Task.FromResult<IResultStore>(new OutboxResultStore(
            new SqliteResultStore(new SqliteResultStoreOptions { Path = _dir.File("results.db") }),
            new OutboxOptions { Directory = _dir.File("outbox") },
            ownsInner: true));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
