using System.Buffers.Text;
using System.Text.Json;

namespace ClaimFraud.Serving.Json;

/// <summary>
/// Writes a double that has at most four decimals (scores, components, contributions and feature values are rounded so
/// with <c>Math.Round(x, 4)</c>) from its digits, as exactly the bytes <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/>
/// writes: that call searches for the shortest round-trip digits (Grisu/Dragon4), the largest cost of a score's JSON
/// in perf profiles of /predict. Any other double is left to it.
/// </summary>
/// <remarks>
/// Why the digits are the same: for |x| &lt; 1e11 with x == k / 10000.0 (k whole, |k| &lt; 2^53, so the division is the
/// correctly rounded k / 10^4), the decimal k / 10^4 reads back as x, and a shorter decimal would differ from it by at
/// least 10^-4, far more than the gap between doubles there (under 2e-5); the shortest round-trip form is therefore k /
/// 10^4's digits, which .NET writes without an exponent between 1e-5 and 1e15.
/// </remarks>
internal static class RoundedNumbers
{
    private const double Scale = 10_000;
    private const double Limit = 1e11;

    /// <summary>Writes <paramref name="name"/> and <paramref name="value"/> as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> would.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        Span<byte> digits = stackalloc byte[MaxLength];
        if (TryFormat(value, digits, out int length))
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(digits[..length], skipInputValidation: true);
        }
        else writer.WriteNumber(name, value);
    }

    /// <summary>Sign, eleven whole digits, the point and four decimals.</summary>
    public const int MaxLength = 1 + 11 + 1 + 4;

    /// <summary>The JSON digits of <paramref name="value"/> when it has at most four decimals and |value| &lt; 1e11; false otherwise.</summary>
    public static bool TryFormat(double value, Span<byte> utf8, out int written)
    {
        written = 0;
        if (!(Math.Abs(value) < Limit) || utf8.Length < MaxLength) return false;
        long k = (long)Math.Round(value * Scale);
        if (k / Scale != value) return false;

        int at = 0;
        // -0.0 passes the check above (0 == -0.0) and the writer keeps its sign: "-0".
        if (double.IsNegative(value)) utf8[at++] = (byte)'-';
        ulong magnitude = (ulong)Math.Abs(k);
        Utf8Formatter.TryFormat(magnitude / 10_000, utf8[at..], out int wholeDigits);
        at += wholeDigits;
        uint fraction = (uint)(magnitude % 10_000);
        if (fraction != 0)
        {
            utf8[at] = (byte)'.';
            utf8[at + 1] = (byte)('0' + fraction / 1000);
            utf8[at + 2] = (byte)('0' + fraction / 100 % 10);
            utf8[at + 3] = (byte)('0' + fraction / 10 % 10);
            utf8[at + 4] = (byte)('0' + fraction % 10);
            int decimals = 4;
            while (utf8[at + decimals] == (byte)'0') decimals--; // stops at a non-zero digit: fraction is not 0
            at += 1 + decimals;
        }
        written = at;
        return true;
    }
}
