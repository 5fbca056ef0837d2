using ClaimFraud.ResultStore.Layout;

namespace ClaimFraud.ResultStore.Tests;

public sealed class RowKeyTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void TenThousandSequentialClaimIdsUseEveryBucketAndNoneGetsTwiceItsShare(int buckets)
    {
        var counts = new int[buckets];
        for (int i = 1; i <= 10_000; i++)
            counts[FraudResultRowKey.Bucket($"CLM-2025-{i:D6}", buckets)]++;

        double average = 10_000.0 / buckets;
        Assert.All(counts, c => Assert.InRange(c, 1, 2 * average));
    }

    [Fact]
    public void AKeyIsTwoHexDigitsOfSaltAPipeAndTheClaimId()
    {
        string key = FraudResultRowKey.For("CLM-2025-COMBINED-001");

        Assert.Matches("^[0-9a-f]{2}\\|CLM-2025-COMBINED-001$", key);
        Assert.Equal("CLM-2025-COMBINED-001", FraudResultRowKey.ClaimIdOf(key));
        Assert.InRange(Convert.ToInt32(key[..2], 16), 0, FraudResultRowKey.DefaultBuckets - 1);
    }

    [Fact]
    public void TheSaltIsPinnedBecauseStoredRowsAreFoundByIt()
    {
        // SHA-256("CLM-2025-COMBINED-001")[0..4] big-endian mod 16. If this changes, every stored row becomes unreachable.
        Assert.Equal(PinnedSalt, FraudResultRowKey.Salt("CLM-2025-COMBINED-001"));
        Assert.Equal(FraudResultRowKey.Salt("CLM-2025-COMBINED-001"), FraudResultRowKey.Salt("CLM-2025-COMBINED-001", 16));
    }

    private const string PinnedSalt = "0a"; // computed independently: python3 hashlib.sha256(...).digest()[:4] big-endian % 16

    [Theory]
    [InlineData("")]
    [InlineData("CLM/1")]
    [InlineData("CLM,1")]
    [InlineData("CLM 1")]
    public void ClaimIdsThatWouldBreakTheGatewaysPathAreRejected(string claimId)
    {
        Assert.Throws<ArgumentException>(() => FraudResultRowKey.For(claimId));
    }
}
