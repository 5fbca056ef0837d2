using System.Reflection;
using System.Runtime.InteropServices;

namespace ClaimFraud.Kernel.Native;

/// <summary>
/// Finds libzmq: the path in CLAIMFRAUD_LIBZMQ first, then the sonames a Debian/Ubuntu
/// libzmq5 or a Homebrew zeromq install provide, then the default search.
/// </summary>
internal static class ZmqLibraryResolver
{
    private static int _registered;

    private static readonly string[] Candidates =
    [
        "libzmq.so.5",
        "/usr/lib/x86_64-linux-gnu/libzmq.so.5",
        "/usr/lib/aarch64-linux-gnu/libzmq.so.5",
        "libzmq.so",
        "libzmq.5.dylib",
        "/opt/homebrew/lib/libzmq.5.dylib",
        "/usr/local/lib/libzmq.5.dylib",
        "libzmq",
    ];

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        NativeLibrary.SetDllImportResolver(typeof(ZmqLibraryResolver).Assembly, Resolve);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != ZmqNative.Library) return 0;
        var configured = Environment.GetEnvironmentVariable("CLAIMFRAUD_LIBZMQ");
        if (!string.IsNullOrEmpty(configured))
        {
            // A configured path that does not load is an error worth seeing, not a silent fallback.
            return NativeLibrary.Load(configured);
        }
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle)) return handle;
        }
        throw new DllNotFoundException(
            "libzmq was not found. Install it (Debian/Ubuntu: apt-get install libzmq5) " +
            "or set CLAIMFRAUD_LIBZMQ to the library's path.");
    }
}
