using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Features;
using ClaimFraud.Features.History;

namespace ClaimFraud.Modeling.Scoring;

/// <summary>Everything about one scored claim: the contract score plus the evidence behind it (for notebooks and tests).</summary>
public sealed record ScoredClaim(ClaimScore Score, ClaimAnalysis Analysis, ModelOutput Model);

/// <summary>
/// The one scoring path: features + rules + XGBoost + calibration + combination + per-claim attributions +
/// explanation. The serving app, the CLI's offline scoring and the notebooks all score through this class.
/// Thread-safe.
/// </summary>
public sealed class ClaimScorer(ClaimEvidence evidence, FraudModel model, TimeProvider? clock = null, int importanceTop = 8)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public ClaimEvidence Evidence { get; } = evidence;
    public FraudModel Model { get; } = model;

    /// <summary>Scores a claim given its point-in-time history (use <see cref="HistorySnapshot.Empty"/> for none).</summary>
    public ScoredClaim Score(Claim claim, HistorySnapshot history)
    {
        var analysis = Evidence.Analyze(claim, history);
        var output = Model.Predict(analysis.Features);
        double rules = analysis.Rules.Score;
        double fraudScore = Model.Manifest.Combination.Combine(output.Probability, rules);
        var band = RiskBands.For(fraudScore);
        var importance = TopContributions(analysis.Features, output.Contributions);
        var violations = analysis.Rules.Violations;
        var sections = MergeModelFactors(analysis.Rules.Sections, importance);

        var score = new ClaimScore
        {
            ClaimId = claim.ClaimId,
            ModelVersion = Model.ModelVersion,
            FraudScore = Math.Round(fraudScore, 4),
            RiskScore = band.RiskScore,
            RiskLevel = band.RiskLevel,
            Priority = band.Priority,
            Recommendation = band.Recommendation,
            Components = new ScoreComponents(Math.Round(output.Probability, 4), Math.Round(rules, 4)),
            SuspiciousSections = sections,
            RuleViolations = violations,
            Importance = importance,
            Explanation = ExplanationWriter.Write(band, output.Probability, rules, violations, importance),
            ScoredAt = _clock.GetUtcNow().ToOffset(StayCalendar.JakartaOffset),
        };
        return new ScoredClaim(score, analysis, output);
    }

    /// <summary>The serving order: query the history as of the claim's admission, score, then record the claim.</summary>
    public ScoredClaim ScoreAndRecord(Claim claim, IClaimHistory history)
    {
        var scored = Score(claim, history.Query(claim));
        history.Add(claim);
        return scored;
    }

    private IReadOnlyList<FeatureContribution> TopContributions(ReadOnlySpan<float> features, float[] contributions)
    {
        var names = Evidence.Schema.Names;
        int n = Math.Min(names.Count, contributions.Length - 1);
        // Partial selection of the largest |contribution|; n is small (tens), so a simple insertion keeps it cheap.
        Span<int> top = stackalloc int[Math.Min(importanceTop, n)];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            float c = Math.Abs(contributions[i]);
            if (c == 0) continue;
            int pos = count < top.Length ? count++ : top.Length;
            while (pos > 0 && Math.Abs(contributions[top[pos - 1]]) < c)
            {
                if (pos < top.Length) top[pos] = top[pos - 1];
                pos--;
            }
            if (pos < top.Length) top[pos] = i;
        }
        var result = new FeatureContribution[count];
        for (int k = 0; k < count; k++)
        {
            int i = top[k];
            double? value = float.IsNaN(features[i]) ? null : Math.Round((double)features[i], 4);
            result[k] = new FeatureContribution(names[i], value, Math.Round(contributions[i], 4));
        }
        return result;
    }

    /// <summary>
    /// Adds the model's strongest risk-raising factors to the sections they concern (contract §2 allows "model
    /// factors" as reasons), so a claim flagged by the model alone still points the verifier somewhere.
    /// </summary>
    private static IReadOnlyList<SuspiciousSection> MergeModelFactors(IReadOnlyList<SuspiciousSection> sections, IReadOnlyList<FeatureContribution> importance)
    {
        List<SuspiciousSection>? merged = null;
        foreach (var f in importance)
        {
            if (f.Contribution < 0.5) continue;
            var section = FeatureSections.SectionOf(f.Feature);
            if (section is null) continue;
            merged ??= [.. sections];
            int at = 0;
            while (at < merged.Count && merged[at].Section != section) at++;
            var reason = "MODEL:" + f.Feature;
            if (at == merged.Count) merged.Add(new SuspiciousSection(section, [], [reason]));
            else if (!merged[at].Reasons.Contains(reason)) merged[at] = merged[at] with { Reasons = [.. merged[at].Reasons, reason] };
        }
        return merged ?? sections;
    }
}
