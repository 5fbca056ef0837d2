using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClaimFraud.Features.Schema;
using ClaimFraud.Modeling.Registry;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>The model committed to the repository (models/claim-fraud-xgb/&lt;version&gt;/) and copies of it to change.</summary>
public static class TestModels
{
    public const string Name = "claim-fraud-xgb";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The repository's models/ folder, or $CLAIMFRAUD_MODELS_DIR when set (as the app itself reads it).</summary>
    public static string RepositoryModels =>
        Environment.GetEnvironmentVariable("CLAIMFRAUD_MODELS_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(RepositoryRoot, "models");

    /// <summary>
    /// The version git tracks. The models folder may also hold versions published locally (./scripts/main.sh and the
    /// notebooks publish one; they are gitignored), so the tests name theirs instead of taking the newest: their
    /// expected levels belong to this model.
    /// </summary>
    public const string CommittedVersion = "1.0.0";

    /// <summary>The committed version; fails the test with a clear message when it is missing or stale.</summary>
    public static ModelEntry Committed()
    {
        ModelEntry? entry = null;
        try { entry = new ModelRegistry(RepositoryModels).Find(Name, CommittedVersion); }
        catch (ModelLoadException)
        {
            Assert.Fail($"The committed model {Name} {CommittedVersion} is not under {RepositoryModels}/{Name}/ (git checkout models/ restores it).");
        }
        var hash = ModelRegistry.ReadManifest(entry!).FeatureSchema.Hash;
        if (hash != FeatureSchema.Current.Hash)
            Assert.Fail($"The committed model {entry!.ModelVersion} was trained on feature schema {hash[..12]}…, but the code now computes " +
                        $"{FeatureSchema.Current.Hash[..12]}…, so the app refuses it. Retrain and publish it (./claimfraud train).");
        return entry!;
    }

    /// <summary>A models folder holding only a copy of the committed version, as <paramref name="version"/>.</summary>
    public static string CopyToFolder(TempDirectory temp, string version = "1.0.0")
    {
        var root = Path.Combine(temp.Path, "models");
        Publish(root, version);
        return root;
    }

    /// <summary>
    /// Publishes the committed model as <paramref name="version"/> under <paramref name="root"/> the way the registry
    /// does (whole folder renamed into place), after letting <paramref name="change"/> edit the manifest JSON and the
    /// model bytes. Without a change the copy is a valid model.
    /// </summary>
    public static string Publish(string root, string version, Action<JsonObject, byte[]>? change = null)
    {
        var source = Committed();
        var manifest = JsonNode.Parse(File.ReadAllText(source.ManifestPath))!.AsObject();
        manifest["version"] = version;
        var model = File.ReadAllBytes(source.ModelPath);
        change?.Invoke(manifest, model);

        var nameDir = Path.Combine(root, Name);
        Directory.CreateDirectory(nameDir);
        var temp = Path.Combine(nameDir, $".{version}.tmp");
        Directory.CreateDirectory(temp);
        foreach (var file in Directory.EnumerateFiles(source.Directory))
        {
            var name = Path.GetFileName(file);
            if (name is "manifest.json" or "model.json") continue;
            File.Copy(file, Path.Combine(temp, name));
        }
        File.WriteAllBytes(Path.Combine(temp, "model.json"), model);
        File.WriteAllText(Path.Combine(temp, "manifest.json"), manifest.ToJsonString());
        var target = Path.Combine(nameDir, version);
        Directory.Move(temp, target);
        return target;
    }

    /// <summary>model.json with bytes changed in the middle, its manifest still naming the original checksum.</summary>
    public static void DamageModelFile(JsonObject manifest, byte[] model)
    {
        for (int i = model.Length / 2; i < model.Length / 2 + 64 && i < model.Length; i++) model[i] = (byte)'#';
    }

    /// <summary>model.json that is not a model at all, with a manifest checksum that matches it (so XGBoost itself must refuse it).</summary>
    public static void ReplaceModelWithGarbage(JsonObject manifest, byte[] model)
    {
        Array.Fill(model, (byte)'x');
        manifest["model_sha256"] = Convert.ToHexStringLower(SHA256.HashData(model));
    }

    /// <summary>A manifest claiming another feature schema than the code computes.</summary>
    public static void OtherFeatureSchema(JsonObject manifest, byte[] model)
    {
        manifest["feature_schema"]!["hash"] = new string('0', 64);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClaimFraud.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ClaimFraud.sln not found above {AppContext.BaseDirectory}");
    }
}
