using System.Collections;
using System.Globalization;
using System.Runtime.InteropServices;
using ClaimFraud.XGBoost.Interop;

namespace ClaimFraud.XGBoost;

/// <summary>
/// An XGBoost model: train it round by round, predict, explain, save and load.
/// <para>
/// Threading: predictions (all <c>Predict*</c> overloads), saving and reading attributes may run on many
/// threads at once; XGBoost 1.7 keeps prediction buffers per booster and per thread and documents
/// prediction as thread safe for tree models. Training, <c>SetParam</c>, loading and attribute writes
/// change the model, which XGBoost does not allow concurrently with prediction, so they take the
/// exclusive side of a reader/writer lock and wait for in-flight predictions.
/// </para>
/// </summary>
public sealed unsafe partial class Booster : IDisposable
{
    private readonly SafeBoosterHandle _handle;

    // Never disposed: a caller racing Dispose may still be waiting on it, and it holds no native memory
    // until contended (its wait handles then finalize normally).
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private bool _disposed;

    /// <summary>
    /// Creates a booster whose prediction cache covers <paramref name="cache"/> (usually the training and
    /// evaluation matrices). Feature names of the first matrix, if any, become the model's feature names.
    /// </summary>
    public Booster(params DMatrix[] cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _handle = Create(cache);
        if (cache.Length > 0 && cache[0].GetFeatureNames() is { Count: > 0 } names)
        {
            SetStrFeatureInfo(names);
        }
    }

    private Booster(SafeBoosterHandle handle) => _handle = handle;

    /// <summary>Loads a model saved as ".json" or ".ubj".</summary>
    public static Booster Load(string path)
    {
        var booster = new Booster(Create([]));
        try
        {
            booster.LoadModel(path);
            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>Loads a model from bytes produced by <see cref="SaveModelToBuffer"/> (JSON or UBJ).</summary>
    public static Booster Load(ReadOnlySpan<byte> model)
    {
        var booster = new Booster(Create([]));
        try
        {
            booster.LoadModelFromBuffer(model);
            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>Number of boosting rounds in the model.</summary>
    public int BoostedRounds
    {
        get
        {
            using var _ = EnterRead();
            ErrorCheck.Check(NativeMethods.XGBoosterBoostedRounds(_handle, out int rounds));
            return rounds;
        }
    }

    /// <summary>Number of features the model expects.</summary>
    public long NumFeatures
    {
        get
        {
            using var _ = EnterRead();
            ErrorCheck.Check(NativeMethods.XGBoosterGetNumFeature(_handle, out ulong features));
            return checked((long)features);
        }
    }

    /// <summary>
    /// The 0-based best boosting round, stored as the "best_iteration" attribute so it survives save/load;
    /// null when not set. Predict with <c>PredictionOptions.Probability.UpToIteration(best)</c>.
    /// </summary>
    public int? BestIteration
    {
        get
        {
            string? text = GetAttribute("best_iteration");
            if (text is null)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw new FormatException($"Model attribute best_iteration is '{text}', not an integer.");
        }
        set => SetAttribute("best_iteration", value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Sets one training parameter, e.g. ("max_depth", "4") or ("nthread", "1").</summary>
    public void SetParam(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        using var _ = EnterWrite();
        ErrorCheck.Check(NativeMethods.XGBoosterSetParam(_handle, name, value));
    }

    /// <summary>
    /// Sets several parameters. Numbers are formatted with the invariant culture; a sequence value
    /// (e.g. several eval_metric names) sets the parameter once per element, in order.
    /// </summary>
    public void SetParams(IReadOnlyDictionary<string, object> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach ((string name, object value) in parameters)
        {
            foreach (string text in FormatParameter(name, value))
            {
                SetParam(name, text);
            }
        }
    }

    /// <summary>Runs one boosting round on <paramref name="dtrain"/>.</summary>
    public void UpdateOneIter(int iteration, DMatrix dtrain)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ArgumentNullException.ThrowIfNull(dtrain);
        using var _ = EnterWrite();
        ErrorCheck.Check(NativeMethods.XGBoosterUpdateOneIter(_handle, iteration, dtrain.Handle));
    }

    /// <summary>
    /// Evaluates the configured eval_metric(s) on each named matrix, returning XGBoost's text and the
    /// parsed values keyed "name-metric".
    /// </summary>
    public EvaluationResult EvalOneIter(int iteration, params (DMatrix Data, string Name)[] evals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ArgumentNullException.ThrowIfNull(evals);
        if (evals.Length == 0)
        {
            throw new ArgumentException("Give at least one (matrix, name) pair to evaluate.", nameof(evals));
        }

        var names = new string[evals.Length];
        var handles = new SafeHandle[evals.Length];
        for (int i = 0; i < evals.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(evals[i].Data, $"{nameof(evals)}[{i}].Data");
            names[i] = ValidateEvalName(evals[i].Name, i);
            handles[i] = evals[i].Data.Handle;
        }

        string text;
        using (EnterWrite())
        using (var utf8Names = new Utf8StringArray(names))
        using (var lease = new HandleLease(handles))
        {
            fixed (nint* matrices = lease.Pointers)
            fixed (nint* evalNames = utf8Names.Pointers)
            {
                // Evaluation lazily creates metric objects inside the learner, hence the write side.
                ErrorCheck.Check(NativeMethods.XGBoosterEvalOneIter(
                    _handle, iteration, matrices, evalNames, (ulong)evals.Length, out nint result));
                text = Marshal.PtrToStringUTF8(result) ?? string.Empty;
            }
        }

        return new EvaluationResult(text, ParseEvaluation(text));
    }

    /// <summary>Reads a string attribute stored in the model, or null when absent.</summary>
    public string? GetAttribute(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        using var _ = EnterRead();
        ErrorCheck.Check(NativeMethods.XGBoosterGetAttr(_handle, key, out nint value, out int found));
        return found == 0 ? null : Marshal.PtrToStringUTF8(value);
    }

    /// <summary>Stores a string attribute in the model (saved with it); null deletes it.</summary>
    public void SetAttribute(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        using var _ = EnterWrite();
        ErrorCheck.Check(NativeMethods.XGBoosterSetAttr(_handle, key, value));
    }

    /// <summary>The model's feature names, or an empty list when it has none.</summary>
    public IReadOnlyList<string> GetFeatureNames()
    {
        using var _ = EnterRead();
        ErrorCheck.Check(NativeMethods.XGBoosterGetStrFeatureInfo(_handle, "feature_name", out ulong count, out nint* names));
        return NativeStrings.ReadArray(names, count);
    }

    /// <summary>Names the model's features (saved with the model and used by <see cref="FeatureScore"/>).</summary>
    public void SetFeatureNames(IReadOnlyList<string> names)
    {
        FeatureNames.Validate(names, expectedCount: -1, nameof(names));
        long expected = NumFeatures;
        if (expected > 0 && names.Count != expected)
        {
            throw new ArgumentException($"The model has {expected} features but {names.Count} names were given.", nameof(names));
        }

        SetStrFeatureInfo(names);
    }

    /// <summary>Frees the native booster after in-flight calls finish; later calls throw ObjectDisposedException.</summary>
    public void Dispose()
    {
        _gate.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _handle.Dispose();
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    private static SafeBoosterHandle Create(DMatrix[] cache)
    {
        var handles = new SafeHandle[cache.Length];
        for (int i = 0; i < cache.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(cache[i], $"{nameof(cache)}[{i}]");
            handles[i] = cache[i].Handle;
        }

        using var lease = new HandleLease(handles);
        fixed (nint* matrices = lease.Pointers)
        {
            ErrorCheck.Check(NativeMethods.XGBoosterCreate(matrices, (ulong)cache.Length, out SafeBoosterHandle handle));
            return handle;
        }
    }

    private void SetStrFeatureInfo(IReadOnlyList<string> names)
    {
        using var _ = EnterWrite();
        using var utf8 = new Utf8StringArray(names);
        fixed (nint* p = utf8.Pointers)
        {
            ErrorCheck.Check(NativeMethods.XGBoosterSetStrFeatureInfo(_handle, "feature_name", p, (ulong)names.Count));
        }
    }

    internal static IEnumerable<string> FormatParameter(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return value switch
        {
            null => throw new ArgumentException($"Parameter '{name}' has no value.", nameof(value)),
            string text => [text],
            IEnumerable sequence => FormatSequence(name, sequence),
            _ => [FormatScalar(value)],
        };
    }

    private static List<string> FormatSequence(string name, IEnumerable sequence)
    {
        var values = new List<string>();
        foreach (object? item in sequence)
        {
            values.Add(item is null
                ? throw new ArgumentException($"Parameter '{name}' has a null element.", nameof(sequence))
                : FormatScalar(item));
        }

        return values.Count > 0
            ? values
            : throw new ArgumentException($"Parameter '{name}' is an empty sequence.", nameof(sequence));
    }

    private static string FormatScalar(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string ValidateEvalName(string? name, int index)
    {
        if (string.IsNullOrWhiteSpace(name) || name.AsSpan().IndexOfAny("\t:") >= 0)
        {
            throw new ArgumentException(
                $"Evaluation name at index {index} ('{name}') must be non-blank without tabs or colons.", nameof(name));
        }

        return name;
    }

    // XGBoost's text is "[iteration]\tname-metric:value\tname-metric:value".
    internal static Dictionary<string, double> ParseEvaluation(string text)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string token in text.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (token.StartsWith('['))
            {
                continue;
            }

            int colon = token.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"Unexpected token '{token}' in XGBoost evaluation text '{text}'.");
            }

            metrics[token[..colon]] = ParseMetric(token[(colon + 1)..], text);
        }

        return metrics;
    }

    private static double ParseMetric(string value, string text)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return number;
        }

        return value.ToLowerInvariant() switch
        {
            "nan" or "-nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ => throw new FormatException($"Metric value '{value}' in XGBoost evaluation text '{text}' is not a number."),
        };
    }

    private GateScope EnterRead()
    {
        _gate.EnterReadLock();
        if (_disposed)
        {
            _gate.ExitReadLock();
            throw new ObjectDisposedException(nameof(Booster));
        }

        return new GateScope(_gate, write: false);
    }

    private GateScope EnterWrite()
    {
        _gate.EnterWriteLock();
        if (_disposed)
        {
            _gate.ExitWriteLock();
            throw new ObjectDisposedException(nameof(Booster));
        }

        return new GateScope(_gate, write: true);
    }

    private readonly struct GateScope(ReaderWriterLockSlim gate, bool write) : IDisposable
    {
        public void Dispose()
        {
            if (write)
            {
                gate.ExitWriteLock();
            }
            else
            {
                gate.ExitReadLock();
            }
        }
    }
}
