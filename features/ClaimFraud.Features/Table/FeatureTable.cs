using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.History;

namespace ClaimFraud.Features.Table;

/// <summary>Batch feature extraction over a dataset with point-in-time history.</summary>
public static class FeatureTable
{
    /// <summary>
    /// Features of every claim, each as of its own admission: rows come out sorted by admission_at (ties by claim_id,
    /// ordinal), and a claim's history holds only claims admitted strictly before it, so its row equals what scoring
    /// it alone against the same earlier claims gives. Claims are recorded in <paramref name="history"/> (a new
    /// in-memory history when null), which can then serve as the starting history of scoring.
    /// </summary>
    /// <exception cref="InvalidDataException">two claims share a claim_id.</exception>
    public static IReadOnlyList<FeatureRow> Build(
        IEnumerable<LabeledClaim> claims, ClaimEvidence evidence, IClaimHistory? history = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(evidence);
        var sorted = claims.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            int c = a.Claim.AdmissionAt.UtcTicks.CompareTo(b.Claim.AdmissionAt.UtcTicks);
            return c != 0 ? c : string.CompareOrdinal(a.Claim.ClaimId, b.Claim.ClaimId);
        });
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in sorted)
            if (!ids.Add(c.Claim.ClaimId)) throw new InvalidDataException($"claim_id {c.Claim.ClaimId} appears more than once in the dataset.");

        history ??= evidence.CreateHistory();
        // Queries see only strictly earlier claims whatever has been added, so recording everything first and then
        // extracting in parallel gives exactly the rows of the one-by-one "query, extract, add" loop.
        foreach (var c in sorted) history.Add(c.Claim);

        var rows = new FeatureRow[sorted.Length];
        Parallel.For(0, sorted.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            var (claim, label) = sorted[i];
            var analysis = evidence.Analyze(claim, history.Query(claim));
            rows[i] = new FeatureRow(claim.ClaimId, claim.AdmissionAt, analysis.Features, label?.IsFraud, label?.Patterns ?? [],
                analysis.Rules.Score, analysis.Rules.Codes);
        });
        return rows;
    }
}
