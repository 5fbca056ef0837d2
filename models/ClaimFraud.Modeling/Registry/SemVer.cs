using System.Globalization;

namespace ClaimFraud.Modeling.Registry;

/// <summary>MAJOR.MINOR.PATCH, ordered numerically (1.10.0 after 1.9.0).</summary>
public readonly record struct SemVer(int Major, int Minor, int Patch) : IComparable<SemVer>
{
    public static bool TryParse(string? s, out SemVer v)
    {
        v = default;
        var parts = s?.Split('.');
        if (parts is not { Length: 3 }) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int a)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int b)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int c)) return false;
        v = new SemVer(a, b, c);
        return true;
    }

    public static SemVer Parse(string s) => TryParse(s, out var v) ? v : throw new FormatException($"'{s}' is not a version like 1.2.3");

    public SemVer NextMinor() => new(Major, Minor + 1, 0);

    public int CompareTo(SemVer other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
