using ClaimFraud.Charts;
using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Table;

namespace ClaimFraud.Notebooks;

/// <summary>How often a rule fired on legitimate and on fraudulent claims.</summary>
public sealed record RuleHitRate(string Code, string Severity, int Points, long LegitimateHits, long FraudHits, double LegitimateRate, double FraudRate);

/// <summary>Rule hit rates by label, from the feature table's <see cref="FeatureRow.RuleCodes"/>.</summary>
public static class RuleHits
{
    /// <summary>Every rule of <see cref="RuleCatalog.All"/> (most severe first), including rules that never fired.</summary>
    public static IReadOnlyList<RuleHitRate> ByLabel(IReadOnlyList<FeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var legitHits = new Dictionary<string, long>(StringComparer.Ordinal);
        var fraudHits = new Dictionary<string, long>(StringComparer.Ordinal);
        long legit = 0, fraud = 0;
        foreach (var row in rows)
        {
            if (row.IsFraud is not { } isFraud) continue;
            var hits = isFraud ? fraudHits : legitHits;
            if (isFraud) fraud++; else legit++;
            foreach (var code in row.RuleCodes) hits[code] = hits.GetValueOrDefault(code) + 1;
        }
        if (legit + fraud == 0) throw new ArgumentException("No row is labelled: hit rates by label need labelled claims.", nameof(rows));
        return [.. RuleCatalog.All.Select(r => new RuleHitRate(r.Code, r.SeverityName, r.Points,
            legitHits.GetValueOrDefault(r.Code), fraudHits.GetValueOrDefault(r.Code),
            Rate(legitHits.GetValueOrDefault(r.Code), legit), Rate(fraudHits.GetValueOrDefault(r.Code), fraud)))];
    }

    /// <summary>Grouped bars of the hit rates, legitimate vs fraud, in rule order (most severe first).</summary>
    public static SvgChart Chart(IReadOnlyList<RuleHitRate> rates, string? title = "Rule hit rate by label") =>
        Charts.Chart.GroupedBars([.. rates.Select(r => r.Code)],
            [(Notebooks.ByLabel.Legitimate, [.. rates.Select(r => r.LegitimateRate)]), (Notebooks.ByLabel.Fraud, [.. rates.Select(r => r.FraudRate)])],
            title, "share of claims the rule fired on", valueFormat: v => NumberFormat.Percent(v), width: 760);

    private static double Rate(long hits, long total) => total == 0 ? 0 : Math.Round((double)hits / total, 4);
}
