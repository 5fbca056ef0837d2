namespace ClaimFraud.Kernel.Native;

/// <summary>A libzmq context. Dispose it after every socket made from it.</summary>
public sealed class ZmqContext : IDisposable
{
    private readonly SafeZmqContextHandle _handle;

    public ZmqContext()
    {
        ZmqLibraryResolver.Register();
        _handle = new SafeZmqContextHandle(ZmqCheck.CheckHandle(ZmqNative.zmq_ctx_new(), "zmq_ctx_new"));
    }

    /// <summary>libzmq's version, e.g. "4.3.4".</summary>
    public static string LibraryVersion => ZmqCheck.Version();

    public ZmqSocket CreateSocket(ZmqSocketType type)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            var socket = ZmqCheck.CheckHandle(ZmqNative.zmq_socket(_handle.DangerousGetHandle(), (int)type), $"zmq_socket({type})");
            return new ZmqSocket(new SafeZmqSocketHandle(socket), type);
        }
        finally
        {
            if (added) _handle.DangerousRelease();
        }
    }

    public void Dispose() => _handle.Dispose();
}

public enum ZmqSocketType
{
    Pub = ZmqNative.ZMQ_PUB,
    Rep = ZmqNative.ZMQ_REP,
    Router = ZmqNative.ZMQ_ROUTER,
    Pull = ZmqNative.ZMQ_PULL,
    Push = ZmqNative.ZMQ_PUSH,
}
