using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Modeling.Registry;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>The notebooks' shared helpers on their own, without a kernel.</summary>
public sealed class WorkbenchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("claimfraud-workbench-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A staging registry holding a copy of the committed model as candidate 1.0.0.</summary>
    private ModelEntry StageCommittedModel()
    {
        var committed = Path.Combine(JupyterSandbox.RepoRoot, "models", "claim-fraud-xgb", "1.0.0");
        var candidate = Path.Combine(_folder, "staging", "claim-fraud-xgb", "1.0.0");
        Directory.CreateDirectory(candidate);
        foreach (var file in Directory.EnumerateFiles(committed)) File.Copy(file, Path.Combine(candidate, Path.GetFileName(file)));
        return ModelHandoff.Candidate(Path.Combine(_folder, "staging"));
    }

    [Fact]
    public void ACandidateKeepsItsVersionWhileFreeThenGetsTheNextOne()
    {
        var candidate = StageCommittedModel();
        var models = Path.Combine(_folder, "models");

        var first = ModelHandoff.Publish(candidate, models);
        var second = ModelHandoff.Publish(candidate, models);

        Assert.Equal("1.0.0", first.Version.ToString());
        Assert.Equal("1.1.0", second.Version.ToString());
        Assert.Equal("1.1.0", ModelRegistry.ReadManifest(second).Version);
        Assert.Equal(File.ReadAllBytes(candidate.ModelPath), File.ReadAllBytes(second.ModelPath));
        Assert.Equal(["claim-fraud-xgb-1.0.0", "claim-fraud-xgb-1.1.0"], ModelHandoff.Versions(models).Select(v => v.ModelVersion));
    }

    [Fact]
    public void PublishingAVersionThatExistsFailsAndChangesNothing()
    {
        var candidate = StageCommittedModel();
        var models = Path.Combine(_folder, "models");
        var published = ModelHandoff.Publish(candidate, models, "2.0.0");
        var manifest = File.ReadAllText(published.ManifestPath);

        var error = Assert.Throws<IOException>(() => ModelHandoff.Publish(candidate, models, "2.0.0"));

        Assert.Contains("already exists", error.Message);
        Assert.Equal(manifest, File.ReadAllText(published.ManifestPath));
    }

    [Fact]
    public void ImportanceIsReadFromThePublishedCsvInItsOrder()
    {
        var candidate = StageCommittedModel();
        var lines = File.ReadAllLines(Path.Combine(candidate.Directory, "importance.csv"));

        var rows = ModelHandoff.Importance(candidate);

        Assert.Equal(lines.Length - 1, rows.Count);
        Assert.Equal(lines[1].Split(',')[0], rows[0].Feature);
        Assert.True(rows.Zip(rows.Skip(1)).All(pair => pair.First.TotalGain >= pair.Second.TotalGain));
    }

    [Fact]
    public void AMissingCandidateNamesTheNotebookThatStagesOne()
    {
        var error = Assert.Throws<ModelLoadException>(() => ModelHandoff.Candidate(Path.Combine(_folder, "nothing-staged")));

        Assert.Contains("run 03-train-evaluate.ipynb first", error.Message);
    }

    [Fact]
    public void AMissingClaimsFileNamesTheNotebookThatWritesIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Workbench.ReadClaims(Path.Combine(_folder, "claims.jsonl")));

        Assert.Contains("run 01-synthetic-data.ipynb first", error.Message);
    }

    [Fact]
    public void RelativePathsAreAnchoredAtTheRepositoryRootAndAbsoluteOnesKept()
    {
        Assert.Equal(Path.Combine(_folder, "data", "claims.jsonl"), Workbench.Resolve(_folder, "data/claims.jsonl"));
        Assert.Equal("/var/tmp/x.jsonl", Workbench.Resolve(_folder, "/var/tmp/x.jsonl"));
        Assert.Throws<InvalidOperationException>(() => Workbench.Resolve(null, "data/claims.jsonl"));
    }

    [Fact]
    public void NikDecodingShowsExamplesNeverTheWholeFile()
    {
        var catalog = Workbench.Catalog(JupyterSandbox.RepoRoot);
        var claim = Workbench.ReadClaim(Path.Combine(JupyterSandbox.RepoRoot, ContractExample.FixturePath));

        var decoded = Assert.Single(DatasetProfile.DecodeNiks([new LabeledClaim(claim, null)], catalog.Areas, count: 5));

        Assert.Equal("Kota Jakarta Selatan", decoded.Regency);
        Assert.Equal(new DateOnly(1997, 9, 14), decoded.BirthDate);
        Assert.True(decoded.AgreesWithPatient);
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetProfile.DecodeNiks([new LabeledClaim(claim, null)], catalog.Areas, count: 51));
    }

    [Fact]
    public void TheContractCheckNamesEveryShortfallOfTheWorkedCase()
    {
        var fine = new ClaimScore
        {
            ClaimId = "CLM-2025-COMBINED-001", ModelVersion = "claim-fraud-xgb-9.9.9", FraudScore = 0.93, RiskScore = 93,
            RiskLevel = "critical", Priority = "urgent", Recommendation = "REJECT_OR_INVESTIGATE",
            Components = new ScoreComponents(0.86, 1), SuspiciousSections = [], Importance = [], Explanation = "",
            RuleViolations = [.. ContractExample.RequiredCodes.Select(c => new RuleViolation(c, "high", 10, "tariff", ""))],
            ScoredAt = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(7)),
        };
        var fallsShort = fine with { FraudScore = 0.78, RiskScore = 78, RiskLevel = "high", Recommendation = "DETAILED_REVIEW", RuleViolations = fine.RuleViolations.Skip(1).ToList() };

        Assert.Empty(ContractExample.Problems(fine));
        var problems = ContractExample.Problems(fallsShort);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("TIMELINE_SEP_AFTER_DISCHARGE", StringComparison.Ordinal));
    }
}
