using Microsoft.Win32.SafeHandles;

namespace ClaimFraud.XGBoost.Interop;

/// <summary>Owns one XGBoost DMatrixHandle; freed exactly once with XGDMatrixFree.</summary>
internal sealed class SafeDMatrixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeDMatrixHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => NativeMethods.XGDMatrixFree(handle) == 0;
}
