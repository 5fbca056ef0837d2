using System.Globalization;
using System.Xml.Linq;

namespace ClaimFraud.Charts.Tests;

public class SvgDocumentTests
{
    [Theory]
    [MemberData(nameof(SampleCharts.Names), MemberType = typeof(SampleCharts))]
    public void EveryChartParsesAsSvgWithSizeAndViewBox(string name)
    {
        var chart = SampleCharts.ByName[name]("A chart");
        var root = Svg.Parse(chart).Root!;

        Assert.Equal(Svg.Ns + "svg", root.Name);
        Assert.Equal(chart.Width.ToString(CultureInfo.InvariantCulture), root.Attribute("width")?.Value);
        Assert.Equal(chart.Height.ToString(CultureInfo.InvariantCulture), root.Attribute("height")?.Value);
        Assert.Equal($"0 0 {chart.Width} {chart.Height}", root.Attribute("viewBox")?.Value);
        Assert.Equal("sans-serif", root.Attribute("font-family")?.Value);
    }

    [Theory]
    [MemberData(nameof(SampleCharts.Names), MemberType = typeof(SampleCharts))]
    public void EveryChartAvoidsScriptsStylesheetsAndForeignObjects(string name)
    {
        var doc = Svg.Parse(SampleCharts.ByName[name]("A chart"));
        var forbidden = new[] { "script", "style", "foreignObject", "image", "a" };

        Assert.DoesNotContain(doc.Descendants(), e => forbidden.Contains(e.Name.LocalName));
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.Namespace != Svg.Ns);
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName is "class" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleCharts.Names), MemberType = typeof(SampleCharts))]
    public void CoordinatesHaveAtMostTwoDecimals(string name)
    {
        var doc = Svg.Parse(SampleCharts.ByName[name]("A chart"));
        var numeric = new[] { "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height" };
        var values = doc.Descendants().Attributes().Where(a => numeric.Contains(a.Name.LocalName)).Select(a => a.Value)
            .Concat(doc.Descendants(Svg.Ns + "polyline").SelectMany(p => p.Attribute("points")!.Value.Split(' ', ',')))
            .ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v =>
        {
            Assert.True(double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"'{v}' is not a number");
            var dot = v.IndexOf('.');
            Assert.True(dot < 0 || v.Length - dot - 1 <= 2, $"'{v}' has more than 2 decimals");
        });
    }

    [Fact]
    public void ChartsAnnounceTheSvgMimeTypeAndReturnTheSameSvgEveryWay()
    {
        var chart = SampleCharts.ByName["roc"]("ROC");

        Assert.Equal("image/svg+xml", chart.MimeType);
        Assert.Equal(chart.Svg, chart.ToSvg());
        Assert.Equal(chart.Svg, chart.ToString());
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTitleAlsoBecomesTheAccessibleTitleElement()
    {
        var doc = Svg.Parse(SampleCharts.ByName["bars"]("Gain importance"));

        Assert.Equal("Gain importance", doc.Root!.Element(Svg.Ns + "title")?.Value);
    }

    [Fact]
    public void TooSmallAChartIsRejectedWithTheSizeNamed()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ClaimFraud.Charts.Chart.Lines([LineSeries.FromValues("a", [1.0])], width: 50));

        Assert.Equal("width", error.ParamName);
    }
}
