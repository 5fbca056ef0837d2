using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimFraud.Domain.Scores;

namespace ClaimFraud.Serving.Json;

/// <summary>
/// Writes a <see cref="ClaimScore"/> as exactly the bytes <see cref="JsonSerializer"/> writes for it with the app's JSON
/// options (snake_case names in declaration order, nulls written, relaxed escaping; tested byte for byte), without
/// the serializer's per-property metadata walk: on the /predict hot path that walk cost as much as the TreeSHAP. Doubles
/// go through <see cref="RoundedNumbers"/>, which skips the shortest round-trip search for four-decimal values.
/// </summary>
internal static class ScoreWriter
{
    /// <summary>The serving app's writer settings (the encoder of <c>ConfigureHttpJsonOptions</c> in Hosting/).</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // One writer per thread, reset onto each response: a request writes its score synchronously, so the writer is
    // never shared, and Return drops the reference to the response pipe.
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>A writer over <paramref name="output"/>; give it back with <see cref="Return"/> once flushed.</summary>
    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = t_writer;
        if (writer is null) return new Utf8JsonWriter(output, Options);
        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer)
    {
        writer.Reset();
        t_writer = writer;
    }

    /// <summary>The score's JSON as a new array (for batches, where each claim's JSON is written on a worker thread).</summary>
    public static byte[] ToUtf8Bytes(ClaimScore score)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = Rent(buffer);
        try
        {
            Write(writer, score);
            writer.Flush();
        }
        finally { Return(writer); }
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 256 * 1024) t_buffer = null;
        return bytes;
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    private static readonly JsonEncodedText ClaimId = JsonEncodedText.Encode("claim_id");
    private static readonly JsonEncodedText ModelVersion = JsonEncodedText.Encode("model_version");
    private static readonly JsonEncodedText FraudScore = JsonEncodedText.Encode("fraud_score");
    private static readonly JsonEncodedText RiskScore = JsonEncodedText.Encode("risk_score");
    private static readonly JsonEncodedText RiskLevel = JsonEncodedText.Encode("risk_level");
    private static readonly JsonEncodedText Priority = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText Recommendation = JsonEncodedText.Encode("recommendation");
    private static readonly JsonEncodedText Components = JsonEncodedText.Encode("components");
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText Rules = JsonEncodedText.Encode("rules");
    private static readonly JsonEncodedText SuspiciousSections = JsonEncodedText.Encode("suspicious_sections");
    private static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
    private static readonly JsonEncodedText RuleViolations = JsonEncodedText.Encode("rule_violations");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText Points = JsonEncodedText.Encode("points");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Importance = JsonEncodedText.Encode("importance");
    private static readonly JsonEncodedText Feature = JsonEncodedText.Encode("feature");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Contribution = JsonEncodedText.Encode("contribution");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText ScoredAt = JsonEncodedText.Encode("scored_at");

    public static void Write(Utf8JsonWriter w, ClaimScore? score)
    {
        if (score is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString(ClaimId, score.ClaimId);
        w.WriteString(ModelVersion, score.ModelVersion);
        RoundedNumbers.Write(w, FraudScore, score.FraudScore);
        w.WriteNumber(RiskScore, score.RiskScore);
        w.WriteString(RiskLevel, score.RiskLevel);
        w.WriteString(Priority, score.Priority);
        w.WriteString(Recommendation, score.Recommendation);

        w.WritePropertyName(Components);
        if (score.Components is { } c)
        {
            w.WriteStartObject();
            RoundedNumbers.Write(w, Model, c.Model);
            RoundedNumbers.Write(w, Rules, c.Rules);
            w.WriteEndObject();
        }
        else w.WriteNullValue();

        w.WritePropertyName(SuspiciousSections);
        if (score.SuspiciousSections is { } sections)
        {
            w.WriteStartArray();
            for (int i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                if (s is null) { w.WriteNullValue(); continue; }
                w.WriteStartObject();
                w.WriteString(Section, s.Section);
                WriteStrings(w, Items, s.Items);
                WriteStrings(w, Reasons, s.Reasons);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else w.WriteNullValue();

        w.WritePropertyName(RuleViolations);
        if (score.RuleViolations is { } violations)
        {
            w.WriteStartArray();
            for (int i = 0; i < violations.Count; i++)
            {
                var v = violations[i];
                if (v is null) { w.WriteNullValue(); continue; }
                w.WriteStartObject();
                w.WriteString(Code, v.Code);
                w.WriteString(Severity, v.Severity);
                w.WriteNumber(Points, v.Points);
                w.WriteString(Section, v.Section);
                w.WriteString(Message, v.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else w.WriteNullValue();

        w.WritePropertyName(Importance);
        if (score.Importance is { } importance)
        {
            w.WriteStartArray();
            for (int i = 0; i < importance.Count; i++)
            {
                var f = importance[i];
                if (f is null) { w.WriteNullValue(); continue; }
                w.WriteStartObject();
                w.WriteString(Feature, f.Feature);
                if (f.Value is { } value) RoundedNumbers.Write(w, Value, value);
                else w.WriteNull(Value);
                RoundedNumbers.Write(w, Contribution, f.Contribution);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else w.WriteNullValue();

        w.WriteString(Explanation, score.Explanation);
        w.WriteString(ScoredAt, score.ScoredAt);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        w.WritePropertyName(name);
        if (values is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartArray();
        for (int i = 0; i < values.Count; i++) w.WriteStringValue(values[i]);
        w.WriteEndArray();
    }
}
