namespace ClaimFraud.Modeling.Evaluation;

/// <summary>How many claims of one fraud pattern each scorer caught at its threshold.</summary>
public sealed record PatternRecall(string Pattern, int Count, double Model, double Rules, double Stumps, double Combined);

/// <summary>The test-set report: the model against its two baselines, the combined score, and recall per pattern.</summary>
public sealed record ModelEvaluation
{
    public required string Split { get; init; }
    public required BinaryMetrics Model { get; init; }
    /// <summary>Baseline: the rules' score alone (seed 004's document analysis).</summary>
    public required BinaryMetrics RulesOnly { get; init; }
    /// <summary>Baseline: a depth-1 boosted model (decision stumps) on the same features.</summary>
    public required BinaryMetrics Stumps { get; init; }
    /// <summary>fraud_score as served: model and rules combined.</summary>
    public required BinaryMetrics Combined { get; init; }
    public required IReadOnlyList<PatternRecall> PerPattern { get; init; }
}

/// <summary>Per-pattern recall of each scorer over the fraud rows that carry the pattern (a row may carry several).</summary>
public static class PatternRecalls
{
    public static IReadOnlyList<PatternRecall> Compute(IReadOnlyList<IReadOnlyList<string>> patterns,
        ReadOnlySpan<bool> model, ReadOnlySpan<bool> rules, ReadOnlySpan<bool> stumps, ReadOnlySpan<bool> combined)
    {
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        for (int i = 0; i < patterns.Count; i++)
            foreach (var p in patterns[i])
            {
                if (!counts.TryGetValue(p, out var c)) counts[p] = c = new int[5];
                c[0]++;
                if (model[i]) c[1]++;
                if (rules[i]) c[2]++;
                if (stumps[i]) c[3]++;
                if (combined[i]) c[4]++;
            }
        return [.. counts.Select(kv => new PatternRecall(kv.Key, kv.Value[0],
            (double)kv.Value[1] / kv.Value[0], (double)kv.Value[2] / kv.Value[0], (double)kv.Value[3] / kv.Value[0], (double)kv.Value[4] / kv.Value[0]))];
    }
}
