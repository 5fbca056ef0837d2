using System.Numerics;

namespace ClaimFraud.Charts;

/// <summary>
/// Entry points for every chart. Each returns an <see cref="SvgChart"/>: a standalone SVG 1.1 string that renders in
/// VS Code, JupyterLab and GitHub's notebook preview. NaN/∞ inputs are skipped and counted in a footnote; input with
/// nothing to draw gives an empty chart saying "no data"; malformed input (mismatched lengths, rates outside [0, 1],
/// negative counts) throws an <see cref="ArgumentException"/> naming the problem.
/// </summary>
public static class Chart
{
    /// <summary>ROC curves with the chance diagonal; the legend shows each series' AUC.</summary>
    public static SvgChart Roc(IEnumerable<RocSeries> series, string? title = "ROC curve",
        string? xLabel = "False positive rate", string? yLabel = "True positive rate", int width = 560, int height = 480) =>
        RocChart.Render(series, title, xLabel, yLabel, width, height);

    /// <summary>Precision–recall curves; <paramref name="baseline"/> (the positive rate) draws the no-skill line.</summary>
    public static SvgChart PrecisionRecall(IEnumerable<PrSeries> series, string? title = "Precision–recall curve",
        double? baseline = null, string? xLabel = "Recall", string? yLabel = "Precision", int width = 560, int height = 480) =>
        PrecisionRecallChart.Render(series, baseline, title, xLabel, yLabel, width, height);

    /// <summary>
    /// Distributions of a numeric feature per label (e.g. legit vs fraud) over shared bins spanning
    /// [<paramref name="min"/>, <paramref name="max"/>] (the data range by default; values outside are counted in the footnote).
    /// </summary>
    public static SvgChart Histogram(IEnumerable<(string Label, double[] Values)> series, int bins = 30,
        HistogramScale scale = HistogramScale.Count, HistogramLayout layout = HistogramLayout.Overlay,
        string? title = null, string? xLabel = null, string? yLabel = null, double? min = null, double? max = null,
        Func<double, string>? xFormat = null, int width = 640, int height = 420) =>
        HistogramChart.Render(series, bins, scale, layout, min, max, title, xLabel, yLabel, xFormat, width, height);

    /// <summary>
    /// Horizontal bars (feature importance, per-pattern recall), sorted by value; <paramref name="top"/> keeps the first N.
    /// The height grows with the number of bars unless given.
    /// </summary>
    public static SvgChart Bars(IEnumerable<(string Label, double Value)> items, string? title = null, string? xLabel = null,
        BarOrder order = BarOrder.Descending, int? top = null, Func<double, string>? valueFormat = null,
        int width = 640, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        return BarChart.Render(list.Select(i => i.Label).ToList(), [("", list.Select(i => i.Value).ToArray())],
            grouped: false, order, top, title, xLabel, valueFormat, width, height);
    }

    /// <summary>Horizontal bars from a dictionary, e.g. <c>Booster.FeatureScore(…)</c> (string → float).</summary>
    public static SvgChart Bars<TValue>(IEnumerable<KeyValuePair<string, TValue>> items, string? title = null, string? xLabel = null,
        BarOrder order = BarOrder.Descending, int? top = null, Func<double, string>? valueFormat = null,
        int width = 640, int? height = null) where TValue : INumberBase<TValue>
    {
        ArgumentNullException.ThrowIfNull(items);
        return Bars(items.Select(kv => (kv.Key, double.CreateTruncating(kv.Value))), title, xLabel, order, top, valueFormat, width, height);
    }

    /// <summary>
    /// One row per category with a bar per series (e.g. recall per fraud pattern, model vs rules baseline);
    /// each series has one value per category. Rows keep their order unless sorted by the first series.
    /// </summary>
    public static SvgChart GroupedBars(IReadOnlyList<string> categories, IEnumerable<(string Name, double[] Values)> series,
        string? title = null, string? xLabel = null, BarOrder order = BarOrder.AsGiven, int? top = null,
        Func<double, string>? valueFormat = null, int width = 640, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        return BarChart.Render(categories, series.ToList(), grouped: true, order, top, title, xLabel, valueFormat, width, height);
    }

    /// <summary>Confusion-matrix heatmap: rows are actual classes, columns predicted; cells show count and percentage.</summary>
    public static SvgChart ConfusionMatrix(int[,] counts, IReadOnlyList<string>? labels = null, string? title = "Confusion matrix",
        CellPercent percent = CellPercent.OfActual, int width = 480, int height = 440)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var wide = new long[counts.GetLength(0), counts.GetLength(1)];
        for (var r = 0; r < counts.GetLength(0); r++)
            for (var c = 0; c < counts.GetLength(1); c++)
                wide[r, c] = counts[r, c];
        return ConfusionMatrix(wide, labels, title, percent, width, height);
    }

    /// <inheritdoc cref="ConfusionMatrix(int[,], IReadOnlyList{string}?, string?, CellPercent, int, int)"/>
    public static SvgChart ConfusionMatrix(long[,] counts, IReadOnlyList<string>? labels = null, string? title = "Confusion matrix",
        CellPercent percent = CellPercent.OfActual, int width = 480, int height = 440) =>
        ConfusionMatrixChart.Render(counts, labels, percent, title, width, height);

    /// <summary>
    /// Reliability (calibration) diagram: observed positive rate against mean predicted probability per bin.
    /// With <paramref name="counts"/>, bin sizes appear as light bars (and in tooltips) and the legend shows the ECE.
    /// <paramref name="axisMax"/> below 1 zooms both axes for rare-event scores.
    /// </summary>
    public static SvgChart Reliability(IReadOnlyList<double> meanPredicted, IReadOnlyList<double> observed,
        IReadOnlyList<int>? counts = null, string? name = "Model", string? title = "Reliability diagram", double axisMax = 1,
        string? xLabel = "Mean predicted probability", string? yLabel = "Observed fraud rate", int width = 560, int height = 480) =>
        ReliabilityChart.Render(meanPredicted, observed, counts, name, axisMax, title, xLabel, yLabel, width, height);

    /// <summary>
    /// Line chart (e.g. validation PR-AUC per boosting round). <paramref name="yMin"/>/<paramref name="yMax"/> widen the
    /// y axis but never hide data; markers default to on for series of at most 40 points.
    /// </summary>
    public static SvgChart Lines(IEnumerable<LineSeries> series, string? title = null, string? xLabel = null, string? yLabel = null,
        double? yMin = null, double? yMax = null, Func<double, string>? xFormat = null, Func<double, string>? yFormat = null,
        bool? markers = null, int width = 640, int height = 420) =>
        LineChart.Render(series, title, xLabel, yLabel, yMin, yMax, xFormat, yFormat, markers, width, height);
}
