using System.Security.Cryptography;
using ClaimFraud.Domain.IO;
using ClaimFraud.XGBoost;

namespace ClaimFraud.Modeling.Registry;

/// <summary>A published model version on disk: models/&lt;name&gt;/&lt;semver&gt;/.</summary>
public sealed record ModelEntry(string Name, SemVer Version, string Directory)
{
    public string ModelVersion => $"{Name}-{Version}";
    public string ManifestPath => Path.Combine(Directory, "manifest.json");
    public string ModelPath => Path.Combine(Directory, "model.json");
}

/// <summary>A model refused at load: damaged, incomplete, or trained on other features than the code computes.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Everything a new version consists of, before it is published.</summary>
public sealed record ModelPackage(ModelManifest Manifest, byte[] ModelJson, string ImportanceCsv, string MetricsJson);

/// <summary>A loaded, checked model: the booster and its manifest. Dispose to free the native booster.</summary>
public sealed class LoadedModel(ModelEntry entry, ModelManifest manifest, Booster booster) : IDisposable
{
    public ModelEntry Entry { get; } = entry;
    public ModelManifest Manifest { get; } = manifest;
    public Booster Booster { get; } = booster;
    public void Dispose() => Booster.Dispose();
}

/// <summary>
/// The versioned models under one folder. Publishing writes a whole version into a hidden temporary folder and
/// renames it into place, so a reader (the serving app's watcher) never sees half a model.
/// </summary>
public sealed class ModelRegistry(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public IReadOnlyList<ModelEntry> List(string? name = null)
    {
        var entries = new List<ModelEntry>();
        if (!System.IO.Directory.Exists(Root)) return entries;
        foreach (var nameDir in System.IO.Directory.EnumerateDirectories(Root))
        {
            var n = Path.GetFileName(nameDir);
            if (name is not null && n != name) continue;
            foreach (var versionDir in System.IO.Directory.EnumerateDirectories(nameDir))
                if (SemVer.TryParse(Path.GetFileName(versionDir), out var v) && File.Exists(Path.Combine(versionDir, "manifest.json")))
                    entries.Add(new ModelEntry(n, v, versionDir));
        }
        return [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Version)];
    }

    public ModelEntry? Latest(string name) => List(name).LastOrDefault();

    /// <summary>Finds a version by "1.2.0", "name-1.2.0" or "name/1.2.0"; "latest" or null means the newest of <paramref name="name"/>.</summary>
    public ModelEntry Find(string name, string? version)
    {
        if (version is null or "latest")
            return Latest(name) ?? throw new ModelLoadException($"No model named '{name}' under {Root}. Train one (./claimfraud train) or point at another models folder.");
        var v = version;
        if (v.StartsWith(name + "-", StringComparison.Ordinal)) v = v[(name.Length + 1)..];
        if (v.StartsWith(name + "/", StringComparison.Ordinal)) v = v[(name.Length + 1)..];
        if (!SemVer.TryParse(v, out var sv))
            throw new ModelLoadException($"'{version}' is not a model version like 1.2.0 or {name}-1.2.0.");
        return List(name).FirstOrDefault(e => e.Version == sv)
            ?? throw new ModelLoadException($"Model {name} has no version {sv} under {Root} (has: {string.Join(", ", List(name).Select(e => e.Version))}).");
    }

    public static ModelManifest ReadManifest(ModelEntry entry)
    {
        try
        {
            return ModelManifest.FromJson(File.ReadAllText(entry.ManifestPath), entry.ManifestPath);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or NotSupportedException)
        {
            throw new ModelLoadException($"{entry.ManifestPath} is not a readable model manifest: {e.Message}", e);
        }
    }

    /// <summary>Loads and checks a version: its files are whole, and its feature schema is the one the code computes.</summary>
    public LoadedModel Load(ModelEntry entry, string expectedSchemaHash, IReadOnlyList<string>? expectedFeatureNames = null)
    {
        var manifest = ReadManifest(entry);
        if (manifest.FeatureSchema.Hash != expectedSchemaHash)
        {
            var theirs = manifest.FeatureSchema.Features.Select(f => f.Name).ToList();
            string detail = expectedFeatureNames is null ? "" : DescribeDifference(theirs, expectedFeatureNames);
            throw new ModelLoadException(
                $"Model {entry.ModelVersion} was trained on a different feature schema (model {manifest.FeatureSchema.Hash[..12]}…, code {expectedSchemaHash[..Math.Min(12, expectedSchemaHash.Length)]}…){detail}. Retrain it with this code.");
        }
        byte[] bytes;
        try { bytes = File.ReadAllBytes(entry.ModelPath); }
        catch (IOException e) { throw new ModelLoadException($"{entry.ModelPath} cannot be read: {e.Message}", e); }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha != manifest.ModelSha256)
            throw new ModelLoadException($"{entry.ModelPath} does not match its manifest (sha256 {sha[..12]}…, expected {manifest.ModelSha256[..Math.Min(12, manifest.ModelSha256.Length)]}…): the file is damaged or was replaced.");
        Booster booster;
        try { booster = Booster.Load(bytes); }
        catch (XGBoostException e) { throw new ModelLoadException($"{entry.ModelPath} is not a model XGBoost can load: {e.NativeMessage}", e); }
        if (booster.NumFeatures != manifest.FeatureSchema.Features.Count)
        {
            booster.Dispose();
            throw new ModelLoadException($"{entry.ModelPath} expects {booster.NumFeatures} features but its manifest lists {manifest.FeatureSchema.Features.Count}.");
        }
        return new LoadedModel(entry, manifest, booster);
    }

    /// <summary>Writes a new version; refuses to overwrite one that exists (versions are immutable).</summary>
    public ModelEntry Publish(ModelPackage package)
    {
        var m = package.Manifest;
        if (!SemVer.TryParse(m.Version, out var version)) throw new ArgumentException($"'{m.Version}' is not a version like 1.2.0.");
        var nameDir = Path.Combine(Root, m.Name);
        var target = Path.Combine(nameDir, version.ToString());
        if (System.IO.Directory.Exists(target)) throw new IOException($"Model {m.ModelVersion} already exists at {target}; publish a new version instead.");
        System.IO.Directory.CreateDirectory(nameDir);
        var temp = Path.Combine(nameDir, $".{version}.{Environment.ProcessId}.tmp");
        if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, recursive: true);
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            AtomicFile.WriteAllBytes(Path.Combine(temp, "model.json"), package.ModelJson);
            AtomicFile.WriteAllText(Path.Combine(temp, "importance.csv"), package.ImportanceCsv);
            AtomicFile.WriteAllText(Path.Combine(temp, "metrics.json"), package.MetricsJson);
            // The manifest goes last: a folder without one is never listed.
            AtomicFile.WriteAllText(Path.Combine(temp, "manifest.json"), m.ToJson());
            System.IO.Directory.Move(temp, target);
        }
        catch
        {
            try { System.IO.Directory.Delete(temp, recursive: true); } catch (IOException) { }
            throw;
        }
        return new ModelEntry(m.Name, version, target);
    }

    /// <summary>The next free version: one minor step above the latest, or 1.0.0.</summary>
    public SemVer NextVersion(string name) => Latest(name)?.Version.NextMinor() ?? new SemVer(1, 0, 0);

    private static string DescribeDifference(IReadOnlyList<string> model, IReadOnlyList<string> code)
    {
        var missing = code.Except(model).Take(5).ToList();
        var extra = model.Except(code).Take(5).ToList();
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"the model lacks {string.Join(", ", missing)}");
        if (extra.Count > 0) parts.Add($"the code no longer computes {string.Join(", ", extra)}");
        if (parts.Count == 0) parts.Add("same features in another order or of other kinds");
        return ": " + string.Join("; ", parts);
    }
}
