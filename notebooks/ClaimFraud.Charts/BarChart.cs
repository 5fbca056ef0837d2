namespace ClaimFraud.Charts;

/// <summary>Horizontal bars, one row per category and one bar per series; long category names fit on the left.</summary>
internal static class BarChart
{
    private const double LabelFont = 12, ValueFont = 11;

    private sealed record Row(string Label, double[] Values);

    public static SvgChart Render(IReadOnlyList<string> categories, IReadOnlyList<(string Name, double[] Values)> series,
        bool grouped, BarOrder order, int? top, string? title, string? xLabel, Func<double, string>? valueFormat,
        int width, int? height)
    {
        if (top is < 1) throw new ArgumentOutOfRangeException(nameof(top), top, "Top must be at least 1.");
        for (var s = 0; s < series.Count; s++)
        {
            if (series[s].Values is null) throw new ArgumentException($"Series '{Finite.Name(series[s].Name, s)}': values are null.", nameof(series));
            if (series[s].Values.Length != categories.Count)
                throw new ArgumentException($"Series '{Finite.Name(series[s].Name, s)}' has {series[s].Values.Length} values for {categories.Count} categories.", nameof(series));
        }

        var rows = categories.Select((c, i) => new Row(c ?? "", series.Select(s => s.Values[i]).ToArray())).ToList();
        var skipped = rows.Sum(r => r.Values.Count(v => !double.IsFinite(v)));
        if (!grouped) rows = rows.Where(r => double.IsFinite(r.Values[0])).ToList();
        rows = Sort(rows, order);
        string? truncated = null;
        if (top is { } t && rows.Count > t)
        {
            truncated = $"showing {(order == BarOrder.AsGiven ? "first" : "top")} {t} of {NumberFormat.Integer(rows.Count)}";
            rows = rows.Take(t).ToList();
        }

        var legend = grouped ? series.Select((s, i) => new LegendEntry(Finite.Name(s.Name, i), Palette.Color(i), LegendMark.Box)).ToList() : [];
        var rowHeight = grouped ? series.Count * 15 + 12 : 26;
        var axisHeight = 22 + (string.IsNullOrWhiteSpace(xLabel) ? 0 : 20);
        var autoHeight = ChartCanvas.HeaderHeight(title) + Legend.TopHeight(legend, width) + 10 + Math.Max(rows.Count, 4) * rowHeight
                         + axisHeight + ChartCanvas.Pad + ChartCanvas.FootnoteHeightFor(skipped > 0 || truncated is not null);
        var canvas = new ChartCanvas(width, height ?? (int)Math.Clamp(Math.Ceiling(autoHeight), 160, 10_000), title);
        canvas.NoteSkipped(skipped);
        if (truncated is not null) canvas.Note(truncated);

        var finite = rows.SelectMany(r => r.Values).Where(double.IsFinite).ToList();
        if (rows.Count == 0 || series.Count == 0 || finite.Count == 0) return canvas.NoData();
        canvas.TopLegend(legend);

        var format = valueFormat ?? NumberFormat.AutoFor(finite);
        var lo = Math.Min(0, finite.Min());
        var hi = Math.Max(0, finite.Max());
        if (lo == hi) hi = 1;
        var labelWidth = Math.Min(rows.Max(r => TextMetrics.Width(r.Label, LabelFont)), width * 0.4);
        var valueWidth = finite.Max(v => TextMetrics.Width(format(v), ValueFont)) + 6;
        var left = ChartCanvas.Pad + labelWidth + 10 + (lo < 0 ? valueWidth : 0);
        var right = ChartCanvas.Pad + (hi > 0 ? valueWidth : 8);
        var areaTop = canvas.Top + 4;
        var area = new Box(left, areaTop, Math.Max(10, width - left - right), Math.Max(10, canvas.ContentBottom - axisHeight - areaTop));

        var spec = new AxisSpec(lo, hi, xLabel, Format: valueFormat);
        var ticks = AxisLayout.HorizontalTicks(spec, area.W);
        var x = new LinearScale(ticks.Min, ticks.Max, area.X, area.Right);
        AxisLayout.DrawBottom(canvas.W, area, x, ticks, spec);

        var w = canvas.W;
        var band = area.H / rows.Count;
        var barHeight = band * 0.72 / series.Count;
        var zero = x.Map(0);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowTop = area.Y + r * band;
            var label = TextMetrics.Fit(rows[r].Label, labelWidth, LabelFont);
            w.Text(left - 8 - (lo < 0 ? valueWidth : 0), rowTop + band / 2 + 4, label, "end", LabelFont,
                tooltip: label == rows[r].Label ? null : rows[r].Label);
            for (var s = 0; s < series.Count; s++)
            {
                var v = rows[r].Values[s];
                var y = rowTop + band * 0.14 + s * barHeight;
                var font = Math.Clamp(barHeight, 8, ValueFont);
                var textY = y + barHeight / 2 + font * 0.35;
                if (!double.IsFinite(v))
                {
                    w.Text(zero + 4, textY, "n/a", size: font, fill: Palette.MutedText);
                    continue;
                }
                var color = grouped ? Palette.Color(s) : Palette.Color(v >= 0 ? 0 : 3);
                var x0 = x.Map(Math.Min(0, v));
                var x1 = x.Map(Math.Max(0, v));
                var tip = grouped ? $"{rows[r].Label} · {Finite.Name(series[s].Name, s)}: {format(v)}" : $"{rows[r].Label}: {format(v)}";
                w.Rect(x0, y, x1 - x0, barHeight - (grouped ? 1 : 0), color, tooltip: tip);
                if (v >= 0) w.Text(x1 + 4, textY, format(v), size: font);
                else w.Text(x0 - 4, textY, format(v), "end", font);
            }
        }
        w.Line(zero, area.Y, zero, area.Bottom, Palette.Axis);
        return canvas.Finish();
    }

    /// <summary>Stable sort on the first series, non-finite values last.</summary>
    private static List<Row> Sort(List<Row> rows, BarOrder order) => order switch
    {
        BarOrder.Descending => rows.OrderByDescending(r => double.IsFinite(r.Values[0]) ? r.Values[0] : double.NegativeInfinity).ToList(),
        BarOrder.Ascending => rows.OrderBy(r => double.IsFinite(r.Values[0]) ? r.Values[0] : double.PositiveInfinity).ToList(),
        _ => rows,
    };
}
