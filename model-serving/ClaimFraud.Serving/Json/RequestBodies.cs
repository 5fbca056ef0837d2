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
/// The request bodies other than a single claim, read with <see cref="JsonDocument"/> so that, as for claims, every
/// wrong field is named rather than the first type mismatch.
/// </summary>
internal static class RequestBodies
{
    // One level more than a claim's own limit (ClaimJson allows 32), for the array or envelope around it.
    private static readonly JsonDocumentOptions Document = new() { MaxDepth = 33 };

    public static BatchBody ParseBatch(ReadOnlyMemory<byte> utf8, (ClaimValidationOptions Validation, int MaxClaims) limits)
    {
        if (!TextGuard.IsValidUtf8(utf8.Span)) return new BatchBody([], TextGuard.InvalidUtf8());
        try { return ParseBatchUtf8(utf8, limits); }
        catch (InvalidOperationException e) when (TextGuard.IsUndecodableString(e)) { return new BatchBody([], TextGuard.UndecodableString()); }
    }

    private static BatchBody ParseBatchUtf8(ReadOnlyMemory<byte> utf8, (ClaimValidationOptions Validation, int MaxClaims) limits)
    {
        var errors = new ValidationErrors();
        if (!TryParse(utf8, errors, out var doc)) return new BatchBody([], errors);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                errors.Add("$", "must be a JSON array of claims (or send NDJSON with Content-Type: application/x-ndjson)");
                return new BatchBody([], errors);
            }
            int count = root.GetArrayLength();
            if (count > limits.MaxClaims)
            {
                errors.Add("$", $"has {count} claims; a batch takes at most {limits.MaxClaims}");
                return new BatchBody([], errors);
            }
            var claims = new List<Claim>(count);
            int i = 0;
            foreach (var element in root.EnumerateArray())
            {
                var parsed = ClaimJson.Parse(element, limits.Validation);
                if (parsed.Claim is { } claim) claims.Add(claim);
                else Nest(parsed.Errors, $"[{i}]", errors);
                i++;
            }
            return new BatchBody(claims, errors);
        }
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
            errors.Add("$", $"is not valid JSON ({Describe(e)})");
            doc = null!;
            return false;
        }
    }

    public static string Describe(JsonException e)
    {
        var first = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
        return e.LineNumber is { } line ? $"{first} at line {line + 1}, byte {e.BytePositionInLine + 1}" : first;
    }
}
