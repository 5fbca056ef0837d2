using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features.Extraction;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Schema;

namespace ClaimFraud.Features;

/// <summary>A claim's evidence: its feature vector (<see cref="FeatureSchema.Current"/> order) and the rules' verdict.</summary>
public sealed record ClaimAnalysis(float[] Features, RuleEvaluation Rules)
{
    public float this[FeatureId id] => Features[(int)id];
}

/// <summary>
/// The one code path from claim to evidence: features and rule findings in one call. Training (through
/// <see cref="Table.FeatureTable"/>), notebooks, CLI scoring and serving all call this, so a claim gets the same
/// features wherever it is scored. Thread-safe.
/// </summary>
public sealed class ClaimEvidence
{
    public ClaimEvidence(ReferenceCatalog catalog, RuleLanguage language = RuleLanguage.Indonesian)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Extractor = new ClaimFeatureExtractor(catalog);
        Rules = new RuleEngine(Extractor, language);
    }

    public FeatureSchema Schema => FeatureSchema.Current;

    public ClaimFeatureExtractor Extractor { get; }

    public RuleEngine Rules { get; }

    /// <summary>An empty history whose hospital LOS and tariff-level comparisons use the same knowledge base.</summary>
    public InMemoryClaimHistory CreateHistory() => new(Extractor);

    /// <summary>Features and rule findings of <paramref name="claim"/> as of its admission, given its history.</summary>
    public ClaimAnalysis Analyze(Claim claim, HistorySnapshot history)
    {
        var features = new float[Schema.Count];
        return new ClaimAnalysis(features, Analyze(claim, history, features));
    }

    /// <summary>Writes the features into <paramref name="features"/> and returns the rule findings (no other allocation when nothing fires).</summary>
    public RuleEvaluation Analyze(Claim claim, HistorySnapshot history, Span<float> features)
    {
        var facts = Extractor.ExtractCore(claim, history, features);
        features = features[..Schema.Count];
        ulong fired = RulePredicates.Fired(claim, history, features, facts);
        features[(int)FeatureId.RuleViolationFlag] = RulePredicates.HasMediumOrAbove(fired) ? 1 : 0;
        return RuleEvaluation.Create(fired, claim, history, features, facts, Extractor.Index, Rules.Language);
    }

    /// <summary>Queries <paramref name="history"/> as of the claim's admission, analyses the claim, then records it (the serving order).</summary>
    public ClaimAnalysis AnalyzeAndRecord(Claim claim, IClaimHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var analysis = Analyze(claim, history.Query(claim));
        history.Add(claim);
        return analysis;
    }
}
