using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ClaimFraud.Kernel.Execution;

/// <summary>
/// Maps a project name (e.g. "ClaimFraud.Synthetic") to its built dll in the repository:
/// the newest bin/{Release,Debug}/net*/Name.dll that is newer than the project's sources
/// (and those of the projects it references), building it in Release when none is.
/// </summary>
public sealed partial class ProjectLibraries(string repoRoot, bool allowBuild)
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", "TestResults"];

    private readonly Lazy<IReadOnlyDictionary<string, string>> _projects = new(() => ScanProjects(repoRoot));
    private readonly Dictionary<string, string> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    public string RepoRoot { get; } = repoRoot;

    /// <summary>Project names (csproj file names) found under the repository, sorted.</summary>
    public IReadOnlyList<string> ProjectNames => _projects.Value.Keys.Order(StringComparer.Ordinal).ToList();

    public bool IsProject(string name) => _projects.Value.ContainsKey(name);

    /// <summary>
    /// The dll for a project, built first when missing or older than its sources. Null when no
    /// project has that name. <paramref name="log"/> receives build progress lines.
    /// </summary>
    public string? ResolveDll(string projectName, Action<string> log)
    {
        if (!_projects.Value.TryGetValue(projectName, out var projectFile)) return null;
        lock (_gate)
        {
            if (_resolved.TryGetValue(projectName, out var known)) return known;
            var dll = FreshBuildOutput(projectFile);
            if (dll is null)
            {
                if (!allowBuild) return null;
                Build(projectFile, log);
                dll = FreshBuildOutput(projectFile)
                    ?? throw new InvalidOperationException($"Building {projectFile} did not produce {Path.GetFileNameWithoutExtension(projectFile)}.dll under bin/.");
            }
            _resolved[projectName] = dll;
            return dll;
        }
    }

    /// <summary>The newest built dll of the project that is newer than every source it depends on.</summary>
    public static string? FreshBuildOutput(string projectFile)
    {
        var name = Path.GetFileNameWithoutExtension(projectFile);
        var bin = Path.Combine(Path.GetDirectoryName(projectFile)!, "bin");
        if (!Directory.Exists(bin)) return null;
        var newestSource = NewestSourceWrite(projectFile, new HashSet<string>(StringComparer.Ordinal));
        return Directory.EnumerateFiles(bin, name + ".dll", SearchOption.AllDirectories)
            .Where(path => IsConfigurationOutput(bin, path))
            .Select(path => (path, written: File.GetLastWriteTimeUtc(path)))
            .Where(candidate => candidate.written >= newestSource)
            .OrderByDescending(candidate => candidate.written)
            .Select(candidate => candidate.path)
            .FirstOrDefault();
    }

    // bin/<Configuration>/<tfm>/Name.dll only: not publish/ or runtime-specific folders.
    private static bool IsConfigurationOutput(string bin, string path)
    {
        var parts = Path.GetRelativePath(bin, path).Split(Path.DirectorySeparatorChar);
        return parts.Length == 3 && parts[1].StartsWith("net", StringComparison.Ordinal);
    }

    private static DateTime NewestSourceWrite(string projectFile, HashSet<string> seen)
    {
        if (!seen.Add(Path.GetFullPath(projectFile)) || !File.Exists(projectFile)) return DateTime.MinValue;
        var folder = Path.GetDirectoryName(projectFile)!;
        var newest = File.GetLastWriteTimeUtc(projectFile);
        foreach (var file in SourceFiles(folder))
        {
            var written = File.GetLastWriteTimeUtc(file);
            if (written > newest) newest = written;
        }
        foreach (Match reference in ProjectReferencePattern().Matches(File.ReadAllText(projectFile)))
        {
            var referenced = Path.GetFullPath(Path.Combine(folder, reference.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar)));
            var written = NewestSourceWrite(referenced, seen);
            if (written > newest) newest = written;
        }
        return newest;
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal)) yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(child))) continue;
            foreach (var file in SourceFiles(child)) yield return file;
        }
    }

    private static IReadOnlyDictionary<string, string> ScanProjects(string root)
    {
        var projects = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(folder, "*.csproj"))
            {
                projects.TryAdd(Path.GetFileNameWithoutExtension(file), file);
            }
            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(child);
                if (!SkippedFolders.Contains(name) && !name.StartsWith('.')) pending.Push(child);
            }
        }
        return projects;
    }

    private static void Build(string projectFile, Action<string> log)
    {
        log($"Building {Path.GetFileNameWithoutExtension(projectFile)} (Release) for this notebook…");
        var start = new ProcessStartInfo(DotnetHost(), ["build", projectFile, "-c", "Release", "--nologo", "-v", "q", "-clp:NoSummary"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start `dotnet build`.");
        process.OutputDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) log(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) log(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`dotnet build {projectFile} -c Release` failed with exit code {process.ExitCode}.");
    }

    // The kernel runs as `dotnet ClaimFraud.Kernel.dll`: reuse that same host for builds.
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    [GeneratedRegex("<ProjectReference\\s+Include=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectReferencePattern();
}
