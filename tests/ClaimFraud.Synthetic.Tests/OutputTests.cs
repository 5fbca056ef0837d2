using System.Security.Cryptography;
using ClaimFraud.Domain.Json;

namespace ClaimFraud.Synthetic.Tests;

public sealed class OutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("claimfraud-synthetic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Hash(GeneratorOptions options)
    {
        using var buffer = new MemoryStream();
        SyntheticDataset.WriteJsonl(options, buffer);
        return SHA256.HashData(buffer.ToArray());
    }

    [Fact]
    public void SameSeedGivesTheSameBytes()
    {
        var options = new GeneratorOptions { Claims = 4_000, Seed = 11 };
        Assert.Equal(Hash(options), Hash(options));
    }

    [Fact]
    public void DifferentSeedGivesDifferentBytes()
    {
        Assert.NotEqual(Hash(new GeneratorOptions { Claims = 2_000, Seed = 11 }), Hash(new GeneratorOptions { Claims = 2_000, Seed = 12 }));
    }

    [Fact]
    public void TheJsonlFileHoldsOneValidLabelledClaimPerLine()
    {
        string path = Path.Combine(_dir, "claims.jsonl");
        var progress = new List<long>();
        long written = SyntheticDataset.WriteJsonl(new GeneratorOptions { Claims = 3_000, Seed = 5 }, path, new SyncProgress(progress.Add));

        Assert.Equal(3_000, written);
        Assert.Equal(3_000, progress[^1]);
        var lines = ClaimJsonl.ReadValidFile(path, requireLabel: true).ToList();
        Assert.Equal(3_000, lines.Count);
        Assert.All(lines, l => Assert.NotNull(l.Label));
        Assert.Equal(File.ReadAllLines(path).Length, lines.Count);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void WritingToAStreamGivesTheSameBytesAsWritingToAFile()
    {
        var options = new GeneratorOptions { Claims = 1_500, Seed = 8 };
        string path = Path.Combine(_dir, "same.jsonl");
        SyntheticDataset.WriteJsonl(options, path);
        using var buffer = new MemoryStream();
        SyntheticDataset.WriteJsonl(options, buffer);
        Assert.Equal(File.ReadAllBytes(path), buffer.ToArray());
    }

    [Fact]
    public void ACancelledWriteLeavesNothingAtThePath()
    {
        string path = Path.Combine(_dir, "cancelled.jsonl");
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(_ => cts.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SyntheticDataset.WriteJsonl(new GeneratorOptions { Claims = 200_000, Seed = 1 }, path, progress, cts.Token));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void ZeroClaimsGiveAnEmptyFile()
    {
        string path = Path.Combine(_dir, "empty.jsonl");
        Assert.Equal(0, SyntheticDataset.WriteJsonl(new GeneratorOptions { Claims = 0 }, path));
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void EnumeratingTwiceGivesTheSameClaims()
    {
        var claims = SyntheticDataset.Generate(new GeneratorOptions { Claims = 500, Seed = 6 });
        var first = claims.Select(c => Domain.Json.ClaimJson.Serialize(c.Claim, c.Label)).ToList();
        var second = claims.Select(c => Domain.Json.ClaimJson.Serialize(c.Claim, c.Label)).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void GenerationIsLazy()
    {
        // Were it not streamed, asking for fifty million claims would not come back with ten.
        var first = SyntheticDataset.Generate(new GeneratorOptions { Claims = 50_000_000, Seed = 3 }).Take(10).ToList();
        Assert.Equal(10, first.Count);
    }

    [Fact]
    public void TheHospitalsOptionBoundsHowManyHospitalsAppear()
    {
        var claims = SyntheticDataset.Generate(new GeneratorOptions { Claims = 2_000, Seed = 4, Hospitals = 5 }).ToList();
        int hospitals = claims.Select(c => c.Claim.Hospital.Code).Distinct().Count();
        Assert.InRange(hospitals, 2, 5);
    }

    [Fact]
    public void AdmissionsStayInsideThePeriod()
    {
        var options = new GeneratorOptions { Claims = 3_000, Seed = 9, PeriodStart = new DateOnly(2025, 3, 1), PeriodEnd = new DateOnly(2025, 3, 31) };
        var claims = SyntheticDataset.Generate(options).ToList();
        Assert.Equal(3_000, claims.Count);
        Assert.All(claims, c => Assert.InRange(Domain.Claims.StayCalendar.JakartaDate(c.Claim.AdmissionAt), options.PeriodStart, options.PeriodEnd));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void TheFraudRateFollowsTheOption(double rate)
    {
        var claims = SyntheticDataset.Generate(new GeneratorOptions { Claims = 8_000, Seed = 21, FraudRate = rate }).ToList();
        double observed = claims.Count(c => c.Label!.IsFraud) / (double)claims.Count;
        Assert.InRange(observed, rate - 0.02, rate + 0.02);
    }

    [Fact]
    public void AllClaimsAreFraudulentAtRateOne()
    {
        var claims = SyntheticDataset.Generate(new GeneratorOptions { Claims = 2_000, Seed = 2, FraudRate = 1 }).ToList();
        Assert.InRange(claims.Count(c => c.Label!.IsFraud) / (double)claims.Count, 0.97, 1.0);
    }

    [Fact]
    public void TinyDatasetsStillComeOutWhole()
    {
        foreach (long n in new long[] { 1, 2, 7 })
            Assert.Equal(n, SyntheticDataset.Generate(new GeneratorOptions { Claims = n, Seed = n }).Count());
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the report to happen in line.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
