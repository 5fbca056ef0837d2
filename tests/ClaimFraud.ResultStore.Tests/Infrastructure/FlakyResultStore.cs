using ClaimFraud.ResultStore.Decisions;

namespace ClaimFraud.ResultStore.Tests.Infrastructure;

/// <summary>
/// A store that can be switched off: while <see cref="Down"/> every call throws <see cref="ResultStoreUnavailableException"/>
/// without touching the real store; with <see cref="ApplyThenFailWrites"/> a write reaches the real store and then fails,
/// as when the answer is lost after the server applied it.
/// </summary>
public sealed class FlakyResultStore(IResultStore real) : IResultStore
{
    private int _calls;

    public bool Down { get; set; }

    public int ApplyThenFailWrites { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public IResultStore Real => real;

    private void Enter()
    {
        Interlocked.Increment(ref _calls);
        if (Down) throw new ResultStoreUnavailableException("test: store switched off");
    }

    private async Task<T> Write<T>(Func<Task<T>> write)
    {
        Enter();
        var outcome = await write();
        if (ApplyThenFailWrites > 0)
        {
            ApplyThenFailWrites--;
            throw new ResultStoreUnavailableException("test: the answer was lost after the write was applied");
        }
        return outcome;
    }

    public Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        Enter();
        return real.EnsureCreatedAsync(ct);
    }

    public Task<ResultWriteOutcome> PutResultAsync(StoredResult result, CancellationToken ct = default) =>
        Write(() => real.PutResultAsync(result, ct));

    public Task<StoredResult?> GetResultAsync(string claimId, CancellationToken ct = default)
    {
        Enter();
        return real.GetResultAsync(claimId, ct);
    }

    public Task<DecisionWriteOutcome> PutDecisionAsync(string claimId, Decision decision, CancellationToken ct = default) =>
        Write(() => real.PutDecisionAsync(claimId, decision, ct));

    public Task<IReadOnlyList<Decision>> GetDecisionsAsync(string claimId, CancellationToken ct = default)
    {
        Enter();
        return real.GetDecisionsAsync(claimId, ct);
    }

    public Task<StoreHealth> PingAsync(CancellationToken ct = default) =>
        Task.FromResult(Down ? StoreHealth.Unreachable("flaky", "switched off") : StoreHealth.Reachable("flaky"));
}
