namespace ClaimFraud.Synthetic.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void DefaultOptionsHaveNoProblems() => Assert.Empty(new GeneratorOptions().Problems());

    [Theory]
    [InlineData(-1, 0.15, "Claims")]
    [InlineData(100, -0.01, "FraudRate")]
    [InlineData(100, 1.5, "FraudRate")]
    [InlineData(100, double.NaN, "FraudRate")]
    public void BadCountsAndRatesAreNamedInTheProblem(long claims, double rate, string option)
    {
        var problems = new GeneratorOptions { Claims = claims, FraudRate = rate }.Problems();
        Assert.Single(problems);
        Assert.StartsWith(option + " ", problems[0]);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var options = new GeneratorOptions
        {
            Claims = -5,
            FraudRate = 2,
            PeriodStart = new DateOnly(2025, 1, 1),
            PeriodEnd = new DateOnly(2024, 1, 1),
            Hospitals = 0,
            BadHospitalShare = 0.9,
            MaxPatients = 0,
        };
        var problems = options.Problems();
        foreach (var name in new[] { "Claims", "FraudRate", "PeriodEnd", "Hospitals", "BadHospitalShare", "MaxPatients" })
            Assert.Contains(problems, p => p.StartsWith(name + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratingWithInvalidOptionsThrowsBeforeAnyClaim()
    {
        var e = Assert.Throws<ArgumentException>(() => SyntheticDataset.Generate(new GeneratorOptions { Claims = 10, FraudRate = -1 }));
        Assert.Contains("FraudRate must be between 0 and 1", e.Message);
    }

    [Fact]
    public void MoreHospitalsThanTheReferenceListHasIsRejectedWithTheLimit()
    {
        var e = Assert.Throws<ArgumentException>(() => SyntheticDataset.Generate(new GeneratorOptions { Claims = 10, Hospitals = GeneratorOptions.MaxHospitals + 1 }));
        Assert.Contains("Hospitals must be at most", e.Message);
    }

    [Fact]
    public void FraudPatternListHasUniqueSnakeCaseNamesWithOneLineDescriptions()
    {
        var names = FraudPatterns.All.Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.True(names.Count >= 19);
        foreach (var p in FraudPatterns.All)
        {
            Assert.Matches("^[a-z]+(_[a-z]+)*$", p.Name);
            Assert.False(string.IsNullOrWhiteSpace(p.Description));
            Assert.DoesNotContain('\n', p.Description);
            Assert.True(FraudPatterns.IsKnown(p.Name));
        }
        Assert.False(FraudPatterns.IsKnown("not_a_pattern"));
    }
}
