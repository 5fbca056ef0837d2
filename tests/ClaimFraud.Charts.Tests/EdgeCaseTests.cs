namespace ClaimFraud.Charts.Tests;

public class EdgeCaseTests
{
    public static TheoryData<string> EmptyCharts() => new(EmptyByName.Keys);

    private static readonly Dictionary<string, Func<SvgChart>> EmptyByName = new()
    {
        ["roc"] = () => Chart.Roc([]),
        ["roc-empty-series"] = () => Chart.Roc([new RocSeries("XGBoost", [], [])]),
        ["pr"] = () => Chart.PrecisionRecall([new PrSeries("XGBoost", [], [])]),
        ["histogram"] = () => Chart.Histogram([("legit", []), ("fraud", [])]),
        ["bars"] = () => Chart.Bars(Array.Empty<(string, double)>()),
        ["grouped"] = () => Chart.GroupedBars([], [("model", [])]),
        ["confusion"] = () => Chart.ConfusionMatrix(new int[0, 0]),
        ["reliability"] = () => Chart.Reliability([], []),
        ["lines"] = () => Chart.Lines([]),
        ["lines-all-nan"] = () => Chart.Lines([LineSeries.FromValues("loss", [double.NaN, double.PositiveInfinity])]),
        ["histogram-all-nan"] = () => Chart.Histogram([("x", [double.NaN])]),
        ["bars-all-nan"] = () => Chart.Bars([("a", double.NaN)]),
    };

    [Theory]
    [MemberData(nameof(EmptyCharts))]
    public void EmptyInputDrawsAChartSayingNoData(string name)
    {
        var chart = EmptyByName[name]();

        Assert.Contains("no data", Svg.Texts(chart));
        Assert.Equal(Svg.Ns + "svg", Svg.Parse(chart).Root!.Name);
    }

    [Fact]
    public void NonFiniteValuesAreSkippedAndCountedInAFootnote()
    {
        var chart = Chart.Lines([new LineSeries("auc", [0, 1, 2, 3, 4], [0.5, double.NaN, 0.7, double.PositiveInfinity, 0.8])]);

        var texts = Svg.Texts(chart);
        Assert.Contains(texts, t => t.Contains("2 NaN/∞ values skipped", StringComparison.Ordinal));
        Assert.DoesNotContain("no data", texts);
        Assert.Equal(3, Svg.Elements(chart, "circle").Count(c => c.Element(Svg.Ns + "title") is not null));
    }

    [Fact]
    public void HistogramCountsNaNAndInfinityInItsFootnote()
    {
        var chart = Chart.Histogram([("legit", [1.0, 2.0, double.NaN]), ("fraud", [3.0, double.NegativeInfinity])]);

        Assert.Contains(Svg.Texts(chart), t => t.Contains("2 NaN/∞ values skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void ASinglePointIsDrawnAsAMarker()
    {
        var line = Chart.Lines([new LineSeries("one", [3], [0.5])]);
        var roc = Chart.Roc([new RocSeries("one", [0.2], [0.7])]);

        Assert.Single(Svg.Elements(line, "circle"), c => c.Element(Svg.Ns + "title") is not null);
        Assert.Contains(Svg.Elements(roc, "circle"), c => c.Attribute("fill")?.Value == Palette.Color(0));
        Assert.DoesNotContain("no data", Svg.Texts(line));
    }

    [Fact]
    public void AllEqualValuesStillGiveAHistogramBar()
    {
        var chart = Chart.Histogram([("constant", [7.0, 7.0, 7.0])], bins: 10);

        var bars = Svg.Elements(chart, "rect").Where(r => r.Element(Svg.Ns + "title") is not null).ToList();
        var bar = Assert.Single(bars);
        Assert.Contains("n = 3", bar.Element(Svg.Ns + "title")!.Value);
    }

    [Fact]
    public void AllEqualLineValuesGiveAFlatLineInsideTheAxis()
    {
        var chart = Chart.Lines([LineSeries.FromValues("flat", [0.6, 0.6, 0.6])]);

        Assert.Contains("0.6", string.Join(" ", Svg.Texts(chart)));
        Assert.Single(Svg.Elements(chart, "polyline"));
    }

    [Fact]
    public void AConfusionMatrixOfZerosShowsDashesInsteadOfPercentages()
    {
        var chart = Chart.ConfusionMatrix(new int[2, 2], ["legit", "fraud"]);

        var texts = Svg.Texts(chart);
        Assert.Equal(4, texts.Count(t => t == "0"));
        Assert.Equal(4, texts.Count(t => t == "–"));
    }

    [Fact]
    public void EmptyReliabilityBinsAreSkippedAndNoted()
    {
        var chart = Chart.Reliability([0.1, double.NaN, 0.9], [0.1, double.NaN, 0.8], [10, 0, 5]);

        Assert.Contains(Svg.Texts(chart), t => t.Contains("1 bin with NaN/∞", StringComparison.Ordinal));
    }

    [Fact]
    public void MismatchedLengthsAreRejectedNamingTheSeries()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Roc([new RocSeries("XGBoost", [0, 0.5, 1], [0, 1])]));

        Assert.Contains("XGBoost", error.Message);
        Assert.Contains("FPR has 3 values but TPR has 2", error.Message);
    }

    [Fact]
    public void RatesOutsideZeroToOneAreRejectedNamingTheIndex()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Chart.PrecisionRecall([new PrSeries("m", [0.5, 1.5], [1, 1])]));

        Assert.Contains("recall[1] = 1.5", error.Message);
    }

    [Fact]
    public void NegativeOrNonSquareConfusionMatricesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Chart.ConfusionMatrix(new[,] { { 1, -1 }, { 0, 2 } }));
        Assert.Throws<ArgumentException>(() => Chart.ConfusionMatrix(new int[2, 3]));
        Assert.Throws<ArgumentException>(() => Chart.ConfusionMatrix(new int[2, 2], ["only one"]));
    }

    [Fact]
    public void GroupedBarsWithTheWrongNumberOfValuesAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.GroupedBars(["a", "b"], [("rules", [0.1])]));

        Assert.Contains("'rules' has 1 values for 2 categories", error.Message);
    }

    [Fact]
    public void ImpossibleHistogramSettingsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Histogram([("x", [1.0])], bins: 0));
        Assert.Throws<ArgumentException>(() => Chart.Histogram([("x", [1.0])], min: 2, max: 1));
    }

    [Fact]
    public void HistogramValuesOutsideAGivenRangeAreCountedNotDropped()
    {
        var chart = Chart.Histogram([("x", [0.5, 1.5, 2.5, 50])], bins: 3, min: 0, max: 3);

        Assert.Contains(Svg.Texts(chart), t => t.Contains("1 value outside [0.00, 3.00] not shown", StringComparison.Ordinal));
    }
}
