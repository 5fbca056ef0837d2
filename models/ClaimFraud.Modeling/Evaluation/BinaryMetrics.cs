namespace ClaimFraud.Modeling.Evaluation;

public sealed record ConfusionMatrix(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double FalsePositiveRate => FalsePositives + TrueNegatives == 0 ? 0 : (double)FalsePositives / (FalsePositives + TrueNegatives);
    /// <summary>Rows are actual (legit, fraud), columns predicted (legit, fraud), as the charts draw it.</summary>
    public long[,] ToArray() => new[,] { { TrueNegatives, FalsePositives }, { FalseNegatives, TruePositives } };
}

/// <summary>One bin of a reliability diagram: how often what was predicted at this level turned out to be fraud.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, long Count, double MeanPredicted, double ObservedRate);

/// <summary>How well a score separates fraud from legitimate claims, at a threshold and across all thresholds.</summary>
public sealed record BinaryMetrics
{
    public required long Count { get; init; }
    public required long Positives { get; init; }
    public required double RocAuc { get; init; }
    /// <summary>Average precision (area under the precision-recall step curve), as scikit-learn computes it.</summary>
    public required double PrAuc { get; init; }
    public required double Threshold { get; init; }
    public required double Precision { get; init; }
    public required double Recall { get; init; }
    public required double F1 { get; init; }
    public required ConfusionMatrix Confusion { get; init; }
    public required double Brier { get; init; }
    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }

    public static BinaryMetrics Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold, int reliabilityBins = 10)
    {
        if (scores.Length != labels.Length) throw new ArgumentException($"{scores.Length} scores for {labels.Length} labels.");
        var cm = ConfusionAt(scores, labels, threshold);
        double brier = 0;
        long positives = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double y = labels[i] ? 1 : 0;
            brier += (scores[i] - y) * (scores[i] - y);
            if (labels[i]) positives++;
        }
        return new BinaryMetrics
        {
            Count = scores.Length,
            Positives = positives,
            RocAuc = Ranking.RocAuc(scores, labels),
            PrAuc = Ranking.AveragePrecision(scores, labels),
            Threshold = threshold,
            Precision = cm.Precision,
            Recall = cm.Recall,
            F1 = cm.F1,
            Confusion = cm,
            Brier = scores.Length == 0 ? 0 : brier / scores.Length,
            Reliability = ReliabilityOf(scores, labels, reliabilityBins),
        };
    }

    public static ConfusionMatrix ConfusionAt(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            bool predicted = scores[i] >= threshold;
            if (labels[i]) { if (predicted) tp++; else fn++; }
            else if (predicted) fp++;
            else tn++;
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    public static IReadOnlyList<ReliabilityBin> ReliabilityOf(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, int bins)
    {
        var count = new long[bins];
        var sumP = new double[bins];
        var sumY = new double[bins];
        for (int i = 0; i < scores.Length; i++)
        {
            int b = Math.Clamp((int)(scores[i] * bins), 0, bins - 1);
            count[b]++;
            sumP[b] += scores[i];
            if (labels[i]) sumY[b]++;
        }
        var result = new ReliabilityBin[bins];
        for (int b = 0; b < bins; b++)
            result[b] = new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b],
                count[b] == 0 ? double.NaN : sumP[b] / count[b], count[b] == 0 ? double.NaN : sumY[b] / count[b]);
        return result;
    }
}
