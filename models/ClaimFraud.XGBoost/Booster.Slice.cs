using ClaimFraud.XGBoost.Interop;

namespace ClaimFraud.XGBoost;

public sealed unsafe partial class Booster
{
    /// <summary>
    /// A new booster holding only rounds [<paramref name="begin"/>, <paramref name="end"/>) (XGBoosterSlice):
    /// after early stopping, the exported model is exactly the validated one, for Python users too, who would
    /// otherwise predict with every round.
    /// </summary>
    public Booster Slice(int begin, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(begin);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, begin);
        var names = GetFeatureNames();
        SafeBoosterHandle sliced;
        using (EnterRead())
        {
            ErrorCheck.Check(NativeMethods.XGBoosterSlice(_handle, begin, end, 1, out sliced));
        }
        var result = new Booster(sliced);
        if (names.Count > 0) result.SetFeatureNames(names);
        return result;
    }
}
