using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Extraction;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Knowledge;
using ClaimFraud.Features.Schema;

namespace ClaimFraud.Features.Rules;

/// <summary>What a rule looks at: the claim, its history, its features and the extractor's facts (never a label).</summary>
internal readonly ref struct RuleInput(Claim claim, HistorySnapshot history, ReadOnlySpan<float> features, in ClaimFacts facts, ClinicalIndex? index, ClaimItems? items = null)
{
    public Claim Claim { get; } = claim;
    public HistorySnapshot History { get; } = history;
    public ReadOnlySpan<float> Features { get; } = features;
    public ClaimFacts Facts { get; } = facts;
    /// <summary>Only needed to describe a finding (names of diagnoses, catalog limits); predicates do without.</summary>
    public ClinicalIndex? Index { get; } = index;

    /// <summary>The claim's items resolved against the knowledge base, shared by the describers of one evaluation.</summary>
    public ClaimItems Items => items ?? new ClaimItems(Index!, Claim);

    public float this[FeatureId id] => Features[(int)id];
}

/// <summary>A described finding: the message and the items (codes, names, claim ids or field paths) it is about.</summary>
internal readonly record struct Finding(string Message, IReadOnlyList<string> Items);

internal delegate bool RulePredicate(in RuleInput input);

internal delegate Finding RuleDescriber(in RuleInput input, RuleLanguage language);

/// <summary>A rule: its public definition, when it fires, and how it explains itself.</summary>
internal sealed class Rule(RuleDefinition definition, RulePredicate fires, RuleDescriber describe)
{
    public RuleDefinition Definition { get; } = definition;
    public RulePredicate Fires { get; } = fires;
    public RuleDescriber Describe { get; } = describe;
}
