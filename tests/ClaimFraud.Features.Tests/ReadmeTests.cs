using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Schema;

namespace ClaimFraud.Features.Tests;

/// <summary>features/README.md documents every feature and rule the code has (and the code nothing the README lacks).</summary>
public class ReadmeTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "features", "README.md"));

    [Fact]
    public void TheReadmeHasARowForEveryFeatureInSchemaOrder()
    {
        var rows = Lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(" | `", StringComparison.Ordinal) && char.IsAsciiDigit(l[2])).ToList();
        Assert.Equal(FeatureSchema.Current.Names.Select((n, i) => $"| {i} | `{n}` | {FeatureSchema.Current[i].Kind.ToSchemaName()} |"),
            rows.Select(r => string.Join('|', r.Split('|').Take(4)) + "|"));
    }

    [Fact]
    public void TheReadmeHasARowForEveryRuleWithItsSeverityPointsAndSection()
    {
        var rows = Lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.Equal(RuleCatalog.All.Select(r => $"| `{r.Code}` | {r.SeverityName} | {r.Points} | {r.Section} |"),
            rows.Select(r => string.Join('|', r.Split('|').Take(5)) + "|"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimFraud.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No ClaimFraud.sln above {AppContext.BaseDirectory}.");
    }
}
