using System.Collections.Concurrent;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>
/// What every <see cref="IClaimStore"/> must do, run once per database kind by the subclasses. xunit makes a new
/// instance per test, so each test gets a fresh, migrated, empty database.
/// </summary>
public abstract class ClaimStoreContractTests : IAsyncLifetime
{
    private const int Seed = 20251121;

    protected IClaimStore Store { get; private set; } = null!;

    /// <summary>How many random claims the bulk round-trip test stores and reads back.</summary>
    protected abstract int RoundTripCount { get; }

    protected abstract Task<IClaimStore> CreateMigratedStoreAsync();

    protected abstract Task DropStoreAsync();

    /// <summary>Runs test-only SQL on the store's database and returns the first column of the first row as a number.</summary>
    protected abstract Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters);

    public async Task InitializeAsync() => Store = await CreateMigratedStoreAsync();

    public async Task DisposeAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
        await DropStoreAsync();
    }

    [Fact]
    public async Task TheContractExampleRoundTripsExactly()
    {
        var example = Fixtures.CombinedFraud();

        await Store.LoadAsync([example]);
        var back = await Store.ReadClaimAsync("CLM-2025-COMBINED-001");

        Assert.NotNull(back);
        Assert.Equal(Fixtures.Json(example), Fixtures.Json(back));
        Assert.Equal(9, back.Claim.Procedures.Count);
        Assert.Null(back.Label);
    }

    [Fact]
    public async Task RandomClaimsRoundTripLosslessly()
    {
        var claims = RandomClaims.Stream(Seed, RoundTripCount).ToList();

        var result = await Store.LoadAsync(claims);

        Assert.Equal(RoundTripCount, result.Claims);
        Assert.Equal(RoundTripCount, await Store.CountAsync());
        var mismatches = new ConcurrentBag<(string Id, string Expected, string Actual)>();
        await Parallel.ForEachAsync(claims, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (claim, ct) =>
        {
            var back = await Store.ReadClaimAsync(claim.Claim.ClaimId, ct);
            string expected = Fixtures.Json(claim), actual = Fixtures.Json(back);
            if (expected != actual) mismatches.Add((claim.Claim.ClaimId, expected, actual));
        });
        var first = mismatches.OrderBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault();
        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} of {RoundTripCount} claims came back different; first {first.Id}:\nexpected {first.Expected}\nactual   {first.Actual}");
    }

    [Fact]
    public async Task TheRandomClaimsCoverEveryOptionalShape()
    {
        // Guards the round-trip test above: it only proves something if the claims really vary like this.
        var claims = RandomClaims.Stream(Seed, 1000).Select(c => c.Claim).ToList();

        Assert.Contains(claims, c => c.Patient.Address is null);
        Assert.Contains(claims, c => c.Patient.Address is { Street: null, City: not null });
        Assert.Contains(claims, c => c.Documents is null);
        Assert.Contains(claims, c => c.Documents is { Sep: null, ResumeMedis: null });
        Assert.Contains(claims, c => c.Documents?.Sep is { IssuedAt: null });
        Assert.Contains(claims, c => c.Procedures.Count == 0);
        Assert.Contains(claims, c => c.Procedures.Count >= 5 && c.Procedures.Any(p => p.At is null));
        Assert.Contains(claims, c => c.Diagnoses.Count >= 3);
        Assert.Contains(claims, c => c.Patient.Name == "");
        Assert.Contains(claims, c => c.Patient.Name is { Length: 256 });
        Assert.Contains(claims, c => c.Patient.Name?.Contains('\'') == true && c.Patient.Name.Contains('\\'));
        Assert.Contains(claims, c => c.Patient.Name?.Contains('\t') == true);
        Assert.Contains(claims, c => c.Patient.Name?.Any(char.IsSurrogate) == true);
        foreach (var offset in new[] { 7, 8, 9, 0 })
            Assert.Contains(claims, c => c.AdmissionAt.Offset == TimeSpan.FromHours(offset));
        Assert.Contains(claims, c => c.AdmissionAt.Ticks % TimeSpan.TicksPerMillisecond != 0);
        Assert.Contains(claims, c => c.Medications.Any(m => m.Quantity != Math.Round(m.Quantity, 6)));
        var labels = RandomClaims.Stream(Seed, 1000).Select(c => c.Label).ToList();
        Assert.Contains(labels, l => l is null);
        Assert.Contains(labels, l => l is { IsFraud: true, Patterns.Count: > 1 });
    }

    [Fact]
    public async Task LoadingTheSameClaimsTwiceLeavesOneCopy()
    {
        var claims = RandomClaims.Stream(Seed + 1, 300).ToList();

        await Store.LoadAsync(claims, batchSize: 128);
        await Store.LoadAsync(claims, batchSize: 77);

        Assert.Equal(300, await Store.CountAsync());
        foreach (var claim in claims)
            Assert.Equal(Fixtures.Json(claim), Fixtures.Json(await Store.ReadClaimAsync(claim.Claim.ClaimId)));
    }

    [Fact]
    public async Task ReloadingAChangedClaimReplacesItAndKeepsItsDecisions()
    {
        var original = Fixtures.CombinedFraud();
        await Store.LoadAsync([original]);
        await ScalarAsync(
            "INSERT INTO claim_decisions (claim_id, action, verifier, decided_at, decided_offset_min) VALUES (@id, 'manual_review', 'tester', '2025-01-02 03:04:05.000000', 420)",
            ("@id", original.Claim.ClaimId));
        var changed = original with
        {
            Claim = original.Claim with
            {
                Procedures = [original.Claim.Procedures[0]],
                Medications = [],
                Patient = original.Claim.Patient with { Address = null },
            },
            Label = new ClaimLabel(true, ["upcoding"]),
        };

        await Store.LoadAsync([changed]);

        Assert.Equal(Fixtures.Json(changed), Fixtures.Json(await Store.ReadClaimAsync(original.Claim.ClaimId)));
        Assert.Equal(1, await Store.CountAsync());
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM claim_decisions WHERE claim_id = @id", ("@id", original.Claim.ClaimId)));
    }

    [Fact]
    public async Task ABatchMixingStoredAndNewClaimsStoresEveryOneOfThem()
    {
        // The MySQL loader's fast path refuses a batch holding a stored id and stores it again another way; nothing may be lost.
        var claims = RandomClaims.Stream(Seed + 3, 60).ToList();
        await Store.LoadAsync(claims.Where((_, i) => i % 3 == 0));
        var changed = claims.Select((c, i) => i % 6 == 0
            ? c with { Claim = c.Claim with { Diagnoses = [.. c.Claim.Diagnoses, new Diagnosis("Z99.9", false)], Vitamins = [] } }
            : c).ToList();

        var result = await Store.LoadAsync(changed, batchSize: 25);

        Assert.Equal(60, result.Claims);
        Assert.Equal(60, await Store.CountAsync());
        foreach (var claim in changed)
            Assert.Equal(Fixtures.Json(claim), Fixtures.Json(await Store.ReadClaimAsync(claim.Claim.ClaimId)));
    }

    [Fact]
    public async Task ARepeatedIdWithinOneBatchKeepsTheLaterClaim()
    {
        var first = RandomClaims.Build(Seed, 1);
        var second = RandomClaims.Build(Seed, 2);
        var later = second with { Claim = second.Claim with { ClaimId = first.Claim.ClaimId } };

        var result = await Store.LoadAsync([first, later]);

        Assert.Equal(2, result.Claims);
        Assert.Equal(1, await Store.CountAsync());
        Assert.Equal(Fixtures.Json(later), Fixtures.Json(await Store.ReadClaimAsync(first.Claim.ClaimId)));
    }

    [Fact]
    public async Task ReadingAnUnknownClaimIdReturnsNull()
    {
        await Store.LoadAsync(RandomClaims.Stream(Seed, 5));

        Assert.Null(await Store.ReadClaimAsync("CLM-DOES-NOT-EXIST"));
        Assert.Null(await Store.ReadClaimAsync(""));
        Assert.Null(await Store.ReadClaimAsync("rnd-20251121-0000001"));
    }

    [Theory]
    [InlineData("x' OR '1'='1")]
    [InlineData("x\" OR \"1\"=\"1")]
    [InlineData("x'; DROP TABLE claims; --")]
    [InlineData("x\\'; DELETE FROM claims; -- ")]
    [InlineData("%")]
    [InlineData("Nur'aini😀' OR 1=1 -- ")]
    public async Task AnSqlInjectionAttemptAsClaimIdFindsNothingAndBreaksNothing(string hostile)
    {
        var claims = RandomClaims.Stream(Seed, 3).ToList();
        await Store.LoadAsync(claims);

        Assert.Null(await Store.ReadClaimAsync(hostile));
        Assert.Empty(await Store.ReadPatientHistoryAsync(hostile, DateTimeOffset.MaxValue.AddYears(-1), 10));
        var refused = await Assert.ThrowsAsync<UnstorableClaimException>(() =>
            Store.LoadAsync([claims[0] with { Claim = claims[0].Claim with { ClaimId = hostile } }]));
        Assert.Equal("claim_id", refused.Field);

        Assert.Equal(3, await Store.CountAsync());
        Assert.Equal(Fixtures.Json(claims[2]), Fixtures.Json(await Store.ReadClaimAsync(claims[2].Claim.ClaimId)));
    }

    [Fact]
    public async Task PatientHistoryReturnsEarlierClaimsOfTheSameNikNewestFirst()
    {
        const string nik = "3174011409970005", otherNik = "3174015409970006";
        var jakarta = TimeSpan.FromHours(7);
        LabeledClaim Visit(string id, string patientNik, DateTimeOffset at)
        {
            var template = RandomClaims.Build(Seed, id.Length);
            return template with
            {
                Claim = template.Claim with
                {
                    ClaimId = id,
                    Patient = template.Claim.Patient with { Nik = patientNik },
                    AdmissionAt = at,
                    DischargeAt = at.AddDays(1),
                },
            };
        }
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, jakarta);
        var claims = new[]
        {
            Visit("H-1", nik, now.AddDays(-300)),
            Visit("H-3", nik, now.AddDays(-10)),
            // Same instant as H-3 written in another offset: ties break on claim_id, newest-first means H-4 before H-3.
            Visit("H-4", nik, now.AddDays(-10).ToOffset(TimeSpan.Zero)),
            Visit("H-2", nik, now.AddDays(-30).ToOffset(TimeSpan.FromHours(9))),
            Visit("H-later", nik, now.AddDays(5)),
            Visit("H-same-time", nik, now),
            Visit("O-1", otherNik, now.AddDays(-1)),
        };
        await Store.LoadAsync(claims);

        var history = await Store.ReadPatientHistoryAsync(nik, now, limit: 10);
        var firstTwo = await Store.ReadPatientHistoryAsync(nik, now, limit: 2);

        Assert.Equal(new[] { "H-4", "H-3", "H-2", "H-1" }, history.Select(c => c.Claim.ClaimId));
        Assert.Equal(Fixtures.Json(claims[3]), Fixtures.Json(history[2]));
        Assert.Equal(new[] { "H-4", "H-3" }, firstTwo.Select(c => c.Claim.ClaimId));
        Assert.Empty(await Store.ReadPatientHistoryAsync(nik, now.AddDays(-400), 10));
        Assert.Empty(await Store.ReadPatientHistoryAsync(nik, now, 0));
    }

    [Fact]
    public async Task AbsentEmptyAndNullOptionalPartsStayDistinct()
    {
        var baseClaim = Fixtures.CombinedFraud().Claim;
        LabeledClaim Variant(string id, Func<Claim, Claim> change, ClaimLabel? label = null) =>
            new(change(baseClaim with { ClaimId = id }), label);
        var variants = new[]
        {
            Variant("V-no-address", c => c with { Patient = c.Patient with { Address = null } }),
            Variant("V-empty-address", c => c with { Patient = c.Patient with { Address = new Address() } }),
            Variant("V-partial-address", c => c with { Patient = c.Patient with { Address = new Address { City = "Kota Bogor", PostalCode = "" } } }),
            Variant("V-no-documents", c => c with { Documents = null }),
            Variant("V-empty-documents", c => c with { Documents = new ClaimDocuments() }),
            Variant("V-empty-sep", c => c with { Documents = new ClaimDocuments { Sep = new SepDocument() } }),
            Variant("V-resume-only", c => c with { Documents = new ClaimDocuments { ResumeMedis = new ResumeMedis { AdmissionAt = c.AdmissionAt } } }),
            Variant("V-untimed-procedure", c => c with { Procedures = [new Procedure("96.70", null)], LabTests = [new LabTest("Darah lengkap", null)] }),
            Variant("V-empty-lists", c => c with { Procedures = [], Medications = [], Vitamins = [], LabTests = [] }),
            Variant("V-no-optionals", c => c with
            {
                DoctorId = null,
                Hospital = c.Hospital with { Name = null },
                Patient = c.Patient with { Name = null, BpjsNumber = null },
                Medications = [new Medication { Name = "Paracetamol", Form = null, Quantity = 0.5, UnitPrice = 0 }],
                Vitamins = [new Vitamin { Name = "Vitamin C", Dose = null, Quantity = 1e-7, UnitPrice = long.MaxValue }],
            }),
            Variant("V-legit-label", c => c, ClaimLabel.Legitimate),
            Variant("V-fraud-label", c => c, new ClaimLabel(true, ["sep_after_discharge", "upcoding"])),
        };

        await Store.LoadAsync(variants);

        foreach (var v in variants)
            Assert.Equal(Fixtures.Json(v), Fixtures.Json(await Store.ReadClaimAsync(v.Claim.ClaimId)));
    }

    [Fact]
    public async Task ATimeFinerThanAMicrosecondIsRefusedNamingTheClaimAndField()
    {
        var claim = Fixtures.CombinedFraud();
        var procedures = claim.Claim.Procedures.ToList();
        procedures[2] = procedures[2] with { At = procedures[2].At!.Value.AddTicks(1) };
        var bad = claim with { Claim = claim.Claim with { ClaimId = "CLM-TICK", Procedures = procedures } };

        var e = await Assert.ThrowsAsync<UnstorableClaimException>(() => Store.LoadAsync([bad]));

        Assert.Equal("CLM-TICK", e.ClaimId);
        Assert.Equal("procedures[2].at", e.Field);
        Assert.Contains("microsecond", e.Message);
        Assert.Equal(0, await Store.CountAsync());
    }

    [Fact]
    public async Task AClaimThatDoesNotFitStopsTheLoadBeforeItsBatchIsWrittenAndKeepsNamesOutOfTheMessage()
    {
        var claims = RandomClaims.Stream(Seed, 10).ToList();
        var secretName = "Rahasia " + new string('x', 300);
        claims[7] = claims[7] with { Claim = claims[7].Claim with { Patient = claims[7].Claim.Patient with { Name = secretName } } };

        var e = await Assert.ThrowsAsync<UnstorableClaimException>(() => Store.LoadAsync(claims, batchSize: 5));

        Assert.Equal(claims[7].Claim.ClaimId, e.ClaimId);
        Assert.Equal("patient.name", e.Field);
        Assert.DoesNotContain("Rahasia", e.Message);
        Assert.DoesNotContain(claims[7].Claim.Patient.Nik, e.Message);
        // The first batch of five was committed; the second, holding the bad claim, never reached the database.
        Assert.Equal(5, await Store.CountAsync());
    }

    [Fact]
    public async Task TextThatIsNotValidUnicodeIsRefusedRatherThanReplaced()
    {
        var claim = Fixtures.CombinedFraud();
        var bad = claim with { Claim = claim.Claim with { ClaimId = "CLM-SURROGATE", DoctorId = "DPJP-\uD800" } };

        var e = await Assert.ThrowsAsync<UnstorableClaimException>(() => Store.LoadAsync([bad]));

        Assert.Equal("doctor_id", e.Field);
        Assert.Equal(0, await Store.CountAsync());
    }

    [Fact]
    public async Task ProgressIsReportedAfterEachCommittedBatch()
    {
        var reported = new List<long>();

        var result = await Store.LoadAsync(RandomClaims.Stream(Seed, 250), batchSize: 100, progress: reported.Add);

        Assert.Equal(new long[] { 100, 200, 250 }, reported);
        Assert.Equal(250, result.Claims);
    }

    [Fact]
    public async Task LoadingFromAnAsyncStreamStoresEveryClaim()
    {
        static async IAsyncEnumerable<LabeledClaim> Produce()
        {
            foreach (var claim in RandomClaims.Stream(Seed + 2, 120))
            {
                await Task.Yield();
                yield return claim;
            }
        }

        var result = await Store.LoadAsync(Produce(), batchSize: 50);

        Assert.Equal(120, result.Claims);
        Assert.Equal(120, await Store.CountAsync());
    }
}
