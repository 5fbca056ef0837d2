using static ClaimFraud.Notebooks.Tests.NotebookJson;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>notebooks/run-notebook running cells on the kernel built with these tests.</summary>
[Collection(KernelRuns.Name)]
public sealed class RunnerExecutionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly JupyterSandbox _sandbox = JupyterSandbox.Create();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task InjectedValuesReachTheKernelExactlyAsGiven()
    {
        var input = _sandbox.PathOf("echo.ipynb");
        File.WriteAllText(input, Make(
            ("var text = \"\";\nlong count = 1;\nvar ratio = 0.5;\nvar flag = false;", ["parameters"]),
            ("Console.Write(string.Join(\"|\", text, count, ratio.ToString(System.Globalization.CultureInfo.InvariantCulture), flag));", [])).ToJsonString());
        var output = _sandbox.PathOf("echo-out.ipynb");
        const string text = "He said \"hi\" \\ C:\\temp\n{braces} $x\tend é 😀";

        var result = await _sandbox.RunNotebookAsync([input, "--out", output, "-p", $"text={text}", "-p", "count=3000000000", "-p", "ratio=1e-3", "-p", "flag=true"], Timeout);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var echo = Cells(Load(output)).Last();
        Assert.Equal($"{text}|3000000000|0.001|True", Text(Assert.Single(Outputs(echo))["text"]));
    }

    [Fact]
    public async Task AFailingCellStopsTheRunReportsTheErrorAndStillWritesTheNotebookSoFar()
    {
        var input = _sandbox.PathOf("fails.ipynb");
        File.WriteAllText(input, Make(
            ("var batch = \"empty\";", ["parameters"]),
            ("throw new InvalidOperationException($\"claim batch is {batch}\");", []),
            ("Console.WriteLine(\"never\");", [])).ToJsonString());
        var output = _sandbox.PathOf("fails-out.ipynb");

        var result = await _sandbox.RunNotebookAsync([input, "--out", output], Timeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("InvalidOperationException: claim batch is empty", result.StdErr);
        Assert.Contains("[2/3] cell 1 FAILED", result.StdErr);
        var cells = CodeCells(Load(output)).ToList();
        Assert.Contains(Outputs(cells[1]), o => o["output_type"]!.GetValue<string>() == "error");
        Assert.Null(cells[2]["execution_count"]);
        Assert.Empty(Outputs(cells[2]));
    }
}
