using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Interop;

/// <summary>Copies XGBoost-owned strings out, and builds the char** arrays some calls take.</summary>
internal static unsafe class NativeStrings
{
    /// <summary>Reads <paramref name="count"/> UTF-8 C strings from an array XGBoost owns.</summary>
    public static string[] ReadArray(nint* utf8Strings, ulong count)
    {
        var result = new string[checked((int)count)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Marshal.PtrToStringUTF8(utf8Strings[i]) ?? string.Empty;
        }

        return result;
    }

    /// <summary>Decodes a UTF-8 buffer of known length that XGBoost owns.</summary>
    public static string ReadUtf8(byte* bytes, ulong length) =>
        System.Text.Encoding.UTF8.GetString(bytes, checked((int)length));
}

/// <summary>
/// A native array of UTF-8 C strings (char**) allocated for the duration of one call.
/// XGBoost copies what it needs, so everything is freed on dispose.
/// </summary>
internal sealed class Utf8StringArray : IDisposable
{
    private readonly nint[] _pointers;

    public Utf8StringArray(IReadOnlyList<string> values)
    {
        _pointers = new nint[values.Count];
        try
        {
            for (int i = 0; i < values.Count; i++)
            {
                _pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The pointer array; pin it with <c>fixed</c> for the call.</summary>
    public nint[] Pointers => _pointers;

    public void Dispose()
    {
        for (int i = 0; i < _pointers.Length; i++)
        {
            if (_pointers[i] != 0)
            {
                Marshal.FreeCoTaskMem(_pointers[i]);
                _pointers[i] = 0;
            }
        }
    }
}
