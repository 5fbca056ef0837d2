using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>
/// Seeded bad bodies: byte flips, truncations, inserted bytes, type swaps at random paths, deep nesting, huge and tiny
/// numbers, invalid UTF-8, escaped lone surrogates, random JSON and random bytes, built from valid examples.
/// The same seed gives the same bodies.
/// </summary>
public sealed class BodyFuzzer(int seed, params string[] examples)
{
    private readonly Random _random = new(seed);
    private readonly byte[][] _examples = [.. examples.Select(Encoding.UTF8.GetBytes)];

    public sealed record Body(string Kind, byte[] Bytes);

    public Body Next()
    {
        var example = _examples[_random.Next(_examples.Length)];
        return _random.Next(12) switch
        {
            0 => new("byte-flip", FlipBytes(example)),
            1 => new("truncation", example[.._random.Next(example.Length)]),
            2 => new("inserted-bytes", Insert(example, RandomBytes(_random.Next(1, 12)))),
            3 => new("type-swap", TypeSwap(example)),
            4 => new("deep-nesting", DeepNesting()),
            5 => new("huge-number", HugeNumber(example)),
            6 => new("invalid-utf8", InvalidUtf8(example)),
            7 => new("lone-surrogate", Encoding.UTF8.GetBytes(ReplaceAString(example, "\\ud800x\\udfff"))),
            8 => new("random-json", Encoding.UTF8.GetBytes(RandomJson(0)?.ToJsonString() ?? "null")),
            9 => new("random-bytes", RandomBytes(_random.Next(0, 300))),
            10 => new("type-swap-many", TypeSwap(TypeSwap(TypeSwap(example)))),
            _ => new("example", example),
        };
    }

    private byte[] FlipBytes(byte[] example)
    {
        var copy = (byte[])example.Clone();
        int flips = _random.Next(1, 9);
        for (int i = 0; i < flips && copy.Length > 0; i++) copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] Insert(byte[] example, byte[] bytes)
    {
        int at = _random.Next(example.Length + 1);
        return [.. example[..at], .. bytes, .. example[at..]];
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A random value somewhere in the document replaced by one of another type.</summary>
    private byte[] TypeSwap(byte[] example)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(example); }
        catch (System.Text.Json.JsonException) { return example; }
        if (root is null) return example;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[_random.Next(nodes.Count)];
        var replacement = RandomValue();
        if (target.Parent is JsonObject parent) parent[target.GetPropertyName()] = replacement;
        else if (target.Parent is JsonArray array) array[target.GetElementIndex()] = replacement;
        else return Encoding.UTF8.GetBytes(replacement?.ToJsonString() ?? "null");
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        if (node is JsonObject o) foreach (var (_, child) in o) { if (child is not null) Collect(child, into); }
        else if (node is JsonArray a) foreach (var child in a) { if (child is not null) Collect(child, into); }
    }

    private JsonNode? RandomValue() => _random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonValue.Create(_random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonValue.Create(_random.NextDouble() * Math.Pow(10, _random.Next(-300, 300))),
        4 => JsonValue.Create(RandomText()),
        5 => new JsonArray(),
        6 => new JsonObject(),
        7 => new JsonArray(JsonValue.Create(RandomText()), JsonValue.Create(_random.Next())),
        8 => JsonValue.Create(""),
        9 => JsonValue.Create(new string('9', _random.Next(1, 400))),
        10 => JsonValue.Create("2024-02-30T25:61:00+07:00"),
        _ => RandomJson(2),
    };

    private string RandomText()
    {
        int length = _random.Next(0, 40);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
            sb.Append(_random.Next(5) switch
            {
                0 => (char)_random.Next(0x20, 0x7F),
                1 => (char)_random.Next(0x80, 0x2FF),
                2 => (char)_random.Next(0, 0x20),
                3 => "ÄéЖ中😀"[_random.Next(5)],
                _ => (char)_random.Next('a', 'z' + 1),
            });
        return sb.ToString();
    }

    private byte[] DeepNesting()
    {
        int depth = _random.Next(2) == 0 ? _random.Next(30, 40) : _random.Next(100, 3000);
        bool objects = _random.Next(2) == 0;
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.Append(objects ? "{\"a\":" : "[");
        sb.Append('1');
        for (int i = 0; i < depth; i++) sb.Append(objects ? '}' : ']');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static readonly string[] HugeNumbers =
        ["1e400", "-1e400", "1E-400", "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616", "0.000000000000000000000000000001", "1.7976931348623157e309", "-0"];

    /// <summary>One number in the document replaced by one that overflows or underflows the usual types.</summary>
    private byte[] HugeNumber(byte[] example)
    {
        var text = Encoding.UTF8.GetString(example);
        var positions = new List<(int Start, int End)>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is ':' or '[' or ',')
            {
                int j = i + 1;
                while (j < text.Length && text[j] == ' ') j++;
                int start = j;
                while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] is '-' or '.' or 'e' or 'E' or '+')) j++;
                if (j > start) positions.Add((start, j));
            }
        }
        if (positions.Count == 0) return example;
        var (s, e) = positions[_random.Next(positions.Count)];
        return Encoding.UTF8.GetBytes(text[..s] + HugeNumbers[_random.Next(HugeNumbers.Length)] + text[e..]);
    }

    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xC0, 0xAF], [0x00]];

    /// <summary>Invalid UTF-8 inside a string value (where a reader must decode it) or anywhere.</summary>
    private byte[] InvalidUtf8(byte[] example)
    {
        var bad = BadUtf8[_random.Next(BadUtf8.Length)];
        var quotes = new List<int>();
        for (int i = 0; i < example.Length; i++) if (example[i] == (byte)'"') quotes.Add(i);
        if (quotes.Count == 0 || _random.Next(4) == 0) return Insert(example, bad);
        int at = quotes[_random.Next(quotes.Count)] + 1;
        return [.. example[..at], .. bad, .. example[at..]];
    }

    /// <summary>The content of one string value replaced by <paramref name="raw"/> (already JSON-escaped text).</summary>
    private string ReplaceAString(byte[] example, string raw)
    {
        var text = Encoding.UTF8.GetString(example);
        var starts = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '"') continue;
            int j = i - 1;
            while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
            if (j >= 0 && text[j] == ':') starts.Add(i);
        }
        if (starts.Count == 0) return text;
        int start = starts[_random.Next(starts.Count)];
        int end = text.IndexOf('"', start + 1);
        return end < 0 ? text : text[..(start + 1)] + raw + text[end..];
    }

    private JsonNode? RandomJson(int depth)
    {
        if (depth > 4) return JsonValue.Create(_random.Next());
        switch (_random.Next(6))
        {
            case 0:
                var o = new JsonObject();
                int n = _random.Next(0, 6);
                for (int i = 0; i < n; i++) o[_random.Next(3) == 0 ? "claim_id" : RandomText()] = RandomJson(depth + 1);
                return o;
            case 1:
                var a = new JsonArray();
                int m = _random.Next(0, 6);
                for (int i = 0; i < m; i++) a.Add(RandomJson(depth + 1));
                return a;
            case 2: return JsonValue.Create(RandomText());
            case 3: return JsonValue.Create(_random.NextDouble().ToString(CultureInfo.InvariantCulture));
            case 4: return JsonValue.Create(_random.Next(-5, 5));
            default: return null;
        }
    }
}
