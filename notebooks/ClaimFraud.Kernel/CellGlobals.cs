using ClaimFraud.Kernel.Display;
using ClaimFraud.Kernel.Execution;

namespace ClaimFraud.Kernel;

/// <summary>
/// Members every cell can call without a prefix: <c>display(x)</c>, <c>html("…")</c>,
/// <c>svg("…")</c>, <c>markdown("…")</c>, <c>CancellationToken</c> and <c>RepoRoot</c>.
/// </summary>
public class CellGlobals
{
    private long _displayCounter;

    internal CellGlobals(string? repoRoot, string displayIdPrefix)
    {
        RepoRoot = repoRoot;
        DisplayIdPrefix = displayIdPrefix;
    }

    /// <summary>The ClaimFraud repository root (CLAIMFRAUD_ROOT, or found from ClaimFraud.sln), if known.</summary>
    public string? RepoRoot { get; }

    /// <summary>Cancelled when the running cell is interrupted; pass it to long calls.</summary>
    public CancellationToken CancellationToken => KernelInterrupt.Token;

    private string DisplayIdPrefix { get; }

    /// <summary>Shows a value now (SVG, HTML, a table for sequences, or text) and returns a handle to update it.</summary>
#pragma warning disable IDE1006 // lower-case names mirror IPython's display() and read well in cells
    public DisplayHandle display(object? value) => display(value, CellContext.Current?.DisplayMaxRows ?? MimeFormatter.DefaultMaxRows);

    /// <summary>Like <see cref="display(object?)"/>, showing up to <paramref name="maxRows"/> rows of a sequence.</summary>
    public DisplayHandle display(object? value, int maxRows)
    {
        var cell = CellContext.Current
            ?? throw new InvalidOperationException("display() works only while a cell runs (or in tasks a cell started).");
        var handle = new DisplayHandle($"{DisplayIdPrefix}-{Interlocked.Increment(ref _displayCounter)}", maxRows);
        cell.Output.Display(MimeFormatter.Format(value, maxRows), handle.DisplayId, update: false);
        return handle;
    }

    /// <summary>Markup to render as HTML.</summary>
    public Html html(string markup) => new(markup);

    /// <summary>Markup to render as an SVG image.</summary>
    public Svg svg(string markup) => new(markup);

    /// <summary>Text to render as Markdown.</summary>
    public Markdown markdown(string text) => new(text);
#pragma warning restore IDE1006
}

/// <summary>An output shown by <c>display()</c>; <see cref="Update"/> replaces it in place (e.g. progress).</summary>
public sealed class DisplayHandle
{
    private readonly int _maxRows;

    internal DisplayHandle(string displayId, int maxRows)
    {
        DisplayId = displayId;
        _maxRows = maxRows;
    }

    public string DisplayId { get; }

    public void Update(object? value)
    {
        var cell = CellContext.Current
            ?? throw new InvalidOperationException("Update() works only while a cell runs (or in tasks a cell started).");
        cell.Output.Display(MimeFormatter.Format(value, _maxRows), DisplayId, update: true);
    }

    public override string ToString() => $"display {DisplayId}";
}
