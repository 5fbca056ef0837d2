using System.Globalization;
using System.Security.Cryptography;
using ClaimFraud.Features;
using ClaimFraud.Features.Schema;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Scoring;
using ClaimFraud.Modeling.Training;

namespace ClaimFraud.Notebooks;

/// <summary>One published version as the registry listing shows it (<paramref name="Created"/>: ISO date and time with offset).</summary>
public sealed record VersionRow(string ModelVersion, string Created, string? Dataset, long? DatasetSeed, long Claims,
    string? Split, double? TestPrAuc, double? TestRocAuc, double? CombinedPrAuc);

/// <summary>
/// How a trained model travels between notebooks. 03 stages the candidate in a staging registry (a folder of its own,
/// e.g. artifacts/notebooks/staging) under the version it would get in the real registry; 04 explains the staged
/// candidate; 05 publishes it into the real registry (models/) as a new version, never over an existing one.
/// </summary>
public static class ModelHandoff
{
    public const string DefaultModelName = "claim-fraud-xgb";

    /// <summary>Where the training data came from, for the manifest: file name, the seed it was generated with, SHA-256.</summary>
    public static ManifestDataset DatasetOf(string jsonlPath, long? seed)
    {
        using var file = File.OpenRead(jsonlPath);
        return new ManifestDataset { Source = Path.GetFileName(jsonlPath), Seed = seed, Sha256 = Convert.ToHexStringLower(SHA256.HashData(file)) };
    }

    /// <summary>
    /// Writes the run into the staging registry as the next version of <paramref name="modelsDir"/>. A candidate staged
    /// earlier under that same version (03 run again before 05 published) is replaced; nothing in <paramref name="modelsDir"/> is touched.
    /// </summary>
    public static ModelEntry Stage(TrainingRun run, ManifestDataset dataset, string stagingDir, string modelsDir, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(run);
        var staging = new ModelRegistry(stagingDir);
        var models = new ModelRegistry(modelsDir);
        if (string.Equals(staging.Root.TrimEnd(Path.DirectorySeparatorChar), models.Root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            throw new ArgumentException($"The staging folder must not be the models folder ({models.Root}): staging replaces candidates, the registry never replaces a version.");
        var version = models.NextVersion(run.Options.ModelName);
        var stale = staging.List(run.Options.ModelName).FirstOrDefault(e => e.Version == version);
        if (stale is not null) Directory.Delete(stale.Directory, recursive: true);
        return ModelPublisher.Publish(run, staging, dataset, version.ToString(), createdAt);
    }

    /// <summary>The newest candidate in the staging registry.</summary>
    public static ModelEntry Candidate(string stagingDir, string name = DefaultModelName) =>
        new ModelRegistry(stagingDir).Latest(name)
        ?? throw new ModelLoadException($"No staged {name} candidate under {Path.GetFullPath(stagingDir)}: run 03-train-evaluate.ipynb first (it stages one).");

    /// <summary>Loads a version and checks it against the features this code computes (the same checks serving makes).</summary>
    public static FraudModel Load(ModelEntry entry) =>
        new(new ModelRegistry(Path.GetDirectoryName(Path.GetDirectoryName(entry.Directory))!)
            .Load(entry, FeatureSchema.Current.Hash, FeatureSchema.Current.Names));

    /// <summary>A scorer over a loaded model: the one scoring path serving and the CLI use.</summary>
    public static ClaimScorer Scorer(ClaimEvidence evidence, FraudModel model) => new(evidence, model);

    /// <summary>
    /// Publishes a staged candidate into <paramref name="modelsDir"/>: as <paramref name="version"/> when given, else
    /// as the candidate's own version while that is still free, else as the next free version. The model file is
    /// copied unchanged (its SHA-256 in the manifest still holds); only the manifest's version changes.
    /// </summary>
    public static ModelEntry Publish(ModelEntry candidate, string modelsDir, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var registry = new ModelRegistry(modelsDir);
        SemVer target;
        if (!string.IsNullOrWhiteSpace(version)) target = SemVer.Parse(version);
        else if (registry.List(candidate.Name).All(e => e.Version.CompareTo(candidate.Version) < 0)) target = candidate.Version;
        else target = registry.NextVersion(candidate.Name);

        var manifest = ModelRegistry.ReadManifest(candidate);
        var package = new ModelPackage(manifest with { Version = target.ToString() },
            File.ReadAllBytes(candidate.ModelPath),
            File.ReadAllText(Path.Combine(candidate.Directory, "importance.csv")),
            File.ReadAllText(Path.Combine(candidate.Directory, "metrics.json")));
        return registry.Publish(package);
    }

    /// <summary>Global importance as published beside the model (importance.csv), in its order (total gain, highest first).</summary>
    public static IReadOnlyList<ImportanceRow> Importance(ModelEntry entry)
    {
        var path = Path.Combine(entry.Directory, "importance.csv");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "feature,gain,total_gain,cover,weight")
            throw new InvalidDataException($"{path} does not start with the header feature,gain,total_gain,cover,weight.");
        var rows = new List<ImportanceRow>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 5) throw new InvalidDataException($"{path}:{i + 1}: expected 5 fields, found {f.Length}.");
            rows.Add(new ImportanceRow(f[0], Number(f[1], path, i), Number(f[2], path, i), Number(f[3], path, i), Number(f[4], path, i)));
        }
        return rows;
    }

    /// <summary>The versions of a model in a registry, oldest first, with their headline metrics.</summary>
    public static IReadOnlyList<VersionRow> Versions(string modelsDir, string name = DefaultModelName) =>
        [.. new ModelRegistry(modelsDir).List(name).Select(e =>
        {
            var m = ModelRegistry.ReadManifest(e);
            double? Metric(string key) => m.Metrics.TryGetValue(key, out var v) ? Math.Round(v, 4) : null;
            return new VersionRow(m.ModelVersion, m.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), m.Dataset.Source, m.Dataset.Seed, m.Dataset.Claims, m.Dataset.Split,
                Metric("test_pr_auc"), Metric("test_roc_auc"), Metric("combined_pr_auc"));
        })];

    private static double Number(string s, string path, int line) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"{path}:{line + 1}: '{s}' is not a number.");
}
