using ClaimFraud.ResultStore.Decisions;

namespace ClaimFraud.ResultStore;

/// <summary>
/// Where scored claims and verifiers' decisions live (contract §3: /claims/{id}/score, /fraud-result, /decision).
/// Implementations: <see cref="HBase.HBaseRestResultStore"/>, <see cref="Sqlite.SqliteResultStore"/>, and the
/// <see cref="Outbox.OutboxResultStore"/> decorator that keeps writes while either is unreachable.
/// </summary>
/// <remarks>
/// Every method throws <see cref="ResultStoreUnavailableException"/> when the backend cannot be reached, and
/// <see cref="ResultStoreFormatException"/> when it answers with something that is not what was written.
/// Claim ids must pass <c>ClaimValidator.ClaimIdProblem</c>; others get an <see cref="ArgumentException"/>.
/// </remarks>
public interface IResultStore
{
    /// <summary>Creates the table when it is missing; a no-op once it exists. Other methods call it lazily too.</summary>
    Task EnsureCreatedAsync(CancellationToken ct = default);

    /// <summary>
    /// Stores a result unless one at least as new is already there: results are ordered by
    /// <see cref="StoredResult.Version"/> (scored_at, then model_version), so an older scoring never replaces a newer one
    /// and writing the same result twice changes nothing.
    /// </summary>
    Task<ResultWriteOutcome> PutResultAsync(StoredResult result, CancellationToken ct = default);

    /// <summary>The newest stored result for the claim, or null when none was ever stored.</summary>
    Task<StoredResult?> GetResultAsync(string claimId, CancellationToken ct = default);

    /// <summary>
    /// Appends a verifier's decision to the claim's history. Returns <see cref="DecisionWriteOutcome.NoResult"/>
    /// (nothing written) when the claim has no stored result. An invalid decision throws
    /// <see cref="InvalidDecisionException"/>; validate with <see cref="DecisionValidator"/> first to answer 400.
    /// </summary>
    Task<DecisionWriteOutcome> PutDecisionAsync(string claimId, Decision decision, CancellationToken ct = default);

    /// <summary>Every decision stored for the claim, oldest first (ordered by decided_at); empty when none.</summary>
    Task<IReadOnlyList<Decision>> GetDecisionsAsync(string claimId, CancellationToken ct = default);

    /// <summary>Whether the backend answers, for /ready. Never throws except when <paramref name="ct"/> is cancelled.</summary>
    Task<StoreHealth> PingAsync(CancellationToken ct = default);
}
