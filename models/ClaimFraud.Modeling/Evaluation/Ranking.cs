namespace ClaimFraud.Modeling.Evaluation;

/// <summary>Threshold-free ranking metrics and the curves behind them.</summary>
public static class Ranking
{
    /// <summary>ROC-AUC as the Mann–Whitney statistic, ties counted half, so it equals the trapezoidal area.</summary>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        int n = scores.Length;
        var order = SortedIndices(scores);
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < n)
        {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++)
                if (labels[order[k]]) { rankSumPositives += averageRank; positives++; }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Average precision: Σ (R_k − R_{k−1}) · P_k over distinct thresholds, highest first.</summary>
    public static double AveragePrecision(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var (recall, precision, _) = PrecisionRecallCurve(scores, labels);
        if (recall.Length == 0) return double.NaN;
        double ap = 0, previousRecall = 0;
        for (int k = 0; k < recall.Length; k++)
        {
            ap += (recall[k] - previousRecall) * precision[k];
            previousRecall = recall[k];
        }
        return ap;
    }

    /// <summary>Points of the precision-recall curve at each distinct score, from the highest threshold down.</summary>
    public static (double[] Recall, double[] Precision, double[] Thresholds) PrecisionRecallCurve(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        int n = scores.Length;
        long positives = 0;
        foreach (bool y in labels) if (y) positives++;
        if (positives == 0) return ([], [], []);
        var order = SortedIndices(scores);
        Array.Reverse(order);
        var r = new List<double>(); var p = new List<double>(); var t = new List<double>();
        long tp = 0, fp = 0;
        for (int i = 0; i < n; i++)
        {
            if (labels[order[i]]) tp++; else fp++;
            if (i + 1 < n && scores[order[i + 1]] == scores[order[i]]) continue;
            r.Add((double)tp / positives);
            p.Add((double)tp / (tp + fp));
            t.Add(scores[order[i]]);
        }
        return ([.. r], [.. p], [.. t]);
    }

    /// <summary>Points of the ROC curve from (0,0) to (1,1), one per distinct score.</summary>
    public static (double[] FalsePositiveRate, double[] TruePositiveRate, double[] Thresholds) RocCurve(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        int n = scores.Length;
        long positives = 0;
        foreach (bool y in labels) if (y) positives++;
        long negatives = n - positives;
        var order = SortedIndices(scores);
        Array.Reverse(order);
        var fpr = new List<double> { 0 }; var tpr = new List<double> { 0 }; var th = new List<double> { double.PositiveInfinity };
        long tp = 0, fp = 0;
        for (int i = 0; i < n; i++)
        {
            if (labels[order[i]]) tp++; else fp++;
            if (i + 1 < n && scores[order[i + 1]] == scores[order[i]]) continue;
            fpr.Add(negatives == 0 ? 0 : (double)fp / negatives);
            tpr.Add(positives == 0 ? 0 : (double)tp / positives);
            th.Add(scores[order[i]]);
        }
        return ([.. fpr], [.. tpr], [.. th]);
    }

    /// <summary>The threshold that maximises F1 (ties: the higher threshold, i.e. fewer alerts).</summary>
    public static double BestF1Threshold(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var (recall, precision, thresholds) = PrecisionRecallCurve(scores, labels);
        double best = -1, bestThreshold = 0.5;
        for (int k = 0; k < recall.Length; k++)
        {
            double f1 = precision[k] + recall[k] == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
            if (f1 > best) { best = f1; bestThreshold = thresholds[k]; }
        }
        return bestThreshold;
    }

    private static int[] SortedIndices(ReadOnlySpan<double> scores)
    {
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(keys, order);
        return order;
    }
}
