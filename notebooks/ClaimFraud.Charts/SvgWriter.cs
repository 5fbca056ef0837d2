using System.Globalization;
using System.Text;

namespace ClaimFraud.Charts;

/// <summary>
/// Writes the SVG 1.1 subset that VS Code, JupyterLab and GitHub's notebook preview all render: presentation
/// attributes only (no CSS, scripts or foreignObject), a generic font family, coordinates rounded to 2 decimals.
/// </summary>
internal sealed class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    private readonly StringBuilder _sb = new();
    private int _depth = 1;

    public SvgWriter(int width, int height, string? title)
    {
        _sb.Append("<svg xmlns=\"").Append(Namespace).Append("\" version=\"1.1\"");
        Attr("width", width);
        Attr("height", height);
        Attr("viewBox", $"0 0 {Num(width)} {Num(height)}");
        Attr("font-family", "sans-serif");
        Attr("font-size", 12);
        _sb.Append(">\n");
        if (!string.IsNullOrWhiteSpace(title))
        {
            Indent();
            _sb.Append("<title>").Append(Escape(title)).Append("</title>\n");
        }
        Rect(0, 0, width, height, "#FFFFFF");
    }

    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null,
        double? fillOpacity = null, string? tooltip = null, double strokeWidth = 1)
    {
        Open("rect");
        Attr("x", x);
        Attr("y", y);
        Attr("width", Math.Max(0, w));
        Attr("height", Math.Max(0, h));
        Attr("fill", fill);
        if (fillOpacity is { } o) Attr("fill-opacity", o);
        if (stroke is not null)
        {
            Attr("stroke", stroke);
            Attr("stroke-width", strokeWidth);
        }
        Close("rect", tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        Open("line");
        Attr("x1", x1);
        Attr("y1", y1);
        Attr("x2", x2);
        Attr("y2", y2);
        Attr("stroke", stroke);
        Attr("stroke-width", width);
        if (dash is not null) Attr("stroke-dasharray", dash);
        Close("line", null);
    }

    /// <summary>Draws a polyline, dropping points closer than half a pixel to the last kept one to keep big curves small.</summary>
    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 2, string? dash = null,
        string? tooltip = null)
    {
        var kept = new List<(double X, double Y)>();
        foreach (var p in points)
        {
            var q = (Round(p.X), Round(p.Y));
            if (kept.Count > 0 && Math.Abs(kept[^1].X - q.Item1) < 0.5 && Math.Abs(kept[^1].Y - q.Item2) < 0.5) continue;
            kept.Add(q);
        }
        if (kept.Count == 0) return;
        if (kept.Count == 1) kept.Add(kept[0]);

        Open("polyline");
        Attr("points", string.Join(" ", kept.Select(p => Num(p.X) + "," + Num(p.Y))));
        Attr("fill", "none");
        Attr("stroke", stroke);
        Attr("stroke-width", width);
        Attr("stroke-linejoin", "round");
        Attr("stroke-linecap", "round");
        if (dash is not null) Attr("stroke-dasharray", dash);
        Close("polyline", tooltip);
    }

    public void Circle(double cx, double cy, double r, string fill, string? stroke = null, string? tooltip = null)
    {
        Open("circle");
        Attr("cx", cx);
        Attr("cy", cy);
        Attr("r", r);
        Attr("fill", fill);
        if (stroke is not null)
        {
            Attr("stroke", stroke);
            Attr("stroke-width", 1);
        }
        Close("circle", tooltip);
    }

    /// <param name="rotate">Degrees to rotate around (x, y); -90 reads bottom to top.</param>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = Palette.Text,
        bool bold = false, double rotate = 0, string? tooltip = null)
    {
        Open("text");
        Attr("x", x);
        Attr("y", y);
        if (anchor != "start") Attr("text-anchor", anchor);
        if (size != 12) Attr("font-size", size);
        Attr("fill", fill);
        if (bold) Attr("font-weight", "bold");
        if (rotate != 0) Attr("transform", $"rotate({Num(rotate)} {Num(x)} {Num(y)})");
        _sb.Append('>').Append(Escape(text));
        if (tooltip is not null) _sb.Append("<title>").Append(Escape(tooltip)).Append("</title>");
        _sb.Append("</text>\n");
    }

    /// <summary>Starts a group; its tooltip applies to everything inside.</summary>
    public void BeginGroup(string? tooltip = null)
    {
        Indent();
        _sb.Append("<g>\n");
        _depth++;
        if (tooltip is not null)
        {
            Indent();
            _sb.Append("<title>").Append(Escape(tooltip)).Append("</title>\n");
        }
    }

    public void EndGroup()
    {
        _depth--;
        Indent();
        _sb.Append("</g>\n");
    }

    public string Finish()
    {
        while (_depth > 1) EndGroup();
        return _sb.Append("</svg>\n").ToString();
    }

    /// <summary>Formats a coordinate: invariant culture, at most 2 decimals, never "-0".</summary>
    public static string Num(double value)
    {
        if (!double.IsFinite(value))
            throw new InvalidOperationException($"Chart layout produced a non-finite coordinate ({value}); this is a bug.");
        return Round(value).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes XML specials and replaces characters XML 1.0 forbids, so any title or label parses.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\t' or '\n' or '\r': sb.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (c < 0x20 || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static double Round(double v)
    {
        var r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        return r == 0 ? 0 : r;
    }

    private void Open(string name)
    {
        Indent();
        _sb.Append('<').Append(name);
    }

    private void Close(string name, string? tooltip)
    {
        if (tooltip is null)
        {
            _sb.Append("/>\n");
            return;
        }
        _sb.Append("><title>").Append(Escape(tooltip)).Append("</title></").Append(name).Append(">\n");
    }

    private void Attr(string name, double value) => Attr(name, Num(value));

    private void Attr(string name, string value) =>
        _sb.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');

    private void Indent() => _sb.Append(' ', _depth * 2);
}
