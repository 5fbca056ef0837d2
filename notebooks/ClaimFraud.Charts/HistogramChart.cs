namespace ClaimFraud.Charts;

internal static class HistogramChart
{
    public static SvgChart Render(IEnumerable<(string Label, double[] Values)> series, int bins, HistogramScale scale,
        HistogramLayout layout, double? min, double? max, string? title, string? xLabel, string? yLabel,
        Func<double, string>? xFormat, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (bins is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(bins), bins, "Bins must be between 1 and 1000.");
        if (min is { } mn && !double.IsFinite(mn)) throw new ArgumentOutOfRangeException(nameof(min), min, "Histogram min must be finite.");
        if (max is { } mx && !double.IsFinite(mx)) throw new ArgumentOutOfRangeException(nameof(max), max, "Histogram max must be finite.");
        if (min is { } a && max is { } b && a >= b) throw new ArgumentException($"Histogram min ({a}) must be below max ({b}).", nameof(min));

        var canvas = new ChartCanvas(width, height, title);
        var data = new List<(string Name, List<double> Values)>();
        var skipped = 0;
        foreach (var (label, values) in series)
        {
            var name = Finite.Name(label, data.Count);
            data.Add((name, Finite.Values(name, values, ref skipped)));
        }
        canvas.NoteSkipped(skipped);

        var all = data.SelectMany(d => d.Values).ToList();
        var lo = min ?? (all.Count > 0 ? all.Min() : 0);
        var hi = max ?? (all.Count > 0 ? all.Max() : 1);
        var outside = all.Count(v => v < lo || v > hi);
        if (outside > 0) canvas.Note($"{NumberFormat.Integer(outside)} value{(outside == 1 ? "" : "s")} outside [{NumberFormat.Number(lo, 2)}, {NumberFormat.Number(hi, 2)}] not shown");
        if (all.Count == outside) return canvas.NoData();
        if (lo >= hi)
        {
            // All values equal: one bin around them still shows where they are.
            var pad = Math.Max(Math.Abs(lo) * 0.05, 0.5);
            (lo, hi) = (lo - pad, hi + pad);
        }

        var binWidth = (hi - lo) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? hi : lo + i * binWidth).ToArray();
        var counts = data.Select(d => Count(d.Values, lo, hi, bins)).ToList();
        var heights = data.Select((d, s) => counts[s].Select(c => scale switch
        {
            HistogramScale.Fraction => d.Values.Count == 0 ? 0 : (double)c / d.Values.Count,
            HistogramScale.Density => d.Values.Count == 0 ? 0 : c / (d.Values.Count * binWidth),
            _ => c,
        }).ToArray()).ToList();
        var top = layout == HistogramLayout.Stacked
            ? Enumerable.Range(0, bins).Max(bin => heights.Sum(h => h[bin]))
            : heights.Max(h => h.Max());

        canvas.TopLegend(data.Select((d, s) => new LegendEntry($"{d.Name} (n = {NumberFormat.Integer(d.Values.Count)})", Palette.Color(s), LegendMark.Box)).ToList());
        var exact = min.HasValue && max.HasValue;
        var plot = XYPlot.Draw(canvas,
            new AxisSpec(lo, hi, xLabel, Exact: exact, Format: xFormat),
            new AxisSpec(0, top, yLabel ?? DefaultYLabel(scale), IntegerStep: scale == HistogramScale.Count));

        var edgeFormat = xFormat ?? (v => NumberFormat.Number(v, Math.Clamp((int)Math.Ceiling(-Math.Log10(binWidth)) + 1, 0, 6)));
        var stack = new double[bins];
        for (var s = 0; s < data.Count; s++)
        {
            var color = Palette.Color(s);
            for (var bin = 0; bin < bins; bin++)
            {
                var h = heights[s][bin];
                if (h <= 0) continue;
                var baseY = layout == HistogramLayout.Stacked ? stack[bin] : 0;
                var (x0, y1) = plot.Pixel(edges[bin], baseY + h);
                var (x1, y0) = plot.Pixel(edges[bin + 1], baseY);
                var n = data[s].Values.Count;
                var tip = $"{data[s].Name}: [{edgeFormat(edges[bin])}, {edgeFormat(edges[bin + 1])}{(bin == bins - 1 ? "]" : ")")} " +
                          $"n = {NumberFormat.Integer(counts[s][bin])} ({NumberFormat.Percent((double)counts[s][bin] / n)})";
                if (layout == HistogramLayout.Stacked)
                    canvas.W.Rect(x0, y1, x1 - x0, y0 - y1, color, "#FFFFFF", 0.85, tip, 0.5);
                else
                    canvas.W.Rect(x0, y1, x1 - x0, y0 - y1, color, fillOpacity: 0.35, tooltip: tip);
                stack[bin] += h;
            }
            if (layout == HistogramLayout.Overlay && data[s].Values.Count > 0)
                plot.Curve(Outline(edges, heights[s]), color, curveTooltip: data[s].Name);
        }
        return canvas.Finish();
    }

    private static int[] Count(List<double> values, double lo, double hi, int bins)
    {
        var counts = new int[bins];
        if (hi <= lo) return counts;
        foreach (var v in values)
        {
            if (v < lo || v > hi) continue;
            var bin = (int)Math.Floor((v - lo) / (hi - lo) * bins);
            counts[Math.Clamp(bin, 0, bins - 1)]++; // the maximum itself belongs to the last bin
        }
        return counts;
    }

    /// <summary>The step outline of one series, from the baseline up and back down.</summary>
    private static List<(double X, double Y)> Outline(double[] edges, double[] heights)
    {
        var points = new List<(double X, double Y)> { (edges[0], 0) };
        for (var bin = 0; bin < heights.Length; bin++)
        {
            points.Add((edges[bin], heights[bin]));
            points.Add((edges[bin + 1], heights[bin]));
        }
        points.Add((edges[^1], 0));
        return points;
    }

    private static string DefaultYLabel(HistogramScale scale) => scale switch
    {
        HistogramScale.Fraction => "Share of series",
        HistogramScale.Density => "Density",
        _ => "Count",
    };
}
