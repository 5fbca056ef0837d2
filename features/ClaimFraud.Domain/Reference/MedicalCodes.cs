using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ClaimFraud.Domain.Reference;

/// <summary>An ICD-10 code in canonical form: <see cref="Code"/> dotted ("A09.0", "S72.00") or a bare category ("A09").</summary>
public readonly record struct Icd10Code(string Category, string Code)
{
    /// <summary>The undotted form some BPJS/e-Klaim exports use ("A090").</summary>
    public string NoDot => Code.Length > 3 ? string.Concat(Code.AsSpan(0, 3), Code.AsSpan(4)) : Code;

    public bool IsCategory => Code.Length == 3;

    public override string ToString() => Code;
}

/// <summary>
/// Normalises codes and names as claims write them, so catalog lookups match however a hospital typed
/// them. Every method accepts junk and returns false/null rather than throwing.
/// </summary>
public static class MedicalCodes
{
    /// <summary>
    /// Parses ICD-10 written with or without the dot and in any case ("A09", "a09.0", "A090", "S7200"),
    /// ignoring surrounding spaces and a trailing dagger/asterisk mark. WHO ICD-10 only: a letter, two
    /// digits, then up to two digits.
    /// </summary>
    public static bool TryParseIcd10(string? input, out Icd10Code code)
    {
        code = default;
        if (input is null) return false;
        var s = input.AsSpan().Trim().TrimEnd("*+!\u2020");
        if (s.Length < 3 || s.Length > 6) return false;
        char letter = char.ToUpperInvariant(s[0]);
        if (letter is < 'A' or > 'Z' || !char.IsAsciiDigit(s[1]) || !char.IsAsciiDigit(s[2])) return false;
        var rest = s[3..];
        if (rest.Length > 0 && rest[0] == '.') rest = rest[1..];
        if (rest.Length > 2) return false;
        foreach (char c in rest) if (!char.IsAsciiDigit(c)) return false;
        string category = new([letter, s[1], s[2]]);
        code = new Icd10Code(category, rest.Length == 0 ? category : $"{category}.{rest}");
        return true;
    }

    /// <summary>The canonical dotted code ("A090" → "A09.0"), or null when the input is not ICD-10.</summary>
    public static string? NormalizeIcd10(string? input) => TryParseIcd10(input, out var code) ? code.Code : null;

    /// <summary>The 3-character category ("A09.0" → "A09"), or null when the input is not ICD-10.</summary>
    public static string? Icd10Category(string? input) => TryParseIcd10(input, out var code) ? code.Category : null;

    /// <summary>
    /// Normalises an ICD-9-CM procedure code to its dotted form: "47.09" and "4709" → "47.09", "470" → "47.0",
    /// "3.31" → "03.31", "04420" → "04.420" and "90.0600" (Indonesian Modification, up to four decimals); the nuclear-medicine IM codes
    /// ("KND01") pass through upper-cased. Without a dot the first two digits are the category, so "331"
    /// reads as "33.1", not "03.31".
    /// </summary>
    public static bool TryNormalizeIcd9Cm(string? input, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (input is null) return false;
        var s = input.AsSpan().Trim();
        if (s.Length >= 4 && s[..3].Equals("KND", StringComparison.OrdinalIgnoreCase))
        {
            foreach (char c in s[3..]) if (!char.IsAsciiDigit(c)) return false;
            code = string.Concat("KND", s[3..]);
            return true;
        }
        int dot = s.IndexOf('.');
        ReadOnlySpan<char> head, tail;
        if (dot >= 0)
        {
            head = s[..dot];
            tail = s[(dot + 1)..];
            if (head.Length is < 1 or > 2) return false;
        }
        else
        {
            if (s.Length < 2) return false;
            head = s[..2];
            tail = s[2..];
        }
        if (tail.Length > 4) return false;
        foreach (char c in head) if (!char.IsAsciiDigit(c)) return false;
        foreach (char c in tail) if (!char.IsAsciiDigit(c)) return false;
        string category = head.Length == 1 ? string.Concat("0", head) : head.ToString();
        code = tail.Length == 0 ? category : string.Concat(category, ".", tail);
        return true;
    }

    /// <summary>The dotted ICD-9-CM code, or null when the input is not one.</summary>
    public static string? NormalizeIcd9Cm(string? input) => TryNormalizeIcd9Cm(input, out var code) ? code : null;

    /// <summary>A lookup key for drug, vitamin and lab names: trimmed, inner spaces collapsed, lower case, typographic dashes as '-'.</summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var sb = new StringBuilder(name.Length);
        bool space = false;
        foreach (char raw in name.AsSpan().Trim())
        {
            char c = raw is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' ? '-' : raw;
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// A lookup key for a dose: lower case without spaces, thousands separators dropped
    /// ("1.000 mg", "1000mg" and "1000 mg" → "1000mg"; "0.25 mg" stays "0.25mg").
    /// </summary>
    public static string NormalizeDose(string? dose)
    {
        if (string.IsNullOrWhiteSpace(dose)) return "";
        var s = NormalizeName(dose);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) continue;
            if ((c == '.' || c == ',') && i > 0 && char.IsAsciiDigit(s[i - 1]) && IsThousandsGroup(s, i + 1)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A lookup key for a dosage form, mapping common Indonesian and abbreviated forms ("injeksi", "inj", "kapsul", "infus") to the catalog's English words.</summary>
    public static string NormalizeForm(string? form)
    {
        string key = NormalizeName(form);
        return FormSynonyms.TryGetValue(key, out var canonical) ? canonical : key;
    }

    private static bool IsThousandsGroup(string s, int start) =>
        start + 3 <= s.Length
        && char.IsAsciiDigit(s[start]) && char.IsAsciiDigit(s[start + 1]) && char.IsAsciiDigit(s[start + 2])
        && (start + 3 == s.Length || !char.IsAsciiDigit(s[start + 3]));

    private static readonly Dictionary<string, string> FormSynonyms = new(StringComparer.Ordinal)
    {
        ["tab"] = "tablet", ["tablet salut"] = "tablet", ["tablet salut selaput"] = "tablet", ["kaplet"] = "tablet", ["caplet"] = "tablet",
        ["cap"] = "capsule", ["caps"] = "capsule", ["kapsul"] = "capsule",
        ["inj"] = "injection", ["injeksi"] = "injection", ["injectable"] = "injection", ["ampul"] = "injection", ["ampoule"] = "injection", ["vial"] = "injection",
        ["infus"] = "infusion", ["infuse"] = "infusion", ["iv infusion"] = "infusion",
        ["sirup"] = "syrup", ["syr"] = "syrup", ["sirop"] = "syrup",
        ["suspensi"] = "suspension", ["susp"] = "suspension",
        ["tetes mata"] = "eye drops", ["eye drop"] = "eye drops", ["obat tetes mata"] = "eye drops",
        ["nebul"] = "nebule", ["nebules"] = "nebule", ["respules"] = "nebule", ["inhalation solution"] = "nebule",
        ["mdi"] = "inhaler", ["aerosol"] = "inhaler", ["inhalasi"] = "inhaler",
        ["saset"] = "sachet", ["serbuk"] = "sachet",
        ["salep"] = "ointment",
        ["pen injeksi"] = "pen", ["prefilled pen"] = "pen",
    };
}
