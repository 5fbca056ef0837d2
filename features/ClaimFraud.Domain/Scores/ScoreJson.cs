using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimFraud.Domain.Scores;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ClaimScore))]
[JsonSerializable(typeof(List<ClaimScore>))]
public sealed partial class ScoreJsonContext : JsonSerializerContext;

/// <summary>Contract §2 JSON for scores: snake_case, non-ASCII kept readable.</summary>
public static class ScoreJson
{
    public static readonly JsonSerializerOptions Options = new(ScoreJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ClaimScore score) => JsonSerializer.Serialize(score, Options);

    public static ClaimScore? Deserialize(string json) => JsonSerializer.Deserialize<ClaimScore>(json, Options);
}
