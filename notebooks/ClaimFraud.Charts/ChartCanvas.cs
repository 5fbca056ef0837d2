namespace ClaimFraud.Charts;

/// <summary>
/// The page every chart draws on: background and title at the top, optional legend rows under it, and a footnote
/// line at the bottom saying what was left out (NaN/∞ values, rows beyond a top-N cut).
/// </summary>
internal sealed class ChartCanvas
{
    public const double Pad = 12;
    private const double TitleFont = 16, FootnoteFont = 10;

    private readonly List<string> _notes = [];

    public ChartCanvas(int width, int height, string? title)
    {
        if (width is < 160 or > 10_000)
            throw new ArgumentOutOfRangeException(nameof(width), width, "Chart width must be between 160 and 10000 pixels.");
        if (height is < 120 or > 10_000)
            throw new ArgumentOutOfRangeException(nameof(height), height, "Chart height must be between 120 and 10000 pixels.");
        Width = width;
        Height = height;
        W = new SvgWriter(width, height, title);
        Top = HeaderHeight(title);
        if (!string.IsNullOrWhiteSpace(title))
            W.Text(width / 2.0, Pad + 15, TextMetrics.Fit(title, width - 2 * Pad, TitleFont), "middle", TitleFont, bold: true);
    }

    public SvgWriter W { get; }
    public int Width { get; }
    public int Height { get; }

    /// <summary>Where content may start: below the title and any legend rows.</summary>
    public double Top { get; private set; }

    public static double HeaderHeight(string? title) => string.IsNullOrWhiteSpace(title) ? Pad : Pad + 28;

    public static double FootnoteHeightFor(bool any) => any ? 16 : 0;

    public double FootnoteHeight => FootnoteHeightFor(_notes.Count > 0);

    /// <summary>Bottom of the content area, above the footnote.</summary>
    public double ContentBottom => Height - Pad - FootnoteHeight;

    public void Note(string text) => _notes.Add(text);

    /// <summary>Adds the standard footnote for values that could not be drawn.</summary>
    public void NoteSkipped(int nonFinite)
    {
        if (nonFinite > 0) Note($"{NumberFormat.Integer(nonFinite)} NaN/∞ value{(nonFinite == 1 ? "" : "s")} skipped");
    }

    public void TopLegend(IReadOnlyList<LegendEntry> entries)
    {
        if (entries.Count == 0) return;
        Legend.Top(W, Top, Width, entries);
        Top += Legend.TopHeight(entries, Width) + 4;
    }

    /// <summary>An empty frame saying "no data", for inputs with nothing drawable.</summary>
    public SvgChart NoData()
    {
        var box = new Box(Pad, Top, Width - 2 * Pad, Math.Max(20, ContentBottom - Top));
        W.Rect(box.X, box.Y, box.W, box.H, "#FAFAFA", stroke: "#D0D0D0");
        W.Text(box.CenterX, box.CenterY + 5, "no data", "middle", 14, Palette.MutedText);
        return Finish();
    }

    public SvgChart Finish()
    {
        if (_notes.Count > 0)
        {
            var text = TextMetrics.Fit("Note: " + string.Join("; ", _notes) + ".", Width - 2 * Pad, FootnoteFont);
            W.Text(Pad, Height - Pad + 2, text, size: FootnoteFont, fill: Palette.MutedText);
        }
        return new SvgChart(W.Finish(), Width, Height);
    }
}
