using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using static ClaimFraud.Notebooks.Tests.NotebookJson;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>The notebooks as committed: no stale outputs, the agreed shape, and helpers kept in ClaimFraud.Notebooks.</summary>
public sealed partial class CommittedNotebookTests
{
    private static IReadOnlyList<string> NotebookNames() =>
        [.. Directory.EnumerateFiles(Path.Combine(JupyterSandbox.RepoRoot, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static TheoryData<string> Notebooks() => new(NotebookNames());

    private static JsonObject Committed(string name) => Load(JupyterSandbox.NotebookPath(name));

    [Fact]
    public void TheFiveNumberedNotebooksAreThere()
    {
        Assert.Equal(
            ["01-synthetic-data.ipynb", "02-feature-engineering.ipynb", "03-train-evaluate.ipynb", "04-feature-importance.ipynb", "05-export.ipynb"],
            NotebookNames());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ACommittedNotebookCarriesNoOutputsOrExecutionCounts(string name)
    {
        foreach (var cell in CodeCells(Committed(name)))
        {
            Assert.True(cell["execution_count"] is null, $"{name}: cell {cell["id"]} has an execution count (run scripts/strip-notebooks.sh)");
            Assert.True(!Outputs(cell).Any(), $"{name}: cell {cell["id"]} has outputs (run scripts/strip-notebooks.sh)");
            Assert.DoesNotContain("injected-parameters", Tags(cell));
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ANotebookOpensWithATitleAndLearningGoalsThenItsParameters(string name)
    {
        var notebook = Committed(name);
        var cells = Cells(notebook).ToList();

        Assert.Equal("markdown", Type(cells[0]));
        Assert.StartsWith("# ", Source(cells[0]));
        Assert.Contains("In this notebook you will learn", Source(cells[0]));
        Assert.Equal(["parameters"], Tags(CodeCells(notebook).First()));
        Assert.Equal(JupyterSandbox.KernelName, notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EachSectionIsAMarkdownHeadingFollowedByAShortCodeCell(string name)
    {
        var cells = Cells(Committed(name)).ToList();

        for (int i = 1; i < cells.Count; i++)
        {
            if (Type(cells[i]) != "code") continue;
            if (Tags(cells[i]).Contains("parameters")) continue;
            Assert.True(Type(cells[i - 1]) == "markdown" && Source(cells[i - 1]).StartsWith("## ", StringComparison.Ordinal),
                $"{name}: code cell {cells[i]["id"]} does not follow a markdown cell opening a ## section");
            int lines = Source(cells[i]).Split('\n').Length;
            Assert.True(lines <= 12, $"{name}: code cell {cells[i]["id"]} has {lines} lines; move logic into ClaimFraud.Notebooks");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ANotebookDeclaresNoTypesOrMethodsOfItsOwn(string name)
    {
        foreach (var cell in CodeCells(Committed(name)))
        {
            var source = Source(cell);
            Assert.False(TypeDeclaration().IsMatch(source), $"{name}: cell {cell["id"]} declares a type; shared helpers belong in notebooks/ClaimFraud.Notebooks");
            Assert.False(MethodDeclaration().IsMatch(source), $"{name}: cell {cell["id"]} declares a method; shared helpers belong in notebooks/ClaimFraud.Notebooks");
        }
    }

    [Fact]
    public async Task TheStripScriptFindsNothingToStripInTheCommittedNotebooks()
    {
        using var sandbox = JupyterSandbox.Create();

        var result = await sandbox.RunAsync(Path.Combine(JupyterSandbox.RepoRoot, "scripts", "strip-notebooks.sh"), ["--check"], TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.StdErr);
    }

    [Fact]
    public async Task TheStripScriptRemovesOutputsCountsTimingAndInjectedCells()
    {
        using var sandbox = JupyterSandbox.Create();
        var notebook = Make(("var claims = 10;", ["parameters"]), ("claims = 5;", ["injected-parameters"]), ("claims", []));
        var last = (JsonObject)notebook["cells"]![2]!;
        last["execution_count"] = 4;
        last["metadata"] = new JsonObject { ["execution"] = new JsonObject { ["iopub.status.busy"] = "2026-01-01T00:00:00Z" } };
        last["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "5\n" });
        var path = sandbox.PathOf("executed.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        var script = Path.Combine(JupyterSandbox.RepoRoot, "scripts", "strip-notebooks.sh");

        var check = await sandbox.RunAsync(script, ["--check", path], TimeSpan.FromMinutes(1));
        var strip = await sandbox.RunAsync(script, [path], TimeSpan.FromMinutes(1));

        Assert.Equal(1, check.ExitCode);
        Assert.True(strip.ExitCode == 0, strip.StdErr);
        var stripped = Load(path);
        Assert.Equal(2, Cells(stripped).Count());
        Assert.All(CodeCells(stripped), c => Assert.True(c["execution_count"] is null && !Outputs(c).Any() && c["metadata"]!["execution"] is null));
        Assert.Equal(0, (await sandbox.RunAsync(script, ["--check", path], TimeSpan.FromMinutes(1))).ExitCode);
    }

    [GeneratedRegex(@"\b(class|record|struct|interface|enum)\s+[A-Z]\w*")]
    private static partial Regex TypeDeclaration();

    // "Type Name(…) {" or "Type Name(…) =>" at the start of a line: a method or local function.
    [GeneratedRegex(@"^\s*(static\s+)?(async\s+)?[\w<>\[\],?.]+\s+[A-Za-z_]\w*\s*\([^;]*\)\s*(\{|=>)", RegexOptions.Multiline)]
    private static partial Regex MethodDeclaration();
}
