using System.Globalization;

namespace ClaimFraud.Charts.Tests;

public class NumberFormatTests
{
    [Theory]
    [InlineData(1234.567, 2, "1,234.57")]
    [InlineData(1234567, 0, "1,234,567")]
    [InlineData(0.5, 0, "1")]
    [InlineData(-0.001, 2, "0.00")]
    [InlineData(-1234.5, 1, "-1,234.5")]
    public void NumbersUseThousandsSeparatorsAndRoundHalfAwayFromZero(double value, int decimals, string expected)
    {
        Assert.Equal(expected, NumberFormat.Number(value, decimals));
    }

    [Theory]
    [InlineData(0.1234, "12.3%")]
    [InlineData(1, "100.0%")]
    [InlineData(0.0006, "0.1%")]
    [InlineData(-0.25, "-25.0%")]
    public void PercentagesMultiplyFractionsByAHundred(double fraction, string expected)
    {
        Assert.Equal(expected, NumberFormat.Percent(fraction));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(12.345, "12.3")]
    [InlineData(999, "999")]
    [InlineData(999.6, "1k")]
    [InlineData(1234, "1.2k")]
    [InlineData(150_500, "151k")]
    [InlineData(999_960, "1M")]
    [InlineData(3_400_000, "3.4M")]
    [InlineData(2.5e9, "2.5B")]
    [InlineData(-1234, "-1.2k")]
    public void CompactNumbersUseKMAndBSuffixes(double value, string expected)
    {
        Assert.Equal(expected, NumberFormat.Compact(value));
    }

    [Theory]
    [InlineData(1_490_600, "Rp 1.490.600")]
    [InlineData(1_490_600.49, "Rp 1.490.600")]
    [InlineData(999, "Rp 999")]
    [InlineData(-2_500, "-Rp 2.500")]
    public void RupiahUsesDotsForThousandsAndWholeRupiah(double amount, string expected)
    {
        Assert.Equal(expected, NumberFormat.Rupiah(amount));
    }

    [Fact]
    public void NonFiniteValuesAreSpelledOutInsteadOfThrowing()
    {
        Assert.Equal("NaN", NumberFormat.Number(double.NaN));
        Assert.Equal("∞", NumberFormat.Compact(double.PositiveInfinity));
        Assert.Equal("-∞", NumberFormat.Rupiah(double.NegativeInfinity));
    }

    [Fact]
    public void FormattingIgnoresTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id-ID");
            Assert.Equal("1,234.57", NumberFormat.Number(1234.567));
            Assert.Equal("12.3%", NumberFormat.Percent(0.1234));
            Assert.Equal("1.2k", NumberFormat.Compact(1234));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void OneArgumentOverloadsServeAsValueFormats()
    {
        Func<double, string> percent = NumberFormat.Percent;
        Func<double, string> rupiah = NumberFormat.Rupiah;

        Assert.Equal("42.0%", percent(0.42));
        Assert.Equal("Rp 1.000", rupiah(1000));
    }

    [Fact]
    public void DecimalsOutOfRangeAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Number(1, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Percent(1, -1));
    }
}
