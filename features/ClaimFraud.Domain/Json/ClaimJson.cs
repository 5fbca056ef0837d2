using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Domain.Json;

/// <summary>The outcome of reading one claim: the claim when it is acceptable, otherwise every wrong field.</summary>
public sealed record ClaimParseResult(Claim? Claim, ClaimLabel? Label, ValidationErrors Errors)
{
    public bool IsValid => Claim is not null;
}

/// <summary>Contract §1 JSON: tolerant reading with complete error reports, and deterministic writing.</summary>
public static class ClaimJson
{
    /// <summary>Readers of these options see the same characters the writer was given (no \u-escaping of non-ASCII names).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow };

    public static ClaimParseResult Parse(string json, ClaimValidationOptions? options = null, bool requireLabel = false) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), options, requireLabel);

    public static ClaimParseResult Parse(ReadOnlyMemory<byte> utf8, ClaimValidationOptions? options = null, bool requireLabel = false)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            var errors = new ValidationErrors();
            errors.Add("$", $"is not valid JSON ({DescribeJsonError(e)})");
            return new ClaimParseResult(null, null, errors);
        }
        using (doc) return Parse(doc.RootElement, options, requireLabel);
    }

    public static ClaimParseResult Parse(JsonElement element, ClaimValidationOptions? options = null, bool requireLabel = false)
    {
        var errors = new ValidationErrors();
        var reader = new ClaimJsonReader(errors);
        var claim = reader.Read(element);
        var label = reader.ReadLabel(element, requireLabel);
        if (!errors.Touches("$")) ClaimValidator.Validate(claim, errors, options ?? ClaimValidationOptions.Default);
        return new ClaimParseResult(errors.IsEmpty ? claim : null, label, errors);
    }

    public static void Write(Utf8JsonWriter writer, Claim claim, ClaimLabel? label = null) => ClaimJsonWriter.Write(writer, claim, label);

    public static byte[] SerializeToUtf8Bytes(Claim claim, ClaimLabel? label = null)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) ClaimJsonWriter.Write(w, claim, label);
        return buffer.WrittenSpan.ToArray();
    }

    public static string Serialize(Claim claim, ClaimLabel? label = null) =>
        System.Text.Encoding.UTF8.GetString(SerializeToUtf8Bytes(claim, label));

    private static string DescribeJsonError(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
        var first = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
        return first + where;
    }
}
