namespace ClaimFraud.Charts;

/// <summary>A rectangle in pixels.</summary>
internal readonly record struct Box(double X, double Y, double W, double H)
{
    public double Right => X + W;
    public double Bottom => Y + H;
    public double CenterX => X + W / 2;
    public double CenterY => Y + H / 2;
}

/// <summary>Maps data values in [D0, D1] linearly to pixels in [R0, R1].</summary>
internal readonly record struct LinearScale(double D0, double D1, double R0, double R1)
{
    public double Map(double v) => D1 == D0 ? (R0 + R1) / 2 : R0 + (v - D0) / (D1 - D0) * (R1 - R0);
}

/// <summary>What one axis should show.</summary>
/// <param name="Exact">Use [Min, Max] as the axis range (ticks inside it) instead of widening to nice ticks.</param>
/// <param name="IntegerStep">Never use a tick step below 1.</param>
/// <param name="Format">Tick label format; the tick set's own format when null.</param>
internal sealed record AxisSpec(double Min, double Max, string? Label, bool Exact = false, bool IntegerStep = false,
    Func<double, string>? Format = null)
{
    public static AxisSpec Unit(string? label, double max = 1) => new(0, max, label, Exact: true);

    /// <summary>Ticks for this axis with at most <paramref name="maxTicks"/> values.</summary>
    public TickSet Ticks(int maxTicks)
    {
        var nice = Charts.Ticks.Nice(Min, Max, maxTicks, IntegerStep);
        if (!Exact || Min >= Max) return nice;
        var eps = (Max - Min) * 1e-9;
        var inside = nice.Values.Where(v => v >= Min - eps && v <= Max + eps).ToList();
        return nice with { Min = Min, Max = Max, Values = inside };
    }

    public string FormatTick(TickSet ticks, double value) => Format is null ? ticks.Format(value) : Format(value);
}

/// <summary>Picks tick counts whose labels do not collide.</summary>
internal static class AxisLayout
{
    public const double TickFont = 11;

    /// <summary>Vertical axis: about one tick per 45 px.</summary>
    public static TickSet VerticalTicks(AxisSpec spec, double pixels) =>
        spec.Ticks(Math.Clamp((int)(pixels / 45) + 1, 2, 11));

    /// <summary>Horizontal axis: as many ticks as fit with a gap between labels, at most one per 60 px.</summary>
    public static TickSet HorizontalTicks(AxisSpec spec, double pixels)
    {
        TickSet ticks = spec.Ticks(2);
        for (var max = Math.Clamp((int)(pixels / 60) + 1, 2, 11); max >= 2; max--)
        {
            ticks = spec.Ticks(max);
            if (ticks.Values.Count < 2) return ticks;
            var spacing = pixels * ticks.Step / (ticks.Max - ticks.Min);
            var widest = ticks.Values.Max(v => TextMetrics.Width(spec.FormatTick(ticks, v), TickFont));
            if (widest + 10 <= spacing) return ticks;
        }
        return ticks;
    }

    /// <summary>Draws vertical grid lines, the bottom axis line, tick marks and labels, and the axis title.</summary>
    public static void DrawBottom(SvgWriter w, Box area, LinearScale x, TickSet ticks, AxisSpec spec)
    {
        foreach (var v in ticks.Values)
        {
            var px = x.Map(v);
            w.Line(px, area.Y, px, area.Bottom, Palette.Grid);
        }
        w.Line(area.X, area.Bottom, area.Right, area.Bottom, Palette.Axis);
        foreach (var v in ticks.Values)
        {
            var px = x.Map(v);
            w.Line(px, area.Bottom, px, area.Bottom + 4, Palette.Axis);
            w.Text(px, area.Bottom + 17, spec.FormatTick(ticks, v), "middle", TickFont, Palette.MutedText);
        }
        if (!string.IsNullOrWhiteSpace(spec.Label))
            w.Text(area.CenterX, area.Bottom + 37, TextMetrics.Fit(spec.Label, area.W, 12), "middle", 12);
    }

    /// <summary>Draws horizontal grid lines, the left axis line, tick marks and labels, and the rotated axis title.</summary>
    public static void DrawLeft(SvgWriter w, Box area, LinearScale y, TickSet ticks, AxisSpec spec, double titleX)
    {
        foreach (var v in ticks.Values)
        {
            var py = y.Map(v);
            w.Line(area.X, py, area.Right, py, Palette.Grid);
        }
        w.Line(area.X, area.Y, area.X, area.Bottom, Palette.Axis);
        foreach (var v in ticks.Values)
        {
            var py = y.Map(v);
            w.Line(area.X - 4, py, area.X, py, Palette.Axis);
            w.Text(area.X - 7, py + 4, spec.FormatTick(ticks, v), "end", TickFont, Palette.MutedText);
        }
        if (!string.IsNullOrWhiteSpace(spec.Label))
            w.Text(titleX, area.CenterY, TextMetrics.Fit(spec.Label, area.H, 12), "middle", 12, rotate: -90);
    }
}
