using System.Reflection;
using ClaimFraud.Charts;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features;
using ClaimFraud.Modeling.Training;
using ClaimFraud.Synthetic;
using ClaimFraud.XGBoost;

namespace ClaimFraud.Notebooks;

/// <summary>
/// What every notebook starts with: repository paths, the reference catalogs, and reading the hand-off files
/// (claims JSONL, a single claim JSON) with errors that say which notebook makes the missing file.
/// </summary>
public static class Workbench
{
    /// <summary>
    /// The project libraries a notebook gets from <c>#r "ClaimFraud.Notebooks"</c>. The kernel makes an assembly's
    /// types visible only when this one references it in metadata, and the compiler drops references nothing uses,
    /// so naming them here keeps <c>using ClaimFraud.XGBoost;</c> and the like working in cells.
    /// </summary>
    public static IReadOnlyList<Assembly> Libraries { get; } =
    [
        typeof(Claim).Assembly,              // ClaimFraud.Domain
        typeof(SyntheticDataset).Assembly,   // ClaimFraud.Synthetic
        typeof(ClaimEvidence).Assembly,      // ClaimFraud.Features
        typeof(TrainingPipeline).Assembly,   // ClaimFraud.Modeling
        typeof(Booster).Assembly,            // ClaimFraud.XGBoost
        typeof(Chart).Assembly,              // ClaimFraud.Charts
    ];

    /// <summary>
    /// An absolute path: <paramref name="path"/> itself when rooted, else relative to the repository root (the
    /// kernel's <c>RepoRoot</c>), so parameters read the same from any working directory.
    /// </summary>
    public static string Resolve(string? repoRoot, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        if (string.IsNullOrEmpty(repoRoot))
            throw new InvalidOperationException($"'{path}' is relative to the repository root, but the kernel does not know the root (set CLAIMFRAUD_ROOT or reinstall the kernel with scripts/install-kernel.sh).");
        return Path.GetFullPath(Path.Combine(repoRoot, path));
    }

    /// <summary>The reference catalogs of this checkout (<c>datasets/reference</c>).</summary>
    public static ReferenceCatalog Catalog(string? repoRoot) => ReferenceCatalog.Load(Resolve(repoRoot, Path.Combine("datasets", "reference")));

    /// <summary>Fails with a message naming the notebook that writes <paramref name="path"/> when it is not there yet.</summary>
    public static string RequireFile(string path, string writtenBy)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist yet: run {writtenBy} first (it writes this file), or point the parameter at another one.", path);
        return path;
    }

    /// <summary>Every claim of a labelled JSONL file (contract §4), in file order; the first bad line stops with its number.</summary>
    public static IReadOnlyList<LabeledClaim> ReadClaims(string path, string writtenBy = "01-synthetic-data.ipynb") =>
        ClaimJsonl.ReadValidFile(RequireFile(path, writtenBy), requireLabel: true).ToList();

    /// <summary>One contract §1 claim from a JSON file (e.g. the seed's worked case), validated.</summary>
    public static Claim ReadClaim(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Claim file {path} does not exist.", path);
        var parsed = ClaimJson.Parse(File.ReadAllText(path));
        return parsed.Claim ?? throw new InvalidDataException($"{path} is not a valid claim: {parsed.Errors}");
    }
}
