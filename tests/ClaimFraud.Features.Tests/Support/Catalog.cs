using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Features.Tests.Support;

/// <summary>The reference catalogs copied beside the test assembly, and the evidence engine over them, shared by all tests.</summary>
internal static class Catalog
{
    public static ReferenceCatalog Reference => ReferenceCatalog.Default;

    public static readonly ClaimEvidence Evidence = new(Reference);

    public static readonly ClaimEvidence EvidenceInEnglish = new(Reference, Rules.RuleLanguage.English);
}

internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    /// <summary>The contract's worked example (seed 004's combined-fraud case), parsed with the contract's validator.</summary>
    public static Claim CombinedFraud()
    {
        var result = ClaimJson.Parse(File.ReadAllText(Path("combined-fraud.json")), new ClaimValidationOptions { Clock = FixedClock.Today });
        Assert.True(result.IsValid, result.Errors.ToString());
        return result.Claim!;
    }
}

/// <summary>A clock fixed at the brief's "today", so validation never drifts with the calendar.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Today = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7)));
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
