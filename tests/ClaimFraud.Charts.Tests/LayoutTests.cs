using System.Globalization;
using System.Xml.Linq;

namespace ClaimFraud.Charts.Tests;

public class LayoutTests
{
    [Fact]
    public void ConfusionMatrixColumnLabelsSlantRatherThanTruncateWhenCellsAreNarrow()
    {
        var names = Enumerable.Range(0, 10).Select(i => $"pattern_{i}_long").ToArray();

        var chart = Chart.ConfusionMatrix(new int[10, 10], names);

        var labels = Svg.Elements(chart, "text").Where(t => names.Contains(Text(t))).ToList();
        Assert.Equal(20, labels.Count); // every name as row label and as column label, none shortened
        Assert.Equal(10, labels.Count(t => t.Attribute("transform")?.Value.StartsWith("rotate(-45", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void YearAxesHaveNoThousandsSeparator()
    {
        var chart = Chart.Lines([LineSeries.FromValues("claims", [5.0, 6, 7, 8, 9, 10], firstX: 2019)]);

        var texts = Svg.Texts(chart);
        Assert.Contains("2020", texts);
        Assert.DoesNotContain(texts, t => t.Contains("2,0", StringComparison.Ordinal));
    }

    [Fact]
    public void LegendsInsideThePlotMoveAwayFromTheCurve()
    {
        // A strong model's PR curve runs along the top edge, through the preferred top-right corner.
        double[] recall = [0, 0.2, 0.4, 0.6, 0.8, 0.95, 1];
        double[] precision = [1, 1, 0.99, 0.98, 0.97, 0.9, 0.05];

        var chart = Chart.PrecisionRecall([new PrSeries("strong", recall, precision)]);

        var doc = Svg.Parse(chart);
        var legend = doc.Descendants(Svg.Ns + "rect").Single(r => r.Attribute("stroke")?.Value == "#CCCCCC");
        var curve = doc.Descendants(Svg.Ns + "polyline").Single().Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        double x = Num(legend, "x"), y = Num(legend, "y"), w = Num(legend, "width"), h = Num(legend, "height");
        Assert.DoesNotContain(curve, p => p[0] >= x && p[0] <= x + w && p[1] >= y && p[1] <= y + h);
        Assert.True(y > curve.Min(p => p[1]) + 50, "legend sits below the curve's top edge");
    }

    [Fact]
    public void BarChartsGrowWithTheNumberOfBarsUnlessAHeightIsGiven()
    {
        var few = Chart.Bars(Enumerable.Range(0, 5).Select(i => ($"f{i}", (double)i)));
        var many = Chart.Bars(Enumerable.Range(0, 40).Select(i => ($"f{i}", (double)i)));
        var fixedHeight = Chart.Bars(Enumerable.Range(0, 40).Select(i => ($"f{i}", (double)i)), height: 300);

        Assert.True(many.Height > few.Height + 500);
        Assert.Equal(300, fixedHeight.Height);
    }

    [Fact]
    public void LongLabelsAreShortenedWithAnEllipsisAndKeepTheFullNameAsATooltip()
    {
        var name = "readmission_within_30_days_same_diagnosis_group_and_same_hospital_and_same_doctor";

        var chart = Chart.Bars([(name, 1.0), ("short", 0.5)], width: 400);

        var label = Svg.Elements(chart, "text").Single(t => t.Element(Svg.Ns + "title")?.Value == name);
        Assert.EndsWith("…", Text(label), StringComparison.Ordinal);
    }

    private static string Text(XElement e) => string.Concat(e.Nodes().OfType<XText>().Select(t => t.Value));

    private static double Num(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
