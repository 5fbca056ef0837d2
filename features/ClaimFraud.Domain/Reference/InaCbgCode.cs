using System.Globalization;

namespace ClaimFraud.Domain.Reference;

/// <summary>
/// An INA-CBG code <c>CMG-casetype-group-severity</c>, e.g. K-4-17-I: CMG letter, case type 1–9, a two-digit
/// group and severity I/II/III (inpatient) or 0 (outpatient).
/// </summary>
public readonly record struct InaCbgCode(char Cmg, int CaseType, string Group, int SeverityLevel)
{
    /// <summary>The group without severity, e.g. "K-4-17".</summary>
    public string BaseCode => $"{Cmg}-{CaseType.ToString(CultureInfo.InvariantCulture)}-{Group}";

    /// <summary>"0", "I", "II" or "III".</summary>
    public string Severity => SeverityName(SeverityLevel);

    public bool IsInpatient => SeverityLevel > 0;

    public InaCbgCode WithSeverity(int level) => this with { SeverityLevel = level };

    public override string ToString() => $"{BaseCode}-{Severity}";

    /// <summary>Parses "K-4-17-I", "q-5-44-0" (trimmed, any case); false for anything else, including grouper error codes (X-…).</summary>
    public static bool TryParse(string? text, out InaCbgCode code)
    {
        code = default;
        if (text is null) return false;
        var parts = text.Trim().ToUpperInvariant().Split('-');
        if (parts.Length != 4) return false;
        if (parts[0].Length != 1 || parts[0][0] is < 'A' or > 'Z' || parts[0][0] == 'X') return false;
        if (parts[1].Length != 1 || parts[1][0] is < '1' or > '9') return false;
        if (parts[2].Length != 2 || !char.IsAsciiDigit(parts[2][0]) || !char.IsAsciiDigit(parts[2][1])) return false;
        int level = parts[3] switch { "0" => 0, "I" => 1, "II" => 2, "III" => 3, _ => -1 };
        if (level < 0) return false;
        code = new InaCbgCode(parts[0][0], parts[1][0] - '0', parts[2], level);
        return true;
    }

    public static string SeverityName(int level) => level switch
    {
        0 => "0",
        1 => "I",
        2 => "II",
        3 => "III",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Severity levels are 0 to 3."),
    };
}
