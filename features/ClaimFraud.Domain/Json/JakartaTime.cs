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

    public static string Format(DateTimeOffset value)
    {
        // Whole seconds (nearly every claim time) take a hand-written path: the general custom format is slow.
        if (value.Ticks % TimeSpan.TicksPerSecond != 0 || value.Offset.Ticks % TimeSpan.TicksPerMinute != 0 || value.Year > 9999)
            return value.ToString(WriteFormat, CultureInfo.InvariantCulture);
        return string.Create(25, value, static (span, v) =>
        {
            var d = v.DateTime;
            Four(span, d.Year); span[4] = '-'; Two(span[5..], d.Month); span[7] = '-'; Two(span[8..], d.Day);
            span[10] = 'T'; Two(span[11..], d.Hour); span[13] = ':'; Two(span[14..], d.Minute); span[16] = ':'; Two(span[17..], d.Second);
            var off = v.Offset;
            span[19] = off < TimeSpan.Zero ? '-' : '+';
            off = off.Duration();
            Two(span[20..], off.Hours); span[22] = ':'; Two(span[23..], off.Minutes);
        });
    }

    private static void Two(Span<char> s, int v)
    {
        s[0] = (char)('0' + v / 10);
        s[1] = (char)('0' + v % 10);
    }

    private static void Four(Span<char> s, int v)
    {
        Two(s, v / 100);
        Two(s[2..], v % 100);
    }

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
