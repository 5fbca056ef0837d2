using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Table;
using ClaimFraud.Features.Tests.Support;
using static ClaimFraud.Features.Tests.Support.Claims;

namespace ClaimFraud.Features.Tests;

public class HistoryTests
{
    // Few patients and hospitals, so repeat patients, duplicates and busy hospitals occur often.
    private static List<Claim> Dataset(int seed, int count) => new RandomClaims(seed, patients: 150, hospitals: 6).Take(count).ToList();

    private static List<Claim> InTimeOrder(IEnumerable<Claim> claims) =>
        claims.OrderBy(c => c.AdmissionAt.UtcTicks).ThenBy(c => c.ClaimId, StringComparer.Ordinal).ToList();

    [Fact]
    public void AddingALaterClaimNeverChangesAnEarlierClaimsFeatures()
    {
        var claims = InTimeOrder(Dataset(11, 1200));
        var history = Catalog.Evidence.CreateHistory();
        var before = new Dictionary<string, float[]>();
        foreach (var c in claims.Take(600)) history.Add(c);
        foreach (var c in claims.Take(600)) before[c.ClaimId] = Catalog.Evidence.Analyze(c, history.Query(c)).Features;

        foreach (var c in claims.Skip(600)) history.Add(c);

        foreach (var c in claims.Take(600)) Assert.Equal(before[c.ClaimId], Catalog.Evidence.Analyze(c, history.Query(c)).Features);
        Assert.Contains(before.Values, f => f[(int)FeatureId.PatientClaims365d] > 0);
    }

    [Fact]
    public void AClaimScoredAloneAndInABatchHasIdenticalFeatures()
    {
        var claims = Dataset(12, 1000);
        var rows = FeatureTable.Build(claims.Select(c => new LabeledClaim(c, null)), Catalog.Evidence);

        // Alone, against a history that received the same claims in a scrambled order (out-of-order arrival).
        var scrambled = Catalog.Evidence.CreateHistory();
        foreach (var c in claims.OrderBy(c => c.ClaimId.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995)) scrambled.Add(c);
        // In the serving order: query as of the claim, score, then record it.
        var serving = Catalog.Evidence.CreateHistory();
        var served = InTimeOrder(claims).ToDictionary(c => c.ClaimId, c => Catalog.Evidence.AnalyzeAndRecord(c, serving).Features);

        var byId = claims.ToDictionary(c => c.ClaimId);
        foreach (var row in rows)
        {
            var alone = Catalog.Evidence.Analyze(byId[row.ClaimId], scrambled.Query(byId[row.ClaimId])).Features;
            Assert.Equal(row.Features, alone);
            Assert.Equal(row.Features, served[row.ClaimId]);
        }
        Assert.Contains(rows, r => r.Features[(int)FeatureId.DuplicateClaimCount] > 0 || r.Features[(int)FeatureId.PatientClaims30d] > 0);
    }

    [Fact]
    public void QueriesFromManyThreadsWhileAddingGiveTheSequentialAnswers()
    {
        var claims = InTimeOrder(Dataset(13, 1500));
        var sequential = Catalog.Evidence.CreateHistory();
        foreach (var c in claims) sequential.Add(c);
        var expected = claims.ToDictionary(c => c.ClaimId, c => Catalog.Evidence.Analyze(c, sequential.Query(c)).Features);

        var concurrent = Catalog.Evidence.CreateHistory();
        Parallel.ForEach(claims, new ParallelOptions { MaxDegreeOfParallelism = 4 }, c =>
        {
            concurrent.Add(c);
            concurrent.Query(c);
        });
        var actual = claims.AsParallel().ToDictionary(c => c.ClaimId, c => Catalog.Evidence.Analyze(c, concurrent.Query(c)).Features);

        Assert.Equal(claims.Count, concurrent.Count);
        foreach (var c in claims) Assert.Equal(expected[c.ClaimId], actual[c.ClaimId]);
    }

    [Fact]
    public void ScoringTheSameClaimTwiceDoesNotMakeItADuplicateOfItself()
    {
        var history = Catalog.Evidence.CreateHistory();
        var first = Catalog.Evidence.AnalyzeAndRecord(Legitimate(), history);
        var second = Catalog.Evidence.AnalyzeAndRecord(Legitimate(), history);

        Assert.Equal(1, history.Count);
        Assert.Equal(first.Features, second.Features);
        Assert.Equal(0, second[FeatureId.DuplicateClaimCount]);
    }

    [Fact]
    public void PatientHistoryCountsWindowsGapsAndUsualClass()
    {
        var now = Legitimate("CLM-NOW") with { CareClass = 1 };
        var history = Catalog.Evidence.CreateHistory();
        history.Add(Shift(Legitimate("CLM-A"), -400));                   // outside 365 days
        history.Add(Shift(Legitimate("CLM-B"), -200));                   // within 365
        history.Add(Shift(Legitimate("CLM-C"), -20));                    // within 30, discharged 18 days before admission
        history.Add(Shift(Legitimate("CLM-LATER"), 5));                  // after: invisible
        history.Add(Shift(Legitimate("CLM-OTHER"), -3).WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.M, BirthDate, 55) }));

        var s = history.Query(now);
        var f = Catalog.Evidence.Analyze(now, s);

        Assert.Equal(1, f[FeatureId.PatientClaims30d]);
        Assert.Equal(2, f[FeatureId.PatientClaims365d]);
        Assert.Equal((now.AdmissionAt - Shift(Legitimate(), -20).DischargeAt).TotalDays, f[FeatureId.DaysSinceLastDischarge], 4);
        Assert.Equal(1, f[FeatureId.ReadmissionSameDx30d]);
        Assert.Equal(2, f[FeatureId.RoomClassAboveUsual]);
        Assert.Equal(0, f[FeatureId.DuplicateClaimCount]);
        Assert.Equal(3, s.PriorInpatientClaims);
    }

    [Fact]
    public void HospitalRatesUseOnlyEarlierDays()
    {
        var now = Legitimate("CLM-NOW");
        var history = Catalog.Evidence.CreateHistory();
        for (int i = 1; i <= 4; i++)
        {
            var earlier = Shift(Legitimate($"CLM-H{i}"), -i * 10).WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.M, BirthDate, 100 + i) });
            history.Add(i <= 3 ? earlier with { HospitalTariff = earlier.InaCbg.Tariff * 2 } : earlier);
        }
        // Same day as the claim, earlier in the morning: excluded from day-based hospital rates.
        history.Add(Legitimate("CLM-SAMEDAY").WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.M, BirthDate, 300) }) with { AdmissionAt = At(4, 7) });

        var f = Catalog.Evidence.Analyze(now, history.Query(now));

        Assert.Equal(4, f[FeatureId.ProviderClaimsCount]);
        Assert.Equal(0.75, f[FeatureId.ProviderHighCostRate]);
        Assert.Equal(0.75, f[FeatureId.HospitalHighCostRate90d]);
        Assert.Equal(0.75, f[FeatureId.DoctorHighCostRate90d]);
        Assert.Equal(0, f[FeatureId.HospitalLosVsPeers]);
    }

    [Fact]
    public void AnEmptyHistoryGivesZeroCountsAndMissingRates()
    {
        var f = Catalog.Evidence.Analyze(Legitimate(), HistorySnapshot.Empty);
        Assert.Equal(0, f[FeatureId.PatientClaims365d]);
        Assert.Equal(0, f[FeatureId.ProviderClaimsCount]);
        Assert.True(float.IsNaN(f[FeatureId.ProviderHighCostRate]));
        Assert.True(float.IsNaN(f[FeatureId.DaysSinceLastDischarge]));
        Assert.True(float.IsNaN(f[FeatureId.HospitalLosVsPeers]));
        Assert.Equal(f.Features, Catalog.Evidence.Analyze(Legitimate(), Catalog.Evidence.CreateHistory().Query(Legitimate())).Features);
    }

    private static Claim Shift(Claim c, int days) => c with
    {
        AdmissionAt = c.AdmissionAt.AddDays(days),
        DischargeAt = c.DischargeAt.AddDays(days),
        Procedures = c.Procedures.Select(p => p with { At = p.At?.AddDays(days) }).ToList(),
        LabTests = c.LabTests.Select(l => l with { At = l.At?.AddDays(days) }).ToList(),
    };
}
