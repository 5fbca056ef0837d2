using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Scores;

namespace ClaimFraud.Domain.Tests;

public class StayAndBandTests
{
    private static DateTimeOffset Jkt(int m, int d, int h) => new(2024, m, d, h, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void TenToTwelveOctoberIsAThreeDayStay() =>
        Assert.Equal(3, StayCalendar.LosDays(CareType.Inpatient, Jkt(10, 10, 8), Jkt(10, 12, 16)));

    [Fact]
    public void AnOutpatientVisitIsOneDayWhateverItsTimes() =>
        Assert.Equal(1, StayCalendar.LosDays(CareType.Outpatient, Jkt(10, 10, 8), Jkt(10, 12, 16)));

    [Fact]
    public void CalendarDaysAreCountedInJakartaTimeNotUtc()
    {
        // 23:30 in Jakarta is 16:30 UTC the same day; 00:30 the next Jakarta day is still the previous UTC day.
        var admit = new DateTimeOffset(2024, 10, 10, 16, 30, 0, TimeSpan.Zero);
        var discharge = new DateTimeOffset(2024, 10, 10, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal(2, StayCalendar.LosDays(CareType.Inpatient, admit, discharge));
    }

    [Theory]
    [InlineData(0.925, 93, "critical", "urgent", "REJECT_OR_INVESTIGATE")]
    [InlineData(0.80, 80, "critical", "urgent", "REJECT_OR_INVESTIGATE")]
    [InlineData(0.794, 79, "high", "high", "DETAILED_REVIEW")]
    [InlineData(0.60, 60, "high", "high", "DETAILED_REVIEW")]
    [InlineData(0.595, 60, "high", "high", "DETAILED_REVIEW")]
    [InlineData(0.40, 40, "medium", "normal", "STANDARD_REVIEW")]
    [InlineData(0.394, 39, "low", "low", "APPROVE")]
    [InlineData(0.0, 0, "low", "low", "APPROVE")]
    [InlineData(double.NaN, 0, "low", "low", "APPROVE")]
    public void RiskBandsFollowTheContract(double score, int risk, string level, string priority, string recommendation)
    {
        var band = RiskBands.For(score);
        Assert.Equal(new RiskBands.Band(risk, level, priority, recommendation), band);
    }
}

public class JakartaTimeTests
{
    [Theory]
    [InlineData("2024-10-10T08:00:00+07:00")]
    [InlineData("2024-01-02T23:59:59-03:30")]
    [InlineData("0999-12-31T00:00:00Z")]
    [InlineData("2024-10-10T08:00:00.1234567+09:00")]
    public void FormattingGivesBackTheSameInstantAndOffsetAsTheGeneralFormat(string text)
    {
        Assert.True(ClaimFraud.Domain.Json.JakartaTime.TryParseTimestamp(text, out var t));
        var general = t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(general, ClaimFraud.Domain.Json.JakartaTime.Format(t));
    }
}
