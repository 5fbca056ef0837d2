namespace ClaimFraud.Kernel.Protocol;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points (protocol 5.2+); .NET strings index
/// UTF-16 units. These convert between the two.
/// </summary>
public static class CodePoints
{
    public static int ToUtf16Index(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return index;
    }

    public static int FromUtf16Index(string text, int utf16Index)
    {
        var count = 0;
        for (var index = 0; index < utf16Index && index < text.Length; count++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return count;
    }
}
