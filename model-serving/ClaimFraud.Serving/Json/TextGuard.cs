using System.Text.Unicode;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Serving.Json;

/// <summary>
/// Keeps text that System.Text.Json cannot turn into strings from becoming a 500. JsonDocument accepts a body whose
/// string values hold invalid UTF-8 bytes or an escaped unpaired surrogate ("\ud800"), and throws
/// InvalidOperationException only later, when such a string is read (e.g. by ClaimJson's reader). Bodies are checked
/// for UTF-8 first (vectorised, cheap next to parsing), and the escape case is caught where the parse runs.
/// </summary>
internal static class TextGuard
{
    /// <summary>A claim body parsed by <see cref="ClaimJson"/>, with undecodable text reported as an error on <c>$</c>.</summary>
    public static ClaimParseResult ParseClaim(ReadOnlyMemory<byte> utf8, ClaimValidationOptions validation)
    {
        if (!Utf8.IsValid(utf8.Span)) return new ClaimParseResult(null, null, InvalidUtf8());
        try
        {
            return ClaimJson.Parse(utf8, validation);
        }
        catch (InvalidOperationException e) when (IsUndecodableString(e))
        {
            return new ClaimParseResult(null, null, UndecodableString());
        }
    }

    public static bool IsValidUtf8(ReadOnlySpan<byte> utf8) => Utf8.IsValid(utf8);

    /// <summary>What System.Text.Json throws when a string value it accepted while parsing cannot become a .NET string.</summary>
    public static bool IsUndecodableString(InvalidOperationException e) =>
        e.InnerException is System.Text.DecoderFallbackException || e.Message.Contains("UTF-16", StringComparison.Ordinal);

    public static ValidationErrors InvalidUtf8() => Error("is not valid UTF-8 text");

    public static ValidationErrors UndecodableString() => Error("holds a string that is not valid Unicode (an escaped unpaired surrogate such as \\ud800)");

    private static ValidationErrors Error(string message)
    {
        var errors = new ValidationErrors();
        errors.Add("$", message);
        return errors;
    }
}
