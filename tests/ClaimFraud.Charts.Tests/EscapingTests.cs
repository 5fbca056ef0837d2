namespace ClaimFraud.Charts.Tests;

public class EscapingTests
{
    private const string Nasty = "Fraud < 5% & \"upcoding\" > 'rules'";

    [Theory]
    [MemberData(nameof(SampleCharts.Names), MemberType = typeof(SampleCharts))]
    public void TitlesWithMarkupCharactersAreEscapedAndReadBackUnchanged(string name)
    {
        var chart = SampleCharts.ByName[name](Nasty);

        Assert.Contains(Nasty, Svg.Texts(chart));
        Assert.DoesNotContain("< 5% &", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void SeriesAndCategoryNamesAreEscapedToo()
    {
        var chart = Chart.Bars([("a<b & c", 1.0), ("\"quoted\"", 2.0)]);

        var texts = Svg.Texts(chart);
        Assert.Contains("a<b & c", texts);
        Assert.Contains("\"quoted\"", texts);
    }

    [Fact]
    public void ControlCharactersThatXmlForbidsAreReplacedSoTheDocumentStillParses()
    {
        var chart = Chart.Lines([LineSeries.FromValues("bad\u0001name", [1.0, 2.0])], title: "tab\there\u0007");

        var texts = Svg.Texts(chart);
        Assert.Contains("tab here\uFFFD", texts);
        Assert.Contains("bad\uFFFDname", texts);
    }
}
