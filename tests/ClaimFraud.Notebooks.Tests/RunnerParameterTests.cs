using System.Text.Json.Nodes;
using static ClaimFraud.Notebooks.Tests.NotebookJson;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>notebooks/run-notebook's parameter handling, checked with --prepare-only (no kernel starts).</summary>
public sealed class RunnerParameterTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly JupyterSandbox _sandbox = JupyterSandbox.Create();
    private int _files;

    public void Dispose() => _sandbox.Dispose();

    private async Task<(ProcessResult Result, JsonObject? Prepared)> Prepare(string notebook, params string[] parameters)
    {
        var output = _sandbox.PathOf($"prepared-{Interlocked.Increment(ref _files)}.ipynb");
        var arguments = new List<string> { notebook, "--out", output, "--prepare-only" };
        foreach (var p in parameters) arguments.AddRange(["-p", p]);
        var result = await _sandbox.RunNotebookAsync(arguments, Timeout);
        return (result, File.Exists(output) ? Load(output) : null);
    }

    private string Write(JsonObject notebook)
    {
        var path = _sandbox.PathOf($"input-{Interlocked.Increment(ref _files)}.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    private static string Injected(JsonObject notebook) =>
        Source(Assert.Single(Cells(notebook), c => Tags(c).Contains("injected-parameters")));

    [Fact]
    public async Task OverridesBecomeCSharpAssignmentsInACellAfterTheParameters()
    {
        var notebook = Write(Make(
            ("var count = 10;\nlong big = 1;\nvar rate = 0.15;\nvar strict = false;\nvar path = \"a.jsonl\";", ["parameters"]),
            ("Console.WriteLine(count);", [])));

        var (result, prepared) = await Prepare(notebook, "count=3000", "big=3000000000", "rate=1e-3", "strict=true", "path=out/x y.jsonl");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var cells = Cells(prepared!).ToList();
        Assert.Equal(["injected-parameters"], Tags(cells[1]));
        Assert.Equal(
            "// Injected by notebooks/run-notebook\ncount = 3000;\nbig = 3000000000;\nrate = 1e-3;\nstrict = true;\npath = \"out/x y.jsonl\";",
            Injected(prepared!));
    }

    [Fact]
    public async Task StringValuesAreEscapedAsCSharpLiterals()
    {
        var notebook = Write(Make(("var text = \"\";", ["parameters"])));

        var (result, prepared) = await Prepare(notebook, "text=say \"hi\" C:\\temp\nnext\ttab");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.EndsWith("text = \"say \\\"hi\\\" C:\\\\temp\\nnext\\ttab\";", Injected(prepared!));
    }

    [Fact]
    public async Task AStringParameterStaysAStringWhenTheValueLooksLikeANumber()
    {
        var (result, prepared) = await Prepare(JupyterSandbox.NotebookPath("05-export.ipynb"), "version=2");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.EndsWith("version = \"2\";", Injected(prepared!));
    }

    [Fact]
    public async Task AnUnknownParameterIsRefusedNamingTheNotebooksParameters()
    {
        var (result, prepared) = await Prepare(JupyterSandbox.NotebookPath("01-synthetic-data.ipynb"), "claimz=10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no parameter claimz; its parameters are: claims, seed, fraudRate, output", result.StdErr);
        Assert.Null(prepared);
    }

    [Fact]
    public async Task ANumberParameterRefusesText()
    {
        var (result, prepared) = await Prepare(JupyterSandbox.NotebookPath("01-synthetic-data.ipynb"), "claims=many");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("claims is a number", result.StdErr);
        Assert.Null(prepared);
    }

    [Fact]
    public async Task OverridesNeedACellTaggedParameters()
    {
        var notebook = Write(Make(("var claims = 10;", [])));

        var (result, prepared) = await Prepare(notebook, "claims=5");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no code cell tagged 'parameters'", result.StdErr);
        Assert.Null(prepared);
    }

    [Fact]
    public async Task DeclarationsInCommentsAndStringsAreNotParameters()
    {
        var notebook = Write(Make(("// var hidden = 1;\n/* var alsoHidden = 2; */\nvar note = \"var inside = 3;\"; var real = 4;", ["parameters"])));

        var (result, _) = await Prepare(notebook, "hidden=5");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("its parameters are: note, real", result.StdErr);
    }

    [Fact]
    public async Task PreparingAnExecutedNotebookReplacesItsInjectedCellAndDropsItsOutputs()
    {
        var executed = Make(
            ("var claims = 10;", ["parameters"]),
            ("// Injected by notebooks/run-notebook\nclaims = 5;", ["injected-parameters"]),
            ("claims", []));
        var last = (JsonObject)executed["cells"]![2]!;
        last["execution_count"] = 3;
        last["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = 3, ["data"] = new JsonObject { ["text/plain"] = "5" }, ["metadata"] = new JsonObject() });

        var (result, prepared) = await Prepare(Write(executed), "claims=7");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.EndsWith("claims = 7;", Injected(prepared!));
        Assert.Equal(3, Cells(prepared!).Count());
        Assert.All(CodeCells(prepared!), c => Assert.Empty(Outputs(c)));
    }

    [Fact]
    public async Task TheSyntheticDataNotebookTakesTheContractsParameters()
    {
        var (result, prepared) = await Prepare(JupyterSandbox.NotebookPath("01-synthetic-data.ipynb"), "claims=100", "seed=9", "output=/tmp/x.jsonl");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("output = \"/tmp/x.jsonl\";", Injected(prepared!));
    }
}
