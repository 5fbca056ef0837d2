using System.Collections.Concurrent;
using ClaimFraud.Kernel.Display;
using ClaimFraud.Kernel.Execution;

namespace ClaimFraud.Kernel.Tests.Execution;

/// <summary>Keeps what a cell sent, in order.</summary>
internal sealed class RecordingSink : ICellOutputSink
{
    public ConcurrentQueue<(string Kind, string Name, string Text, MimeBundle? Bundle)> Events { get; } = new();

    public void Stream(string name, string text) => Events.Enqueue(("stream", name, text, null));

    public void Display(MimeBundle bundle, string? displayId, bool update) =>
        Events.Enqueue((update ? "update" : "display", displayId ?? "", bundle.Text, bundle));

    public string Text(string name) => string.Concat(Events.Where(e => e.Kind == "stream" && e.Name == name).Select(e => e.Text));
}
