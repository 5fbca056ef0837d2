namespace ClaimFraud.ResultStore.Outbox;

/// <summary>The durable outbox in front of the store. Binds from configuration section <c>ResultStore:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Directory of pending writes (one fsync'd JSON file each), kept across restarts. One process at a time.</summary>
    public string Directory { get; set; } = "data/result-outbox";

    /// <summary>After the store failed, how long writes go straight to the outbox instead of waiting on the store again.</summary>
    public TimeSpan BypassAfterFailure { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before the delivery loop retries a store that is down; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the idle delivery loop looks again even without a new write (e.g. after an operator moved files back).</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory)) p.Add("Directory is required");
        if (BypassAfterFailure < TimeSpan.Zero) p.Add("BypassAfterFailure must not be negative");
        if (RetryInitialDelay <= TimeSpan.Zero || RetryMaxDelay < RetryInitialDelay) p.Add("RetryInitialDelay must be positive and ≤ RetryMaxDelay");
        if (IdlePollInterval <= TimeSpan.Zero) p.Add("IdlePollInterval must be positive");
        return p;
    }
}

/// <summary>What /ready and logs may show about the outbox: counts and ages only, never claim content.</summary>
public sealed record OutboxStatus(
    int PendingCount,
    TimeSpan? OldestPendingAge,
    int RejectedCount,
    DateTimeOffset? LastDeliveryAt,
    string? LastDeliveryProblem);

/// <summary>The outcome of one <see cref="OutboxResultStore.DeliverPendingAsync"/> pass.</summary>
public sealed record DeliveryReport(
    int Delivered,
    int Rejected,
    int Remaining,
    bool StoreUnavailable,
    int ClaimsBlockedByErrors);
