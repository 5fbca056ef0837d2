namespace ClaimFraud.Features.Text;

/// <summary>Canonical forms of the codes claims carry, so that "A09.0", "a090" and "A090" meet in one lookup.</summary>
public static class MedicalCode
{
    public const int MaxLength = 16;

    /// <summary>Upper-case letters and digits only (dots, spaces and dashes dropped). Returns the length written.</summary>
    public static int Compact(ReadOnlySpan<char> code, Span<char> destination)
    {
        int n = 0;
        foreach (char c in code)
        {
            if (n == destination.Length) break;
            if (char.IsAsciiLetterOrDigit(c)) destination[n++] = char.ToUpperInvariant(c);
        }
        return n;
    }

    public static string Compact(string code)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Compact(code, buffer)]);
    }

    /// <summary>ICD-10 chapter 1..22 from the WHO letter ranges of a compact code, or 0 when it fits none.</summary>
    public static int Icd10Chapter(ReadOnlySpan<char> compact)
    {
        if (compact.Length < 3 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiDigit(compact[1]) || !char.IsAsciiDigit(compact[2]))
            return 0;
        char l = compact[0];
        int n = (compact[1] - '0') * 10 + (compact[2] - '0');
        return l switch
        {
            'A' or 'B' => 1,
            'C' => 2,
            'D' => n <= 48 ? 2 : 3,
            'E' => 4,
            'F' => 5,
            'G' => 6,
            'H' => n <= 59 ? 7 : 8,
            'I' => 9,
            'J' => 10,
            'K' => 11,
            'L' => 12,
            'M' => 13,
            'N' => 14,
            'O' => 15,
            'P' => 16,
            'Q' => 17,
            'R' => 18,
            'S' or 'T' => 19,
            'V' or 'W' or 'X' or 'Y' => 20,
            'Z' => 21,
            'U' => 22,
            _ => 0,
        };
    }

    /// <summary>The severity digit of an INA-CBG code (<c>X-n-nn-S</c>): 1..3 for I..III, 0 for outpatient "0" or anything unreadable.</summary>
    public static int InaCbgSeverity(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        int dash = code.LastIndexOf('-');
        if (dash < 0) return 0;
        var s = code[(dash + 1)..];
        if (s.Equals("I", StringComparison.OrdinalIgnoreCase)) return 1;
        if (s.Equals("II", StringComparison.OrdinalIgnoreCase)) return 2;
        if (s.Equals("III", StringComparison.OrdinalIgnoreCase)) return 3;
        return 0;
    }
}
