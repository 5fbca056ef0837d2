using ClaimFraud.Domain.Claims;
using ClaimFraud.ClaimsDb.Migrations;

namespace ClaimFraud.ClaimsDb;

/// <summary>
/// The operational claims database: contract §1 claims stored losslessly, loaded in bulk and read back by id.
/// <see cref="MySql.MySqlClaimStore"/> is the production store; <see cref="Sqlite.SqliteClaimStore"/> the embedded default.
/// </summary>
public interface IClaimStore : IAsyncDisposable
{
    /// <summary>Brings the schema up to date; safe to call on every start (a second call changes nothing).</summary>
    Task<MigrationResult> MigrateAsync(CancellationToken ct = default);

    /// <summary>
    /// Stores claims in batches, one transaction per batch. A claim whose claim_id is already stored replaces the stored
    /// one (its lists are rewritten, its verifier decisions kept), so loading the same file twice leaves one copy.
    /// A claim the database cannot hold exactly stops the load with <see cref="UnstorableClaimException"/>; batches
    /// committed before it stay.
    /// </summary>
    /// <param name="batchSize">Claims per transaction.</param>
    /// <param name="progress">Called after each committed batch with the number of claims stored so far.</param>
    Task<ClaimLoadResult> LoadAsync(IEnumerable<LabeledClaim> claims, int batchSize = ClaimLoadDefaults.BatchSize,
        Action<long>? progress = null, CancellationToken ct = default);

    /// <inheritdoc cref="LoadAsync(IEnumerable{LabeledClaim}, int, Action{long}?, CancellationToken)"/>
    Task<ClaimLoadResult> LoadAsync(IAsyncEnumerable<LabeledClaim> claims, int batchSize = ClaimLoadDefaults.BatchSize,
        Action<long>? progress = null, CancellationToken ct = default);

    /// <summary>The stored claim with its label (null label for real claims), or null when no claim has this id (including ids no claim could have).</summary>
    Task<LabeledClaim?> ReadClaimAsync(string claimId, CancellationToken ct = default);

    /// <summary>The patient's claims admitted strictly before <paramref name="before"/>, newest admission first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LabeledClaim>> ReadPatientHistoryAsync(string nik, DateTimeOffset before, int limit, CancellationToken ct = default);

    /// <summary>How many claims are stored.</summary>
    Task<long> CountAsync(CancellationToken ct = default);
}

public static class ClaimLoadDefaults
{
    /// <summary>A few hundred claims per transaction: big enough to amortise round trips, small enough for one packet.</summary>
    public const int BatchSize = 500;
}

/// <summary>What a load did: claims taken from the input and stored (new or replacing a stored one; a repeated id counts each time) and the wall time.</summary>
public sealed record ClaimLoadResult(long Claims, TimeSpan Elapsed)
{
    public double ClaimsPerSecond => Elapsed > TimeSpan.Zero ? Claims / Elapsed.TotalSeconds : 0;
}
