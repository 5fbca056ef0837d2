using System.Globalization;

namespace ClaimFraud.Charts.Tests;

public class DeterminismTests
{
    [Theory]
    [MemberData(nameof(SampleCharts.Names), MemberType = typeof(SampleCharts))]
    public void TheSameInputGivesTheSameSvg(string name)
    {
        var first = SampleCharts.ByName[name]("Same");
        var second = SampleCharts.ByName[name]("Same");

        Assert.Equal(first.Svg, second.Svg);
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(SampleCharts.Names), MemberType = typeof(SampleCharts))]
    public void TheCurrentCultureDoesNotChangeTheSvg(string name)
    {
        var invariant = SampleCharts.ByName[name]("Culture");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "id-ID", "de-DE", "ar-SA", "fa-IR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(invariant.Svg, SampleCharts.ByName[name]("Culture").Svg);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void DifferentDataGivesADifferentSvg()
    {
        var a = Chart.Bars([("x", 1.0)]);
        var b = Chart.Bars([("x", 2.0)]);

        Assert.NotEqual(a.Svg, b.Svg);
    }
}
