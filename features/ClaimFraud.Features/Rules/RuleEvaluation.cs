using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Features.Extraction;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Knowledge;

namespace ClaimFraud.Features.Rules;

/// <summary>
/// The rules' verdict on one claim. <see cref="Score"/> and <see cref="Codes"/> are cheap; messages and sections
/// are written only when first asked for, and only for the rules that fired.
/// </summary>
public sealed class RuleEvaluation
{
    private static readonly RuleEvaluation NoneIndonesian = new(0, null, RuleLanguage.Indonesian);
    private static readonly RuleEvaluation NoneEnglish = new(0, null, RuleLanguage.English);

    private readonly Context? _context;
    private readonly RuleLanguage _language;
    private IReadOnlyList<string>? _codes;
    private Described? _described;

    private RuleEvaluation(ulong fired, Context? context, RuleLanguage language)
    {
        FiredMask = fired;
        Score = RuleCatalog.Score(fired);
        _context = context;
        _language = language;
    }

    internal static RuleEvaluation Create(ulong fired, Claim claim, HistorySnapshot history, ReadOnlySpan<float> features, in ClaimFacts facts, ClinicalIndex index, RuleLanguage language)
    {
        if (fired == 0) return language == RuleLanguage.Indonesian ? NoneIndonesian : NoneEnglish;
        return new RuleEvaluation(fired, new Context(claim, history, features.ToArray(), facts, index), language);
    }

    /// <summary>Bit i set when <c>RuleCatalog.Rules[i]</c> fired.</summary>
    internal ulong FiredMask { get; }

    /// <summary>min(1, Σ points / 100) over the rules that fired (seed 004).</summary>
    public double Score { get; }

    /// <summary>Whether any rule of severity medium or higher fired (the rule_violation_flag feature).</summary>
    public bool HasMediumOrAbove => RulePredicates.HasMediumOrAbove(FiredMask);

    /// <summary>Codes of the rules that fired, most severe first.</summary>
    public IReadOnlyList<string> Codes => _codes ??= RuleCatalog.Order.Where(i => (FiredMask >> i & 1) != 0).Select(i => RuleCatalog.Rules[i].Definition.Code).ToArray();

    public bool Fired(string code) => Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>Every rule that fired, most severe first (then points, then code), in the engine's language.</summary>
    public IReadOnlyList<RuleViolation> Violations => Describe().Violations;

    /// <summary>The claim's suspicious sections derived from the violations: items concerned and the rule codes behind them.</summary>
    public IReadOnlyList<SuspiciousSection> Sections => Describe().Sections;

    /// <summary>The violations with messages in another language.</summary>
    public IReadOnlyList<RuleViolation> ViolationsIn(RuleLanguage language) =>
        language == _language ? Violations : Build(language).Violations;

    private Described Describe() => _described ??= Build(_language);

    private Described Build(RuleLanguage language)
    {
        if (_context is not { } c) return Described.Empty;
        var input = new RuleInput(c.Claim, c.History, c.Features, c.Facts, c.Index, new ClaimItems(c.Index, c.Claim));
        var violations = new List<RuleViolation>(System.Numerics.BitOperations.PopCount(FiredMask));
        var sections = new List<(string Section, List<string> Items, List<string> Reasons)>(4);
        foreach (int i in RuleCatalog.Order)
        {
            if ((FiredMask >> i & 1) == 0) continue;
            var rule = RuleCatalog.Rules[i];
            var d = rule.Definition;
            var finding = rule.Describe(input, language);
            violations.Add(new RuleViolation(d.Code, d.SeverityName, d.Points, d.Section, finding.Message));

            // Indexed loops, no lambdas or interface enumerators: this runs for every finding of every score.
            int s = 0;
            while (s < sections.Count && sections[s].Section != d.Section) s++;
            if (s == sections.Count) sections.Add((d.Section, [], []));
            var items = finding.Items;
            for (int k = 0; k < items.Count; k++) if (!sections[s].Items.Contains(items[k])) sections[s].Items.Add(items[k]);
            sections[s].Reasons.Add(d.Code);
        }
        var described = new SuspiciousSection[sections.Count];
        for (int s = 0; s < described.Length; s++) described[s] = new SuspiciousSection(sections[s].Section, sections[s].Items, sections[s].Reasons);
        return new Described(violations, described);
    }

    private sealed record Context(Claim Claim, HistorySnapshot History, float[] Features, ClaimFacts Facts, ClinicalIndex Index);

    private sealed record Described(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<SuspiciousSection> Sections)
    {
        public static readonly Described Empty = new([], []);
    }
}
