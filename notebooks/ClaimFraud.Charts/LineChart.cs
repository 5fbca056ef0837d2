namespace ClaimFraud.Charts;

internal static class LineChart
{
    public static SvgChart Render(IEnumerable<LineSeries> series, string? title, string? xLabel, string? yLabel,
        double? yMin, double? yMax, Func<double, string>? xFormat, Func<double, string>? yFormat, bool? markers,
        int width, int height)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (yMin is { } a && !double.IsFinite(a)) throw new ArgumentOutOfRangeException(nameof(yMin), yMin, "yMin must be finite.");
        if (yMax is { } b && !double.IsFinite(b)) throw new ArgumentOutOfRangeException(nameof(yMax), yMax, "yMax must be finite.");

        var canvas = new ChartCanvas(width, height, title);
        var lines = new List<(string Name, List<(double X, double Y)> Points)>();
        var skipped = 0;
        foreach (var s in series)
        {
            if (s is null) throw new ArgumentException($"Line series {lines.Count + 1} is null.", nameof(series));
            var name = Finite.Name(s.Name, lines.Count);
            lines.Add((name, Finite.Pairs(name, "X", s.X, "Y", s.Y, ref skipped)));
        }
        canvas.NoteSkipped(skipped);
        var all = lines.SelectMany(l => l.Points).ToList();
        if (all.Count == 0) return canvas.NoData();

        var withMarkers = lines.Select(l => markers ?? l.Points.Count <= 40).ToList();
        canvas.TopLegend(lines.Select((l, i) => new LegendEntry(l.Name, Palette.Color(i), withMarkers[i] ? LegendMark.LineWithPoint : LegendMark.Line)).ToList());

        var integerX = all.All(p => p.X == Math.Floor(p.X));
        // yMin/yMax widen the axis (e.g. to show 0–1) but never hide data.
        var yLo = Math.Min(all.Min(p => p.Y), yMin ?? double.PositiveInfinity);
        var yHi = Math.Max(all.Max(p => p.Y), yMax ?? double.NegativeInfinity);
        var plot = XYPlot.Draw(canvas,
            new AxisSpec(all.Min(p => p.X), all.Max(p => p.X), xLabel, IntegerStep: integerX, Format: xFormat),
            new AxisSpec(yLo, yHi, yLabel, Format: yFormat));

        var xText = xFormat ?? (integerX ? v => NumberFormat.Plain(v, 0) : NumberFormat.AutoFor(all.Select(p => p.X)));
        var yText = yFormat ?? (v => NumberFormat.Number(v, 4));
        for (var i = 0; i < lines.Count; i++)
        {
            var (name, points) = lines[i];
            plot.Curve(points, Palette.Color(i), withMarkers[i], k => $"{name}: x = {xText(points[k].X)}, y = {yText(points[k].Y)}", name);
        }
        return canvas.Finish();
    }
}
