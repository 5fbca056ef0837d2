using System.Text.Json.Nodes;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>Reading and making .ipynb JSON in tests.</summary>
public static class NotebookJson
{
    public static JsonObject Load(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    public static IEnumerable<JsonObject> Cells(JsonObject notebook) => notebook["cells"]!.AsArray().Select(c => (JsonObject)c!);

    public static IEnumerable<JsonObject> CodeCells(JsonObject notebook) => Cells(notebook).Where(c => Type(c) == "code");

    public static string Type(JsonObject cell) => cell["cell_type"]!.GetValue<string>();

    /// <summary>nbformat stores multi-line text either as one string or as a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        _ => node.GetValue<string>(),
    };

    public static string Source(JsonObject cell) => Text(cell["source"]);

    public static IReadOnlyList<string> Tags(JsonObject cell) =>
        cell["metadata"]?["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];

    public static IEnumerable<JsonObject> Outputs(JsonObject cell) => cell["outputs"]?.AsArray().Select(o => (JsonObject)o!) ?? [];

    /// <summary>Everything a notebook printed or returned as text (streams, text/plain of results and displays, errors).</summary>
    public static string AllText(JsonObject notebook) => string.Join("\n", CodeCells(notebook).SelectMany(Outputs).Select(o =>
        o["output_type"]!.GetValue<string>() switch
        {
            "stream" => Text(o["text"]),
            "error" => $"{o["ename"]}: {o["evalue"]}",
            _ => Text(o["data"]?["text/plain"]),
        }));

    /// <summary>Every SVG document among a notebook's outputs.</summary>
    public static IReadOnlyList<string> Svgs(JsonObject notebook) =>
        [.. CodeCells(notebook).SelectMany(Outputs).Select(o => o["data"]?["image/svg+xml"]).Where(s => s is not null).Select(Text)];

    /// <summary>A notebook for the C# kernel: cells given as (source, tags).</summary>
    public static JsonObject Make(params (string Source, string[] Tags)[] cells) => new()
    {
        ["cells"] = new JsonArray([.. cells.Select((c, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = $"cell-{i}",
            ["metadata"] = c.Tags.Length == 0 ? new JsonObject() : new JsonObject { ["tags"] = new JsonArray([.. c.Tags.Select(t => (JsonNode)t)]) },
            ["outputs"] = new JsonArray(),
            ["source"] = c.Source,
        })]),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["name"] = JupyterSandbox.KernelName, ["display_name"] = "C# (ClaimFraud)", ["language"] = "csharp" },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };
}
