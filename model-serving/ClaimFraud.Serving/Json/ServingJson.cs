using System.Text.Json.Serialization;
using ClaimFraud.Domain.Scores;

namespace ClaimFraud.Serving.Json;

/// <summary>POST /model success, in Cloudera CML's model-serving shape (its member names, not snake_case).</summary>
public sealed record CmlSuccess(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("response")] ClaimScore Response,
    [property: JsonPropertyName("ReplicaID")] string ReplicaId);

/// <summary>POST /model failure: <c>errors</c> maps each wrong field (or "accessKey", "Content-Type") to what is wrong.</summary>
public sealed record CmlFailure(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errors")] IDictionary<string, string[]> Errors,
    [property: JsonPropertyName("ReplicaID")] string ReplicaId);

/// <summary>A verifier's decision as the API shows it.</summary>
public sealed record DecisionView(
    string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? ApprovedAmount,
    string? Note,
    string? Verifier,
    DateTimeOffset DecidedAt);

/// <summary>
/// POST /claims/{id}/decision: the decision as stored, what became of it ("stored", "already_stored" or "queued"), and
/// the claim's whole decision history oldest first (null while the store is unreachable and the decision is queued).
/// </summary>
public sealed record DecisionResponse(string ClaimId, DecisionView Decision, string Outcome, IReadOnlyList<DecisionView>? History);

/// <summary>GET /claims/{id}/decisions.</summary>
public sealed record DecisionHistory(string ClaimId, IReadOnlyList<DecisionView> Decisions);

public sealed record ModelFeature(string Name, string Kind, string Description);

public sealed record ModelCombination(string Method, double ModelWeight, double SoloWeight);

public sealed record ModelDataset(string? Source, long? Seed, long Claims, long FraudClaims, string? Split);

/// <summary>GET /model/info: the model being served.</summary>
public sealed record ModelInfo(
    string ModelVersion,
    string Name,
    string Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset LoadedAt,
    string FeatureSchemaHash,
    IReadOnlyList<ModelFeature> Features,
    IReadOnlyDictionary<string, double?> Metrics,
    string Attribution,
    ModelCombination Combination,
    double ModelThreshold,
    string XgboostVersion,
    ModelDataset Dataset);

/// <summary>POST /model/reload: what the reload did ("loaded", "unchanged", "refused", "not_found") and which version serves now.</summary>
public sealed record ReloadResponse(string Status, string? ModelVersion, string? PreviousVersion, string? Problem);

/// <summary>One NDJSON output line for an input line that could not be scored; <c>line</c> is the 1-based input line.</summary>
public sealed record NdjsonError(long Line, int Status, string Title, IDictionary<string, string[]> Errors);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CmlSuccess))]
[JsonSerializable(typeof(CmlFailure))]
[JsonSerializable(typeof(DecisionResponse))]
[JsonSerializable(typeof(DecisionHistory))]
[JsonSerializable(typeof(ModelInfo))]
[JsonSerializable(typeof(ReloadResponse))]
[JsonSerializable(typeof(NdjsonError))]
internal sealed partial class ServingJsonContext : JsonSerializerContext;
