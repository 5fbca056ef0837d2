namespace ClaimFraud.Domain.Validation;

/// <summary>ICD-10 as claims write it: a letter, two characters, then an optional dotted or undotted subdivision (A09, A09.0, A090, S72.00).</summary>
public static class Icd10Shape
{
    public static bool IsWellFormed(string? code)
    {
        if (code is null || code.Length is < 3 or > 8) return false;
        if (!char.IsAsciiLetter(code[0]) || !char.IsAsciiDigit(code[1]) || !char.IsAsciiLetterOrDigit(code[2])) return false;
        int i = 3;
        if (i < code.Length && code[i] == '.')
        {
            i++;
            if (i == code.Length) return false;
        }
        for (; i < code.Length; i++) if (!char.IsAsciiLetterOrDigit(code[i])) return false;
        return true;
    }
}

/// <summary>ICD-9-CM volume 3 procedure codes: two digits, then up to two more (four in the Indonesian Modification, e.g. 90.0600), with or without the dot.</summary>
public static class Icd9CmShape
{
    public static bool IsWellFormed(string? code)
    {
        if (code is null || code.Length is < 2 or > 7) return false;
        if (!char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1])) return false;
        int i = 2;
        if (i < code.Length && code[i] == '.')
        {
            i++;
            if (i == code.Length) return false;
        }
        int rest = code.Length - i;
        if (rest > 4) return false;
        for (; i < code.Length; i++) if (!char.IsAsciiDigit(code[i])) return false;
        return true;
    }
}
