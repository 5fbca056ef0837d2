using ClaimFraud.Modeling.Evaluation;

namespace ClaimFraud.Modeling.Tests;

public class MetricsTests
{
    [Fact]
    public void RocAucOfTheTextbookExampleIsThreeQuarters()
    {
        double[] s = [0.1, 0.4, 0.35, 0.8];
        bool[] y = [false, false, true, true];
        Assert.Equal(0.75, Ranking.RocAuc(s, y), 12);
    }

    [Fact]
    public void AveragePrecisionOfTheTextbookExampleIsFiveSixths()
    {
        double[] s = [0.1, 0.4, 0.35, 0.8];
        bool[] y = [false, false, true, true];
        Assert.Equal(5.0 / 6, Ranking.AveragePrecision(s, y), 12);
    }

    [Fact]
    public void RocAucEqualsThePairwiseProbabilityThatAFraudOutranksALegitClaim()
    {
        var rng = new Random(7);
        var s = new double[600];
        var y = new bool[600];
        for (int i = 0; i < s.Length; i++)
        {
            y[i] = rng.NextDouble() < 0.2;
            // Coarse rounding makes ties, which must count one half.
            s[i] = Math.Round(rng.NextDouble() + (y[i] ? 0.3 : 0), 1);
        }
        double wins = 0, pairs = 0;
        for (int i = 0; i < s.Length; i++)
            for (int j = 0; j < s.Length; j++)
                if (y[i] && !y[j]) { pairs++; wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0; }
        Assert.Equal(wins / pairs, Ranking.RocAuc(s, y), 10);
    }

    [Fact]
    public void ThePrecisionRecallCurveEndsAtFullRecall()
    {
        double[] s = [0.9, 0.8, 0.7, 0.2, 0.1];
        bool[] y = [true, false, true, false, true];
        var (recall, precision, _) = Ranking.PrecisionRecallCurve(s, y);
        Assert.Equal(1.0, recall[^1]);
        Assert.Equal(3.0 / 5, precision[^1], 12);
        Assert.Equal(1.0, precision[0]);
    }

    [Fact]
    public void TheConfusionMatrixCountsEachCellAtTheThreshold()
    {
        double[] s = [0.9, 0.6, 0.4, 0.2, 0.7];
        bool[] y = [true, false, true, false, true];
        var m = BinaryMetrics.Compute(s, y, threshold: 0.5);
        Assert.Equal(new ConfusionMatrix(TruePositives: 2, FalsePositives: 1, TrueNegatives: 1, FalseNegatives: 1), m.Confusion);
        Assert.Equal(2.0 / 3, m.Precision, 12);
        Assert.Equal(2.0 / 3, m.Recall, 12);
        Assert.Equal((0.01 + 0.36 + 0.36 + 0.04 + 0.09) / 5, m.Brier, 12);
    }

    [Fact]
    public void ReliabilityBinsAverageWhatFellIntoThem()
    {
        double[] s = [0.05, 0.15, 0.12, 0.95];
        bool[] y = [false, true, false, true];
        var bins = BinaryMetrics.ReliabilityOf(s, y, 10);
        Assert.Equal(2, bins[1].Count);
        Assert.Equal(0.135, bins[1].MeanPredicted, 12);
        Assert.Equal(0.5, bins[1].ObservedRate, 12);
        Assert.True(double.IsNaN(bins[5].MeanPredicted));
    }

    [Fact]
    public void TheBestF1ThresholdSeparatesCleanlySeparableScores()
    {
        double[] s = [0.1, 0.2, 0.3, 0.7, 0.8];
        bool[] y = [false, false, false, true, true];
        Assert.Equal(0.7, Ranking.BestF1Threshold(s, y));
    }
}
