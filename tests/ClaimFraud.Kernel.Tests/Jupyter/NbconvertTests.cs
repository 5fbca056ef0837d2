using System.Text.Json.Nodes;

namespace ClaimFraud.Kernel.Tests.Jupyter;

public class NbconvertTests
{
    private static JsonObject Notebook(params string[] cells) => new()
    {
        ["cells"] = new JsonArray(cells.Select((source, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = $"cell-{i}",
            ["metadata"] = new JsonObject(),
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        }).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["name"] = JupyterEnvironment.KernelName, ["display_name"] = "C# (ClaimFraud)", ["language"] = "csharp" },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private static async Task<(int ExitCode, string StdErr, JsonObject? Executed)> Execute(string name, JsonObject notebook)
    {
        var environment = JupyterEnvironment.Create(name);
        var input = Path.Combine(environment.Folder, "input.ipynb");
        await File.WriteAllTextAsync(input, notebook.ToJsonString());

        var (exitCode, _, stderr) = await environment.RunAsync(environment.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", input, "--output", "executed.ipynb", "--ExecutePreprocessor.timeout=120"],
            TimeSpan.FromMinutes(3));

        var output = Path.Combine(environment.Folder, "executed.ipynb");
        return (exitCode, stderr, File.Exists(output) ? (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(output))! : null);
    }

    [Fact]
    public async Task NbconvertExecutesANotebookAndKeepsStreamResultAndDisplayOutputs()
    {
        var (exitCode, stderr, executed) = await Execute("nbconvert-ok", Notebook(
            "var answer = 6 * 7;\nConsole.WriteLine($\"answer = {answer}\");",
            "answer + 1",
            "display(html(\"<b>bold</b>\"));"));

        Assert.True(exitCode == 0, stderr);
        var cells = executed!["cells"]!.AsArray();
        var stream = Assert.Single(cells[0]!["outputs"]!.AsArray())!;
        Assert.Equal("stream", stream["output_type"]!.GetValue<string>());
        Assert.Equal("answer = 42\n", Text(stream["text"]!));
        var result = Assert.Single(cells[1]!["outputs"]!.AsArray())!;
        Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
        Assert.Equal("43", Text(result["data"]!["text/plain"]!));
        var display = Assert.Single(cells[2]!["outputs"]!.AsArray())!;
        Assert.Equal("display_data", display["output_type"]!.GetValue<string>());
        Assert.Equal("<b>bold</b>", Text(display["data"]!["text/html"]!));
        Assert.Equal("csharp", executed["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal(".cs", executed["metadata"]!["language_info"]!["file_extension"]!.GetValue<string>());
    }

    [Fact]
    public async Task NbconvertStopsAtAFailingCellAndReportsItsLine()
    {
        var (exitCode, stderr, _) = await Execute("nbconvert-error", Notebook(
            "var ok = 1;",
            "var alsoOk = ok;\n\nthrow new InvalidOperationException(\"claim batch is empty\");",
            "Console.WriteLine(\"never\");"));

        Assert.NotEqual(0, exitCode);
        // nbclient prints the cell's source, then the kernel's error and traceback.
        Assert.Contains("InvalidOperationException: claim batch is empty", stderr);
        Assert.Contains("at cell 2, line 3", stderr);
    }

    // nbformat stores multi-line text either as one string or as a list of lines.
    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();
}
