using System.Text.Json.Nodes;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>One notebook's headless run: the runner's exit code and output, and the executed notebook it wrote.</summary>
public sealed record NotebookRun(string Name, ProcessResult Process, JsonObject? Executed);

/// <summary>
/// Runs the five notebooks once, in order, through notebooks/run-notebook on a tiny dataset, every path pointed into a
/// temporary folder (the repository's datasets/ and models/ are never written). 05 runs twice to show a second
/// publication makes a new version. Tests of <see cref="NotebookPipelineTests"/> assert on the results.
/// </summary>
public sealed class NotebookPipeline : IAsyncLifetime
{
    public const int Claims = 3000;
    public const int Seed = 7;
    private static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(4);

    private readonly Dictionary<string, NotebookRun> _runs = new(StringComparer.Ordinal);

    public JupyterSandbox Sandbox { get; } = JupyterSandbox.Create();
    public string ClaimsPath => Sandbox.PathOf("data", "claims.jsonl");
    public string FeaturesPath => Sandbox.PathOf("data", "features.csv");
    public string ModelsDir => Sandbox.PathOf("models");
    public string StagingDir => Sandbox.PathOf("staging");

    /// <summary>Model versions in the models folder once 03 had run (before 05 published).</summary>
    public IReadOnlyList<string> VersionsAfterTraining { get; private set; } = [];

    /// <summary>The models folder's manifest of 1.0.0 right after the first publication, to compare after the second.</summary>
    public string? FirstManifest { get; private set; }

    public NotebookRun Run(string name) =>
        _runs.TryGetValue(name, out var run) ? run : throw new Xunit.Sdk.XunitException($"{name} did not run (an earlier notebook failed).");

    public async Task InitializeAsync()
    {
        var steps = new (string Notebook, string RunName, string[] Parameters)[]
        {
            ("01-synthetic-data.ipynb", "01", [$"claims={Claims}", $"seed={Seed}", $"output={ClaimsPath}"]),
            ("02-feature-engineering.ipynb", "02", [$"input={ClaimsPath}", $"output={FeaturesPath}"]),
            ("03-train-evaluate.ipynb", "03", [$"input={ClaimsPath}", $"seed={Seed}", $"datasetSeed={Seed}", $"modelsDir={ModelsDir}", $"stagingDir={StagingDir}"]),
            ("04-feature-importance.ipynb", "04", [$"input={ClaimsPath}", $"stagingDir={StagingDir}"]),
            ("05-export.ipynb", "05", [$"stagingDir={StagingDir}", $"modelsDir={ModelsDir}"]),
            ("05-export.ipynb", "05-again", [$"stagingDir={StagingDir}", $"modelsDir={ModelsDir}"]),
        };
        foreach (var (notebook, runName, parameters) in steps)
        {
            var output = Sandbox.PathOf("executed", $"{runName}.ipynb");
            var arguments = new List<string> { JupyterSandbox.NotebookPath(notebook), "--out", output };
            foreach (var p in parameters) arguments.AddRange(["-p", p]);
            var process = await Sandbox.RunNotebookAsync(arguments, NotebookTimeout);
            _runs[runName] = new NotebookRun(notebook, process, File.Exists(output) ? NotebookJson.Load(output) : null);
            if (runName == "03") VersionsAfterTraining = ListVersions();
            if (runName == "05") FirstManifest = ReadManifest("1.0.0");
            if (process.ExitCode != 0) break;
        }
    }

    public IReadOnlyList<string> ListVersions()
    {
        var folder = Path.Combine(ModelsDir, "claim-fraud-xgb");
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, "manifest.json"))).Select(Path.GetFileName).Order(StringComparer.Ordinal)!]
            : [];
    }

    public string? ReadManifest(string version)
    {
        var path = Path.Combine(ModelsDir, "claim-fraud-xgb", version, "manifest.json");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public Task DisposeAsync()
    {
        Sandbox.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Tests that start the kernel run one at a time: two kernels building the notebooks' library at once would collide.</summary>
[CollectionDefinition(Name)]
public sealed class KernelRuns : ICollectionFixture<NotebookPipeline>
{
    public const string Name = "kernel runs";
}
