using System.Globalization;
using System.Xml.Linq;

namespace ClaimFraud.Charts.Tests;

public class ChartContentTests
{
    [Fact]
    public void TheRocLegendShowsTheAucPassedForEachSeries()
    {
        var chart = Chart.Roc([
            new RocSeries("XGBoost", [0, 0.1, 1], [0, 0.8, 1], Auc: 0.9123),
            new RocSeries("Rules", [0, 0.4, 1], [0, 0.6, 1], Auc: 0.6789),
        ]);

        var texts = Svg.Texts(chart);
        Assert.Contains("XGBoost (AUC = 0.912)", texts);
        Assert.Contains("Rules (AUC = 0.679)", texts);
        Assert.Contains("Chance (AUC = 0.500)", texts);
    }

    [Fact]
    public void WithoutAnAucTheRocLegendShowsTheTrapezoidArea()
    {
        var chart = Chart.Roc([new RocSeries("m", [0, 0.5, 1], [0, 1, 1])]);

        Assert.Contains("m (AUC = 0.750)", Svg.Texts(chart));
    }

    [Fact]
    public void ThePrLegendShowsTheAreaAndThePrevalenceBaseline()
    {
        var given = Chart.PrecisionRecall([new PrSeries("XGBoost", [0.2, 0.6, 1], [0.9, 0.7, 0.1], Area: 0.61, AreaLabel: "PR-AUC")], baseline: 0.031);
        var computed = Chart.PrecisionRecall([new PrSeries("m", [0.5, 1], [1, 0.5])]);

        Assert.Contains("XGBoost (PR-AUC = 0.610)", Svg.Texts(given));
        Assert.Contains("Prevalence (3.10%)", Svg.Texts(given));
        Assert.Contains("m (AP = 0.750)", Svg.Texts(computed));
    }

    [Fact]
    public void ConfusionMatrixCellsContainCountsAndRowPercentages()
    {
        var chart = Chart.ConfusionMatrix(new[,] { { 48_210, 1_102 }, { 37, 651 } }, ["legit", "fraud"]);

        var texts = Svg.Texts(chart);
        Assert.Contains("48,210", texts);
        Assert.Contains("1,102", texts);
        Assert.Contains("37", texts);
        Assert.Contains("651", texts);
        Assert.Contains("94.6%", texts); // 651 of 688 actual fraud
        Assert.Contains("Actual", texts);
        Assert.Contains("Predicted", texts);
    }

    [Fact]
    public void ConfusionMatrixCanShowPercentagesOfAllCases()
    {
        var chart = Chart.ConfusionMatrix(new[,] { { 50, 25 }, { 0, 25 } }, percent: CellPercent.OfTotal);

        var texts = Svg.Texts(chart);
        Assert.Contains("50.0%", texts);
        Assert.Equal(2, texts.Count(t => t == "25.0%"));
    }

    [Fact]
    public void ALargeConfusionMatrixDrawsEveryCell()
    {
        var counts = new int[6, 6];
        for (var r = 0; r < 6; r++) for (var c = 0; c < 6; c++) counts[r, c] = 1000 * r + c;

        var chart = Chart.ConfusionMatrix(counts);

        var tips = Svg.Parse(chart).Descendants(Svg.Ns + "g").Select(g => g.Element(Svg.Ns + "title")?.Value).ToList();
        Assert.Equal(36, tips.Count);
        Assert.Contains(tips, t => t!.StartsWith("Actual 5, predicted 3: 5,003", StringComparison.Ordinal));
    }

    [Fact]
    public void BarsAreSortedByValueDescendingByDefault()
    {
        var chart = Chart.Bars([("small", 0.1), ("big", 0.9), ("middle", 0.5), ("negative", -0.2)]);

        Assert.Equal(["big", "middle", "small", "negative"], BarLabelsTopToBottom(chart, ["small", "big", "middle", "negative"]));
    }

    [Fact]
    public void BarsCanBeSortedAscendingOrKeptAsGiven()
    {
        (string, double)[] items = [("b", 2), ("c", 3), ("a", 1)];

        Assert.Equal(["a", "b", "c"], BarLabelsTopToBottom(Chart.Bars(items, order: BarOrder.Ascending), ["a", "b", "c"]));
        Assert.Equal(["b", "c", "a"], BarLabelsTopToBottom(Chart.Bars(items, order: BarOrder.AsGiven), ["a", "b", "c"]));
    }

    [Fact]
    public void TopKeepsTheLargestBarsAndSaysHowManyThereWere()
    {
        var chart = Chart.Bars([("a", 1.0), ("b", 5.0), ("c", 3.0), ("d", 4.0)], top: 2);

        var texts = Svg.Texts(chart);
        Assert.Equal(["b", "d"], BarLabelsTopToBottom(chart, ["a", "b", "c", "d"]));
        Assert.Contains(texts, t => t.Contains("showing top 2 of 4", StringComparison.Ordinal));
    }

    [Fact]
    public void BarValueLabelsUseTheRequestedFormat()
    {
        var percent = Chart.Bars([("tariff_ratio", 0.42)], valueFormat: NumberFormat.Percent);
        var rupiah = Chart.Bars([("claim", 1_490_600)], valueFormat: NumberFormat.Rupiah);

        Assert.Contains("42.0%", Svg.Texts(percent));
        Assert.Contains("Rp 1.490.600", Svg.Texts(rupiah));
    }

    [Fact]
    public void BarsFromADictionaryOfDoublesOrFloatsWork()
    {
        var doubles = Chart.Bars(new Dictionary<string, double> { ["x"] = 2, ["y"] = 1 });
        IReadOnlyDictionary<string, float> importance = new Dictionary<string, float> { ["a"] = 0.25f, ["b"] = 0.5f };
        var floats = Chart.Bars(importance, valueFormat: NumberFormat.Percent);

        Assert.Equal(["x", "y"], BarLabelsTopToBottom(doubles, ["x", "y"]));
        Assert.Equal(["b", "a"], BarLabelsTopToBottom(floats, ["a", "b"]));
        Assert.Contains("25.0%", Svg.Texts(floats));
    }

    [Fact]
    public void GroupedBarsDrawOneBarPerSeriesAndCategoryWithALegend()
    {
        var chart = Chart.GroupedBars(["upcoding", "phantom", "unbundling"],
            [("model", [0.8, 0.9, 0.6]), ("rules", [0.4, 0.7, double.NaN])], valueFormat: v => NumberFormat.Percent(v, 0));

        var bars = Svg.Elements(chart, "rect").Where(r => r.Element(Svg.Ns + "title") is not null).ToList();
        var texts = Svg.Texts(chart);
        Assert.Equal(5, bars.Count);
        Assert.Contains(bars, b => b.Element(Svg.Ns + "title")!.Value == "phantom · rules: 70%");
        Assert.Contains("model", texts);
        Assert.Contains("rules", texts);
        Assert.Contains("n/a", texts);
    }

    [Fact]
    public void HistogramBinsAddUpToTheNumberOfValues()
    {
        var values = Enumerable.Range(0, 1000).Select(i => i / 10.0).ToArray();

        var chart = Chart.Histogram([("x", values)], bins: 7);

        var counts = Svg.Elements(chart, "rect")
            .Select(r => r.Element(Svg.Ns + "title")?.Value)
            .OfType<string>()
            .Select(t => int.Parse(t.Split("n = ")[1].Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(7, counts.Count);
        Assert.Equal(1000, counts.Sum());
    }

    [Fact]
    public void HistogramLegendShowsTheSizeOfEachLabel()
    {
        var chart = Chart.Histogram([("legit", [1.0, 2.0, 3.0]), ("fraud", [2.5])], scale: HistogramScale.Density);

        var texts = Svg.Texts(chart);
        Assert.Contains("legit (n = 3)", texts);
        Assert.Contains("fraud (n = 1)", texts);
        Assert.Contains("Density", texts);
    }

    [Fact]
    public void ReliabilityShowsTheDiagonalTheExpectedCalibrationErrorAndBinSizes()
    {
        var chart = Chart.Reliability([0.1, 0.5], [0.2, 0.5], [300, 100], name: "XGBoost");

        var texts = Svg.Texts(chart);
        Assert.Contains("XGBoost (ECE = 0.075)", texts); // (300·0.1 + 100·0) / 400
        Assert.Contains("Perfectly calibrated", texts);
        Assert.Contains(Svg.Elements(chart, "rect"), r => r.Element(Svg.Ns + "title")?.Value == "bin 1: n = 300");
    }

    [Fact]
    public void LinesShowEverySeriesInTheLegendWithPointTooltips()
    {
        var chart = Chart.Lines([LineSeries.FromValues("train", [0.5, 0.6]), LineSeries.FromValues("validation", [0.4, 0.45], firstX: 1)]);

        var texts = Svg.Texts(chart);
        Assert.Contains("train", texts);
        Assert.Contains("validation", texts);
        Assert.Contains(Svg.Elements(chart, "circle"), c => c.Element(Svg.Ns + "title")?.Value == "validation: x = 2, y = 0.4500");
    }

    /// <summary>Category labels in the order they appear from top to bottom.</summary>
    private static List<string> BarLabelsTopToBottom(SvgChart chart, string[] labels) =>
        Svg.Elements(chart, "text")
            .Where(t => labels.Contains(t.Nodes().OfType<XText>().FirstOrDefault()?.Value))
            .OrderBy(t => double.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture))
            .Select(t => t.Nodes().OfType<XText>().First().Value)
            .ToList();
}
