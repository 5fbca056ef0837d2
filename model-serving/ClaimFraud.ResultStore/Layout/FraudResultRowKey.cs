using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.ResultStore.Layout;

/// <summary>
/// Row keys of the fraud_result table: <c>&lt;salt&gt;|&lt;claim_id&gt;</c>, the salt being two hex digits of
/// SHA-256(claim_id) mod N buckets. Sequential claim ids (CLM-2025-000001, …002, …) would otherwise land on one region
/// server; the salt spreads them over N key ranges while a point read still needs only the claim id.
/// </summary>
/// <remarks>
/// The salt must never change for a table: SHA-256 rather than string.GetHashCode (randomised per process), and N is
/// part of the table's design — changing it re-homes every key. Keys are ASCII (claim ids are letters, digits, '-', '_', '.').
/// </remarks>
public static class FraudResultRowKey
{
    public const int DefaultBuckets = 16;
    public const int MaxBuckets = 256;

    public static string For(string claimId, int buckets = DefaultBuckets) => Salt(claimId, buckets) + "|" + claimId;

    /// <summary>The bucket (0..N-1) as two lowercase hex digits.</summary>
    public static string Salt(string claimId, int buckets = DefaultBuckets) =>
        Bucket(claimId, buckets).ToString("x2", System.Globalization.CultureInfo.InvariantCulture);

    public static int Bucket(string claimId, int buckets = DefaultBuckets)
    {
        ThrowIfInvalidClaimId(claimId);
        if (buckets is < 1 or > MaxBuckets)
            throw new ArgumentOutOfRangeException(nameof(buckets), buckets, $"must be 1 to {MaxBuckets}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(claimId), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)buckets);
    }

    /// <summary>The claim id of a row key, or null when the key is not of this table's shape.</summary>
    public static string? ClaimIdOf(string rowKey) =>
        rowKey.Length > 3 && rowKey[2] == '|' && Uri.IsHexDigit(rowKey[0]) && Uri.IsHexDigit(rowKey[1]) ? rowKey[3..] : null;

    internal static void ThrowIfInvalidClaimId(string claimId)
    {
        if (ClaimValidator.ClaimIdProblem(claimId) is { } problem)
            throw new ArgumentException($"claim_id {problem}", nameof(claimId));
    }
}
