using System.Globalization;

namespace ClaimFraud.Domain.Json;

/// <summary>ISO 8601 reading and writing where a time without an offset means Asia/Jakarta (contract §1).</summary>
public static class JakartaTime
{
    private const string WriteFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static bool TryParseTimestamp(string? s, out DateTimeOffset value)
    {
        value = default;
        if (s is null || s.Length < 10 || s.Length > 40 || s[4] != '-' || s[7] != '-') return false;
        if (HasOffset(s))
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Claims.StayCalendar.JakartaOffset);
        return true;
    }

    public static bool TryParseDate(string? s, out DateOnly value)
    {
        value = default;
        if (s is null) return false;
        if (s.Length == 10)
            return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        if (!TryParseTimestamp(s, out var ts)) return false;
        value = DateOnly.FromDateTime(ts.DateTime);
        return true;
    }

    public static string Format(DateTimeOffset value) => value.ToString(WriteFormat, CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool HasOffset(string s)
    {
        int t = s.IndexOf('T');
        if (t < 0) t = s.IndexOf(' ');
        if (t < 0) return false;
        if (s[^1] is 'Z' or 'z') return true;
        for (int i = t + 1; i < s.Length; i++) if (s[i] is '+' or '-') return true;
        return false;
    }
}
