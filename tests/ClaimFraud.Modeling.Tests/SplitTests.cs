using ClaimFraud.Modeling.Splits;

namespace ClaimFraud.Modeling.Tests;

public class SplitTests
{
    private static bool[] Labels(int n, double rate, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() < rate).ToArray();
    }

    [Fact]
    public void AStratifiedSplitKeepsTheFraudRateInEveryPart()
    {
        var y = Labels(10_000, 0.15, 1);
        var split = DataSplit.Stratified(y, 0.7, 0.15, seed: 42);
        double Rate(int[] idx) => idx.Count(i => y[i]) / (double)idx.Length;
        double overall = y.Count(b => b) / (double)y.Length;
        Assert.InRange(Rate(split.Train), overall - 0.002, overall + 0.002);
        Assert.InRange(Rate(split.Validation), overall - 0.005, overall + 0.005);
        Assert.InRange(Rate(split.Test), overall - 0.005, overall + 0.005);
    }

    [Fact]
    public void ASplitCoversEveryRowExactlyOnce()
    {
        var y = Labels(1_001, 0.3, 2);
        var split = DataSplit.Stratified(y, 0.6, 0.2, seed: 1);
        var all = split.Train.Concat(split.Validation).Concat(split.Test).OrderBy(i => i).ToArray();
        Assert.Equal(Enumerable.Range(0, 1_001), all);
    }

    [Fact]
    public void TheSameSeedGivesTheSameSplitAndAnotherSeedAnother()
    {
        var y = Labels(2_000, 0.2, 3);
        Assert.Equal(DataSplit.Stratified(y, 0.7, 0.15, 5).Test, DataSplit.Stratified(y, 0.7, 0.15, 5).Test);
        Assert.NotEqual(DataSplit.Stratified(y, 0.7, 0.15, 5).Test, DataSplit.Stratified(y, 0.7, 0.15, 6).Test);
    }

    [Fact]
    public void ATimeSplitTrainsOnlyOnClaimsBeforeEveryTestClaim()
    {
        var rng = new Random(4);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var times = Enumerable.Range(0, 5_000).Select(_ => start.AddDays(rng.Next(0, 365))).ToArray();
        var split = DataSplit.ByTime(times, 0.7, 0.15);
        var lastTrain = split.Train.Max(i => times[i]);
        var firstValid = split.Validation.Min(i => times[i]);
        var lastValid = split.Validation.Max(i => times[i]);
        var firstTest = split.Test.Min(i => times[i]);
        Assert.True(lastTrain < firstValid);
        Assert.True(lastValid < firstTest);
        Assert.Equal(5_000, split.Train.Length + split.Validation.Length + split.Test.Length);
    }

    [Fact]
    public void ImpossibleFractionsAreRefusedWithTheValues()
    {
        var e = Assert.Throws<ArgumentException>(() => DataSplit.Stratified(new bool[10], 0.9, 0.2, 1));
        Assert.Contains("0.9", e.Message);
    }
}
