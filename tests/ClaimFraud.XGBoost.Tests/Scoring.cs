namespace ClaimFraud.XGBoost.Tests;

/// <summary>Small self-contained scoring helpers for assertions.</summary>
internal static class Scoring
{
    /// <summary>ROC-AUC by the rank-sum formula, averaging ranks over ties.</summary>
    public static double RocAuc(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels)
    {
        int n = scores.Length;
        var order = Enumerable.Range(0, n).ToArray();
        var copy = scores.ToArray();
        Array.Sort(order, (a, b) => copy[a].CompareTo(copy[b]));

        double positiveRankSum = 0;
        int positives = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && copy[order[end + 1]] == copy[order[start]])
            {
                end++;
            }

            double averageRank = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++)
            {
                if (labels[order[k]] > 0.5f)
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        int negatives = n - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    public static double Accuracy(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels)
    {
        int correct = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if ((probabilities[i] >= 0.5f) == (labels[i] > 0.5f))
            {
                correct++;
            }
        }

        return (double)correct / probabilities.Length;
    }

    public static double Sigmoid(double margin) => 1.0 / (1.0 + Math.Exp(-margin));
}
