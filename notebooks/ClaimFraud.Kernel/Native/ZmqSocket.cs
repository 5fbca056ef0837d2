using System.Text;

namespace ClaimFraud.Kernel.Native;

/// <summary>
/// One libzmq socket. Like libzmq's own sockets it is not thread-safe: use it from one
/// thread at a time (callers that share one hold a lock around every call).
/// </summary>
public sealed unsafe class ZmqSocket : IDisposable
{
    private readonly SafeZmqSocketHandle _handle;

    internal ZmqSocket(SafeZmqSocketHandle handle, ZmqSocketType type)
    {
        _handle = handle;
        Type = type;
    }

    public ZmqSocketType Type { get; }

    /// <summary>The endpoint of the last successful <see cref="Bind"/>.</summary>
    public string? Endpoint { get; private set; }

    /// <summary>How long unsent messages are kept after close; libzmq's default is forever.</summary>
    public TimeSpan Linger { set => SetInt(ZmqNative.ZMQ_LINGER, ToMilliseconds(value), "ZMQ_LINGER"); }

    /// <summary>How long a blocking receive waits before giving up.</summary>
    public TimeSpan ReceiveTimeout { set => SetInt(ZmqNative.ZMQ_RCVTIMEO, ToMilliseconds(value), "ZMQ_RCVTIMEO"); }

    public void Bind(string endpoint)
    {
        var bytes = Encoding.UTF8.GetBytes(endpoint + "\0");
        using var lease = Lease();
        fixed (byte* p = bytes) ZmqCheck.Check(ZmqNative.zmq_bind(lease.Handle, p), $"zmq_bind({endpoint})");
        Endpoint = endpoint;
    }

    public void Connect(string endpoint)
    {
        var bytes = Encoding.UTF8.GetBytes(endpoint + "\0");
        using var lease = Lease();
        fixed (byte* p = bytes) ZmqCheck.Check(ZmqNative.zmq_connect(lease.Handle, p), $"zmq_connect({endpoint})");
    }

    /// <summary>Sends all frames as one multipart message; blocks if the socket must wait.</summary>
    public void Send(IReadOnlyList<byte[]> frames)
    {
        if (frames.Count == 0) throw new ArgumentException("A message needs at least one frame.", nameof(frames));
        using var lease = Lease();
        for (var i = 0; i < frames.Count; i++)
        {
            var flags = i < frames.Count - 1 ? ZmqNative.ZMQ_SNDMORE : 0;
            var frame = frames[i];
            fixed (byte* p = frame)
            {
                int rc;
                do { rc = ZmqNative.zmq_send(lease.Handle, p, (nuint)frame.Length, flags); }
                while (rc == -1 && ZmqNative.zmq_errno() == ZmqNative.EINTR);
                ZmqCheck.Check(rc, "zmq_send");
            }
        }
    }

    /// <summary>
    /// Receives one multipart message. Returns null when nothing arrived: immediately if
    /// <paramref name="wait"/> is false, after the receive timeout otherwise.
    /// </summary>
    public List<byte[]>? Receive(bool wait = false)
    {
        using var lease = Lease();
        var frames = new List<byte[]>();
        ZmqNative.ZmqMsg message;
        var more = true;
        while (more)
        {
            ZmqCheck.Check(ZmqNative.zmq_msg_init(&message), "zmq_msg_init");
            try
            {
                // Later frames of a multipart message have already arrived: only the first may wait.
                var flags = frames.Count == 0 && !wait ? ZmqNative.ZMQ_DONTWAIT : 0;
                int rc;
                do { rc = ZmqNative.zmq_msg_recv(&message, lease.Handle, flags); }
                while (rc == -1 && ZmqNative.zmq_errno() == ZmqNative.EINTR);
                if (rc == -1)
                {
                    var errno = ZmqNative.zmq_errno();
                    if (errno == ZmqNative.EAGAIN && frames.Count == 0) return null;
                    throw ZmqCheck.Error("zmq_msg_recv", errno);
                }
                var size = checked((int)ZmqNative.zmq_msg_size(&message));
                var data = new byte[size];
                new ReadOnlySpan<byte>((void*)ZmqNative.zmq_msg_data(&message), size).CopyTo(data);
                frames.Add(data);
                more = ZmqNative.zmq_msg_more(&message) == 1;
            }
            finally
            {
                ZmqNative.zmq_msg_close(&message);
            }
        }
        return frames;
    }

    public void Dispose() => _handle.Dispose();

    internal nint DangerousHandle => _handle.DangerousGetHandle();

    private void SetInt(int option, int value, string name)
    {
        using var lease = Lease();
        ZmqCheck.Check(ZmqNative.zmq_setsockopt(lease.Handle, option, &value, sizeof(int)), $"zmq_setsockopt({name})");
    }

    private static int ToMilliseconds(TimeSpan value) =>
        value == Timeout.InfiniteTimeSpan ? -1 : checked((int)value.TotalMilliseconds);

    private HandleLease Lease()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return new HandleLease(_handle);
    }

    /// <summary>Keeps the SafeHandle alive for the length of one native call.</summary>
    private readonly ref struct HandleLease
    {
        private readonly SafeZmqSocketHandle _handle;
        private readonly bool _added;

        public HandleLease(SafeZmqSocketHandle handle)
        {
            _handle = handle;
            _handle.DangerousAddRef(ref _added);
        }

        public nint Handle => _handle.DangerousGetHandle();

        public void Dispose()
        {
            if (_added) _handle.DangerousRelease();
        }
    }
}
