// Layer 1: raw imports of the XGBoost 1.7 C API (libxgboost.so.0, Debian package libxgboost0).
// Signatures follow c_api.h of XGBoost 1.7:
//   https://xgboost.readthedocs.io/en/release_1.7.0/c.html
//   https://github.com/dmlc/xgboost/blob/release_1.7.0/include/xgboost/c_api.h
// bst_ulong is uint64_t; every function returning int gives 0 on success and -1 on failure, with the
// reason in XGBGetLastError (thread-local). Pointers handed back by XGBoost point into per-booster,
// per-thread buffers: callers copy them out before the next call on the same thread.
// Nothing here is public; use ErrorCheck.Check around every int-returning call.
using System.Runtime.InteropServices;

namespace ClaimFraud.XGBoost.Interop;

internal static unsafe partial class NativeMethods
{
    /// <summary>Logical name resolved by <see cref="XGBoostLibrary"/>; never loaded by this name directly.</summary>
    internal const string LibraryName = "xgboost";

    // An explicit static constructor guarantees the resolver is registered before the first import binds.
    static NativeMethods() => XGBoostLibrary.RegisterResolver();

    // ---- library -------------------------------------------------------------------------------

    [LibraryImport(LibraryName)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    // Returns a pointer to a thread-local string XGBoost owns: never declare it as returning string,
    // or the marshaller would free memory that is not ours.
    [LibraryImport(LibraryName)]
    internal static partial nint XGBGetLastError();

    // ---- DMatrix -------------------------------------------------------------------------------

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixCreateFromMat(
        float* data, ulong nrow, ulong ncol, float missing, out SafeDMatrixHandle handle);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixFree(nint handle);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixNumRow(SafeDMatrixHandle handle, out ulong rows);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixNumCol(SafeDMatrixHandle handle, out ulong cols);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetFloatInfo(
        SafeDMatrixHandle handle, string field, float* array, ulong length);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixGetFloatInfo(
        SafeDMatrixHandle handle, string field, out ulong length, out float* array);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetStrFeatureInfo(
        SafeDMatrixHandle handle, string field, nint* utf8Strings, ulong count);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixGetStrFeatureInfo(
        SafeDMatrixHandle handle, string field, out ulong count, out nint* utf8Strings);

    // ---- Booster: lifetime, parameters, training -----------------------------------------------

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterCreate(nint* dmatrices, ulong count, out SafeBoosterHandle handle);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterFree(nint handle);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(SafeBoosterHandle handle, string name, string value);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterUpdateOneIter(SafeBoosterHandle handle, int iteration, SafeDMatrixHandle dtrain);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterEvalOneIter(
        SafeBoosterHandle handle, int iteration, nint* dmatrices, nint* utf8Names, ulong count, out nint utf8Result);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterSlice(
        SafeBoosterHandle handle, int beginLayer, int endLayer, int step, out SafeBoosterHandle sliced);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterBoostedRounds(SafeBoosterHandle handle, out int rounds);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterGetNumFeature(SafeBoosterHandle handle, out ulong features);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetStrFeatureInfo(
        SafeBoosterHandle handle, string field, nint* utf8Strings, ulong count);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterGetStrFeatureInfo(
        SafeBoosterHandle handle, string field, out ulong count, out nint* utf8Strings);

    // ---- Booster: prediction -------------------------------------------------------------------

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterPredictFromDMatrix(
        SafeBoosterHandle handle, SafeDMatrixHandle data, string jsonConfig,
        out ulong* shape, out ulong dimensions, out float* result);

    // arrayInterface is a JSON __array_interface__ whose "data" holds the address of pinned floats;
    // proxy is an optional DMatrix carrying meta info (base margin), null when unused.
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterPredictFromDense(
        SafeBoosterHandle handle, string arrayInterface, string jsonConfig, nint proxy,
        out ulong* shape, out ulong dimensions, out float* result);

    // ---- Booster: serialisation and attributes -------------------------------------------------

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModel(SafeBoosterHandle handle, string fileName);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterLoadModel(SafeBoosterHandle handle, string fileName);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModelToBuffer(
        SafeBoosterHandle handle, string jsonConfig, out ulong length, out byte* bytes);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterLoadModelFromBuffer(SafeBoosterHandle handle, byte* bytes, ulong length);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterSaveJsonConfig(SafeBoosterHandle handle, out ulong length, out byte* utf8Json);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterLoadJsonConfig(SafeBoosterHandle handle, string json);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterGetAttr(SafeBoosterHandle handle, string key, out nint utf8Value, out int found);

    // A null value deletes the attribute.
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetAttr(SafeBoosterHandle handle, string key, string? value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterFeatureScore(
        SafeBoosterHandle handle, string jsonConfig,
        out ulong featureCount, out nint* utf8Features,
        out ulong dimensions, out ulong* shape, out float* scores);
}
