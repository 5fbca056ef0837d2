using ClaimFraud.Modeling.Registry;
using ClaimFraud.XGBoost.Managed;

namespace ClaimFraud.Modeling.Scoring;

/// <summary>One claim's model output: raw and calibrated probability, and each feature's contribution to the margin.</summary>
public readonly record struct ModelOutput(double RawProbability, double Probability, double Margin, float[] Contributions)
{
    /// <summary>The model's expected margin before any feature is known (the last contribution column).</summary>
    public double Bias => Contributions[^1];
}

/// <summary>
/// A loaded model ready to score: the booster, its calibration and how it attributes.
/// <para>
/// XGBoost loads and checks the model; scoring then runs on a managed copy of its trees
/// (<see cref="TreeEnsemble"/>), whose margins and TreeSHAP contributions equal XGBoost's own (tested) but cost
/// ~10 µs instead of ~0.4 ms per claim: XGBoost 1.7 builds a DMatrix for every single-row contributions call.
/// Since contributions sum to the margin, one pass gives both the attributions and the probability.
/// </para>
/// </summary>
public sealed class FraudModel : IDisposable
{
    private readonly TreeEnsemble _trees;
    private readonly bool _approximate;

    /// <summary>The attribution methods: <c>"exact"</c> TreeSHAP and <c>"approximate"</c> Saabas.</summary>
    public static readonly IReadOnlyList<string> AttributionMethods = ["exact", "approximate"];

    /// <param name="loaded">The model version.</param>
    /// <param name="attribution">
    /// <c>"exact"</c> (TreeSHAP, XGBoost's pred_contribs) or <c>"approximate"</c> (Saabas, approx_contribs, cheaper:
    /// about 5 against 10 µs a claim for 1.0.0's 278 depth-4 trees, as <c>./claimfraud bench score</c> prints); null takes the manifest's <c>attribution</c>.
    /// Both sum to the margin, so scores are the same either way; only the per-feature contributions (importance,
    /// model factors, explanation) differ.
    /// </param>
    public FraudModel(LoadedModel loaded, string? attribution = null)
    {
        if (attribution is not null && !AttributionMethods.Contains(attribution))
            throw new ArgumentException($"Attribution must be exact or approximate (got '{attribution}').", nameof(attribution));
        Loaded = loaded;
        _trees = TreeEnsemble.FromBooster(loaded.Booster);
        Attribution = attribution ?? (loaded.Manifest.Attribution == "approximate" ? "approximate" : "exact");
        _approximate = Attribution == "approximate";
    }

    /// <summary>How contributions are computed: <c>"exact"</c> or <c>"approximate"</c> (see the constructor).</summary>
    public string Attribution { get; }

    public LoadedModel Loaded { get; }
    public ModelManifest Manifest => Loaded.Manifest;
    public string ModelVersion => Loaded.Manifest.ModelVersion;
    public int FeatureCount => Manifest.FeatureSchema.Features.Count;

    public ModelOutput Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"The model takes {FeatureCount} features, got {features.Length}.", nameof(features));
        var contributions = new float[FeatureCount + 1];
        float margin = _approximate ? _trees.ApproximateContributions(features, contributions) : _trees.Contributions(features, contributions);
        double raw = _trees.ProbabilityFromMargin(margin);
        return new ModelOutput(raw, Manifest.Calibration.Apply(raw), margin, contributions);
    }

    public void Dispose() => Loaded.Dispose();
}
