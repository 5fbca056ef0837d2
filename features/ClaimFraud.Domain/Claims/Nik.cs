using System.Globalization;

namespace ClaimFraud.Domain.Claims;

/// <summary>The parts of a 16-digit NIK: <c>PPKKCC DDMMYY SSSS</c>.</summary>
public readonly record struct NikParts(string DistrictCode, int Day, int Month, int TwoDigitYear, int Serial, Sex Sex)
{
    public string ProvinceCode => DistrictCode[..2];
    public string RegencyCode => DistrictCode[..4];

    /// <summary>The birth date the NIK encodes, taking the century that puts it on or before <paramref name="reference"/>.</summary>
    public DateOnly? BirthDate(DateOnly reference)
    {
        int year = 2000 + TwoDigitYear;
        if (year > reference.Year) year -= 100;
        if (Day > DateTime.DaysInMonth(year, Month)) return null;
        var date = new DateOnly(year, Month, Day);
        // Same two-digit year as the reference but later in the year than the reference date: a century earlier.
        if (date > reference)
        {
            year -= 100;
            if (Day > DateTime.DaysInMonth(year, Month)) return null;
            date = new DateOnly(year, Month, Day);
        }
        return date;
    }
}

/// <summary>Encodes and decodes the Nomor Induk Kependudukan (structure only; district existence is the catalog's job).</summary>
public static class Nik
{
    public const int Length = 16;

    public static bool IsSixteenDigits(string? s)
    {
        if (s is null || s.Length != Length) return false;
        foreach (char c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>Decodes a NIK whose date part is well formed (day 1–31 or 41–71, month 1–12, serial from 0001).</summary>
    public static bool TryDecode(string? nik, out NikParts parts)
    {
        parts = default;
        if (!IsSixteenDigits(nik)) return false;
        int dd = Two(nik!, 6), mm = Two(nik!, 8), yy = Two(nik!, 10);
        int serial = int.Parse(nik!.AsSpan(12, 4), CultureInfo.InvariantCulture);
        var sex = dd > 40 ? Sex.F : Sex.M;
        int day = dd > 40 ? dd - 40 : dd;
        if (day is < 1 or > 31 || mm is < 1 or > 12 || serial < 1) return false;
        // 29 February needs a leap year in at least one candidate century.
        if (day > DateTime.DaysInMonth(2000 + yy, mm) && day > DateTime.DaysInMonth(1900 + yy, mm)) return false;
        parts = new NikParts(nik![..6], day, mm, yy, serial, sex);
        return true;
    }

    public static string Encode(string districtDigits, Sex sex, DateOnly birthDate, int serial)
    {
        if (districtDigits.Length != 6) throw new ArgumentException("A district code has 6 digits.", nameof(districtDigits));
        if (serial is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(serial), "The serial runs from 0001 to 9999.");
        int dd = birthDate.Day + (sex == Sex.F ? 40 : 0);
        return string.Create(Length, (districtDigits, dd, birthDate, serial), static (span, s) =>
        {
            s.districtDigits.AsSpan().CopyTo(span);
            Write2(span[6..], s.dd);
            Write2(span[8..], s.birthDate.Month);
            Write2(span[10..], s.birthDate.Year % 100);
            int v = s.serial;
            for (int i = 15; i >= 12; i--) { span[i] = (char)('0' + v % 10); v /= 10; }
        });
    }

    /// <summary>Whether a decoded NIK agrees with the claimed sex and birth date.</summary>
    public static bool AgreesWith(NikParts parts, Sex sex, DateOnly birthDate) =>
        parts.Sex == sex && parts.Day == birthDate.Day && parts.Month == birthDate.Month && parts.TwoDigitYear == birthDate.Year % 100;

    private static int Two(string s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');

    private static void Write2(Span<char> span, int v)
    {
        span[0] = (char)('0' + v / 10);
        span[1] = (char)('0' + v % 10);
    }
}
