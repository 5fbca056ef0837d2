using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaimFraud.Domain.Tests;

/// <summary>
/// Seeded variants of a claim's JSON aimed at the edges between the streaming and the document reader: fields dropped,
/// nulled, retyped or emptied, codes in other cases, odd dates and numbers (45000.0, 45000.5, 1e400), duplicate and
/// escaped property names, escapes in values (é, a lone surrogate), unknown properties and nesting at the depth limit,
/// labels good and bad, reordered properties, white space, a BOM, trailing content, truncation, invalid UTF-8.
/// The same seed gives the same variants.
/// </summary>
internal sealed class ClaimTextMutator(int seed)
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    private readonly Random _random = new(seed);

    public sealed record Variant(string Kind, byte[] Utf8);

    /// <summary>One to three mutations of <paramref name="json"/>, named in <see cref="Variant.Kind"/>.</summary>
    public Variant Next(string json)
    {
        var kinds = new List<string>();
        int count = _random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            try
            {
                var (kind, mutated) = MutateOnce(json);
                kinds.Add(kind);
                json = mutated;
            }
            catch (InvalidOperationException)
            {
                // Nodes cannot write back text holding an escaped lone surrogate: keep this variant as it is.
            }
        }
        var bytes = Encoding.UTF8.GetBytes(json);
        // Byte-level changes last: they may leave text that no longer decodes.
        switch (_random.Next(14))
        {
            case 0: kinds.Add("bom"); bytes = [0xEF, 0xBB, 0xBF, .. bytes]; break;
            case 1: kinds.Add("invalid-utf8"); bytes = InvalidUtf8(bytes); break;
            case 2: kinds.Add("truncated"); bytes = bytes[.._random.Next(bytes.Length)]; break;
        }
        return new Variant(string.Join("+", kinds), bytes);
    }

    private (string Kind, string Json) MutateOnce(string json)
    {
        switch (_random.Next(16))
        {
            case 0: return ("drop", OnNode(json, (parent, key) => Remove(parent, key)));
            case 1: return ("null", OnNode(json, (parent, key) => Set(parent, key, null)));
            case 2: return ("retype", OnNode(json, (parent, key) => Set(parent, key, OddValue())));
            case 3: return ("empty-string", OnString(json, _ => ""));
            case 4: return ("case", OnString(json, s => _random.Next(2) == 0 ? s.ToLowerInvariant() : s.ToUpperInvariant()));
            case 5: return ("unknown-property", OnObject(json, o => o[UnknownName()] = Nested(_random.Next(4) == 0 ? _random.Next(28, 34) : _random.Next(0, 4))));
            case 6: return ("reorder", OnObject(json, Shuffle));
            case 7: return ("label", Label(json));
            case 8: return ("odd-text", OnString(json, _ => OddText()));
            case 9: return ("number-form", NumberForm(json));
            case 10: return ("duplicate", Duplicate(json));
            case 11: return ("escape", Escape(json));
            case 12: return ("trailing", json + Pick(" ", "\n\t ", "x", "{}", ",", "]", "null", "/* c */", "\u0000"));
            case 13: return ("white-space", _random.Next(2) == 0 ? Parse(json)?.ToJsonString(Indented) ?? json : Spaced(json));
            case 14: return ("depth", Depth(json));
            default: return ("comma-or-comment", _random.Next(2) == 0 ? json.Replace("}", ",}") : json.Replace(",\"", ",/*x*/\""));
        }
    }

    // ---- Node mutations ---------------------------------------------------------------------------------------------

    /// <summary>The text as nodes, or null when it is not JSON or has a duplicate name (which nodes refuse, on first use).</summary>
    private static JsonNode? Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            if (root is not null) CollectObjects(root, []);
            return root;
        }
        catch (Exception e) when (e is JsonException or ArgumentException) { return null; }
    }

    /// <summary>Applies <paramref name="change"/> to a random member or item (not the root); unparseable text is left alone.</summary>
    private string OnNode(string json, Action<JsonNode, object> change)
    {
        var root = Parse(json);
        if (root is null) return json;
        var places = new List<(JsonNode Parent, object Key)>();
        Collect(root, places);
        if (places.Count == 0) return json;
        var (parent, key) = places[_random.Next(places.Count)];
        change(parent, key);
        return root.ToJsonString(Relaxed);
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> into)
    {
        if (node is JsonObject o)
            foreach (var (name, child) in o.ToList())
            {
                into.Add((o, name));
                if (child is not null) Collect(child, into);
            }
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++)
            {
                into.Add((a, i));
                if (a[i] is { } child) Collect(child, into);
            }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject o) o.Remove((string)key);
        else ((JsonArray)parent).RemoveAt((int)key);
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o) o[(string)key] = value;
        else ((JsonArray)parent)[(int)key] = value;
    }

    private string OnString(string json, Func<string, string> change) =>
        OnNode(json, (parent, key) =>
        {
            var current = parent is JsonObject o ? o[(string)key] : ((JsonArray)parent)[(int)key];
            if (current is JsonValue v && v.TryGetValue<string>(out var s)) Set(parent, key, change(s));
            else Set(parent, key, change("x"));
        });

    private string OnObject(string json, Action<JsonObject> change)
    {
        var root = Parse(json);
        if (root is null) return json;
        var objects = new List<JsonObject>();
        CollectObjects(root, objects);
        if (objects.Count == 0) return json;
        change(objects[_random.Next(objects.Count)]);
        return root.ToJsonString(Relaxed);
    }

    private static void CollectObjects(JsonNode node, List<JsonObject> into)
    {
        if (node is JsonObject o)
        {
            into.Add(o);
            foreach (var (_, child) in o) if (child is not null) CollectObjects(child, into);
        }
        else if (node is JsonArray a) foreach (var child in a) if (child is not null) CollectObjects(child, into);
    }

    private void Shuffle(JsonObject o)
    {
        var members = o.ToList();
        o.Clear();
        foreach (var (name, value) in members.OrderBy(_ => _random.Next())) o[name] = value;
    }

    private string Label(string json)
    {
        var root = Parse(json);
        if (root is not JsonObject o) return json;
        switch (_random.Next(9))
        {
            case 0: o.Remove("label"); break;
            case 1: o["label"] = null; break;
            case 2: o["label"] = new JsonObject(); break;
            case 3: o["label"] = new JsonObject { ["is_fraud"] = "yes" }; break;
            case 4: o["label"] = new JsonObject { ["is_fraud"] = true, ["patterns"] = new JsonArray("upcoding", 1) }; break;
            case 5: o["label"] = new JsonObject { ["is_fraud"] = false, ["patterns"] = null }; break;
            case 6: o["label"] = new JsonArray(); break;
            case 7: o["label"] = new JsonObject { ["patterns"] = new JsonArray("cloning"), ["is_fraud"] = true, ["note"] = new JsonObject { ["x"] = 1 } }; break;
            default: o["label"] = new JsonObject { ["is_fraud"] = true, ["patterns"] = "upcoding" }; break;
        }
        return o.ToJsonString(Relaxed);
    }

    private JsonNode? OddValue() => _random.Next(16) switch
    {
        0 => JsonValue.Create(true),
        1 => JsonValue.Create(0),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(2.5),
        4 => JsonValue.Create(2147483648L),
        5 => JsonValue.Create(long.MaxValue),
        6 => new JsonArray(),
        7 => new JsonObject(),
        8 => new JsonArray(new JsonObject()),
        9 => JsonValue.Create(""),
        10 => JsonValue.Create("3"),
        11 => JsonValue.Create(1e300),
        12 => new JsonArray("a", "b"),
        13 => JsonValue.Create(3),
        _ => JsonValue.Create(OddText()),
    };

    private string OddText() => Pick(
        "2024-10-10", "2024-10-10T08:00:00", "2024-10-10T08:00:00Z", "2024-10-10 08:00", "2024-10-10T08:00:00.5+07:00",
        "2024-02-30T08:00:00+07:00", "2024-10-10T24:00:00+07:00", "2024-10-10T08:00:00+15:00", "10/10/2024", "0001-01-01T00:00:00+14:00",
        "1997-09-14", "1997-9-14", "M", "F", "m", "x", "inpatient", "Outpatient", "A", "d", " A", "A09", "a09.9", "J-4-16-I",
        "3174011409970005", "0009876543210", "12730", "é", "日本", "😀", " ", "\t", "CLM 001", new string('x', 70));

    /// <summary>Unknown names, some close to real ones (case, spacing) so that only exact matches count.</summary>
    private string UnknownName() => Pick("extra", "Claim_id", "claim_id ", "CLAIM_ID", "note", "hospital_tariff_x", "", "é", "label2", "Label");

    private JsonNode? Nested(int depth)
    {
        JsonNode? node = _random.Next(3) switch { 0 => JsonValue.Create(1), 1 => JsonValue.Create("v"), _ => null };
        for (int i = 0; i < depth; i++) node = _random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        return node;
    }

    // ---- Text mutations ---------------------------------------------------------------------------------------------

    /// <summary>One number written another way: 45000.0, 45000.5, 4.5e4, a huge or tiny one, a leading zero, -0.</summary>
    private string NumberForm(string json)
    {
        var spans = Numbers(json);
        if (spans.Count == 0) return json;
        var (start, end) = spans[_random.Next(spans.Count)];
        var number = json[start..end];
        var replacement = _random.Next(10) switch
        {
            0 => number + ".0",
            1 => number + ".5",
            2 => number + "e0",
            3 => number + ".00000000000000000001",
            4 => "1e400",
            5 => "-0",
            6 => "0" + number,
            7 => "1E2",
            8 => "99999999999999999999",
            _ => "-" + number,
        };
        return json[..start] + replacement + json[end..];
    }

    private static List<(int Start, int End)> Numbers(string json)
    {
        var spans = new List<(int, int)>();
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (char.IsAsciiDigit(c) || c == '-')
            {
                int start = i;
                while (i < json.Length && (char.IsAsciiDigit(json[i]) || json[i] is '-' or '+' or '.' or 'e' or 'E')) i++;
                spans.Add((start, i));
                i--;
            }
        }
        return spans;
    }

    /// <summary>A property written a second time just before an existing one in the same object.</summary>
    private string Duplicate(string json)
    {
        var names = PropertyNames(json);
        if (names.Count == 0) return json;
        var (start, end) = names[_random.Next(names.Count)];
        var name = json[start..end];
        var value = Pick("null", "\"x\"", "1", "true", "{}", "[]", "\"2024-10-10T08:00:00+07:00\"", "\"A\"", "\"M\"", "\"inpatient\"", "\"CLM-DUP-1\"");
        return json[..start] + name + ":" + value + "," + json[start..];
    }

    /// <summary>The spans of every property name, quotes included.</summary>
    private static List<(int Start, int End)> PropertyNames(string json)
    {
        var spans = new List<(int, int)>();
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] != '"') continue;
            int j = i + 1;
            while (j < json.Length && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
            if (j >= json.Length) break;
            int k = j + 1;
            while (k < json.Length && char.IsWhiteSpace(json[k])) k++;
            if (k < json.Length && json[k] == ':') spans.Add((i, j + 1));
            i = j;
        }
        return spans;
    }

    /// <summary>An escape inside a string value or a property name: é, A, a lone surrogate, a quote, a slash, an underscore.</summary>
    private string Escape(string json)
    {
        var names = PropertyNames(json);
        if (names.Count == 0) return json;
        var (start, end) = names[_random.Next(names.Count)];
        if (_random.Next(3) == 0)
        {
            // In the name: "claim_id" as "claim\u005fid" names the same property once unescaped.
            var name = json[(start + 1)..(end - 1)];
            int underscore = name.IndexOf('_');
            var escaped = underscore >= 0 ? name[..underscore] + "\\u005f" + name[(underscore + 1)..] : "\\u0061" + name;
            return json[..(start + 1)] + escaped + json[(end - 1)..];
        }
        int colon = json.IndexOf(':', end);
        int quote = colon < 0 ? -1 : json.IndexOf('"', colon);
        if (quote < 0 || json[(colon + 1)..quote].Trim().Length > 0) return json;
        var escape = Pick("\\u00e9", "\\u0041", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\\"", "\\/", "\\n", "\\\\", "\\u0000");
        return json[..(quote + 1)] + escape + json[(quote + 1)..];
    }

    private string Spaced(string json)
    {
        var sb = new StringBuilder(json.Length * 2);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            sb.Append(c);
            if (inString)
            {
                if (c == '\\' && i + 1 < json.Length) sb.Append(json[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c is ',' or ':' or '{' or '[' && _random.Next(3) == 0) sb.Append(Pick(" ", "\n", "\t", "\r\n  "));
        }
        return sb.ToString();
    }

    /// <summary>The claim wrapped in an unknown member nested to just under, at or just over the 32-level limit.</summary>
    private string Depth(string json)
    {
        var root = Parse(json);
        if (root is not JsonObject o) return json;
        o["deep"] = Nested(_random.Next(29, 33));
        return o.ToJsonString(Relaxed);
    }

    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xC0, 0xAF]];

    private byte[] InvalidUtf8(byte[] bytes)
    {
        var quotes = new List<int>();
        for (int i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'"') quotes.Add(i);
        if (quotes.Count == 0) return bytes;
        int at = quotes[_random.Next(quotes.Count)] + 1;
        return [.. bytes[..at], .. BadUtf8[_random.Next(BadUtf8.Length)], .. bytes[at..]];
    }

    private string Pick(params string[] options) => options[_random.Next(options.Length)];
}
