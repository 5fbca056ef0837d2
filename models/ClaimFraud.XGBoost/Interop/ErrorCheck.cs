using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Interop;

/// <summary>Layer 2: turns XGBoost's integer return codes into <see cref="XGBoostException"/>.</summary>
internal static class ErrorCheck
{
    /// <summary>Throws when <paramref name="rc"/> is non-zero, with the text of XGBGetLastError.</summary>
    /// <param name="rc">The value returned by an XGBoost C API function.</param>
    /// <param name="call">Filled in by the compiler; only the function name is kept.</param>
    public static void Check(int rc, [CallerArgumentExpression(nameof(rc))] string call = "")
    {
        if (rc == 0)
        {
            return;
        }

        // The error text is thread-local in XGBoost and we are still on the failing call's thread.
        string native = Marshal.PtrToStringUTF8(NativeMethods.XGBGetLastError())?.Trim() ?? string.Empty;
        throw new XGBoostException(FunctionName(call), native);
    }

    private static string FunctionName(string call)
    {
        int open = call.IndexOf('(');
        string head = open < 0 ? call : call[..open];
        int dot = head.LastIndexOf('.');
        return dot < 0 ? head.Trim() : head[(dot + 1)..].Trim();
    }
}
