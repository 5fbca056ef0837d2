using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimFraud.Modeling.Calibration;
using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Modeling.Registry;

/// <summary>One feature as the model was trained on it, in column order.</summary>
public sealed record ManifestFeature(string Name, string Kind, string Description);

public sealed record ManifestSchema(string Hash, IReadOnlyList<ManifestFeature> Features);

/// <summary>Where the training data came from, so a model can be traced to (and rebuilt from) its dataset.</summary>
public sealed record ManifestDataset
{
    public string? Source { get; init; }
    public long? Seed { get; init; }
    public long Claims { get; init; }
    public long FraudClaims { get; init; }
    public string? Sha256 { get; init; }
    public string? Split { get; init; }
}

/// <summary>manifest.json of a versioned model: everything needed to load, check and explain it.</summary>
public sealed record ModelManifest
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    /// <summary>The name scores carry in model_version, e.g. claim-fraud-xgb-1.0.0.</summary>
    public string ModelVersion => $"{Name}-{Version}";
    public required DateTimeOffset CreatedAt { get; init; }
    public required ManifestSchema FeatureSchema { get; init; }
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    /// <summary>Features in the schema that the trees were not allowed to use (their attribution is always 0).</summary>
    public IReadOnlyList<string> ExcludedFeatures { get; init; } = [];
    public required int BestIteration { get; init; }
    public required Calibrator Calibration { get; init; }
    /// <summary>Calibrated model probability from which the model alone calls a claim fraud (chosen on validation).</summary>
    public required double ModelThreshold { get; init; }
    public required ScoreCombination Combination { get; init; }
    /// <summary>"exact" (TreeSHAP) or "approximate" (Saabas) per-claim contributions.</summary>
    public string Attribution { get; init; } = "exact";
    public required string XGBoostVersion { get; init; }
    public required ManifestDataset Dataset { get; init; }
    /// <summary>Headline test metrics; the full report is metrics.json beside the manifest.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    /// <summary>SHA-256 of model.json, checked at load so a damaged file is refused rather than served.</summary>
    public required string ModelSha256 { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ModelManifest FromJson(string json, string source) =>
        JsonSerializer.Deserialize<ModelManifest>(json, JsonOptions) ?? throw new InvalidDataException($"{source}: empty manifest");
}
