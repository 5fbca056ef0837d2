using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features.Extraction;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Knowledge;
using ClaimFraud.Features.Schema;

namespace ClaimFraud.Features.Rules;

/// <summary>
/// Runs every rule of <see cref="RuleCatalog"/> over a claim, its history and its features. Label-free and
/// deterministic; thread-safe.
/// </summary>
public sealed class RuleEngine
{
    private readonly ClaimFeatureExtractor _extractor;
    private readonly ClinicalIndex _index;

    public RuleEngine(ReferenceCatalog catalog, RuleLanguage language = RuleLanguage.Indonesian)
        : this(new ClaimFeatureExtractor(catalog), language) { }

    internal RuleEngine(ClaimFeatureExtractor extractor, RuleLanguage language)
    {
        _extractor = extractor;
        _index = extractor.Index;
        Language = language;
    }

    /// <summary>The language of <see cref="RuleEvaluation.Violations"/>; <see cref="RuleEvaluation.ViolationsIn"/> gives the other.</summary>
    public RuleLanguage Language { get; }

    /// <summary>
    /// Evaluates the rules. <paramref name="features"/> must be <see cref="ClaimFeatureExtractor"/>'s output for this
    /// claim and history (<see cref="FeatureSchema.Current"/>).
    /// </summary>
    public RuleEvaluation Evaluate(Claim claim, HistorySnapshot history, ReadOnlySpan<float> features)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(history);
        if (features.Length != FeatureSchema.Current.Count)
            throw new ArgumentException($"Expected {FeatureSchema.Current.Count} features (schema {FeatureSchema.Current.Hash[..12]}), got {features.Length}.", nameof(features));
        var facts = _extractor.Facts(claim, history);
        return Evaluate(claim, history, features, facts);
    }

    internal RuleEvaluation Evaluate(Claim claim, HistorySnapshot history, ReadOnlySpan<float> features, in ClaimFacts facts)
    {
        ulong fired = RulePredicates.Fired(claim, history, features, facts);
        return RuleEvaluation.Create(fired, claim, history, features, facts, _index, Language);
    }
}
