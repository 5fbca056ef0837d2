using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ClaimFraud.Kernel.Execution;
using ClaimFraud.Kernel.Native;
using ClaimFraud.Kernel.Protocol;

namespace ClaimFraud.Kernel.Hosting;

/// <summary>
/// The Jupyter side of the kernel. One I/O thread owns every socket: it answers heartbeats,
/// handles control requests (interrupt, shutdown) at once, hands shell requests to a worker
/// thread that runs them one by one, and sends whatever the outbox holds.
/// </summary>
public sealed partial class KernelServer : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ParentCheckInterval = TimeSpan.FromSeconds(2);

    private readonly ConnectionInfo _connection;
    private readonly ScriptSession _session;
    private readonly TextWriter _log;
    private readonly WireCodec _codec;
    private readonly MessageFactory _messages;
    private readonly BlockingCollection<JupyterMessage> _shellRequests = new();
    private readonly int? _parentProcessId;
    private Outbox? _outbox;
    private volatile CancellationTokenSource? _runningCell;
    private volatile bool _stopRequested;
    private int _executionCount;

    public KernelServer(ConnectionInfo connection, ScriptSession session, string sessionId, TextWriter log, TimeProvider clock)
    {
        _connection = connection;
        _session = session;
        _log = log;
        _codec = new WireCodec(new MessageSigner(connection.Key));
        _messages = new MessageFactory(sessionId, clock);
        _parentProcessId = int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) && pid > 1 ? pid : null;
    }

    /// <summary>Cancels the running cell, if any (interrupt_request, or SIGINT).</summary>
    public void InterruptCurrentCell()
    {
        try
        {
            _runningCell?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell finished while the interrupt arrived.
        }
    }

    /// <summary>Asks the I/O loop to send what is queued and return.</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>Binds the sockets and serves until a shutdown request (or the parent process ending).</summary>
    public void Run()
    {
        using var context = new ZmqContext();
        using var shell = Bound(context, ZmqSocketType.Router, _connection.ShellPort);
        using var control = Bound(context, ZmqSocketType.Router, _connection.ControlPort);
        using var stdin = Bound(context, ZmqSocketType.Router, _connection.StdinPort);
        using var iopub = Bound(context, ZmqSocketType.Pub, _connection.IopubPort);
        using var heartbeat = Bound(context, ZmqSocketType.Rep, _connection.HeartbeatPort);
        heartbeat.Linger = TimeSpan.Zero;
        var wakeEndpoint = $"inproc://claimfraud-kernel-wake-{_messages.Session}";
        using var wake = context.CreateSocket(ZmqSocketType.Pull);
        wake.Linger = TimeSpan.Zero;
        wake.Bind(wakeEndpoint);
        using var outbox = new Outbox(context, wakeEndpoint);
        _outbox = outbox;

        var worker = new Thread(ServeShellRequests) { IsBackground = true, Name = "kernel-shell" };
        worker.Start();
        _log.WriteLine($"[ClaimFraud.Kernel] listening on {_connection.Endpoint(_connection.ShellPort)} (shell), libzmq {ZmqContext.LibraryVersion}");
        Publish(null, "status", new JsonObject { ["execution_state"] = "starting" });

        var sockets = new[] { heartbeat, control, shell, wake, stdin };
        Span<bool> readable = stackalloc bool[sockets.Length];
        var lastParentCheck = Stopwatch.StartNew();
        while (!_stopRequested)
        {
            ZmqPoller.WaitReadable(sockets, readable, PollInterval);
            if (readable[0] && heartbeat.Receive() is { } ping) heartbeat.Send(ping);
            if (readable[1]) ReceiveAll(control, HandleControl, "control");
            if (readable[2]) ReceiveAll(shell, HandleShellArrival, "shell");
            if (readable[3]) while (wake.Receive() is not null) { }
            if (readable[4]) while (stdin.Receive() is not null) { } // no input_request is ever sent
            SendQueued(outbox, shell, control, iopub);
            if (lastParentCheck.Elapsed > ParentCheckInterval)
            {
                lastParentCheck.Restart();
                if (ParentIsGone())
                {
                    _log.WriteLine("[ClaimFraud.Kernel] the process that started the kernel has ended; stopping.");
                    _stopRequested = true;
                }
            }
        }
        // The shutdown reply and its idle status are queued by now; sockets linger to deliver them.
        SendQueued(outbox, shell, control, iopub);

        _shellRequests.CompleteAdding();
        InterruptCurrentCell();
        _outbox = null;
        _log.WriteLine("[ClaimFraud.Kernel] stopped.");
    }

    public void Dispose() => _shellRequests.Dispose();

    /// <summary>Queues an IOPub message parented to <paramref name="parent"/> (any thread).</summary>
    internal void Publish(JupyterMessage? parent, string msgType, JsonObject content) =>
        _outbox?.Enqueue(Channel.IoPub, _messages.Publish(parent, msgType, content));

    private void Reply(Channel channel, JupyterMessage request, string msgType, JsonObject content) =>
        _outbox?.Enqueue(channel, _messages.Reply(request, msgType, content));

    private void SendQueued(Outbox outbox, ZmqSocket shell, ZmqSocket control, ZmqSocket iopub)
    {
        foreach (var (channel, message) in outbox.Drain())
        {
            var socket = channel switch { Channel.Shell => shell, Channel.Control => control, _ => iopub };
            socket.Send(_codec.Encode(message));
        }
    }

    private ZmqSocket Bound(ZmqContext context, ZmqSocketType type, int port)
    {
        var socket = context.CreateSocket(type);
        // Let replies queued at shutdown (shutdown_reply, the last idle) reach the client.
        socket.Linger = TimeSpan.FromSeconds(1);
        socket.Bind(_connection.Endpoint(port));
        return socket;
    }

    private void ReceiveAll(ZmqSocket socket, Action<JupyterMessage> handle, string channel)
    {
        while (socket.Receive() is { } frames)
        {
            JupyterMessage message;
            try
            {
                message = _codec.Decode(frames);
            }
            catch (InvalidMessageException e)
            {
                _log.WriteLine($"[ClaimFraud.Kernel] rejected a message on {channel}: {e.Message}");
                continue;
            }
            try
            {
                handle(message);
            }
            catch (Exception e)
            {
                _log.WriteLine($"[ClaimFraud.Kernel] {message.MsgType} on {channel} failed: {e.Message}");
            }
        }
    }

    private void HandleShellArrival(JupyterMessage message)
    {
        // Shutdown must not wait behind a running cell.
        if (message.MsgType == "shutdown_request")
        {
            Publish(message, "status", Status("busy"));
            HandleShutdown(Channel.Shell, message);
            Publish(message, "status", Status("idle"));
        }
        else if (!_shellRequests.IsAddingCompleted) _shellRequests.Add(message);
    }

    private void HandleControl(JupyterMessage message)
    {
        Publish(message, "status", Status("busy"));
        switch (message.MsgType)
        {
            case "interrupt_request":
                InterruptCurrentCell();
                Reply(Channel.Control, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                HandleShutdown(Channel.Control, message);
                break;
            case "kernel_info_request":
                Reply(Channel.Control, message, "kernel_info_reply", KernelInfo.ReplyContent());
                break;
            default:
                _log.WriteLine($"[ClaimFraud.Kernel] ignored control message '{message.MsgType}'.");
                break;
        }
        Publish(message, "status", Status("idle"));
    }

    private void HandleShutdown(Channel channel, JupyterMessage message)
    {
        var restart = message.Content["restart"] is JsonValue value && value.TryGetValue<bool>(out var r) && r;
        Reply(channel, message, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        _stopRequested = true;
    }

    private bool ParentIsGone()
    {
        if (_parentProcessId is not { } pid) return false;
        try
        {
            using var parent = Process.GetProcessById(pid);
            return parent.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static JsonObject Status(string state) => new() { ["execution_state"] = state };
}
