namespace ClaimFraud.Charts;

/// <summary>A plot area with numeric x and y axes, laid out so tick labels and axis titles fit.</summary>
internal sealed class XYPlot
{
    private readonly SvgWriter _w;
    private readonly List<List<(double X, double Y)>> _drawn = [];

    private XYPlot(SvgWriter w, Box area, LinearScale x, LinearScale y)
    {
        _w = w;
        Area = area;
        X = x;
        Y = y;
    }

    public Box Area { get; }
    public LinearScale X { get; }
    public LinearScale Y { get; }

    public static XYPlot Draw(ChartCanvas canvas, AxisSpec x, AxisSpec y)
    {
        const double pad = ChartCanvas.Pad;
        var top = canvas.Top + 8;
        var bottom = canvas.ContentBottom - 22 - (string.IsNullOrWhiteSpace(x.Label) ? 0 : 20);
        var height = Math.Max(10, bottom - top);

        var yTicks = AxisLayout.VerticalTicks(y, height);
        var yLabelWidth = yTicks.Values.Select(v => TextMetrics.Width(y.FormatTick(yTicks, v), AxisLayout.TickFont)).DefaultIfEmpty(0).Max();
        var left = pad + (string.IsNullOrWhiteSpace(y.Label) ? 0 : 22) + yLabelWidth + 10;

        // The last x label is centred on the right edge, so the right margin depends on the ticks and vice versa.
        var right = pad + 8;
        var xTicks = AxisLayout.HorizontalTicks(x, Math.Max(10, canvas.Width - left - right));
        var lastHalf = xTicks.Values.Count == 0 ? 0 : TextMetrics.Width(x.FormatTick(xTicks, xTicks.Values[^1]), AxisLayout.TickFont) / 2;
        if (lastHalf + 4 > right)
        {
            right = lastHalf + 4;
            xTicks = AxisLayout.HorizontalTicks(x, Math.Max(10, canvas.Width - left - right));
        }

        var area = new Box(left, top, Math.Max(10, canvas.Width - left - right), height);
        var xs = new LinearScale(xTicks.Min, xTicks.Max, area.X, area.Right);
        var ys = new LinearScale(yTicks.Min, yTicks.Max, area.Bottom, area.Y);
        AxisLayout.DrawLeft(canvas.W, area, ys, yTicks, y, pad + 8);
        AxisLayout.DrawBottom(canvas.W, area, xs, xTicks, x);
        return new XYPlot(canvas.W, area, xs, ys);
    }

    public (double X, double Y) Pixel(double x, double y) => (X.Map(x), Y.Map(y));

    /// <summary>A data-space straight line, e.g. the chance diagonal.</summary>
    public void Segment(double x1, double y1, double x2, double y2, string color, string? dash = "6,4", double width = 1.5)
    {
        var (a, b) = Pixel(x1, y1);
        var (c, d) = Pixel(x2, y2);
        _w.Line(a, b, c, d, color, width, dash);
        _drawn.Add([(a, b), (c, d)]);
    }

    /// <summary>A data series as a line; a lone point (or every point, with markers) gets a dot.</summary>
    public void Curve(IReadOnlyList<(double X, double Y)> points, string color, bool markers = false,
        Func<int, string>? tooltip = null, string? curveTooltip = null)
    {
        if (points.Count == 0) return;
        var pixels = points.Select(p => Pixel(p.X, p.Y)).ToList();
        _drawn.Add(pixels);
        if (points.Count > 1) _w.Polyline(pixels, color, 2, tooltip: curveTooltip);
        if (!markers && points.Count > 1) return;
        for (var i = 0; i < points.Count; i++)
        {
            var (px, py) = Pixel(points[i].X, points[i].Y);
            _w.Circle(px, py, 3.5, color, "#FFFFFF", tooltip?.Invoke(i));
        }
    }

    /// <summary>
    /// Draws the legend in whichever corner covers the least of what is drawn so far, preferring earlier corners on ties.
    /// </summary>
    public void Legend(IReadOnlyList<LegendEntry> entries, params Corner[] preference)
    {
        if (entries.Count == 0) return;
        var best = preference[0];
        var fewest = int.MaxValue;
        foreach (var corner in preference)
        {
            var box = Charts.Legend.InsideBox(Area, entries, corner);
            var covered = CountInside(box);
            if (covered < fewest) (best, fewest) = (corner, covered);
        }
        Charts.Legend.Inside(_w, Area, entries, best);
    }

    /// <summary>How many samples, taken every few pixels along the drawn lines, fall inside <paramref name="box"/>.</summary>
    private int CountInside(Box box)
    {
        var count = 0;
        bool Inside((double X, double Y) p) => p.X >= box.X && p.X <= box.Right && p.Y >= box.Y && p.Y <= box.Bottom;
        foreach (var line in _drawn)
        {
            if (line.Count == 1 && Inside(line[0])) count++;
            for (var i = 1; i < line.Count; i++)
            {
                var (a, b) = (line[i - 1], line[i]);
                var steps = Math.Max(1, (int)Math.Ceiling(Math.Max(Math.Abs(b.X - a.X), Math.Abs(b.Y - a.Y)) / 3));
                for (var k = i == 1 ? 0 : 1; k <= steps; k++)
                {
                    var t = (double)k / steps;
                    if (Inside((a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t))) count++;
                }
            }
        }
        return count;
    }
}
