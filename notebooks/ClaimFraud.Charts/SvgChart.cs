using System.Text;

namespace ClaimFraud.Charts;

/// <summary>
/// A finished chart: a standalone SVG 1.1 document. A notebook kernel can display it by duck typing:
/// a public <see cref="ToSvg"/> method plus <see cref="MimeType"/> (<c>image/svg+xml</c>).
/// </summary>
public sealed record SvgChart
{
    internal SvgChart(string svg, int width, int height)
    {
        Svg = svg;
        Width = width;
        Height = height;
    }

    /// <summary>The complete SVG document.</summary>
    public string Svg { get; }

    /// <summary>Width in pixels, as written in the <c>width</c> attribute.</summary>
    public int Width { get; }

    /// <summary>Height in pixels, as written in the <c>height</c> attribute.</summary>
    public int Height { get; }

    /// <summary>The MIME type a notebook front end should use for <see cref="ToSvg"/>.</summary>
    public string MimeType => "image/svg+xml";

    /// <summary>The complete SVG document.</summary>
    public string ToSvg() => Svg;

    /// <summary>The complete SVG document.</summary>
    public override string ToString() => Svg;

    /// <summary>
    /// Writes the SVG as UTF-8 to <paramref name="path"/>. It goes to a temporary file in the same folder first and
    /// is then moved over the target, so readers never see a half-written chart.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no parent folder.", nameof(path));
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"Cannot save chart to '{full}': folder '{dir}' does not exist.");

        // Process and thread ids keep concurrent saves to the same target from sharing a temp file.
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Svg);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
