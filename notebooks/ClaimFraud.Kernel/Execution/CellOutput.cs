using System.Text;
using ClaimFraud.Kernel.Display;

namespace ClaimFraud.Kernel.Execution;

/// <summary>
/// Buffers one cell's console text and sends it in chunks: every <see cref="FlushInterval"/>,
/// when a chunk grows past <see cref="ChunkSize"/>, before a display, and when the cell ends.
/// stdout and stderr keep their relative order. Text written after the cell ended (from tasks
/// it left running) is sent at once.
/// </summary>
public sealed class CellOutput : IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    public const int ChunkSize = 16 * 1024;

    private readonly ICellOutputSink _sink;
    private readonly object _gate = new();
    private readonly List<(string Name, StringBuilder Text)> _pending = [];
    private readonly Timer _timer;
    private int _pendingChars;
    private bool _completed;

    public CellOutput(ICellOutputSink sink)
    {
        _sink = sink;
        _timer = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);
    }

    public void Write(string name, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_pending.Count > 0 && _pending[^1].Name == name) _pending[^1].Text.Append(text);
            else _pending.Add((name, new StringBuilder(text)));
            _pendingChars += text.Length;
            if (!_completed && _pendingChars < ChunkSize) return;
            FlushLocked();
        }
    }

    public void Display(MimeBundle bundle, string? displayId, bool update)
    {
        lock (_gate)
        {
            FlushLocked();
            _sink.Display(bundle, displayId, update);
        }
    }

    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    /// <summary>Sends what is buffered and switches to unbuffered writes.</summary>
    public void Complete()
    {
        _timer.Dispose();
        lock (_gate)
        {
            FlushLocked();
            _completed = true;
        }
    }

    public void Dispose() => Complete();

    private void FlushLocked()
    {
        foreach (var (name, text) in _pending) _sink.Stream(name, text.ToString());
        _pending.Clear();
        _pendingChars = 0;
    }
}
