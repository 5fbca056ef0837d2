using System.Reflection;
using System.Runtime.InteropServices;
using ClaimFraud.XGBoost.Interop;

namespace ClaimFraud.XGBoost;

/// <summary>
/// Locates libxgboost for this assembly's imports. Order: a configured path
/// (<see cref="Path"/>, else the <c>CLAIMFRAUD_XGBOOST_LIB</c> environment variable), then
/// <c>libxgboost.so.0</c> (Debian's libxgboost0), then the runtime's default search for "xgboost".
/// </summary>
public static class XGBoostLibrary
{
    /// <summary>Environment variable holding an explicit path to the shared library.</summary>
    public const string PathEnvironmentVariable = "CLAIMFRAUD_XGBOOST_LIB";

    /// <summary>The soname Debian's libxgboost0 package installs.</summary>
    public const string DebianSoname = "libxgboost.so.0";

    private static readonly Lock Gate = new();
    private static bool _resolverRegistered;
    private static string? _path;
    private static string? _loadedFrom;

    /// <summary>
    /// Explicit library path, tried before anything else. Set it before the first XGBoost call;
    /// once the library is loaded it can no longer change.
    /// </summary>
    public static string? Path
    {
        get => _path;
        set
        {
            lock (Gate)
            {
                if (_loadedFrom is not null && !string.Equals(value, _path, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"XGBoost is already loaded from '{_loadedFrom}'; set XGBoostLibrary.Path before the first XGBoost call.");
                }

                _path = value;
            }
        }
    }

    /// <summary>What the library was loaded from (a path or a name), or null before first use.</summary>
    public static string? LoadedFrom => _loadedFrom;

    /// <summary>The version of the loaded native library (XGBoostVersion).</summary>
    public static Version Version
    {
        get
        {
            NativeMethods.XGBoostVersion(out int major, out int minor, out int patch);
            return new Version(major, minor, patch);
        }
    }

    internal static void RegisterResolver()
    {
        lock (Gate)
        {
            if (_resolverRegistered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
            _resolverRegistered = true;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName)
        {
            return 0;
        }

        lock (Gate)
        {
            (string? configured, string source) = ConfiguredPath();
            (nint handle, string from) = Load(configured, source, assembly, searchPath);
            _loadedFrom = from;
            return handle;
        }
    }

    private static (string? Path, string Source) ConfiguredPath()
    {
        if (!string.IsNullOrWhiteSpace(_path))
        {
            return (_path, "XGBoostLibrary.Path");
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(PathEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? (null, "none")
            : (fromEnvironment, PathEnvironmentVariable);
    }

    /// <summary>
    /// Loads the library following the documented order. A configured path that cannot be loaded is an
    /// error rather than a reason to fall back: silently using a different build would hide the mistake.
    /// </summary>
    internal static (nint Handle, string From) Load(
        string? configuredPath, string configuredSource, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (configuredPath is not null)
        {
            if (NativeLibrary.TryLoad(configuredPath, out nint configured))
            {
                return (configured, configuredPath);
            }

            throw new DllNotFoundException(
                $"XGBoost could not be loaded from '{configuredPath}' (set by {configuredSource}). " +
                "Check the file exists and is a libxgboost 1.7 shared library, or unset it to use " +
                $"{DebianSoname} from `apt-get install libxgboost0`.");
        }

        if (NativeLibrary.TryLoad(DebianSoname, out nint debian))
        {
            return (debian, DebianSoname);
        }

        if (NativeLibrary.TryLoad(NativeMethods.LibraryName, assembly, searchPath, out nint searched))
        {
            return (searched, NativeMethods.LibraryName);
        }

        throw new DllNotFoundException(
            $"XGBoost native library not found. Tried: {PathEnvironmentVariable}/XGBoostLibrary.Path (not set), " +
            $"'{DebianSoname}', and the default search for '{NativeMethods.LibraryName}'. " +
            "Install it with `apt-get install libxgboost0`, or point " +
            $"{PathEnvironmentVariable} at a libxgboost.so built from XGBoost 1.7.");
    }
}
