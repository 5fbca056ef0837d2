namespace ClaimFraud.Kernel;

/// <summary>SVG markup a cell wants shown as an image (image/svg+xml).</summary>
public sealed record Svg(string Markup)
{
    public string ToSvg() => Markup;

    public override string ToString() => "[SVG image]";
}

/// <summary>HTML a cell wants rendered as is (text/html).</summary>
public sealed record Html(string Markup)
{
    public string ToHtml() => Markup;

    public override string ToString() => "[HTML]";
}

/// <summary>Markdown a cell wants rendered (text/markdown).</summary>
public sealed record Markdown(string Text)
{
    public override string ToString() => Text;
}
