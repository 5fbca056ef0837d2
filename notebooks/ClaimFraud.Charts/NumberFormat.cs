using System.Globalization;

namespace ClaimFraud.Charts;

/// <summary>
/// Number formatting for labels, always in the invariant culture so output never depends on the machine.
/// The one-argument overloads convert to <c>Func&lt;double, string&gt;</c>, e.g. <c>valueFormat: NumberFormat.Percent</c>.
/// </summary>
public static class NumberFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] CompactSuffixes = ["", "k", "M", "B", "T"];

    /// <summary>Thousands separators and 2 decimals: 1234.567 → "1,234.57".</summary>
    public static string Number(double value) => Number(value, 2);

    /// <summary>Thousands separators and <paramref name="decimals"/> decimals: (1234.5, 1) → "1,234.5".</summary>
    public static string Number(double value, int decimals)
    {
        CheckDecimals(decimals);
        if (!double.IsFinite(value)) return NonFinite(value);
        return Clean(Math.Round(value, decimals, MidpointRounding.AwayFromZero)).ToString("N" + decimals, Invariant);
    }

    /// <summary>Whole number with thousands separators: 1234567 → "1,234,567".</summary>
    public static string Integer(double value) => Number(value, 0);

    /// <summary>A fraction as a percentage with 1 decimal: 0.1234 → "12.3%".</summary>
    public static string Percent(double fraction) => Percent(fraction, 1);

    /// <summary>A fraction as a percentage: (0.1234, 2) → "12.34%".</summary>
    public static string Percent(double fraction, int decimals)
    {
        CheckDecimals(decimals);
        return double.IsFinite(fraction) ? Number(fraction * 100, decimals) + "%" : NonFinite(fraction);
    }

    /// <summary>Short form for big numbers: 1234 → "1.2k", 3_400_000 → "3.4M", 2.5e9 → "2.5B"; small ones as is.</summary>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value)) return NonFinite(value);
        var (rounded, tier) = CompactParts(value);
        return rounded.ToString(tier == 0 ? "0.##" : "0.#", Invariant) + CompactSuffixes[tier];
    }

    /// <summary>Indonesian Rupiah, whole rupiah with dot grouping: 1490600 → "Rp 1.490.600", -2500 → "-Rp 2.500".</summary>
    public static string Rupiah(double amount)
    {
        if (!double.IsFinite(amount)) return NonFinite(amount);
        var r = Clean(Math.Round(amount, 0, MidpointRounding.AwayFromZero));
        var digits = Math.Abs(r).ToString("N0", Invariant).Replace(',', '.');
        return (r < 0 ? "-Rp " : "Rp ") + digits;
    }

    /// <summary>
    /// Like <see cref="Number(double, int)"/> but without a separator below 10,000, so axis labels such as years
    /// read "2024" rather than "2,024".
    /// </summary>
    internal static string Plain(double value, int decimals) =>
        Math.Abs(value) < 9_999.5 && double.IsFinite(value)
            ? Clean(Math.Round(value, decimals, MidpointRounding.AwayFromZero)).ToString("F" + decimals, Invariant)
            : Number(value, decimals);

    /// <summary>Whether <see cref="Compact"/> shows <paramref name="value"/> without losing anything.</summary>
    internal static bool CompactIsExact(double value)
    {
        if (!double.IsFinite(value)) return false;
        var (rounded, tier) = CompactParts(value);
        var back = rounded * Math.Pow(1000, tier);
        return Math.Abs(back - value) <= 1e-9 * Math.Max(1, Math.Abs(value));
    }

    /// <summary>Picks a value-label format that suits the magnitude of <paramref name="values"/>.</summary>
    internal static Func<double, string> AutoFor(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).Select(Math.Abs).ToList();
        var max = finite.Count == 0 ? 0 : finite.Max();
        return max switch
        {
            >= 100_000 => Compact,
            >= 100 => Integer,
            >= 10 => v => Number(v, 1),
            >= 1 => v => Number(v, 2),
            _ => v => Number(v, 3),
        };
    }

    private static (double Rounded, int Tier) CompactParts(double value)
    {
        var sign = value < 0 ? -1 : 1;
        var abs = Math.Abs(value);
        if (abs < 999.5)
        {
            var small = Math.Round(abs, abs >= 100 ? 0 : abs >= 10 ? 1 : 2, MidpointRounding.AwayFromZero);
            return (Clean(sign * small), 0);
        }
        for (var tier = 1; ; tier++)
        {
            var scaled = abs / Math.Pow(1000, tier);
            var rounded = Math.Round(scaled, scaled >= 100 ? 0 : 1, MidpointRounding.AwayFromZero);
            if (rounded < 1000 || tier == CompactSuffixes.Length - 1) return (sign * rounded, tier);
        }
    }

    private static double Clean(double v) => v == 0 ? 0 : v; // turns -0 into 0 so nothing prints "-0"

    private static string NonFinite(double v) => double.IsNaN(v) ? "NaN" : v > 0 ? "∞" : "-∞";

    private static void CheckDecimals(int decimals)
    {
        if (decimals is < 0 or > 15)
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimals must be between 0 and 15.");
    }
}
