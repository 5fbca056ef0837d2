using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Features.History;

/// <summary>
/// What is known about earlier claims, for point-in-time features: <see cref="Query"/> sees only claims admitted
/// strictly before the claim asked about (ties on admission_at broken by claim_id, ordinal), whatever order claims
/// were added in. Training adds claims in time order while iterating a dataset; serving queries, then adds.
/// </summary>
public interface IClaimHistory
{
    /// <summary>History statistics for <paramref name="claim"/> as of its admission time.</summary>
    HistorySnapshot Query(Claim claim);

    /// <summary>Records a claim. A claim whose claim_id is already recorded is ignored (re-scoring is not a new claim).</summary>
    void Add(Claim claim);
}
