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
        General = GeneralProcedureRows.Load(Catalog.Directory);
    }

    public ReferenceCatalog Catalog { get; }
    public GeneratorOptions Options { get; }
    public IReadOnlyList<LabeledClaim> Claims { get; }
    public IReadOnlyList<Claim> Legitimate { get; }
    public IReadOnlyList<LabeledClaim> Fraudulent { get; }
    /// <summary>datasets/reference/general_procedures.csv, read independently of the generator.</summary>
    public IReadOnlyList<(string Code, string[] AppliesTo)> General { get; }

    public IEnumerable<Claim> WithPattern(string pattern) =>
        Fraudulent.Where(c => c.Label!.Patterns.Contains(pattern)).Select(c => c.Claim);

    /// <summary>A date well after every timestamp the dataset can hold (SEPs and labs may trail discharge by days).</summary>
    public DateTimeOffset AfterThePeriod => new DateTimeOffset(Options.PeriodEnd.ToDateTime(TimeOnly.MinValue), StayCalendar.JakartaOffset).AddDays(120);

    /// <summary>Whether a procedure is general (appropriate whatever the diagnosis) for a claim with these diagnoses.</summary>
    public bool IsGeneral(string icd9cm, IEnumerable<string> diagnoses) =>
        General.Any(g => g.Code == icd9cm && (g.AppliesTo.Length == 0 || diagnoses.Any(d => g.AppliesTo.Any(p => d.StartsWith(p, StringComparison.Ordinal)))));

    /// <summary>The INA-CBG tariff of a claim over the catalog's for its code and cell: the hospital's tariff-table factor.</summary>
    public double TableFactor(Claim c) =>
        c.InaCbg.Tariff / (double)Catalog.InaCbg.Tariff(c.InaCbg.Code, c.Hospital.Class, c.Hospital.TariffRegion, c.CareClass)!.Value;
}

/// <summary>The rows of general_procedures.csv (code and the ICD-10 prefixes it is general for; none = any).</summary>
internal static class GeneralProcedureRows
{
    public static IReadOnlyList<(string Code, string[] AppliesTo)> Load(string directory)
    {
        var records = CsvReader.ReadFile(Path.Combine(directory, "general_procedures.csv")).ToList();
        var header = records[0].Fields;
        int code = Array.IndexOf(header, "icd9cm"), applies = Array.IndexOf(header, "applies_to");
        return records.Skip(1)
            .Select(r => (r.Fields[code], r.Fields[applies].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
    }
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
