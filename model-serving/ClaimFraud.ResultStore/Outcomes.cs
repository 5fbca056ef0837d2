namespace ClaimFraud.ResultStore;

/// <summary>What became of a <see cref="IResultStore.PutResultAsync"/> call. All four mean the caller's data is safe.</summary>
public enum ResultWriteOutcome
{
    /// <summary>Written; it is now the claim's result.</summary>
    Stored,
    /// <summary>The same result (same claim, scored_at and model_version) was already stored; nothing changed.</summary>
    AlreadyStored,
    /// <summary>A newer result is stored; this older one was not written over it.</summary>
    Superseded,
    /// <summary>The store was unreachable; the result is in the durable outbox and will be delivered later.</summary>
    Queued,
}

/// <summary>What became of a <see cref="IResultStore.PutDecisionAsync"/> call.</summary>
public enum DecisionWriteOutcome
{
    /// <summary>Appended to the claim's decision history.</summary>
    Stored,
    /// <summary>This very decision (same decided_at and content) was already in the history; nothing changed.</summary>
    AlreadyStored,
    /// <summary>The claim has no stored result, so the decision was not written (the API's 404).</summary>
    NoResult,
    /// <summary>
    /// The store was unreachable; the decision is in the durable outbox. Whether the claim has a result is checked on
    /// delivery: a decision for a claim without one is set aside (see <see cref="Outbox.OutboxStatus.RejectedCount"/>).
    /// </summary>
    Queued,
}

/// <summary>A readiness answer: whether the backend answered, and if not, why (no claim data in it).</summary>
public sealed record StoreHealth(bool IsReachable, string Backend, string? Problem = null)
{
    public static StoreHealth Reachable(string backend) => new(true, backend);

    public static StoreHealth Unreachable(string backend, string problem) => new(false, backend, problem);
}
