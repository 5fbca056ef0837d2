using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace ClaimFraud.Kernel.Execution;

/// <summary>
/// Resolves <c>#r</c>: a bare project name (<c>#r "ClaimFraud.Synthetic"</c>) becomes that
/// project's build output; anything else (<c>#r "/abs/path/Some.dll"</c>, relative paths)
/// goes to Roslyn's file resolver. A referenced dll's own dependencies are looked up next to it.
/// </summary>
internal sealed class KernelReferenceResolver : MetadataReferenceResolver
{
    private readonly ProjectLibraries? _projects;
    private readonly ScriptMetadataResolver _files;
    private readonly Action<string> _log;
    private readonly HashSet<string> _probeFolders = new(StringComparer.Ordinal);

    public KernelReferenceResolver(ProjectLibraries? projects, string baseDirectory, Action<string> log)
    {
        _projects = projects;
        _log = log;
        _files = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);
    }


    /// <summary>Folders of every dll resolved so far, probed when the runtime misses a dependency.</summary>
    public IReadOnlyCollection<string> ProbeFolders
    {
        get { lock (_probeFolders) return _probeFolders.ToArray(); }
    }

    public override ImmutableArray<PortableExecutableReference> ResolveReference(
        string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var projectName = reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? reference[..^4] : reference;
        if (_projects is not null && IsBareName(projectName) && _projects.IsProject(projectName))
        {
            var dll = _projects.ResolveDll(projectName, _log);
            if (dll is null)
            {
                _log($"{projectName} has no up-to-date build (run `dotnet build` on it, then run this cell again).");
                return [];
            }
            return [Remember(MetadataReference.CreateFromFile(dll, properties))];
        }
        var resolved = _files.ResolveReference(reference, baseFilePath, properties);
        if (resolved.IsDefaultOrEmpty && _projects is not null && projectName.StartsWith("ClaimFraud.", StringComparison.Ordinal) && IsBareName(projectName))
        {
            _log($"No project named {projectName} under {_projects.RepoRoot}. Projects: {string.Join(", ", _projects.ProjectNames)}.");
        }
        foreach (var r in resolved) Remember(r);
        return resolved;
    }

    public override bool ResolveMissingAssemblies => true;

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        if (definition is not PortableExecutableReference { FilePath: { } path }) return null;
        var candidate = Path.Combine(Path.GetDirectoryName(path)!, referenceIdentity.Name + ".dll");
        return File.Exists(candidate) ? Remember(MetadataReference.CreateFromFile(candidate)) : null;
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private PortableExecutableReference Remember(PortableExecutableReference reference)
    {
        if (reference.FilePath is { } path && Path.GetDirectoryName(path) is { } folder)
        {
            lock (_probeFolders) _probeFolders.Add(folder);
        }
        return reference;
    }

    private static bool IsBareName(string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-');
}
