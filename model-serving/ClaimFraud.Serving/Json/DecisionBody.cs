using System.Text.Json;
using ClaimFraud.Domain.Validation;
using ClaimFraud.ResultStore.Decisions;

namespace ClaimFraud.Serving.Json;

/// <summary>
/// POST /claims/{id}/decision's body <c>{"action", "approved_amount", "note", "verifier"}</c>: the decision stamped with
/// <paramref name="decidedAt"/> when acceptable, else every wrong field (type errors here, rules from <see cref="DecisionValidator"/>).
/// </summary>
internal static class DecisionBody
{
    public static readonly string[] Fields = ["action", "approved_amount", "note", "verifier"];

    public static (Decision? Decision, ValidationErrors Errors) Parse(ReadOnlyMemory<byte> utf8, DateTimeOffset decidedAt)
    {
        if (!TextGuard.IsValidUtf8(utf8.Span)) return (null, TextGuard.InvalidUtf8());
        try { return ParseUtf8(utf8, decidedAt); }
        catch (InvalidOperationException e) when (TextGuard.IsUndecodableString(e)) { return (null, TextGuard.UndecodableString()); }
    }

    private static (Decision? Decision, ValidationErrors Errors) ParseUtf8(ReadOnlyMemory<byte> utf8, DateTimeOffset decidedAt)
    {
        var errors = new ValidationErrors();
        if (!RequestBodies.TryParse(utf8, errors, out var doc)) return (null, errors);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$", "must be a JSON object {\"action\", \"approved_amount\", \"note\", \"verifier\"}");
                return (null, errors);
            }
            string? action = null, note = null, verifier = null;
            decimal? amount = null;
            foreach (var p in root.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "action": action = Text(p.Value, "action", errors); break;
                    case "note": note = Text(p.Value, "note", errors); break;
                    case "verifier": verifier = Text(p.Value, "verifier", errors); break;
                    case "approved_amount":
                        if (p.Value.ValueKind == JsonValueKind.Null) break;
                        if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out long rupiah)) amount = rupiah;
                        else errors.Add("approved_amount", "must be a whole number of rupiah");
                        break;
                    default:
                        errors.Add(p.Name.Length <= 64 ? p.Name : p.Name[..64] + "…", $"is not a decision field (expected {string.Join(", ", Fields)}; decided_at is set by the server)");
                        break;
                }
            }
            var decision = new Decision { Action = action ?? "", ApprovedAmount = amount, Note = note, Verifier = verifier, DecidedAt = decidedAt };
            var rules = DecisionValidator.Validate(decision);
            // A field that already has a type error gets no second "is required" for the value it could not have.
            foreach (var field in rules.Fields)
                if (!errors.Has(field))
                    foreach (var message in rules[field]) errors.Add(field, message);
            return (errors.IsEmpty ? decision : null, errors);
        }
    }

    private static string? Text(JsonElement value, string field, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        if (value.ValueKind != JsonValueKind.Null) errors.Add(field, "must be a string");
        return null;
    }
}
