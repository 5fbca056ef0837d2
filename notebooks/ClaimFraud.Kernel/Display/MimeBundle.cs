using System.Text.Json.Nodes;

namespace ClaimFraud.Kernel.Display;

/// <summary>
/// One value rendered for Jupyter: always text/plain, plus at most a few richer types
/// (text/html, image/svg+xml, text/markdown) the frontend picks from.
/// </summary>
public sealed class MimeBundle
{
    public const string PlainText = "text/plain";
    public const string HtmlType = "text/html";
    public const string SvgType = "image/svg+xml";
    public const string MarkdownType = "text/markdown";

    private readonly Dictionary<string, string> _data = new(StringComparer.Ordinal);

    public MimeBundle(string plainText)
    {
        _data[PlainText] = plainText;
    }

    public IReadOnlyDictionary<string, string> Data => _data;

    public string Text => _data[PlainText];

    public MimeBundle With(string mimeType, string value)
    {
        _data[mimeType] = value;
        return this;
    }

    public JsonObject ToJson()
    {
        var data = new JsonObject();
        foreach (var (type, value) in _data) data[type] = value;
        return data;
    }
}
