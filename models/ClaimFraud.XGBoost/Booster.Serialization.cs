using ClaimFraud.XGBoost.Interop;

namespace ClaimFraud.XGBoost;

public sealed unsafe partial class Booster
{
    /// <summary>
    /// Saves the model to <paramref name="path"/>; the extension (".json" or ".ubj") picks the format.
    /// Written to a sibling temporary file first and then moved into place, so readers never see half a model.
    /// </summary>
    public void SaveModel(string path)
    {
        string extension = ModelExtension(path);
        string full = System.IO.Path.GetFullPath(path);
        string directory = System.IO.Path.GetDirectoryName(full)!;
        // XGBoost picks the format from the last extension, so the temporary name keeps it.
        string temporary = System.IO.Path.Combine(
            directory, $".{System.IO.Path.GetFileNameWithoutExtension(full)}.partial{extension}");
        try
        {
            using (EnterRead())
            {
                ErrorCheck.Check(NativeMethods.XGBoosterSaveModel(_handle, temporary));
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Replaces this booster's model with one saved as ".json" or ".ubj".</summary>
    public void LoadModel(string path)
    {
        ModelExtension(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"XGBoost model file '{path}' does not exist.", path);
        }

        using var _ = EnterWrite();
        ErrorCheck.Check(NativeMethods.XGBoosterLoadModel(_handle, path));
    }

    /// <summary>Serialises the model (trees, objective, feature names, attributes) to bytes.</summary>
    public byte[] SaveModelToBuffer(ModelFormat format = ModelFormat.Json)
    {
        string config = format switch
        {
            ModelFormat.Json => """{"format":"json"}""",
            ModelFormat.Ubj => """{"format":"ubj"}""",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use ModelFormat.Json or ModelFormat.Ubj."),
        };

        using var _ = EnterRead();
        ErrorCheck.Check(NativeMethods.XGBoosterSaveModelToBuffer(_handle, config, out ulong length, out byte* bytes));
        return new ReadOnlySpan<byte>(bytes, checked((int)length)).ToArray();
    }

    /// <summary>Replaces this booster's model with bytes from <see cref="SaveModelToBuffer"/> (JSON or UBJ).</summary>
    public void LoadModelFromBuffer(ReadOnlySpan<byte> model)
    {
        if (model.IsEmpty)
        {
            throw new ArgumentException("The model buffer is empty.", nameof(model));
        }

        using var _ = EnterWrite();
        fixed (byte* bytes = model)
        {
            ErrorCheck.Check(NativeMethods.XGBoosterLoadModelFromBuffer(_handle, bytes, (ulong)model.Length));
        }
    }

    /// <summary>The learner's full configuration (parameters, objective, booster settings) as JSON.</summary>
    public string SaveJsonConfig()
    {
        using var _ = EnterRead();
        ErrorCheck.Check(NativeMethods.XGBoosterSaveJsonConfig(_handle, out ulong length, out byte* json));
        return NativeStrings.ReadUtf8(json, length);
    }

    /// <summary>Applies a configuration produced by <see cref="SaveJsonConfig"/>.</summary>
    public void LoadJsonConfig(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        using var _ = EnterWrite();
        ErrorCheck.Check(NativeMethods.XGBoosterLoadJsonConfig(_handle, json));
    }

    private static string ModelExtension(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension is ".json" or ".ubj"
            ? extension
            : throw new ArgumentException(
                $"Model path '{path}' must end in .json or .ubj; XGBoost would otherwise use its deprecated binary format.",
                nameof(path));
    }
}
