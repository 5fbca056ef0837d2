using System.Buffers;
using System.Globalization;
using System.Text;

namespace ClaimFraud.ClaimsDb.MySql;

/// <summary>
/// Writes values as MySQL literals for the bulk loader, where MySql.Data's own parameter binding is too slow (its cost
/// grows with the square of the parameters in a command: a batch of 500 claims ran at 40 claims/s).
/// <para>
/// Why this is safe: no character of caller data ever reaches the SQL text except through these two forms.
/// Text made only of <see cref="IsPlain"/> characters (printable ASCII, 0x20 to 0x7E, except the single quote and the
/// backslash) goes between single quotes: inside a quoted MySQL literal only the quote (which would end it) and the
/// backslash (an escape unless NO_BACKSLASH_ESCAPES) mean anything, so this holds under any sql_mode; the connection
/// is always utf8mb4 (MySqlClaimStoreOptions), where these are single bytes no multi-byte character can swallow. Comment markers, semicolons, double quotes, '@' and
/// '?' are inert there, for the server and for MySql.Data's scan for parameters, which skips quoted literals.
/// All other text goes as its UTF-8 bytes in a hex literal, <c>_utf8mb4 X'4E7572...'</c>, whose alphabet is 0-9 and
/// A-F, so nothing in the value can end the literal. The JSON lists of the claims row are mostly plain, so most rows
/// are sent at their own size rather than twice it.
/// Numbers are written by .NET in the invariant culture (digits, sign, '.', 'E').
/// </para>
/// </summary>
internal static class SqlLiteral
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Append(StringBuilder sql, object? value)
    {
        switch (value)
        {
            case null:
                sql.Append("NULL");
                break;
            case string s:
                AppendString(sql, s);
                break;
            case int i:
                sql.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                sql.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                AppendDouble(sql, d);
                break;
            default:
                throw new ArgumentException($"No SQL literal form for {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>
    /// The shortest text that reads back as the same double, with an exponent so MySQL parses it as an approximate
    /// (DOUBLE) literal with correct rounding rather than as an exact DECIMAL first.
    /// </summary>
    private static void AppendDouble(StringBuilder sql, double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException("MySQL DOUBLE holds only finite numbers.", nameof(d));
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        sql.Append(text);
        if (!text.Contains('E')) sql.Append("E0");
    }

    private static void AppendString(StringBuilder sql, string s)
    {
        if (IsPlain(s))
        {
            sql.Append('\'').Append(s).Append('\'');
            return;
        }
        byte[] bytes = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(s.Length));
        char[] hex = ArrayPool<char>.Shared.Rent(bytes.Length * 2);
        try
        {
            int n = StrictUtf8.GetBytes(s, bytes);
            Convert.TryToHexString(bytes.AsSpan(0, n), hex, out int written);
            sql.Append("_utf8mb4 X'").Append(hex, 0, written).Append('\'');
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(hex);
        }
    }

    /// <summary>Whether every character is one that means nothing special inside a quoted MySQL literal.</summary>
    public static bool IsPlain(string s) =>
        !s.AsSpan().ContainsAnyExceptInRange(' ', '~') && !s.AsSpan().ContainsAny('\'', '\\');
}
