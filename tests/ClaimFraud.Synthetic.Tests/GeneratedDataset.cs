using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Synthetic.Tests;

/// <summary>One 20,000-claim dataset shared by the property and distribution tests (generated once per run).</summary>
public sealed class GeneratedDataset
{
    public const int Count = 20_000;
    public const long Seed = 20240101;

    public GeneratedDataset()
    {
        Catalog = ReferenceCatalog.Default;
        Options = new GeneratorOptions { Claims = Count, Seed = Seed };
        Claims = SyntheticDataset.Generate(Options, Catalog).ToList();
        Legitimate = Claims.Where(c => !c.Label!.IsFraud).Select(c => c.Claim).ToList();
        Fraudulent = Claims.Where(c => c.Label!.IsFraud).ToList();
    }

    public ReferenceCatalog Catalog { get; }
    public GeneratorOptions Options { get; }
    public IReadOnlyList<LabeledClaim> Claims { get; }
    public IReadOnlyList<Claim> Legitimate { get; }
    public IReadOnlyList<LabeledClaim> Fraudulent { get; }

    public IEnumerable<Claim> WithPattern(string pattern) =>
        Fraudulent.Where(c => c.Label!.Patterns.Contains(pattern)).Select(c => c.Claim);

    /// <summary>A date well after every timestamp the dataset can hold (SEPs and labs may trail discharge by days).</summary>
    public DateTimeOffset AfterThePeriod => new DateTimeOffset(Options.PeriodEnd.ToDateTime(TimeOnly.MinValue), StayCalendar.JakartaOffset).AddDays(120);
}

[CollectionDefinition(Name)]
public sealed class GeneratedDatasetCollection : ICollectionFixture<GeneratedDataset>
{
    public const string Name = "generated dataset";
}

/// <summary>A clock fixed at one instant, for validating claims "now" = after the period.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
