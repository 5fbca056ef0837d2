using ClaimFraud.Charts;

namespace ClaimFraud.Charts.Tests;

/// <summary>One ordinary chart of every type, for tests that check properties shared by all charts.</summary>
public static class SampleCharts
{
    private static readonly double[] Fpr = [0, 0.05, 0.1, 0.3, 0.6, 1];
    private static readonly double[] Tpr = [0, 0.5, 0.7, 0.85, 0.95, 1];

    public static readonly Dictionary<string, Func<string, SvgChart>> ByName = new()
    {
        ["roc"] = title => Chart.Roc([new RocSeries("XGBoost", Fpr, Tpr, 0.91)], title: title),
        ["pr"] = title => Chart.PrecisionRecall([new PrSeries("XGBoost", [0.1, 0.5, 0.9], [0.9, 0.6, 0.2])], title: title, baseline: 0.03),
        ["histogram"] = title => Chart.Histogram([("legit", [1.0, 1.1, 1.3, 2.0]), ("fraud", [2.5, 3.0, 3.1])], bins: 5, title: title),
        ["bars"] = title => Chart.Bars([("tariff_ratio", 0.42), ("los_days", 0.18)], title: title),
        ["grouped"] = title => Chart.GroupedBars(["upcoding", "phantom"], [("model", [0.8, 0.9]), ("rules", [0.4, 0.7])], title: title),
        ["confusion"] = title => Chart.ConfusionMatrix(new[,] { { 90, 10 }, { 2, 8 } }, ["legit", "fraud"], title: title),
        ["reliability"] = title => Chart.Reliability([0.1, 0.5, 0.9], [0.12, 0.45, 0.88], [100, 50, 10], title: title),
        ["lines"] = title => Chart.Lines([LineSeries.FromValues("validation", [0.5, 0.6, 0.65])], title: title),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in ByName.Keys) data.Add(name);
        return data;
    }
}
