using ClaimFraud.Modeling.Calibration;
using ClaimFraud.Modeling.Evaluation;

namespace ClaimFraud.Modeling.Tests;

public class CalibrationTests
{
    /// <summary>Scores that are systematically overconfident: the true rate is the square of the score.</summary>
    private static (double[] S, bool[] Y) Overconfident(int n, int seed)
    {
        var rng = new Random(seed);
        var s = new double[n]; var y = new bool[n];
        for (int i = 0; i < n; i++) { s[i] = rng.NextDouble(); y[i] = rng.NextDouble() < s[i] * s[i]; }
        return (s, y);
    }

    [Fact]
    public void IsotonicCalibrationIsMonotoneAndLowersTheBrierScoreOnFreshData()
    {
        var (s, y) = Overconfident(20_000, 1);
        var cal = IsotonicCalibrator.Fit(s, y);
        var (s2, y2) = Overconfident(20_000, 2);
        var calibrated = s2.Select(cal.Apply).ToArray();

        Assert.True(BinaryMetrics.Compute(calibrated, y2, 0.5).Brier < BinaryMetrics.Compute(s2, y2, 0.5).Brier);
        for (double p = 0; p < 1; p += 0.01) Assert.True(cal.Apply(p) <= cal.Apply(p + 0.01) + 1e-12);
        Assert.InRange(cal.Apply(0.5), 0.18, 0.32);
    }

    [Fact]
    public void PlattScalingRecoversAKnownLogisticDistortion()
    {
        // True probability σ(2·logit(s) − 1): Platt's A and B should come out near 2 and −1.
        var rng = new Random(3);
        int n = 50_000;
        var s = new double[n]; var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = Math.Clamp(rng.NextDouble(), 0.01, 0.99);
            double z = 2 * Math.Log(s[i] / (1 - s[i])) - 1;
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z));
        }
        var cal = PlattCalibrator.Fit(s, y);
        Assert.InRange(cal.A, 1.85, 2.15);
        Assert.InRange(cal.B, -1.15, -0.85);
    }

    [Fact]
    public void ACalibratorSurvivesAJsonRoundTrip()
    {
        Calibrator cal = new IsotonicCalibrator([0.1, 0.5, 0.9], [0.0, 0.3, 1.0]);
        var json = System.Text.Json.JsonSerializer.Serialize(cal);
        var back = System.Text.Json.JsonSerializer.Deserialize<Calibrator>(json)!;
        Assert.Contains("\"method\":\"isotonic\"", json);
        Assert.Equal(cal.Apply(0.3), back.Apply(0.3));
        Assert.Equal(0.15, back.Apply(0.3), 12);
    }
}
