using System.Collections;
using System.Reflection;

namespace ClaimFraud.Kernel.Display;

/// <summary>
/// Turns a cell's value into a <see cref="MimeBundle"/>: SVG for anything with a public
/// <c>string ToSvg()</c>, HTML for anything with a public <c>string ToHtml()</c>, an HTML table
/// for sequences, and text otherwise. Methods are found by name so types from any library
/// (loaded in any AssemblyLoadContext) qualify without referencing this kernel.
/// </summary>
public static class MimeFormatter
{
    /// <summary>How many rows a sequence shows unless the caller asks for another number.</summary>
    public const int DefaultMaxRows = 20;

    /// <param name="value">The value to render.</param>
    /// <param name="maxRows">Rows shown for a sequence.</param>
    /// <param name="tupleNames">Column names for a sequence of tuples (known only at compile time).</param>
    public static MimeBundle Format(object? value, int maxRows = DefaultMaxRows, IReadOnlyList<string>? tupleNames = null)
    {
        if (maxRows < 0) throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "maxRows cannot be negative.");
        switch (value)
        {
            case null:
                return new MimeBundle("null");
            case string text:
                return new MimeBundle(text);
            case Markdown markdown:
                return new MimeBundle(markdown.Text).With(MimeBundle.MarkdownType, markdown.Text);
        }

        var type = value.GetType();
        if (StringMethod(type, "ToSvg") is { } toSvg)
        {
            return new MimeBundle(PlainFallback(value, "SVG image")).With(MimeBundle.SvgType, Invoke(toSvg, value));
        }
        if (StringMethod(type, "ToHtml") is { } toHtml)
        {
            return new MimeBundle(PlainFallback(value, "HTML")).With(MimeBundle.HtmlType, Invoke(toHtml, value));
        }
        if (value is IEnumerable sequence && !ValueText.IsScalar(type))
        {
            var table = TableModel.Build(sequence, maxRows, tupleNames);
            return new MimeBundle(TableRenderer.ToText(table)).With(MimeBundle.HtmlType, TableRenderer.ToHtml(table));
        }
        return new MimeBundle(ValueText.Describe(value));
    }

    private static MethodInfo? StringMethod(Type type, string name)
    {
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && method.ReturnType == typeof(string) ? method : null;
    }

    private static string Invoke(MethodInfo method, object value)
    {
        try
        {
            return (string?)method.Invoke(value, null) ?? "";
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // Show the library's own exception, not reflection's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    // A type's own ToString, unless it is missing or just repeats the markup.
    private static string PlainFallback(object value, string kind)
    {
        var text = ValueText.OverridesToString(value.GetType()) ? value.ToString() : null;
        return string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith('<') ? $"[{kind}: {value.GetType().Name}]" : text;
    }
}
