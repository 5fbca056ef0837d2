using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.ClaimsDb.Tests;

internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    /// <summary>The contract's worked example, parsed with a clock fixed after its dates so the test never drifts.</summary>
    public static LabeledClaim CombinedFraud()
    {
        var options = new ClaimValidationOptions { Clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7))) };
        var result = ClaimJson.Parse(File.ReadAllText(Path("combined-fraud.json")), options);
        Assert.True(result.IsValid, result.Errors.ToString());
        return new LabeledClaim(result.Claim!, result.Label);
    }

    /// <summary>The contract JSON of a claim and its label: equal strings mean nothing was lost or changed.</summary>
    public static string Json(LabeledClaim? claim) => claim is null ? "(null)" : ClaimJson.Serialize(claim.Claim, claim.Label);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
