using ClaimFraud.Domain.Scores;
using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Modeling.Tests;

public class CombinationTests
{
    private static readonly ScoreCombination C = ScoreCombination.Default;

    [Fact]
    public void TheSeedsWorkedCaseCombinesToNinetyThree()
    {
        // Seed 004: document score 100 % and ML 85 % → (100 × 0.5) + (85 × 0.5) = 92.5 ≈ 93, critical.
        double s = C.Combine(0.85, 1.0);
        Assert.Equal(0.925, s, 10);
        Assert.Equal(new RiskBands.Band(93, "critical", "urgent", "REJECT_OR_INVESTIGATE"), RiskBands.For(s));
    }

    [Fact]
    public void AConfidentModelAloneReachesHighButNotCritical()
    {
        var band = RiskBands.For(C.Combine(0.97, 0));
        Assert.Equal("high", band.RiskLevel);
    }

    [Fact]
    public void OverwhelmingRuleEvidenceAloneReachesHighButNotCritical() =>
        Assert.Equal("high", RiskBands.For(C.Combine(0.05, 1.0)).RiskLevel);

    [Fact]
    public void CriticalNeedsBothSourcesToAgree()
    {
        Assert.Equal("critical", RiskBands.For(C.Combine(0.75, 0.9)).RiskLevel);
        Assert.NotEqual("critical", RiskBands.For(C.Combine(1.0, 0.55)).RiskLevel);
        Assert.NotEqual("critical", RiskBands.For(C.Combine(0.55, 1.0)).RiskLevel);
    }

    [Fact]
    public void NothingSuspiciousStaysLow() => Assert.Equal("low", RiskBands.For(C.Combine(0.02, 0.0)).RiskLevel);

    [Fact]
    public void TheScoreNeverFallsWhenEitherSourceRises()
    {
        for (double m = 0; m <= 1; m += 0.05)
            for (double r = 0; r <= 1; r += 0.05)
            {
                Assert.True(C.Combine(m + 0.05, r) >= C.Combine(m, r) - 1e-12);
                Assert.True(C.Combine(m, r + 0.05) >= C.Combine(m, r) - 1e-12);
            }
    }

    [Fact]
    public void NonFiniteInputsCountAsNothing() => Assert.Equal(C.SoloWeight * 0.5, C.Combine(double.NaN, 0.5), 10);
}

public class FeatureSectionTests
{
    [Fact]
    public void EveryFeatureHasAnIndonesianLabelAndNoLabelIsStale()
    {
        var names = ClaimFraud.Features.Schema.FeatureSchema.Current.Names;
        Assert.All(names, n => Assert.NotEqual(n, FeatureSections.LabelOf(n)));
    }
}
