using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ClaimFraud.Kernel.Tests.Jupyter;

/// <summary>
/// Everything a test needs to drive the kernel with Debian's real Jupyter client: the kernel dll
/// built with this test run's configuration, a python that has jupyter_client, and a private
/// JUPYTER_PATH whose kernelspec points at that dll (no global install needed).
/// </summary>
internal sealed class JupyterEnvironment
{
    public const string KernelName = "csharp-claimfraud";

    private JupyterEnvironment(string folder, string python)
    {
        Folder = folder;
        Python = python;
    }

    public string Folder { get; }
    public string Python { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static JupyterEnvironment Create(string name)
    {
        var folder = Execution.TestLibraries.TempFolder(name);
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
        return new JupyterEnvironment(folder, FindPython());
    }

    /// <summary>Runs a command with this environment's Jupyter folders; kills it after the timeout.</summary>
    public async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.Environment["JUPYTER_PATH"] = Path.Combine(Folder, "jupyter");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(Folder, "jupyter");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Folder, "runtime");
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
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
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The `jupyter` command that belongs to the python with jupyter_client.</summary>
    public string Jupyter
    {
        get
        {
            var beside = Path.Combine(Path.GetDirectoryName(Python) ?? "", "jupyter");
            return File.Exists(beside) ? beside : "jupyter";
        }
    }

    public static string KernelDll()
    {
        // Tests run from tests/ClaimFraud.Kernel.Tests/bin/<Configuration>/<tfm>/: use the kernel built the same way.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var dll = Path.Combine(RepoRoot, "notebooks", "ClaimFraud.Kernel", "bin", configuration, testOutput.Name, "ClaimFraud.Kernel.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"The kernel is not built at {dll}; build tests/ClaimFraud.Kernel.Tests first.", dll);
        return dll;
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static string FindPython()
    {
        // Debian's python first: a pyenv/venv python3 on PATH usually lacks the Debian packages.
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import jupyter_client, nbformat"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                });
                if (probe is null) continue;
                probe.WaitForExit();
                if (probe.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed; try the next one.
            }
        }
        throw new InvalidOperationException(
            "No python3 with jupyter_client was found. Install Debian's python3-jupyter-client, python3-nbclient and jupyter-nbconvert (scripts/setup.sh does).");
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
