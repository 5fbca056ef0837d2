using System.Globalization;
using ClaimFraud.Domain.Json;

namespace ClaimFraud.Domain.Tests;

/// <summary>The two timestamp forms nearly every claim uses are read by hand; every other form goes to the general parsers.</summary>
public sealed class HandReadTimestampTests
{
    [Fact]
    public void TimestampsReadByHandEqualTheGeneralParsersReading()
    {
        var random = new Random(20241010);
        var cases = new List<string>
        {
            "2024-10-10T08:00:00", "2024-10-10T08:00:00+07:00", "2024-10-10T08:00:00-00:00", "2024-02-29T23:59:59+14:00",
            "2023-02-29T10:00:00", "2024-13-01T00:00:00", "2024-00-10T00:00:00", "2024-04-31T00:00:00", "2024-10-10T24:00:00",
            "2024-10-10T23:60:00", "2024-10-10T23:59:60", "2024-10-10T08:00:00+14:01", "2024-10-10T08:00:00+15:00",
            "2024-10-10T08:00:00+07:60", "0001-01-01T00:00:00-05:00", "9999-12-31T23:59:59+00:00", "0000-01-01T00:00:00",
            "2024-10-10 08:00:00", "2024-10-10T08:00:00Z", "2024-10-10T08:00:00.5+07:00", "2024-10-10T8:00:00+07:00",
            "2024-1a-10T08:00:00", "2024-10-10T08:00:00 07:00", "2024-10-10T08:00:00+0700", "２０２４-10-10T08:00:00",
        };
        for (int i = 0; i < 20_000; i++)
        {
            string s = $"{random.Next(0, 10_000):0000}-{random.Next(0, 14):00}-{random.Next(0, 33):00}T{random.Next(0, 26):00}:{random.Next(0, 62):00}:{random.Next(0, 62):00}";
            int offset = random.Next(3);
            if (offset > 0) s += (offset == 1 ? "+" : "-") + $"{random.Next(0, 16):00}:{random.Next(0, 61):00}";
            cases.Add(s);
        }
        foreach (var s in cases)
        {
            bool expectedOk = ReferenceTimestamp(s, out var expected, out bool threw);
            DateTimeOffset actual = default;
            bool actualThrew = false, actualOk = false;
            try { actualOk = JakartaTime.TryParseTimestamp(s, out actual); }
            catch (ArgumentOutOfRangeException) { actualThrew = true; }
            Assert.True(threw == actualThrew && expectedOk == actualOk && expected == actual && expected.Offset == actual.Offset, s);

            string date = s[..10];
            bool dateOk = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedDate);
            Assert.True(dateOk == JakartaTime.TryParseDate(date, out var actualDate) && expectedDate == actualDate, date);
        }
    }

    // JakartaTime.TryParseTimestamp before the hand-written path: the general .NET parsers only.
    private static bool ReferenceTimestamp(string s, out DateTimeOffset value, out bool threw)
    {
        value = default;
        threw = false;
        if (s.Length < 10 || s.Length > 40 || s[4] != '-' || s[7] != '-') return false;
        int t = s.IndexOf('T');
        if (t < 0) t = s.IndexOf(' ');
        bool hasOffset = t >= 0 && (s[^1] is 'Z' or 'z' || s.AsSpan(t + 1).IndexOfAny('+', '-') >= 0);
        if (hasOffset) return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        try { value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(7)); }
        catch (ArgumentOutOfRangeException) { threw = true; return false; }
        return true;
    }
}
