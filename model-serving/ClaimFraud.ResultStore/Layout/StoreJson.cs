using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.ResultStore.Outbox;

namespace ClaimFraud.ResultStore.Layout;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScoreComponents))]
[JsonSerializable(typeof(IReadOnlyList<SuspiciousSection>))]
[JsonSerializable(typeof(IReadOnlyList<RuleViolation>))]
[JsonSerializable(typeof(IReadOnlyList<FeatureContribution>))]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(OutboxEntry))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

/// <summary>The JSON written into cells and outbox files: the contract's snake_case, non-ASCII kept readable as ScoreJson does.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(StoreJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Info<T>());

    public static string SerializeToString<T>(T value) => JsonSerializer.Serialize(value, Info<T>());

    /// <summary>Throws <see cref="JsonException"/> on malformed JSON, a JSON null, or a missing required member.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Info<T>()) ?? throw new JsonException($"expected a {typeof(T).Name}, found null");
}
