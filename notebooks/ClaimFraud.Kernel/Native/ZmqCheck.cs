using System.Runtime.InteropServices;

namespace ClaimFraud.Kernel.Native;

/// <summary>A libzmq call failed; <see cref="ErrorNumber"/> is zmq_errno() at that moment.</summary>
public sealed class ZmqException(string operation, int errorNumber, string message)
    : Exception($"{operation} failed: {message} (errno {errorNumber})")
{
    public string Operation { get; } = operation;
    public int ErrorNumber { get; } = errorNumber;
}

/// <summary>The one place that turns libzmq's -1/NULL returns into exceptions.</summary>
internal static class ZmqCheck
{
    public static int Check(int rc, string operation)
    {
        if (rc == -1) throw Error(operation, ZmqNative.zmq_errno());
        return rc;
    }

    public static nint CheckHandle(nint handle, string operation)
    {
        if (handle == 0) throw Error(operation, ZmqNative.zmq_errno());
        return handle;
    }

    public static ZmqException Error(string operation, int errno) =>
        new(operation, errno, Describe(errno));

    public static string Describe(int errno) =>
        Marshal.PtrToStringUTF8(ZmqNative.zmq_strerror(errno)) ?? $"error {errno}";

    public static string Version()
    {
        ZmqLibraryResolver.Register();
        ZmqNative.zmq_version(out var major, out var minor, out var patch);
        return $"{major}.{minor}.{patch}";
    }
}
