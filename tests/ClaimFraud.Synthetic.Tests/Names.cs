namespace ClaimFraud.Synthetic.Tests;

/// <summary>How documents may legitimately write a patient's name: another case, or a courtesy title in front.</summary>
internal static class Names
{
    private static readonly string[] Titles = ["Tn. ", "Ny. ", "Nn. ", "An. "];

    public static string Normalize(string? name)
    {
        string s = (name ?? "").Trim();
        foreach (var t in Titles)
            if (s.StartsWith(t, StringComparison.OrdinalIgnoreCase)) { s = s[t.Length..]; break; }
        return s.ToUpperInvariant();
    }

    public static bool Same(string? a, string? b) => Normalize(a) == Normalize(b);

    /// <summary>The same name but for one typing error (a letter dropped, doubled or replaced).</summary>
    public static bool OneTypoApart(string? a, string? b)
    {
        string x = Normalize(a), y = Normalize(b);
        if (x == y || Math.Abs(x.Length - y.Length) > 1) return false;
        int i = 0;
        while (i < Math.Min(x.Length, y.Length) && x[i] == y[i]) i++;
        // After the first difference the rest must match with one character skipped on the longer side (or replaced).
        return x.Length == y.Length ? x[(i + 1)..] == y[(i + 1)..]
            : x.Length > y.Length ? x[(i + 1)..] == y[i..] : x[i..] == y[(i + 1)..];
    }
}
