using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ClaimFraud.Notebooks.Tests;

/// <summary>
/// A private Jupyter setup for one test run: a temporary folder whose JUPYTER_PATH holds a kernelspec
/// "csharp-claimfraud" pointing at the kernel built with these tests (no global install is read or changed), and
/// helpers to run notebooks/run-notebook and scripts in it.
/// </summary>
public sealed class JupyterSandbox : IDisposable
{
    public const string KernelName = "csharp-claimfraud";

    private JupyterSandbox(string folder) => Folder = folder;

    public string Folder { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Runner => Path.Combine(RepoRoot, "notebooks", "run-notebook");

    public static string NotebookPath(string name) => Path.Combine(RepoRoot, "notebooks", name);

    public static JupyterSandbox Create()
    {
        var folder = Directory.CreateTempSubdirectory("claimfraud-notebooks-tests-").FullName;
        var spec = Path.Combine(folder, "jupyter", "kernels", KernelName);
        Directory.CreateDirectory(spec);
        Directory.CreateDirectory(Path.Combine(folder, "runtime"));
        var kernelJson = new JsonObject
        {
            ["argv"] = new JsonArray(DotnetHost(), KernelDll(), "{connection_file}"),
            ["display_name"] = "C# (ClaimFraud) under test",
            ["language"] = "csharp",
            ["interrupt_mode"] = "message",
            ["env"] = new JsonObject { ["CLAIMFRAUD_ROOT"] = RepoRoot },
        };
        File.WriteAllText(Path.Combine(spec, "kernel.json"), kernelJson.ToJsonString());
        return new JupyterSandbox(folder);
    }

    /// <summary>A path inside the sandbox folder.</summary>
    public string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>Runs notebooks/run-notebook with these arguments.</summary>
    public Task<ProcessResult> RunNotebookAsync(IEnumerable<string> arguments, TimeSpan timeout) => RunAsync(Runner, arguments, timeout);

    /// <summary>Runs a command with the sandbox's Jupyter folders; kills it (and its kernel) after the timeout.</summary>
    public async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.Environment["JUPYTER_PATH"] = PathOf("jupyter");
        start.Environment["JUPYTER_DATA_DIR"] = PathOf("jupyter");
        start.Environment["JUPYTER_RUNTIME_DIR"] = PathOf("runtime");
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.\n{await stderr}");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // a kernel that is still shutting down may hold a file for a moment
        catch (UnauthorizedAccessException) { }
    }

    private static string KernelDll()
    {
        // Tests run from tests/ClaimFraud.Notebooks.Tests/bin/<Configuration>/<tfm>/: use the kernel built the same way.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepoRoot, "notebooks", "ClaimFraud.Kernel", "bin", testOutput.Parent!.Name, testOutput.Name, "ClaimFraud.Kernel.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"The kernel is not built at {dll}; build tests/ClaimFraud.Notebooks.Tests first.", dll);
        return dll;
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimFraud.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"ClaimFraud.sln was not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>How a process ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed);
