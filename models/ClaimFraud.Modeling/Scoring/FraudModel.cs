using ClaimFraud.Modeling.Registry;
using ClaimFraud.XGBoost;

namespace ClaimFraud.Modeling.Scoring;

/// <summary>One claim's model output: raw and calibrated probability, and each feature's contribution to the margin.</summary>
public readonly record struct ModelOutput(double RawProbability, double Probability, double Margin, float[] Contributions)
{
    /// <summary>The model's expected margin before any feature is known (the last contribution column).</summary>
    public double Bias => Contributions[^1];
}

/// <summary>
/// A loaded model ready to score: the booster, its calibration and how it attributes. One native call per claim
/// gives the attributions, and since they sum to the margin, the probability comes from them too.
/// </summary>
public sealed class FraudModel(LoadedModel loaded) : IDisposable
{
    private readonly PredictionOptions _attribution = loaded.Manifest.Attribution == "approximate"
        ? PredictionOptions.ApproximateContributions
        : PredictionOptions.Contributions;

    public LoadedModel Loaded { get; } = loaded;
    public ModelManifest Manifest => Loaded.Manifest;
    public string ModelVersion => Loaded.Manifest.ModelVersion;
    public int FeatureCount => Manifest.FeatureSchema.Features.Count;

    public ModelOutput Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"The model takes {FeatureCount} features, got {features.Length}.", nameof(features));
        var contributions = Loaded.Booster.PredictRow(features, _attribution).Values;
        double margin = 0;
        foreach (float c in contributions) margin += c;
        double raw = 1 / (1 + Math.Exp(-margin));
        return new ModelOutput(raw, Manifest.Calibration.Apply(raw), margin, contributions);
    }

    public void Dispose() => Loaded.Dispose();
}
