using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Interop;

/// <summary>
/// Keeps several SafeHandles alive while their raw values travel in a native array (DMatrixHandle[]),
/// which the marshaller cannot do for us.
/// </summary>
internal sealed class HandleLease : IDisposable
{
    private readonly SafeHandle[] _handles;
    private int _acquired;

    public HandleLease(SafeHandle[] handles)
    {
        _handles = handles;
        Pointers = new nint[handles.Length];
        try
        {
            for (; _acquired < handles.Length; _acquired++)
            {
                bool added = false;
                handles[_acquired].DangerousAddRef(ref added);
                Pointers[_acquired] = handles[_acquired].DangerousGetHandle();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The raw handle values; pin with <c>fixed</c> for the call.</summary>
    public nint[] Pointers { get; }

    public void Dispose()
    {
        for (int i = 0; i < _acquired; i++)
        {
            _handles[i].DangerousRelease();
        }

        _acquired = 0;
    }
}
