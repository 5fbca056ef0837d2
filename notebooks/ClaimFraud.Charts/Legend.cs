namespace ClaimFraud.Charts;

internal enum LegendMark { Line, DashedLine, Box, LineWithPoint }

internal enum Corner { TopLeft, TopRight, BottomLeft, BottomRight }

internal sealed record LegendEntry(string Label, string Color, LegendMark Mark = LegendMark.Line);

/// <summary>Legends either in a corner of the plot (curves that leave a corner empty) or in rows under the title.</summary>
internal static class Legend
{
    private const double Row = 18, Swatch = 22, Gap = 6, Font = 12, Spacing = 18;

    /// <summary>The legend box for <paramref name="corner"/> of <paramref name="area"/>.</summary>
    public static Box InsideBox(Box area, IReadOnlyList<LegendEntry> entries, Corner corner)
    {
        var labels = InsideLabels(area, entries);
        var boxW = labels.Select(l => TextMetrics.Width(l, Font)).DefaultIfEmpty(0).Max() + Swatch + Gap + 16;
        var boxH = entries.Count * Row + 8;
        var x = corner is Corner.TopLeft or Corner.BottomLeft ? area.X + 8 : area.Right - 8 - boxW;
        var y = corner is Corner.TopLeft or Corner.TopRight ? area.Y + 8 : area.Bottom - 8 - boxH;
        return new Box(x, y, boxW, boxH);
    }

    public static void Inside(SvgWriter w, Box area, IReadOnlyList<LegendEntry> entries, Corner corner)
    {
        if (entries.Count == 0) return;
        var labels = InsideLabels(area, entries);
        var box = InsideBox(area, entries, corner);
        w.Rect(box.X, box.Y, box.W, box.H, "#FFFFFF", stroke: "#CCCCCC", fillOpacity: 0.9);
        for (var i = 0; i < entries.Count; i++)
        {
            var cy = box.Y + 4 + Row * i + Row / 2;
            Mark(w, box.X + 8, cy, entries[i]);
            w.Text(box.X + 8 + Swatch + Gap, cy + 4, labels[i], size: Font, tooltip: labels[i] == entries[i].Label ? null : entries[i].Label);
        }
    }

    private static List<string> InsideLabels(Box area, IReadOnlyList<LegendEntry> entries)
    {
        var maxText = Math.Max(20, area.W - 16 - Swatch - Gap - 16);
        return entries.Select(e => TextMetrics.Fit(e.Label, maxText, Font)).ToList();
    }

    /// <summary>Height the rows under the title need at this chart width.</summary>
    public static double TopHeight(IReadOnlyList<LegendEntry> entries, double width) =>
        entries.Count == 0 ? 0 : Rows(entries, width).Count * Row + 4;

    /// <summary>Draws centred rows starting at <paramref name="top"/>.</summary>
    public static void Top(SvgWriter w, double top, double width, IReadOnlyList<LegendEntry> entries)
    {
        var rows = Rows(entries, width);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowWidth = rows[r].Sum(i => ItemWidth(entries[i], width)) - Spacing;
            var x = (width - rowWidth) / 2;
            var cy = top + Row * r + Row / 2;
            foreach (var i in rows[r])
            {
                Mark(w, x, cy, entries[i]);
                w.Text(x + Swatch + Gap, cy + 4, Label(entries[i], width), size: Font);
                x += ItemWidth(entries[i], width);
            }
        }
    }

    private static List<List<int>> Rows(IReadOnlyList<LegendEntry> entries, double width)
    {
        var rows = new List<List<int>> { new() };
        double used = 0;
        var available = width - 2 * ChartCanvas.Pad;
        for (var i = 0; i < entries.Count; i++)
        {
            var itemWidth = ItemWidth(entries[i], width);
            if (rows[^1].Count > 0 && used + itemWidth - Spacing > available)
            {
                rows.Add([]);
                used = 0;
            }
            rows[^1].Add(i);
            used += itemWidth;
        }
        return rows;
    }

    private static string Label(LegendEntry e, double width) =>
        TextMetrics.Fit(e.Label, width - 2 * ChartCanvas.Pad - Swatch - Gap, Font);

    private static double ItemWidth(LegendEntry e, double width) =>
        Swatch + Gap + TextMetrics.Width(Label(e, width), Font) + Spacing;

    private static void Mark(SvgWriter w, double x, double cy, LegendEntry e)
    {
        switch (e.Mark)
        {
            case LegendMark.Box:
                w.Rect(x + 4, cy - 6, 14, 12, e.Color, fillOpacity: 0.75);
                break;
            case LegendMark.DashedLine:
                w.Line(x, cy, x + Swatch, cy, e.Color, 2, "5,3");
                break;
            case LegendMark.LineWithPoint:
                w.Line(x, cy, x + Swatch, cy, e.Color, 2.5);
                w.Circle(x + Swatch / 2, cy, 3.5, e.Color, "#FFFFFF");
                break;
            default:
                w.Line(x, cy, x + Swatch, cy, e.Color, 2.5);
                break;
        }
    }
}
