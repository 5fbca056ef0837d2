namespace ClaimFraud.Charts;

internal static class RocChart
{
    public static SvgChart Render(IEnumerable<RocSeries> series, string? title, string? xLabel, string? yLabel, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(series);
        var canvas = new ChartCanvas(width, height, title);
        var curves = new List<(string Name, List<(double X, double Y)> Points, double? Auc)>();
        var skipped = 0;
        foreach (var s in series)
        {
            if (s is null) throw new ArgumentException($"ROC series {curves.Count + 1} is null.", nameof(series));
            var name = Finite.Name(s.Name, curves.Count);
            var points = Finite.Pairs(name, "FPR", s.Fpr, "TPR", s.Tpr, ref skipped, unit: true);
            var auc = s.Auc is { } given && double.IsFinite(given) ? given : points.Count >= 2 ? Trapezoid(points) : (double?)null;
            curves.Add((name, points, auc));
        }
        canvas.NoteSkipped(skipped);
        if (curves.All(c => c.Points.Count == 0)) return canvas.NoData();

        var plot = XYPlot.Draw(canvas, AxisSpec.Unit(xLabel), AxisSpec.Unit(yLabel));
        plot.Segment(0, 0, 1, 1, Palette.Reference);
        var legend = new List<LegendEntry>();
        for (var i = 0; i < curves.Count; i++)
        {
            var (name, points, auc) = curves[i];
            var label = auc is { } a ? $"{name} (AUC = {NumberFormat.Number(a, 3)})" : name;
            plot.Curve(points, Palette.Color(i), curveTooltip: label);
            legend.Add(new LegendEntry(label, Palette.Color(i)));
        }
        legend.Add(new LegendEntry("Chance (AUC = 0.500)", Palette.Reference, LegendMark.DashedLine));
        plot.Legend(legend, Corner.BottomRight, Corner.TopLeft, Corner.BottomLeft, Corner.TopRight);
        return canvas.Finish();
    }

    /// <summary>Area under the points sorted by FPR, by the trapezoid rule.</summary>
    internal static double Trapezoid(IReadOnlyList<(double X, double Y)> points)
    {
        var sorted = points.OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        double area = 0;
        for (var i = 1; i < sorted.Count; i++)
            area += (sorted[i].X - sorted[i - 1].X) * (sorted[i].Y + sorted[i - 1].Y) / 2;
        return area;
    }
}
