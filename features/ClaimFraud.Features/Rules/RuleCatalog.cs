using System.Collections.Frozen;
using System.Numerics;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Extraction;
using ClaimFraud.Features.History;

namespace ClaimFraud.Features.Rules;

/// <summary>Every rule the engine runs, for documentation and notebooks; <see cref="All"/> is in violation order.</summary>
public static class RuleCatalog
{
    /// <summary>The rules; a rule's position is its bit in a fired-rules mask.</summary>
    internal static readonly Rule[] Rules = [.. DocumentRules.All, .. IdentityRules.All, .. ClinicalRules.All, .. TariffRules.All, .. HistoryRules.All];

    /// <summary>Rule positions, most severe first, then more points, then code (the order violations are listed in).</summary>
    internal static readonly int[] Order = Enumerable.Range(0, Rules.Length)
        .OrderByDescending(i => Rules[i].Definition.Severity)
        .ThenByDescending(i => Rules[i].Definition.Points)
        .ThenBy(i => Rules[i].Definition.Code, StringComparer.Ordinal)
        .ToArray();

    internal static readonly ulong MediumOrAboveMask = Enumerable.Range(0, Rules.Length)
        .Where(i => Rules[i].Definition.Severity >= RuleSeverity.Medium)
        .Aggregate(0UL, (m, i) => m | 1UL << i);

    private static readonly FrozenDictionary<string, RuleDefinition> ByCode = Rules.ToFrozenDictionary(r => r.Definition.Code, r => r.Definition, StringComparer.Ordinal);

    static RuleCatalog()
    {
        if (Rules.Length > 64) throw new InvalidOperationException("A fired-rules mask holds at most 64 rules.");
        if (ByCode.Count != Rules.Length) throw new InvalidOperationException("Rule codes must be unique.");
    }

    public static IReadOnlyList<RuleDefinition> All { get; } = Order.Select(i => Rules[i].Definition).ToArray();

    public static RuleDefinition? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>min(1, Σ points / 100) over the fired rules (seed 004).</summary>
    internal static double Score(ulong fired)
    {
        int points = 0;
        for (ulong m = fired; m != 0; m &= m - 1) points += Rules[BitOperations.TrailingZeroCount(m)].Definition.Points;
        return Math.Min(1.0, points / 100.0);
    }
}

/// <summary>Evaluates rule conditions only (no messages): the hot path of scoring and of rule_violation_flag.</summary>
internal static class RulePredicates
{
    public static ulong Fired(Claim claim, HistorySnapshot history, ReadOnlySpan<float> features, in ClaimFacts facts)
    {
        var input = new RuleInput(claim, history, features, facts, null);
        var rules = RuleCatalog.Rules;
        ulong fired = 0;
        for (int i = 0; i < rules.Length; i++)
            if (rules[i].Fires(input)) fired |= 1UL << i;
        return fired;
    }

    public static bool HasMediumOrAbove(ulong fired) => (fired & RuleCatalog.MediumOrAboveMask) != 0;
}
