using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClaimFraud.Kernel.Tests.Execution;

/// <summary>Compiles small class libraries to disk so cells have real dlls to #r.</summary>
internal static class TestLibraries
{
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    public static string Compile(string folder, string assemblyName, string source, params string[] references)
    {
        Directory.CreateDirectory(folder);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            Framework.Value.Concat(references.Select(r => MetadataReference.CreateFromFile(r))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(folder, assemblyName + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return path;
    }

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "claimfraud-kernel-tests");
    private static int _sweptStale;

    /// <summary>
    /// A fresh folder for this test process. Folders left by earlier test processes (the test
    /// host may be ended without running exit handlers) are removed on first use.
    /// </summary>
    public static string TempFolder(string name)
    {
        if (Interlocked.Exchange(ref _sweptStale, 1) == 0) DeleteStaleFolders();
        var folder = Path.Combine(Root, $"{name}-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void DeleteStaleFolders()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var suffix = folder[(folder.LastIndexOf('-') + 1)..];
            if (!int.TryParse(suffix, out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { } // another test process may be using it after all
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
