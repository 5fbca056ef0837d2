namespace ClaimFraud.XGBoost;

/// <summary>
/// An XGBoost C API call failed. <see cref="NativeMessage"/> is XGBGetLastError's full text; the
/// exception message repeats it without XGBoost's native stack trace.
/// </summary>
public sealed class XGBoostException : Exception
{
    private const string StackTraceMarker = "Stack trace:";

    public XGBoostException(string function, string nativeMessage)
        : base(string.IsNullOrWhiteSpace(nativeMessage)
            ? $"{function} failed and XGBoost gave no reason."
            : $"{function} failed: {WithoutNativeStackTrace(nativeMessage)}")
    {
        Function = function;
        NativeMessage = nativeMessage;
    }

    /// <summary>The C API function that reported the failure, e.g. XGBoosterUpdateOneIter.</summary>
    public string Function { get; }

    /// <summary>The library's own error text, as returned by XGBGetLastError.</summary>
    public string NativeMessage { get; }

    private static string WithoutNativeStackTrace(string message)
    {
        int marker = message.IndexOf(StackTraceMarker, StringComparison.Ordinal);
        return (marker < 0 ? message : message[..marker]).Trim();
    }
}
