using System.Text;

namespace ClaimFraud.Kernel.Execution;

/// <summary>
/// Replaces Console.Out and Console.Error once per process with writers that send text to the
/// current cell's output, or to the kernel's own stdout/stderr when no cell is running.
/// </summary>
internal static class ConsoleRouting
{
    private static readonly object Gate = new();
    private static TextWriter? _originalError;

    /// <summary>The process's real stderr, for the kernel's own log lines.</summary>
    public static TextWriter KernelLog => _originalError ?? Console.Error;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_originalError is not null) return;
            _originalError = Console.Error;
            var originalOut = Console.Out;
            Console.SetOut(new RoutingWriter("stdout", originalOut));
            Console.SetError(new RoutingWriter("stderr", _originalError));
            // Cells cannot prompt: stdin belongs to the process that started the kernel.
            Console.SetIn(TextReader.Null);
        }
    }

    private sealed class RoutingWriter(string name, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (CellContext.Current is { } cell) cell.Output.Write(name, value);
            else fallback.Write(value);
        }

        public override void WriteLine(string? value) => Write(value + Environment.NewLine);

        public override void Flush()
        {
            if (CellContext.Current is { } cell) cell.Output.Flush();
            else fallback.Flush();
        }
    }
}
