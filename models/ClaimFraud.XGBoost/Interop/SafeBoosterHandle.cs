using Microsoft.Win32.SafeHandles;

namespace ClaimFraud.XGBoost.Interop;

/// <summary>Owns one XGBoost BoosterHandle; freed exactly once with XGBoosterFree.</summary>
internal sealed class SafeBoosterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeBoosterHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => NativeMethods.XGBoosterFree(handle) == 0;
}
