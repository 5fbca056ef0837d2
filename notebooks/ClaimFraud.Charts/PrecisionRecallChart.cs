namespace ClaimFraud.Charts;

internal static class PrecisionRecallChart
{
    public static SvgChart Render(IEnumerable<PrSeries> series, double? baseline, string? title, string? xLabel,
        string? yLabel, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(series);
        var canvas = new ChartCanvas(width, height, title);
        var curves = new List<(string Label, List<(double X, double Y)> Points)>();
        var skipped = 0;
        foreach (var s in series)
        {
            if (s is null) throw new ArgumentException($"PR series {curves.Count + 1} is null.", nameof(series));
            var name = Finite.Name(s.Name, curves.Count);
            var points = Finite.Pairs(name, "recall", s.Recall, "precision", s.Precision, ref skipped, unit: true);
            var area = s.Area is { } given && double.IsFinite(given) ? given : points.Count > 0 ? AveragePrecision(points) : (double?)null;
            var areaLabel = string.IsNullOrWhiteSpace(s.AreaLabel) ? "AP" : s.AreaLabel;
            curves.Add((area is { } a ? $"{name} ({areaLabel} = {NumberFormat.Number(a, 3)})" : name, points));
        }
        double? prevalence = null;
        if (baseline is { } b)
        {
            if (double.IsFinite(b)) prevalence = Finite.Unit("baseline", "baseline", 0, b);
            else skipped++;
        }
        canvas.NoteSkipped(skipped);
        if (curves.All(c => c.Points.Count == 0)) return canvas.NoData();

        var plot = XYPlot.Draw(canvas, AxisSpec.Unit(xLabel), AxisSpec.Unit(yLabel));
        var legend = new List<LegendEntry>();
        if (prevalence is { } p)
            plot.Segment(0, p, 1, p, Palette.Reference);
        for (var i = 0; i < curves.Count; i++)
        {
            plot.Curve(curves[i].Points, Palette.Color(i), curveTooltip: curves[i].Label);
            legend.Add(new LegendEntry(curves[i].Label, Palette.Color(i)));
        }
        if (prevalence is { } q)
            legend.Add(new LegendEntry($"Prevalence ({NumberFormat.Percent(q, 2)})", Palette.Reference, LegendMark.DashedLine));
        plot.Legend(legend, Corner.TopRight, Corner.BottomLeft, Corner.BottomRight, Corner.TopLeft);
        return canvas.Finish();
    }

    /// <summary>Σ (Rₙ − Rₙ₋₁)·Pₙ over points sorted by increasing recall (higher precision first on ties).</summary>
    internal static double AveragePrecision(IReadOnlyList<(double Recall, double Precision)> points)
    {
        double ap = 0, previous = 0;
        foreach (var (r, p) in points.OrderBy(x => x.Recall).ThenByDescending(x => x.Precision))
        {
            ap += (r - previous) * p;
            previous = r;
        }
        return ap;
    }
}
