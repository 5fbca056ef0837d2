namespace ClaimFraud.Charts;

/// <summary>
/// Estimates text widths for layout. The renderer picks the actual sans-serif font, so widths are approximate
/// (Helvetica/Arial-like advance widths) and lean slightly wide so labels do not collide.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string? text, double fontSize)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        double em = 0;
        foreach (var c in text) em += Advance(c);
        return em * fontSize * 1.05;
    }

    /// <summary>Shortens <paramref name="text"/> with an ellipsis until it fits <paramref name="maxWidth"/>.</summary>
    public static string Fit(string? text, double maxWidth, double fontSize)
    {
        text ??= "";
        if (Width(text, fontSize) <= maxWidth) return text;
        for (var n = text.Length - 1; n > 0; n--)
        {
            var candidate = text[..n].TrimEnd() + "…";
            if (Width(candidate, fontSize) <= maxWidth) return candidate;
        }
        return "…";
    }

    private static double Advance(char c) => c switch
    {
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or 'I' => 0.28,
        'f' or 't' or 'r' or '(' or ')' or '[' or ']' or ' ' or '-' or '/' => 0.36,
        'm' or 'w' => 0.85,
        'M' or 'W' or '%' => 0.9,
        '…' => 1.0,
        >= '0' and <= '9' => 0.56,
        >= 'A' and <= 'Z' => 0.68,
        >= 'a' and <= 'z' => 0.54,
        _ when c > 0x2E80 => 1.0,
        _ => 0.6,
    };
}
