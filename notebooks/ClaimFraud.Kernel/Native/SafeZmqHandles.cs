using Microsoft.Win32.SafeHandles;

namespace ClaimFraud.Kernel.Native;

internal sealed class SafeZmqContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeZmqContextHandle() : base(ownsHandle: true) { }

    public SafeZmqContextHandle(nint handle) : base(ownsHandle: true) => SetHandle(handle);

    // zmq_ctx_term waits for every socket of the context to close (and linger).
    protected override bool ReleaseHandle()
    {
        int rc;
        do { rc = ZmqNative.zmq_ctx_term(handle); }
        while (rc == -1 && ZmqNative.zmq_errno() == ZmqNative.EINTR);
        return rc == 0;
    }
}

internal sealed class SafeZmqSocketHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeZmqSocketHandle() : base(ownsHandle: true) { }

    public SafeZmqSocketHandle(nint handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle() => ZmqNative.zmq_close(handle) == 0;
}
