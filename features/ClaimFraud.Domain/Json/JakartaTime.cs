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
        if (TryParseCanonical(s, out value)) return true;
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
        if (s.Length == 10 && TryDigits(s, 0, 4, out int y) && TryDigits(s, 5, 2, out int m) && TryDigits(s, 8, 2, out int d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            value = new DateOnly(y, m, d);
            return true;
        }
        if (s.Length == 10)
            return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        if (!TryParseTimestamp(s, out var ts)) return false;
        value = DateOnly.FromDateTime(ts.DateTime);
        return true;
    }

    /// <summary>
    /// The two forms nearly every claim uses, "2024-10-10T08:00:00" and "2024-10-10T08:00:00+07:00", read by hand: the
    /// general parser costs several microseconds a field. Anything else, or any out-of-range part, is left to the general
    /// parser (false here), so both paths accept and produce the same values.
    /// </summary>
    private static bool TryParseCanonical(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length is not (19 or 25) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        if (!TryDigits(s, 0, 4, out int year) || !TryDigits(s, 5, 2, out int month) || !TryDigits(s, 8, 2, out int day)
            || !TryDigits(s, 11, 2, out int hour) || !TryDigits(s, 14, 2, out int minute) || !TryDigits(s, 17, 2, out int second))
            return false;
        // Years 2..9998 keep every offset's UTC instant in range; seconds stop at 59 (no leap seconds here).
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (s.Length == 19)
        {
            value = new DateTimeOffset(local, Claims.StayCalendar.JakartaOffset);
            return true;
        }
        if (s[19] is not ('+' or '-') || s[22] != ':' || !TryDigits(s, 20, 2, out int offHours) || !TryDigits(s, 23, 2, out int offMinutes)
            || offMinutes > 59 || offHours * 60 + offMinutes > 14 * 60)
            return false;
        var offset = new TimeSpan(offHours, offMinutes, 0);
        value = new DateTimeOffset(local, s[19] == '-' ? -offset : offset);
        return true;
    }

    /// <summary>
    /// <see cref="TryParseTimestamp(string?, out DateTimeOffset)"/>'s two common forms read straight from UTF-8, without a
    /// string: true gives the value that method gives for this text; false means "ask that method", not "invalid".
    /// </summary>
    internal static bool TryParseCanonical(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        Span<char> chars = stackalloc char[25];
        return utf8.Length is 19 or 25 && System.Text.Ascii.ToUtf16(utf8, chars, out int written) == System.Buffers.OperationStatus.Done
            && TryParseCanonical(chars[..written], out value);
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = s[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
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
