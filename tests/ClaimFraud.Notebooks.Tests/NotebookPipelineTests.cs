using System.Text.Json.Nodes;
using System.Xml.Linq;
using static ClaimFraud.Notebooks.Tests.NotebookJson;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>All five notebooks run headless on a tiny dataset (see <see cref="NotebookPipeline"/>).</summary>
[Collection(KernelRuns.Name)]
public sealed class NotebookPipelineTests(NotebookPipeline pipeline)
{
    private JsonObject Executed(string runName)
    {
        var run = pipeline.Run(runName);
        Assert.True(run.Process.ExitCode == 0, $"{run.Name} failed (exit {run.Process.ExitCode}):\n{run.Process.StdErr}");
        return run.Executed ?? throw new Xunit.Sdk.XunitException($"{run.Name} ran but wrote no executed notebook.");
    }

    [Theory]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("03")]
    [InlineData("04")]
    [InlineData("05")]
    public void EveryNotebookRunsHeadlessWithEveryCellExecutedAndNoError(string runName)
    {
        var notebook = Executed(runName);

        foreach (var cell in CodeCells(notebook))
        {
            Assert.True(cell["execution_count"] is JsonValue, $"cell {cell["id"]} of {runName} did not run");
            Assert.DoesNotContain(Outputs(cell), o => o["output_type"]!.GetValue<string>() == "error");
        }
    }

    [Fact]
    public void TheSyntheticDataNotebookWritesTheRequestedNumberOfLabelledClaims()
    {
        Executed("01");

        var lines = File.ReadAllLines(pipeline.ClaimsPath);
        Assert.Equal(NotebookPipeline.Claims, lines.Length);
        Assert.All(lines, line => Assert.NotNull(JsonNode.Parse(line)!["label"]?["is_fraud"]));
        Assert.Contains(lines, line => JsonNode.Parse(line)!["label"]!["is_fraud"]!.GetValue<bool>());
    }

    [Fact]
    public void TheRunnerRecordsItsOverridesInACellRightAfterTheParameters()
    {
        var cells = Cells(Executed("01")).ToList();

        int parameters = cells.FindIndex(c => Tags(c).Contains("parameters"));
        var injected = cells[parameters + 1];
        Assert.Equal(["injected-parameters"], Tags(injected));
        Assert.Contains($"claims = {NotebookPipeline.Claims};", Source(injected));
        Assert.Contains($"output = \"{pipeline.ClaimsPath}\";", Source(injected));
    }

    [Fact]
    public void TheFeatureNotebookWritesOneCsvRowPerClaimWithTheLabel()
    {
        Executed("02");

        var lines = File.ReadAllLines(pipeline.FeaturesPath);
        Assert.Equal(NotebookPipeline.Claims + 1, lines.Length);
        Assert.StartsWith("claim_id,tindakan_validity_score,", lines[0]);
        Assert.EndsWith(",is_fraud,patterns", lines[0]);
    }

    [Fact]
    public void TheTrainingNotebookDrawsItsCurvesAndDiagramsAsSvg()
    {
        var svgs = Svgs(Executed("03"));

        // Training curve, ROC, precision–recall, confusion matrix, recall per pattern, reliability before and after.
        Assert.True(svgs.Count >= 7, $"03 produced {svgs.Count} SVG outputs");
        Assert.All(svgs, svg => Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName));
        Assert.Contains(svgs, svg => svg.Contains("Early stopping", StringComparison.Ordinal));
        Assert.Contains(svgs, svg => svg.Contains("Before calibration", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTrainingNotebookStagesACandidateWithoutTouchingTheModelsFolder()
    {
        Executed("03");

        Assert.Empty(pipeline.VersionsAfterTraining);
        Assert.True(File.Exists(Path.Combine(pipeline.StagingDir, "claim-fraud-xgb", "1.0.0", "manifest.json")));
    }

    [Fact]
    public void TheImportanceNotebookExplainsTheWorkedCaseInBahasaIndonesia()
    {
        var notebook = Executed("04");
        var text = AllText(notebook);

        Assert.Contains("\"claim_id\": \"CLM-2025-COMBINED-001\"", text);
        Assert.Contains("Risiko kritis", text);
        // Gain, cover, weight, the worked case's contributions and two generated claims'.
        Assert.True(Svgs(notebook).Count >= 6, $"04 produced {Svgs(notebook).Count} SVG outputs");
    }

    [Fact]
    public void TheExportNotebookPublishesTheCandidateAndScoresTheWorkedCaseCritical()
    {
        var text = AllText(Executed("05"));

        Assert.Contains("published claim-fraud-xgb-1.0.0", text);
        Assert.Contains("\"risk_level\": \"critical\"", text);
        Assert.Contains("CLM-2025-COMBINED-001: critical", text);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(pipeline.StagingDir, "claim-fraud-xgb", "1.0.0", "model.json")),
            File.ReadAllBytes(Path.Combine(pipeline.ModelsDir, "claim-fraud-xgb", "1.0.0", "model.json")));
    }

    [Fact]
    public void PublishingAgainMakesANewVersionAndLeavesTheFirstAsItWas()
    {
        var text = AllText(Executed("05-again"));

        Assert.Contains("published claim-fraud-xgb-1.1.0", text);
        Assert.Equal(["1.0.0", "1.1.0"], pipeline.ListVersions());
        Assert.Equal(pipeline.FirstManifest, pipeline.ReadManifest("1.0.0"));
    }
}
