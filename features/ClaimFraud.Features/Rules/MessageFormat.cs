using System.Globalization;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Features.Rules;

/// <summary>How values appear in rule messages: "Rp 8.500.000", "2,66×", "2024-10-13 10:00" (Jakarta time) in Indonesian.</summary>
/// <remarks>
/// The numbers read as .NET's custom formats would write them ("#,0.#", "0.00": the value to 15 significant digits,
/// then rounded half away from zero), but are written digit by digit: a claim with many findings formats dozens of
/// numbers, and the custom-format machinery was most of the cost of its messages (tests hold the two equal).
/// </remarks>
public static class MessageFormat
{
    private static readonly CultureInfo Indonesian = CreateIndonesian();

    /// <summary>The number format of a message language: "." groups and "," decimals in Indonesian, invariant in English.</summary>
    public static CultureInfo CultureOf(RuleLanguage language) => language == RuleLanguage.Indonesian ? Indonesian : CultureInfo.InvariantCulture;

    public static string Rupiah(double amount, RuleLanguage language) =>
        "Rp " + Digits(Math.Round(amount, MidpointRounding.AwayFromZero), 0, grouped: true, keepZeros: false, language);

    public static string Ratio(double ratio, RuleLanguage language) => Digits(ratio, 2, grouped: false, keepZeros: true, language) + "×";

    public static string Number(double value, RuleLanguage language, int decimals = 1) =>
        Digits(value, decimals, grouped: true, keepZeros: false, language);

    public static string Percent(double share, RuleLanguage language) => Digits(100 * share, 0, grouped: false, keepZeros: false, language) + "%";

    public static string DateTime(DateTimeOffset at)
    {
        var local = at.ToOffset(StayCalendar.JakartaOffset);
        return string.Create(16, local, static (span, t) =>
        {
            WriteDate(span, t.Year, t.Month, t.Day);
            span[10] = ' ';
            Two(span[11..], t.Hour);
            span[13] = ':';
            Two(span[14..], t.Minute);
        });
    }

    public static string Date(DateTimeOffset at) => Date(StayCalendar.JakartaDate(at));

    public static string Date(DateOnly d) => string.Create(10, d, static (span, x) => WriteDate(span, x.Year, x.Month, x.Day));

    /// <summary>The custom format "#,0.##…" (grouped, zeros trimmed) or "0.00…" (keepZeros) of value with the given decimals.</summary>
    private static string Digits(double value, int decimals, bool grouped, bool keepZeros, RuleLanguage language)
    {
        // Beyond these, decimal cannot hold the value or the scaled digits would not fit a long: the slow, exact path.
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e14 || decimals > 4)
            return value.ToString(Pattern(decimals, grouped, keepZeros), CultureOf(language));

        bool negative = value < 0 || (value == 0 && double.IsNegative(value));
        ulong magnitude = Scaled(value, decimals);
        ulong whole = magnitude / (ulong)Pow10[decimals];
        ulong fraction = magnitude % (ulong)Pow10[decimals];
        int fractionDigits = decimals;
        if (!keepZeros)
        {
            while (fractionDigits > 0 && fraction % 10 == 0)
            {
                fraction /= 10;
                fractionDigits--;
            }
        }

        var format = CultureOf(language).NumberFormat;
        Span<char> buffer = stackalloc char[48];
        int at = buffer.Length;
        for (int i = 0; i < fractionDigits; i++)
        {
            buffer[--at] = (char)('0' + (int)(fraction % 10));
            fraction /= 10;
        }

        if (fractionDigits > 0) buffer[--at] = format.NumberDecimalSeparator[0];
        int written = 0;
        do
        {
            if (grouped && written > 0 && written % 3 == 0) buffer[--at] = format.NumberGroupSeparator[0];
            buffer[--at] = (char)('0' + (int)(whole % 10));
            whole /= 10;
            written++;
        }
        while (whole > 0);

        if (negative) buffer[--at] = '-';
        return new string(buffer[at..]);
    }

    // |value| × 10^decimals rounded half away from zero, as the custom formats round value's 15 significant digits.
    // Keeping 15 digits moves the scaled value by at most 5e-15 of itself, so away from a tie (x.5 ± that) plain double
    // arithmetic decides; near one, the double → decimal conversion (which keeps 15 significant digits) does.
    private static ulong Scaled(double value, int decimals)
    {
        double x = Math.Abs(value) * Pow10[decimals];
        if (x < 1e15)
        {
            double whole = Math.Floor(x);
            double fraction = x - whole;
            if (Math.Abs(fraction - 0.5) > 6e-15 * x + 1e-300) return (ulong)whole + (fraction > 0.5 ? 1UL : 0UL);
        }
        decimal rounded = Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);
        return (ulong)Math.Abs((long)(rounded * Pow10[decimals]));
    }

    private static string Pattern(int decimals, bool grouped, bool keepZeros) =>
        (grouped ? "#,0" : "0") + (decimals == 0 ? "" : "." + new string(keepZeros ? '0' : '#', decimals));

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000];

    private static void WriteDate(Span<char> span, int year, int month, int day)
    {
        Two(span, year / 100);
        Two(span[2..], year % 100);
        span[4] = '-';
        Two(span[5..], month);
        span[7] = '-';
        Two(span[8..], day);
    }

    private static void Two(Span<char> span, int value)
    {
        span[0] = (char)('0' + value / 10);
        span[1] = (char)('0' + value % 10);
    }

    /// <summary>Indonesian digit grouping without depending on the machine having ICU data for id-ID.</summary>
    private static CultureInfo CreateIndonesian()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberGroupSeparator = ".";
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSizes = [3];
        return CultureInfo.ReadOnly(c);
    }
}
