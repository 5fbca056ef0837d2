using System.Globalization;
using ClaimFraud.Domain.Scores;

namespace ClaimFraud.ResultStore;

/// <summary>A claim's score as stored: claim_id, model_version and scored_at are the score's own.</summary>
public sealed record StoredResult
{
    public StoredResult(ClaimScore score) => Score = score ?? throw new ArgumentNullException(nameof(score));

    public ClaimScore Score { get; }

    public string ClaimId => Score.ClaimId;

    public string ModelVersion => Score.ModelVersion;

    public DateTimeOffset ScoredAt => Score.ScoredAt;

    /// <summary>The order in which results replace each other, and the identity that makes redelivery idempotent.</summary>
    public ResultVersion Version => new(ScoredAt.UtcTicks, ModelVersion);

    /// <summary>Throws <see cref="ArgumentException"/> for what no store can key or order: a bad claim id, no model_version, no scored_at.</summary>
    internal void ThrowIfInvalid()
    {
        Layout.FraudResultRowKey.ThrowIfInvalidClaimId(ClaimId);
        if (string.IsNullOrWhiteSpace(ModelVersion)) throw new ArgumentException("model_version is required", "result");
        if (ScoredAt == default) throw new ArgumentException("scored_at is required", "result");
    }
}

/// <summary>
/// Orders results of one claim: the later scored_at wins; equal instants are ordered by model_version (ordinal) so the
/// order is total. Written to the store as <c>s:stamp</c> = 19-digit UTC ticks + '|' + model_version, which sorts the same way.
/// </summary>
public readonly record struct ResultVersion(long ScoredAtUtcTicks, string ModelVersion) : IComparable<ResultVersion>
{
    public int CompareTo(ResultVersion other)
    {
        int c = ScoredAtUtcTicks.CompareTo(other.ScoredAtUtcTicks);
        return c != 0 ? c : string.CompareOrdinal(ModelVersion, other.ModelVersion);
    }

    public static bool operator <(ResultVersion a, ResultVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(ResultVersion a, ResultVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(ResultVersion a, ResultVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ResultVersion a, ResultVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() =>
        ScoredAtUtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + ModelVersion;

    public static bool TryParse(string? s, out ResultVersion version)
    {
        version = default;
        if (s is null || s.Length < 21 || s[19] != '|') return false;
        if (!long.TryParse(s.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)) return false;
        version = new ResultVersion(ticks, s[20..]);
        return true;
    }
}
