using System.Globalization;
using System.Text;
using ClaimFraud.ClaimsDb.MySql;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>The bulk loader's value encoding, on which its injection safety rests (see SqlLiteral).</summary>
public class SqlLiteralTests
{
    [Theory]
    [InlineData("x' OR '1'='1")]
    [InlineData("back\\slash")]
    [InlineData("nul\0char")]
    [InlineData("tab\tnew\nline\r")]
    [InlineData("Nur'aini 😀 中")]
    [InlineData("\u001a ctrl-z")]
    [InlineData("del\u007f")]
    [InlineData("[{\"name\":\"it's\"}]")]
    public void TextWithAnyCharacterOutsideThePlainSetIsWrittenAsItsUtf8BytesInHex(string value)
    {
        var sql = new StringBuilder();

        SqlLiteral.Append(sql, value);

        var text = sql.ToString();
        Assert.StartsWith("_utf8mb4 X'", text);
        Assert.EndsWith("'", text);
        var hex = text["_utf8mb4 X'".Length..^1];
        Assert.All(hex, c => Assert.True(char.IsAsciiHexDigitUpper(c) || char.IsAsciiDigit(c), $"'{c}' in the hex"));
        Assert.Equal(value, Encoding.UTF8.GetString(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("RND-1-0000001")]
    [InlineData("2024-10-10 01:00:00.000000")]
    [InlineData("")]
    [InlineData("Kota Jakarta Selatan")]
    [InlineData("quote\"d")]
    [InlineData("semi;colon -- comment /* c */ # e")]
    [InlineData("@name ?x $1 %s `tick` {}[]~^|<>=!&*()")]
    [InlineData("[{\"icd10\":\"A09\",\"primary\":true}]")]
    public void PlainTextIsQuotedAsIs(string value)
    {
        var sql = new StringBuilder();

        SqlLiteral.Append(sql, value);

        Assert.Equal($"'{value}'", sql.ToString());
    }

    [Fact]
    public void EveryPrintableAsciiCharacterExceptQuoteAndBackslashIsPlainAndNothingElseIs()
    {
        for (int c = 0; c < 0x250; c++)
            Assert.Equal(c is >= 0x20 and <= 0x7E and not '\'' and not '\\', SqlLiteral.IsPlain(((char)c).ToString()));
    }

    [Fact]
    public void DoublesAreWrittenAsApproximateLiteralsThatReadBackExactly()
    {
        var rng = new Random(5);
        var values = new List<double> { 0.1 + 0.2, 1e-7, 12, -0.5, double.MaxValue, double.Epsilon, 1.0 / 3 };
        for (int i = 0; i < 1000; i++) values.Add(rng.NextDouble() * Math.Pow(10, rng.Next(-20, 20)));

        foreach (var d in values)
        {
            var sql = new StringBuilder();
            SqlLiteral.Append(sql, d);
            var text = sql.ToString();
            Assert.Contains('E', text);
            Assert.Equal(d, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void NumbersIgnoreTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a comma decimal separator and a non-ASCII minus sign.
            CultureInfo.CurrentCulture = new CultureInfo("sv-SE");
            var sql = new StringBuilder();
            SqlLiteral.Append(sql, -1.5);
            sql.Append(' ');
            SqlLiteral.Append(sql, -42L);
            Assert.Equal("-1.5E0 -42", sql.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
