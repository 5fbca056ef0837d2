namespace ClaimFraud.Charts;

/// <summary>Calibration: observed rate against mean predicted probability per bin, with bin sizes as light bars.</summary>
internal static class ReliabilityChart
{
    private const string CountColor = "#9E9E9E";

    public static SvgChart Render(IReadOnlyList<double> meanPredicted, IReadOnlyList<double> observed, IReadOnlyList<int>? counts,
        string? name, double axisMax, string? title, string? xLabel, string? yLabel, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(meanPredicted);
        ArgumentNullException.ThrowIfNull(observed);
        if (!double.IsFinite(axisMax) || axisMax <= 0 || axisMax > 1)
            throw new ArgumentOutOfRangeException(nameof(axisMax), axisMax, "Axis maximum must be in (0, 1].");
        if (meanPredicted.Count != observed.Count)
            throw new ArgumentException($"meanPredicted has {meanPredicted.Count} bins but observed has {observed.Count}.", nameof(observed));
        if (counts is not null && counts.Count != meanPredicted.Count)
            throw new ArgumentException($"counts has {counts.Count} bins but meanPredicted has {meanPredicted.Count}.", nameof(counts));
        for (var i = 0; counts is not null && i < counts.Count; i++)
            if (counts[i] < 0) throw new ArgumentException($"counts[{i}] = {counts[i]} is negative.", nameof(counts));

        var canvas = new ChartCanvas(width, height, title);
        var label = string.IsNullOrWhiteSpace(name) ? "Model" : name;
        var bins = new List<(int Index, double Predicted, double Observed)>();
        var nonFinite = 0;
        for (var i = 0; i < meanPredicted.Count; i++)
        {
            if (!double.IsFinite(meanPredicted[i]) || !double.IsFinite(observed[i])) { nonFinite++; continue; }
            bins.Add((i, Finite.Unit(label, "meanPredicted", i, meanPredicted[i]), Finite.Unit(label, "observed", i, observed[i])));
        }
        if (nonFinite > 0) canvas.Note($"{nonFinite} bin{(nonFinite == 1 ? "" : "s")} with NaN/∞ (empty?) skipped");

        var eps = axisMax * 1e-9;
        var shown = bins.Where(b => b.Predicted <= axisMax + eps && b.Observed <= axisMax + eps).ToList();
        var beyond = bins.Count - shown.Count;
        if (beyond > 0) canvas.Note($"{beyond} bin{(beyond == 1 ? "" : "s")} beyond {NumberFormat.Number(axisMax, 3)} not shown");
        if (shown.Count == 0) return canvas.NoData();

        double? ece = null;
        if (counts is not null)
        {
            var total = bins.Sum(b => (double)counts[b.Index]);
            if (total > 0) ece = bins.Sum(b => counts[b.Index] * Math.Abs(b.Observed - b.Predicted)) / total;
        }

        var plot = XYPlot.Draw(canvas, AxisSpec.Unit(xLabel, axisMax), AxisSpec.Unit(yLabel, axisMax));
        var legend = new List<LegendEntry>();
        if (counts is not null)
        {
            var maxCount = shown.Max(b => counts[b.Index]);
            var barWidth = Math.Clamp(plot.Area.W / (meanPredicted.Count * 1.6), 2, 16);
            foreach (var b in shown)
            {
                var n = counts[b.Index];
                if (n == 0 || maxCount == 0) continue;
                var h = plot.Area.H * 0.25 * n / maxCount;
                var cx = plot.X.Map(b.Predicted);
                canvas.W.Rect(cx - barWidth / 2, plot.Area.Bottom - h, barWidth, h, CountColor, fillOpacity: 0.35,
                    tooltip: $"bin {b.Index + 1}: n = {NumberFormat.Integer(n)}");
            }
            legend.Add(new LegendEntry($"Bin size (tallest = {NumberFormat.Integer(maxCount)})", CountColor, LegendMark.Box));
        }
        plot.Segment(0, 0, axisMax, axisMax, Palette.Reference);

        var points = shown.OrderBy(b => b.Predicted).ToList();
        plot.Curve(points.Select(b => (b.Predicted, b.Observed)).ToList(), Palette.Color(0), markers: true, tooltip: i =>
        {
            var b = points[i];
            var n = counts is null ? "" : $", n = {NumberFormat.Integer(counts[b.Index])}";
            return $"bin {b.Index + 1}: predicted {NumberFormat.Number(b.Predicted, 3)}, observed {NumberFormat.Number(b.Observed, 3)}{n}";
        });
        legend.Insert(0, new LegendEntry(ece is { } e ? $"{label} (ECE = {NumberFormat.Number(e, 3)})" : label, Palette.Color(0), LegendMark.LineWithPoint));
        legend.Insert(1, new LegendEntry("Perfectly calibrated", Palette.Reference, LegendMark.DashedLine));
        plot.Legend(legend, Corner.TopLeft, Corner.BottomRight, Corner.TopRight, Corner.BottomLeft);
        return canvas.Finish();
    }
}
