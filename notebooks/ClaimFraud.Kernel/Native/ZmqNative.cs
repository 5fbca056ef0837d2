using System.Runtime.InteropServices;

namespace ClaimFraud.Kernel.Native;

// Raw libzmq 4.x imports (API reference: https://libzmq.readthedocs.io/ , zmq.h).
// Only ZmqCheck and the disposable types in this folder call these.
internal static unsafe class ZmqNative
{
    internal const string Library = "zmq";

    // Socket types.
    internal const int ZMQ_PUB = 1;
    internal const int ZMQ_REP = 4;
    internal const int ZMQ_ROUTER = 6;
    internal const int ZMQ_PULL = 7;
    internal const int ZMQ_PUSH = 8;

    // Socket options.
    internal const int ZMQ_LINGER = 17;
    internal const int ZMQ_RCVTIMEO = 27;

    // Send/receive flags.
    internal const int ZMQ_DONTWAIT = 1;
    internal const int ZMQ_SNDMORE = 2;

    internal const short ZMQ_POLLIN = 1;

    // errno values libzmq reports on Linux.
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;
    internal const int ETERM = 156384712 + 53;

    /// <summary>zmq_msg_t is 64 opaque bytes, pointer-aligned.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    internal struct ZmqMsg
    {
        private readonly long _alignment;
    }

    /// <summary>zmq_pollitem_t on POSIX: socket pointer, fd, events, revents.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct ZmqPollItem
    {
        public nint Socket;
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport(Library)] internal static extern nint zmq_ctx_new();
    [DllImport(Library)] internal static extern int zmq_ctx_term(nint context);

    [DllImport(Library)] internal static extern nint zmq_socket(nint context, int type);
    [DllImport(Library)] internal static extern int zmq_close(nint socket);
    [DllImport(Library)] internal static extern int zmq_bind(nint socket, byte* endpoint);
    [DllImport(Library)] internal static extern int zmq_connect(nint socket, byte* endpoint);
    [DllImport(Library)] internal static extern int zmq_setsockopt(nint socket, int option, void* value, nuint length);

    [DllImport(Library)] internal static extern int zmq_send(nint socket, void* buffer, nuint length, int flags);

    [DllImport(Library)] internal static extern int zmq_msg_init(ZmqMsg* message);
    [DllImport(Library)] internal static extern int zmq_msg_recv(ZmqMsg* message, nint socket, int flags);
    [DllImport(Library)] internal static extern nint zmq_msg_data(ZmqMsg* message);
    [DllImport(Library)] internal static extern nuint zmq_msg_size(ZmqMsg* message);
    [DllImport(Library)] internal static extern int zmq_msg_more(ZmqMsg* message);
    [DllImport(Library)] internal static extern int zmq_msg_close(ZmqMsg* message);

    [DllImport(Library)] internal static extern int zmq_poll(ZmqPollItem* items, int count, long timeoutMilliseconds);

    [DllImport(Library)] internal static extern int zmq_errno();
    // Returns a pointer to a static string libzmq owns: read it, never free it.
    [DllImport(Library)] internal static extern nint zmq_strerror(int errnum);
    [DllImport(Library)] internal static extern void zmq_version(out int major, out int minor, out int patch);
}
