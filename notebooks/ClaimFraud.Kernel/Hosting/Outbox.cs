using System.Collections.Concurrent;
using ClaimFraud.Kernel.Native;
using ClaimFraud.Kernel.Protocol;

namespace ClaimFraud.Kernel.Hosting;

/// <summary>The socket a queued message leaves by.</summary>
internal enum Channel { Shell, Control, IoPub }

/// <summary>
/// Messages any thread wants sent. Only the I/O thread touches the Jupyter sockets, so others
/// queue here and wake it through an inproc PUSH/PULL pair (one wake per batch).
/// </summary>
internal sealed class Outbox : IDisposable
{
    private readonly ConcurrentQueue<(Channel Channel, JupyterMessage Message)> _queue = new();
    private readonly ZmqSocket _wakeSender;
    private readonly object _wakeGate = new();
    private static readonly byte[][] WakeFrame = [[1]];
    private int _wakePending;
    private bool _closed;

    public Outbox(ZmqContext context, string endpoint)
    {
        _wakeSender = context.CreateSocket(ZmqSocketType.Push);
        _wakeSender.Linger = TimeSpan.Zero;
        _wakeSender.Connect(endpoint);
    }

    public void Enqueue(Channel channel, JupyterMessage message)
    {
        _queue.Enqueue((channel, message));
        if (Interlocked.Exchange(ref _wakePending, 1) == 1) return;
        lock (_wakeGate)
        {
            if (!_closed) _wakeSender.Send(WakeFrame);
        }
    }

    /// <summary>
    /// Called by the I/O thread: what was queued when it started, in order. Later messages wait
    /// for the next wake, so a chatty background task cannot keep the I/O thread here.
    /// </summary>
    public IEnumerable<(Channel Channel, JupyterMessage Message)> Drain()
    {
        // Reset before reading so a message queued meanwhile sends a fresh wake.
        Interlocked.Exchange(ref _wakePending, 0);
        for (var remaining = _queue.Count; remaining > 0 && _queue.TryDequeue(out var item); remaining--) yield return item;
    }

    public void Dispose()
    {
        lock (_wakeGate)
        {
            _closed = true;
            _wakeSender.Dispose();
        }
    }
}
