using System.Globalization;
using System.Net;
using System.Text.Json;
using ClaimFraud.Charts;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Features.Schema;
using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Notebooks;

/// <summary>A block of JSON shown as preformatted text (HTML in notebooks, plain text elsewhere).</summary>
public sealed record JsonBlock(string Json)
{
    public string ToHtml() => $"<pre style=\"max-height:32em;overflow:auto\">{WebUtility.HtmlEncode(Json)}</pre>";

    public override string ToString() => Json;

    /// <summary>Any JSON text re-indented for reading (e.g. one line of a JSONL file).</summary>
    public static JsonBlock Indent(string json) =>
        new(System.Text.Json.Nodes.JsonNode.Parse(json)?.ToJsonString(IndentedText) ?? "null");

    private static readonly JsonSerializerOptions IndentedText = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>A generated claim the model flagged, with its label (what the generator planted).</summary>
public sealed record FlaggedClaim(ScoredClaim Scored, IReadOnlyList<string> Patterns);

/// <summary>How one scored claim reads: its §2 JSON, its signed feature contributions, and examples to look at.</summary>
public static class ScoreViews
{
    private static readonly JsonSerializerOptions Indented = new(ScoreJson.Options) { WriteIndented = true };

    /// <summary>The contract §2 score, indented.</summary>
    public static JsonBlock Json(ClaimScore score) => new(JsonSerializer.Serialize(score, Indented));

    /// <summary>
    /// The <paramref name="top"/> features with the largest contributions to this claim's model output (log-odds,
    /// TreeSHAP), signed: bars to the right push towards fraud, to the left away from it. Labels carry the value.
    /// </summary>
    public static SvgChart Contributions(ScoredClaim scored, int top = 12)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var names = FeatureSchema.Current.Names;
        var contributions = scored.Model.Contributions;
        var features = scored.Analysis.Features;
        var items = Enumerable.Range(0, Math.Min(names.Count, contributions.Length - 1))
            .Where(i => contributions[i] != 0)
            .OrderByDescending(i => Math.Abs(contributions[i]))
            .Take(top)
            .Select(i => ($"{names[i]} = {Value(features[i])}", (double)contributions[i]))
            .ToList();
        var axis = string.Create(CultureInfo.InvariantCulture,
            $"log-odds contribution (base {scored.Model.Bias:0.00} + Σ = {scored.Model.Margin:0.00}; p {scored.Model.RawProbability:0.000} raw → {scored.Model.Probability:0.000} calibrated)");
        return Chart.Bars(items, $"{scored.Score.ClaimId}: what moved the model", axis, BarOrder.Descending, width: 760);
    }

    /// <summary>
    /// Scores the last <paramref name="latestShare"/> of the claims by admission (the period a time-split model was
    /// tested on), each against the history of the claims before it, and returns <paramref name="count"/> fraudulent
    /// claims the served score flags (fraud_score ≥ <paramref name="flaggedFrom"/>) that the rules say least about:
    /// the model's own catches, each with a different first pattern so the examples differ.
    /// </summary>
    public static IReadOnlyList<FlaggedClaim> ModelCatches(IReadOnlyList<LabeledClaim> claims, ClaimScorer scorer, int count = 2,
        double latestShare = 0.15, double flaggedFrom = 0.6)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(scorer);
        if (latestShare is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(latestShare), latestShare, "Choose a share in (0, 1].");
        var history = scorer.Evidence.CreateHistory();
        foreach (var (claim, _) in claims) history.Add(claim);
        var ordered = claims.OrderBy(c => c.Claim.AdmissionAt).ThenBy(c => c.Claim.ClaimId, StringComparer.Ordinal).ToList();
        var candidates = ordered.Skip((int)(ordered.Count * (1 - latestShare)))
            .Where(c => c.Label?.IsFraud == true)
            .Select(c => new FlaggedClaim(scorer.Score(c.Claim, history.Query(c.Claim)), c.Label!.Patterns))
            .Where(f => f.Scored.Score.FraudScore >= flaggedFrom)
            .OrderBy(f => f.Scored.Score.Components.Rules).ThenByDescending(f => f.Scored.Model.Probability)
            .ThenBy(f => f.Scored.Score.ClaimId, StringComparer.Ordinal);
        var picked = new List<FlaggedClaim>();
        var firstPatterns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in candidates)
        {
            if (picked.Count == count) break;
            if (firstPatterns.Add(f.Patterns.FirstOrDefault() ?? "")) picked.Add(f);
        }
        return picked;
    }

    private static string Value(float v) =>
        float.IsNaN(v) ? "missing" : Math.Abs(v) >= 1000 ? v.ToString("#,0", CultureInfo.InvariantCulture) : Math.Round(v, 3).ToString(CultureInfo.InvariantCulture);
}
