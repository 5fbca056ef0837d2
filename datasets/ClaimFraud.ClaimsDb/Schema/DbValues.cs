using System.Data.Common;
using System.Globalization;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>
/// How claim values look in a row, the same for both database kinds: times as the UTC instant in fixed-width text
/// (MySQL turns it into DATETIME(6); SQLite keeps it, and fixed width makes text order time order) plus offset minutes.
/// </summary>
internal static class DbValues
{
    public const string UtcFormat = "yyyy-MM-dd HH:mm:ss.ffffff";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The UTC instant as <see cref="UtcFormat"/>, written digit by digit: the loader formats millions of these.</summary>
    public static string Utc(DateTimeOffset value) => string.Create(26, value.UtcDateTime, static (s, t) =>
    {
        DateAndTime(s, t, ' ');
        s[19] = '.';
        Digits(s.Slice(20, 6), (int)(t.Ticks % TimeSpan.TicksPerSecond / 10));
    });

    /// <summary>yyyy-MM-dd, <paramref name="separator"/>, HH:mm:ss into the first 19 chars of <paramref name="s"/>, digit by digit.</summary>
    internal static void DateAndTime(Span<char> s, DateTime t, char separator)
    {
        Digits(s[..4], t.Year);
        s[4] = '-';
        Digits(s.Slice(5, 2), t.Month);
        s[7] = '-';
        Digits(s.Slice(8, 2), t.Day);
        s[10] = separator;
        Digits(s.Slice(11, 2), t.Hour);
        s[13] = ':';
        Digits(s.Slice(14, 2), t.Minute);
        s[16] = ':';
        Digits(s.Slice(17, 2), t.Second);
    }

    /// <summary>The value's last <c>into.Length</c> decimal digits, zero-padded.</summary>
    internal static void Digits(Span<char> into, int value)
    {
        for (int i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    public static object? Utc(DateTimeOffset? value) => value is { } v ? Utc(v) : null;

    public static int OffsetMinutes(DateTimeOffset value) => (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);

    public static object? OffsetMinutes(DateTimeOffset? value) => value is { } v ? OffsetMinutes(v) : null;

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static int Flag(bool value) => value ? 1 : 0;

    public static string? String(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static bool Bool(DbDataReader r, int i) => Long(r, i) != 0;

    public static bool? NullableBool(DbDataReader r, int i) => r.IsDBNull(i) ? null : Bool(r, i);

    public static double Double(DbDataReader r, int i) => r.GetDouble(i);

    public static DateOnly Date(DbDataReader r, int i) => r.GetValue(i) switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.ParseExact(s, DateFormat, CultureInfo.InvariantCulture),
        var other => throw new InvalidDataException($"Column {r.GetName(i)} holds {other.GetType().Name}, not a date."),
    };

    /// <summary>Rebuilds the exact DateTimeOffset from its UTC column <paramref name="utc"/> and offset column <paramref name="offset"/>.</summary>
    public static DateTimeOffset? Time(DbDataReader r, int utc, int offset)
    {
        if (r.IsDBNull(utc)) return null;
        var instant = r.GetValue(utc) switch
        {
            DateTime dt => dt,
            string s => DateTime.ParseExact(s, UtcFormat, CultureInfo.InvariantCulture),
            var other => throw new InvalidDataException($"Column {r.GetName(utc)} holds {other.GetType().Name}, not a time."),
        };
        var shift = TimeSpan.FromMinutes(Int(r, offset));
        return new DateTimeOffset(DateTime.SpecifyKind(instant, DateTimeKind.Unspecified).Ticks + shift.Ticks, shift);
    }

    public static DateTimeOffset RequiredTime(DbDataReader r, int utc, int offset) =>
        Time(r, utc, offset) ?? throw new InvalidDataException($"Column {r.GetName(utc)} is NULL although the schema requires a value.");
}
