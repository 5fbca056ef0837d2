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

    /// <summary>How a claim's JSON is tokenized, by the document reader and the streaming one alike.</summary>
    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow };

    public static ClaimParseResult Parse(string json, ClaimValidationOptions? options = null, bool requireLabel = false) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), options, requireLabel);

    /// <summary>
    /// Reads one claim. A well-formed claim is read in one streaming pass; anything else is read again through a
    /// <see cref="JsonDocument"/> (<see cref="ParseDocument"/>), which names every wrong field: both give the same result.
    /// </summary>
    public static ClaimParseResult Parse(ReadOnlyMemory<byte> utf8, ClaimValidationOptions? options = null, bool requireLabel = false)
    {
        if (ClaimJsonFastReader.TryRead(utf8.Span, requireLabel, out var claim, out var label))
            return Validated(claim, label, new ValidationErrors(), options);
        return ParseDocument(utf8, options, requireLabel);
    }

    /// <summary>
    /// Reads the JSON value <paramref name="reader"/> is on — one element of a larger document such as a batch array — as a
    /// claim, giving what <see cref="Parse(ReadOnlyMemory{byte}, ClaimValidationOptions?, bool)"/> gives for that value's bytes,
    /// and leaves the reader on the value's last token. <paramref name="utf8"/> must be the whole buffer the reader was
    /// created over (a single span, final block): a value that is not a well-formed claim is read again from its bytes there.
    /// Syntax errors of the enclosing document surface as the reader's <see cref="JsonException"/>; text that cannot be
    /// decoded as the same <see cref="InvalidOperationException"/> that reading the value's document would throw.
    /// </summary>
    public static ClaimParseResult Parse(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, ClaimValidationOptions? options = null, bool requireLabel = false)
    {
        // A copy of a reader over a span is a bookmark: going back to it reads the same tokens again.
        var start = reader;
        if (ClaimJsonFastReader.TryReadObject(ref reader, requireLabel, out var claim, out var label))
            return Validated(claim, label, new ValidationErrors(), options);
        reader = start;
        int from = checked((int)reader.TokenStartIndex);
        reader.Skip();
        return ParseDocument(utf8[from..checked((int)reader.BytesConsumed)], options, requireLabel);
    }

    /// <summary>The document-only reading (the reference the streaming pass must agree with; tests compare the two).</summary>
    internal static ClaimParseResult ParseDocument(ReadOnlyMemory<byte> utf8, ClaimValidationOptions? options = null, bool requireLabel = false)
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
        return Validated(claim, label, errors, options);
    }

    /// <summary>Adds the validator's findings unless the claim is not even an object; the claim is returned only when nothing is wrong.</summary>
    private static ClaimParseResult Validated(Claim claim, ClaimLabel? label, ValidationErrors errors, ClaimValidationOptions? options)
    {
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
