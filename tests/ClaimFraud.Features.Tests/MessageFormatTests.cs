using System.Globalization;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimFraud.Features.Tests;

/// <summary>
/// Message numbers and dates are written digit by digit; .NET's custom formats, with the messages' cultures, are the
/// reference (the cultures themselves are pinned by the literal Indonesian/English test).
/// </summary>
public class MessageFormatTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(20_000).WithReplay(20261121UL, 3UL);

    // Values as messages meet them (rupiah amounts, ratios, days, shares) and the awkward ones: exact ties at every
    // displayed precision, negatives that round to zero, negative zero, tiny and huge magnitudes.
    private static Arbitrary<double> Values => Gen.OneOf(
        Gen.Choose(-2_000_000, 2_000_000).Select(k => k / 1000.0),
        Gen.Choose(0, 1_000_000).Select(k => k + 0.5),
        Gen.Choose(0, 1_000_000).Select(k => k / 100.0 + 0.005),
        Gen.Choose(0, 100_000).Select(k => k / 10.0 + 0.05),
        Gen.Choose(-100, 100).Select(k => k / 1000.0),
        Gen.Elements(0.0, -0.0, 2.675, 1.005, 0.045, -0.04, -0.5, 0.5, 1.5, 2.5, 999.995, 1e13 + 0.5, 99_999_999_999_999.0,
            1e14, -1e15, 123_456_789_012.345, 1e-300, double.NaN, double.PositiveInfinity, double.NegativeInfinity),
        Gen.Choose(int.MinValue, int.MaxValue).Select(bits => BitConverter.Int32BitsToSingle(bits)).Where(float.IsFinite).Select(f => (double)f),
        Gen.Choose(1, 15).SelectMany(e => Gen.Choose(0, 999_999).Select(k => k * Math.Pow(10, e - 6)))).ToArbitrary();

    [Fact]
    public void NumbersReadAsTheCustomFormatHashGroupsWouldWriteThem() =>
        Check.One(Runs, Prop.ForAll(Values, value =>
        {
            foreach (var language in (RuleLanguage[])[RuleLanguage.Indonesian, RuleLanguage.English])
                for (int decimals = 0; decimals <= 2; decimals++)
                {
                    string pattern = decimals == 0 ? "#,0" : "#,0." + new string('#', decimals);
                    Assert.Equal(value.ToString(pattern, MessageFormat.CultureOf(language)), MessageFormat.Number(value, language, decimals));
                }
        }));

    [Fact]
    public void RupiahRatiosAndPercentsReadAsTheirCustomFormatsWouldWriteThem() =>
        Check.One(Runs, Prop.ForAll(Values, value =>
        {
            foreach (var language in (RuleLanguage[])[RuleLanguage.Indonesian, RuleLanguage.English])
            {
                var culture = MessageFormat.CultureOf(language);
                Assert.Equal("Rp " + Math.Round(value, MidpointRounding.AwayFromZero).ToString("#,0", culture), MessageFormat.Rupiah(value, language));
                Assert.Equal(value.ToString("0.00", culture) + "×", MessageFormat.Ratio(value, language));
                Assert.Equal((100 * value).ToString("0", culture) + "%", MessageFormat.Percent(value, language));
            }
        }));

    [Fact]
    public void IndonesianNumbersGroupWithDotsAndUseACommaForDecimals()
    {
        Assert.Equal("Rp 8.500.000", MessageFormat.Rupiah(8_499_999.5, RuleLanguage.Indonesian));
        Assert.Equal("2,66×", MessageFormat.Ratio(2.6565, RuleLanguage.Indonesian));
        Assert.Equal("1.234,5", MessageFormat.Number(1234.46, RuleLanguage.Indonesian));
        Assert.Equal("1,234.5", MessageFormat.Number(1234.46, RuleLanguage.English));
    }

    [Fact]
    public void DatesAndTimesReadInJakartaTimeAsTheDateFormatsWouldWriteThem() =>
        Check.One(Runs, Prop.ForAll(Gen.Choose(-1_000_000, 1_000_000).SelectMany(minutes => Gen.Choose(-14, 14).Select(hours => (minutes, hours))).ToArbitrary(), x =>
        {
            var at = new DateTimeOffset(2024, 10, 10, 8, 0, 0, TimeSpan.FromHours(x.hours)).AddMinutes(x.minutes * 97L);
            var jakarta = at.ToOffset(StayCalendar.JakartaOffset);
            Assert.Equal(jakarta.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), MessageFormat.DateTime(at));
            Assert.Equal(StayCalendar.JakartaDate(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MessageFormat.Date(at));
            var early = new DateOnly(1 + Math.Abs(x.minutes) % 9999, 1 + Math.Abs(x.hours) % 12, 1 + Math.Abs(x.minutes) % 28);
            Assert.Equal(early.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MessageFormat.Date(early));
        }));
}
