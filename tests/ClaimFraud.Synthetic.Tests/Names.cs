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
}
