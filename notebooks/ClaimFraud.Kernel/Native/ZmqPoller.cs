namespace ClaimFraud.Kernel.Native;

/// <summary>zmq_poll over a fixed set of sockets, for readability only.</summary>
public static unsafe class ZmqPoller
{
    /// <summary>
    /// Waits until at least one socket has a message to read or the timeout passes.
    /// Sets <paramref name="readable"/>[i] for each ready socket; returns how many are ready.
    /// </summary>
    public static int WaitReadable(IReadOnlyList<ZmqSocket> sockets, Span<bool> readable, TimeSpan timeout)
    {
        if (readable.Length < sockets.Count) throw new ArgumentException("One flag per socket is needed.", nameof(readable));
        var items = stackalloc ZmqNative.ZmqPollItem[sockets.Count];
        for (var i = 0; i < sockets.Count; i++)
        {
            items[i] = new ZmqNative.ZmqPollItem { Socket = sockets[i].DangerousHandle, Events = ZmqNative.ZMQ_POLLIN };
        }
        var milliseconds = timeout == Timeout.InfiniteTimeSpan ? -1L : (long)timeout.TotalMilliseconds;
        var rc = ZmqNative.zmq_poll(items, sockets.Count, milliseconds);
        if (rc == -1)
        {
            var errno = ZmqNative.zmq_errno();
            if (errno == ZmqNative.EINTR) { readable.Clear(); return 0; }
            throw ZmqCheck.Error("zmq_poll", errno);
        }
        for (var i = 0; i < sockets.Count; i++) readable[i] = (items[i].Revents & ZmqNative.ZMQ_POLLIN) != 0;
        return rc;
    }
}
