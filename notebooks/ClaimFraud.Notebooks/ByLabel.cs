using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Table;

namespace ClaimFraud.Notebooks;

/// <summary>Values split into legitimate and fraudulent claims: the series <c>Chart.Histogram</c> compares.</summary>
public static class ByLabel
{
    public const string Legitimate = "legitimate";
    public const string Fraud = "fraud";

    /// <summary>One value per claim (optionally only claims <paramref name="where"/> accepts), legitimate first.</summary>
    public static (string Label, double[] Values)[] Of(IEnumerable<LabeledClaim> claims, Func<Claim, double> value, Func<Claim, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(value);
        var legit = new List<double>();
        var fraud = new List<double>();
        foreach (var (claim, label) in claims)
        {
            if (where is not null && !where(claim)) continue;
            (label?.IsFraud == true ? fraud : legit).Add(value(claim));
        }
        return [(Legitimate, legit.ToArray()), (Fraud, fraud.ToArray())];
    }

    /// <summary>
    /// One feature of the feature table, legitimate first. Missing values (NaN: "not applicable") stay in, so the chart's
    /// footnote counts them; unlabelled rows are left out.
    /// </summary>
    public static (string Label, double[] Values)[] Of(IReadOnlyList<FeatureRow> rows, string feature)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int index = FeatureSchema.Current.IndexOf(feature);
        if (index < 0) throw new ArgumentException($"The feature schema has no feature '{feature}'.", nameof(feature));
        var legit = new List<double>();
        var fraud = new List<double>();
        foreach (var row in rows)
        {
            if (row.IsFraud is not { } isFraud) continue;
            (isFraud ? fraud : legit).Add(row.Features[index]);
        }
        return [(Legitimate, legit.ToArray()), (Fraud, fraud.ToArray())];
    }
}
