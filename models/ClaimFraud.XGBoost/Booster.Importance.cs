using System.Text;
using System.Text.Json;
using ClaimFraud.XGBoost.Interop;

namespace ClaimFraud.XGBoost;

public sealed unsafe partial class Booster
{
    /// <summary>
    /// Feature importance (XGBoosterFeatureScore), keyed by feature name: <paramref name="featureNames"/>
    /// if given, else the model's names, else XGBoost's "f0", "f1", …. Features never used in a split are
    /// absent, as in XGBoost.
    /// </summary>
    public IReadOnlyDictionary<string, float> FeatureScore(
        ImportanceType type = ImportanceType.Gain, IReadOnlyList<string>? featureNames = null)
    {
        if (featureNames is not null)
        {
            FeatureNames.Validate(featureNames, NumFeatures, nameof(featureNames));
        }
        else if (GetFeatureNames() is { Count: > 0 } own)
        {
            featureNames = own;
        }

        string config = FeatureScoreConfig(type, featureNames);
        using var _ = EnterRead();
        ErrorCheck.Check(NativeMethods.XGBoosterFeatureScore(
            _handle, config, out ulong count, out nint* names, out ulong dimensions, out ulong* shape, out float* scores));

        string[] features = NativeStrings.ReadArray(names, count);
        // Tree models give one score per feature; multi-output linear models add a second dimension.
        bool oneScoreEach = dimensions == 1 || (dimensions == 2 && shape[1] == 1);
        if (!oneScoreEach)
        {
            throw new NotSupportedException(
                $"XGBoost returned {dimensions}-dimensional importance; only one score per feature is supported.");
        }

        var result = new Dictionary<string, float>(features.Length, StringComparer.Ordinal);
        for (int i = 0; i < features.Length; i++)
        {
            result.Add(features[i], scores[i]);
        }

        return result;
    }

    private static string FeatureScoreConfig(ImportanceType type, IReadOnlyList<string>? featureNames)
    {
        string importance = type switch
        {
            ImportanceType.Gain => "gain",
            ImportanceType.TotalGain => "total_gain",
            ImportanceType.Cover => "cover",
            ImportanceType.TotalCover => "total_cover",
            ImportanceType.Weight => "weight",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown importance type."),
        };

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("importance_type", importance);
            if (featureNames is not null)
            {
                json.WriteStartArray("feature_names");
                foreach (string name in featureNames)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
