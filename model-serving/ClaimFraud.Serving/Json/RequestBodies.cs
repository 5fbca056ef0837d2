using System.Text.Json;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Serving.Json;

/// <summary>A JSON-array batch: every claim when all are acceptable, else every wrong field keyed <c>[index].field</c>.</summary>
internal sealed record BatchBody(IReadOnlyList<Claim> Claims, ValidationErrors Errors);

/// <summary>A CML request: the key it carries (if any) and the claim parse of its <c>request</c> member.</summary>
internal sealed record CmlBody(string? AccessKey, ClaimParseResult? Request, ValidationErrors Errors);

/// <summary>
/// The request bodies other than a single claim, read so that, as for claims, every wrong field is named rather than the
/// first type mismatch: a batch array streamed claim by claim, the other envelopes with <see cref="JsonDocument"/>.
/// </summary>
internal static class RequestBodies
{
    // One level more than a claim's own limit (ClaimJson allows 32), for the array or envelope around it.
    private static readonly JsonDocumentOptions Document = new() { MaxDepth = 33 };
    private static readonly JsonReaderOptions Reader = new() { MaxDepth = Document.MaxDepth, CommentHandling = Document.CommentHandling, AllowTrailingCommas = Document.AllowTrailingCommas };

    public static BatchBody ParseBatch(ReadOnlyMemory<byte> utf8, (ClaimValidationOptions Validation, int MaxClaims) limits)
    {
        if (!TextGuard.IsValidUtf8(utf8.Span)) return new BatchBody([], TextGuard.InvalidUtf8());
        return ParseBatchUtf8(utf8, limits);
    }

    /// <summary>
    /// Reads the array in one pass, each claim straight from the array's bytes (<see cref="ClaimJson.Parse(ref Utf8JsonReader, ReadOnlyMemory{byte}, ClaimValidationOptions?, bool)"/>),
    /// with the answers a document of the whole body would give, in its order of precedence: bad JSON anywhere, then not an
    /// array, then too many claims, then undecodable text in any claim, then each claim's wrong fields.
    /// </summary>
    private static BatchBody ParseBatchUtf8(ReadOnlyMemory<byte> utf8, (ClaimValidationOptions Validation, int MaxClaims) limits)
    {
        var errors = new ValidationErrors();
        var claims = new List<Claim>();
        int count = 0;
        bool undecodable = false;
        var reader = new Utf8JsonReader(utf8.Span, isFinalBlock: true, new JsonReaderState(Reader));
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                while (reader.Read()) { } // any error after the value still comes first
                errors.Add("$", "must be a JSON array of claims (or send NDJSON with Content-Type: application/x-ndjson)");
                return new BatchBody([], errors);
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                // Past the limit, or once the batch is lost to undecodable text, the rest is only checked for bad JSON.
                if (++count > limits.MaxClaims || undecodable)
                {
                    reader.Skip();
                    continue;
                }
                try
                {
                    var parsed = ClaimJson.Parse(ref reader, utf8, limits.Validation);
                    if (parsed.Claim is { } claim) claims.Add(claim);
                    else Nest(parsed.Errors, $"[{count - 1}]", errors);
                }
                catch (InvalidOperationException e) when (TextGuard.IsUndecodableString(e)) { undecodable = true; }
            }
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            var notJson = new ValidationErrors();
            notJson.Add("$", NotJson(e));
            return new BatchBody([], notJson);
        }
        if (count > limits.MaxClaims)
        {
            var tooMany = new ValidationErrors();
            tooMany.Add("$", $"has {count} claims; a batch takes at most {limits.MaxClaims}");
            return new BatchBody([], tooMany);
        }
        return undecodable ? new BatchBody([], TextGuard.UndecodableString()) : new BatchBody(claims, errors);
    }

    public static CmlBody ParseCml(ReadOnlyMemory<byte> utf8, ClaimValidationOptions validation)
    {
        if (!TextGuard.IsValidUtf8(utf8.Span)) return new CmlBody(null, null, TextGuard.InvalidUtf8());
        try { return ParseCmlUtf8(utf8, validation); }
        catch (InvalidOperationException e) when (TextGuard.IsUndecodableString(e)) { return new CmlBody(null, null, TextGuard.UndecodableString()); }
    }

    private static CmlBody ParseCmlUtf8(ReadOnlyMemory<byte> utf8, ClaimValidationOptions validation)
    {
        var errors = new ValidationErrors();
        if (!TryParse(utf8, errors, out var doc)) return new CmlBody(null, null, errors);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$", "must be a JSON object {\"accessKey\": \"...\", \"request\": <claim>}");
                return new CmlBody(null, null, errors);
            }
            string? key = null;
            if (root.TryGetProperty("accessKey", out var k))
            {
                if (k.ValueKind == JsonValueKind.String) key = k.GetString();
                else if (k.ValueKind != JsonValueKind.Null) errors.Add("accessKey", "must be a string");
            }
            if (!root.TryGetProperty("request", out var request) || request.ValueKind == JsonValueKind.Null)
            {
                errors.Add("request", "is required: the claim to score");
                return new CmlBody(key, null, errors);
            }
            var parsed = ClaimJson.Parse(request, validation);
            Nest(parsed.Errors, "request", errors);
            return new CmlBody(key, parsed, errors);
        }
    }

    /// <summary>Copies <paramref name="inner"/> under <paramref name="prefix"/>: <c>$</c> becomes the prefix, <c>a.b</c> becomes <c>prefix.a.b</c>.</summary>
    public static void Nest(ValidationErrors inner, string prefix, ValidationErrors into)
    {
        foreach (var field in inner.Fields)
        {
            string key = field == "$" ? prefix : field.StartsWith('[') ? prefix + field : prefix + "." + field;
            foreach (var message in inner[field]) into.Add(key, message);
        }
    }

    public static bool TryParse(ReadOnlyMemory<byte> utf8, ValidationErrors errors, out JsonDocument doc)
    {
        try
        {
            doc = JsonDocument.Parse(utf8, Document);
            return true;
        }
        catch (JsonException e)
        {
            errors.Add("$", NotJson(e));
            doc = null!;
            return false;
        }
    }

    private static string NotJson(JsonException e) => $"is not valid JSON ({Describe(e)})";

    public static string Describe(JsonException e)
    {
        var first = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
        return e.LineNumber is { } line ? $"{first} at line {line + 1}, byte {e.BytePositionInLine + 1}" : first;
    }
}
