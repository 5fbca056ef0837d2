using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Tests.Support;
using static ClaimFraud.Features.Tests.Support.Claims;

namespace ClaimFraud.Features.Tests;

/// <summary>
/// Every rule fires on a positive case and stays silent on a legitimate near-miss that differs only just. Each case
/// is the legitimate baseline claim with one fact changed, plus the earlier claims its history should hold.
/// </summary>
public class RuleTests
{
    private sealed record Case(Claim Claim, params Claim[] Earlier);

    private sealed record RuleCase(string Code, Func<Case> Positive, Func<Case> NearMiss);

    private static Claim Base => Legitimate();

    private static Claim OtherPatient(Claim c, int serial) =>
        c.WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.M, BirthDate, serial), BpjsNumber = $"{serial:D13}" })
         .WithSep(s => s with { BpjsNumber = $"{serial:D13}" });

    private static Claim Earlier(Claim c, string id, int daysBefore) => c with
    {
        ClaimId = id,
        AdmissionAt = c.AdmissionAt.AddDays(-daysBefore),
        DischargeAt = c.DischargeAt.AddDays(-daysBefore),
        Procedures = c.Procedures.Select(p => p with { At = p.At?.AddDays(-daysBefore) }).ToList(),
        LabTests = c.LabTests.Select(l => l with { At = l.At?.AddDays(-daysBefore) }).ToList(),
    };

    private static Claim TariffTimes(Claim c, double ratio) => c with { HospitalTariff = (long)Math.Round(c.InaCbg.Tariff * ratio) };

    private static readonly RuleCase[] Cases =
    [
        new(RuleCodes.TimelineSepAfterDischarge,
            () => new(Base.WithSep(s => s with { IssuedAt = At(6, 12) })),
            () => new(Base.WithSep(s => s with { IssuedAt = At(6, 10, 59) }))),
        new(RuleCodes.SepBpjsNumberMismatch,
            () => new(Base.WithSep(s => s with { BpjsNumber = "0009999999999" })),
            () => new(Base.WithSep(s => s with { BpjsNumber = null }))),
        new(RuleCodes.TimelineLabOutsideTreatment,
            () => new(Base with { LabTests = [new LabTest("Darah lengkap", At(7, 8))] }),
            () => new(Base with { LabTests = [new LabTest("Darah lengkap", At(3, 22)), new LabTest("Elektrolit", At(6, 23))] })),
        new(RuleCodes.TimelineProcedureOutsideTreatment,
            () => new(Base with { Procedures = [new Procedure("90.59", At(2, 10))] }),
            () => new(Base with { Procedures = [new Procedure("90.59", At(3, 21)), new Procedure("99.18", At(6, 20))] })),
        new(RuleCodes.ResumeDatesMismatch,
            () => new(Base.WithResume(r => r with { DischargeAt = At(8, 11) })),
            () => new(Base.WithResume(r => r with { DischargeAt = At(6, 15) }))),
        new(RuleCodes.PatientNameMismatch,
            () => new(Base.WithSep(s => s with { PatientName = "Budi Santoso bin Ahmad" })),
            () => new(Base.WithSep(s => s with { PatientName = "Tn. BUDI SANTOSO, S.Kom." }))),
        new(RuleCodes.NikInvalid,
            () => new(Base.WithPatient(p => p with { Nik = Nik.Encode("999999", Sex.M, BirthDate, 12) })),
            () => new(Base.WithPatient(p => p with { Nik = Nik.Encode("327301", Sex.M, BirthDate, 12) }))),
        new(RuleCodes.NikMismatch,
            () => new(Base.WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.F, BirthDate, 12) })),
            () => new(Base.WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.M, BirthDate, 9999) }))),
        new(RuleCodes.LosExtendedStay,
            () => new(Base with { DischargeAt = At(9, 11) }),
            () => new(Base with { DischargeAt = At(8, 11) })),
        new(RuleCodes.MedicalUpcodingSuspicion,
            () => new(Base with { Procedures = [.. Base.Procedures, new Procedure("47.09", At(5, 9))] }),
            () => new(Base with { Diagnoses = [.. Base.Diagnoses, new Diagnosis("K35.8", false)], Procedures = [.. Base.Procedures, new Procedure("47.09", At(5, 9))] })),
        new(RuleCodes.ClinicalProcedureMismatch,
            () => new(Base with { Procedures = [.. Base.Procedures, new Procedure("99.04", At(5, 9))] }),
            () => new(Base with { Diagnoses = [.. Base.Diagnoses, new Diagnosis("D64.9", false)], Procedures = [.. Base.Procedures, new Procedure("99.04", At(5, 9))] })),
        new(RuleCodes.ProceduresExcessive,
            () => new(Base with { Procedures = [.. Base.Procedures, new Procedure("38.93", At(4, 12)), new Procedure("90.59", At(5, 8))] }),
            () => new(Base with { Procedures = [.. Base.Procedures, new Procedure("38.93", At(4, 12))] })),
        new(RuleCodes.ClinicalDrugMismatch,
            () => new(Base with { Medications = [.. Base.Medications, new Medication { Name = "Meropenem", Form = "injection", Quantity = 3, UnitPrice = 100_000 }] }),
            () => new(Base with { Medications = [.. Base.Medications, new Medication { Name = "Cetirizine", Form = "tablet", Quantity = 3, UnitPrice = 300 }] })),
        new(RuleCodes.DrugQuantityInflated,
            () => new(Base with { Medications = [new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 75, UnitPrice = 300 }] }),
            () => new(Base with { Medications = [new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 36, UnitPrice = 300 }] })),
        new(RuleCodes.DrugPriceInflated,
            () => new(Base with { Medications = [new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 9, UnitPrice = 1000 }] }),
            () => new(Base with { Medications = [new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 9, UnitPrice = 900 }] })),
        new(RuleCodes.VitaminIrrelevant,
            () => new(Base with { Vitamins = [new Vitamin { Name = "Vitamin E", Dose = "400 IU", Quantity = 3, UnitPrice = 2000 }] }),
            () => new(Base with { Vitamins = [new Vitamin { Name = "Vitamin B complex", Dose = "1 tablet", Quantity = 3, UnitPrice = 200 }] })),
        new(RuleCodes.InaCbgSeverityUnsupported,
            () => new(Base with { InaCbg = new InaCbg("K-4-17-III", 2_851_600), HospitalTariff = 2_900_000 }),
            () => new(Base with { InaCbg = new InaCbg("K-4-17-III", 2_851_600), HospitalTariff = 2_900_000, Diagnoses = [.. Base.Diagnoses, new Diagnosis("E86", false)] })),
        new(RuleCodes.TariffExtremeOvercharging,
            () => new(TariffTimes(Base, 2.0)),
            () => new(TariffTimes(Base, 1.99))),
        new(RuleCodes.TariffOvercharging,
            () => new(TariffTimes(Base, 1.3)),
            () => new(TariffTimes(Base, 1.29))),
        new(RuleCodes.TariffHighDailyCost,
            // Billed exactly the claimed group's tariff, but the group is pneumonia's, twice what diarrhoea costs.
            () => new(Base with { InaCbg = new InaCbg("J-4-16-I", 2_666_700), HospitalTariff = 2_666_700 }),
            () => new(TariffTimes(Base, 1.95))),
        new(RuleCodes.InaCbgTariffMismatch,
            () => new(TariffTimes(Base with { InaCbg = new InaCbg("K-4-17-I", 1_944_300) }, 1.05)),
            () => new(TariffTimes(Base with { InaCbg = new InaCbg("K-4-17-I", 1_879_500) }, 1.05))),
        new(RuleCodes.InaCbgTariffHigherLevel,
            // Care class 3 on the claim, the class 2 tariff claimed, at a hospital whose other claims price at the catalog.
            () => new(Base with { InaCbg = Base.InaCbg with { Tariff = ClassTariff(2) } }, SameHospitalClaims(10)),
            () => new(Base with { InaCbg = Base.InaCbg with { Tariff = (long)(Base.InaCbg.Tariff * 1.1) } }, SameHospitalClaims(10))),
        new(RuleCodes.DuplicateClaim,
            () => new(Base with { ClaimId = "CLM-COPY-002" }, Base with { ClaimId = "CLM-COPY-001" }),
            () => new(Base, Earlier(Base with { ClaimId = "CLM-EARLIER" }, "CLM-EARLIER", 3))),
        new(RuleCodes.ReadmissionSameDiagnosis,
            () => new(Base, Earlier(Base, "CLM-PREV", 7)),
            () => new(Base, Earlier(Base, "CLM-PREV", 10))),
        new(RuleCodes.RoomClassAboveUsual,
            () => new(Base with { CareClass = 1 }, Earlier(Base, "CLM-P1", 60), Earlier(Base, "CLM-P2", 120)),
            () => new(Base with { CareClass = 1 }, Earlier(Base, "CLM-P1", 60))),
        new(RuleCodes.ClonedClaimSuspicion,
            () => new(Base, OtherPatient(Earlier(Base with { HospitalTariff = (long)(Base.HospitalTariff * 1.04) }, "CLM-OTHER", 5), 77)),
            () => new(Base, OtherPatient(Earlier(Base with { HospitalTariff = (long)(Base.HospitalTariff * 1.06) }, "CLM-OTHER", 5), 77))),
        new(RuleCodes.ProviderHighCostPattern,
            () => new(Base, HighCostClaims(20)),
            () => new(Base, HighCostClaims(19))),
    ];

    private static long ClassTariff(int careClass) => Catalog.Reference.InaCbg.Tariff(Base.InaCbg.Code, HospitalClass.C, Base.Hospital.TariffRegion, careClass)!.Value;

    /// <summary>Other patients' claims at the baseline's hospital in the weeks before, priced at the catalog.</summary>
    private static Claim[] SameHospitalClaims(int count) => Enumerable.Range(1, count)
        .Select(i => OtherPatient(Earlier(Base with { Procedures = [], Medications = [] }, $"CLM-HOSP-{i:D3}", 2 * i), 2000 + i))
        .ToArray();

    private static Claim[] HighCostClaims(int count) => Enumerable.Range(1, count)
        .Select(i => OtherPatient(Earlier(TariffTimes(Base, 1.5) with { Procedures = [] }, $"CLM-HC-{i:D3}", i), 1000 + i))
        .ToArray();

    public static TheoryData<string> Codes() => new(Cases.Select(c => c.Code));

    [Fact]
    public void EveryRuleInTheCatalogHasATestCase() =>
        Assert.Equal(RuleCatalog.All.Select(r => r.Code).Order(), Cases.Select(c => c.Code).Order());

    [Fact]
    public void TheBaselineClaimFiresNoRule() => Assert.Empty(Evaluate(new Case(Base)).Codes);

    [Theory]
    [MemberData(nameof(Codes))]
    public void RuleFiresOnItsPositiveCase(string code)
    {
        var rules = Evaluate(Cases.Single(c => c.Code == code).Positive());
        Assert.Contains(code, rules.Codes);
        var violation = rules.Violations.Single(v => v.Code == code);
        Assert.False(string.IsNullOrWhiteSpace(violation.Message));
        Assert.Contains(rules.Sections, s => s.Section == violation.Section && s.Reasons.Contains(code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void RuleStaysSilentOnItsNearMiss(string code) =>
        Assert.DoesNotContain(code, Evaluate(Cases.Single(c => c.Code == code).NearMiss()).Codes);

    [Fact]
    public void ACommonColdAdmittedForOneDayIsNotAnExtendedStayButThreeDaysIs()
    {
        var cold = Base with { Diagnoses = [new Diagnosis("J00", true)], Procedures = [], Medications = [], Vitamins = [], LabTests = [] };
        Assert.DoesNotContain(RuleCodes.LosExtendedStay, Evaluate(new(cold with { DischargeAt = At(4, 18) })).Codes);
        Assert.Contains(RuleCodes.LosExtendedStay, Evaluate(new(cold with { DischargeAt = At(6, 11) })).Codes);
    }

    [Fact]
    public void AComplicatedStayMayRunLongerBeforeItCountsAsExtended()
    {
        var severe = Base with { InaCbg = new InaCbg("K-4-17-III", 2_851_600), HospitalTariff = 2_900_000, Diagnoses = [.. Base.Diagnoses, new Diagnosis("E86", false)] };
        Assert.DoesNotContain(RuleCodes.LosExtendedStay, Evaluate(new(severe with { DischargeAt = At(11, 11) })).Codes); // 8 days ≤ ⌈5 × 1.5⌉
        Assert.Contains(RuleCodes.LosExtendedStay, Evaluate(new(severe with { DischargeAt = At(12, 11) })).Codes);        // 9 days
        Assert.Contains(RuleCodes.LosExtendedStay, Evaluate(new(Base with { DischargeAt = At(9, 11) })).Codes);           // 6 days at severity I
    }

    [Fact]
    public void ALongStayJustifiesRepeatedProcedures()
    {
        var four = new[] { new Procedure("90.59", At(4, 10)), new Procedure("99.18", At(4, 11)), new Procedure("38.93", At(4, 12)), new Procedure("90.59", At(6, 8)) };
        Assert.Contains(RuleCodes.ProceduresExcessive, Evaluate(new(Base with { Procedures = four })).Codes);
        // Six days are two typical A09 stays: the same four procedures are within what the diagnosis can justify.
        Assert.DoesNotContain(RuleCodes.ProceduresExcessive, Evaluate(new(Base with { Procedures = four, DischargeAt = At(9, 11) })).Codes);
    }

    [Fact]
    public void AKnownInappropriatePairIsExcusedByTheDiagnosisThatJustifiesIt()
    {
        var cold = Base with { Diagnoses = [new Diagnosis("J00", true)], Medications = [new Medication { Name = "Ceftriaxone", Form = "injection", Quantity = 3, UnitPrice = 20_000 }] };
        Assert.Contains(RuleCodes.ClinicalDrugMismatch, Evaluate(new(cold)).Codes);
        Assert.DoesNotContain(RuleCodes.ClinicalDrugMismatch, Evaluate(new(cold with { Diagnoses = [.. cold.Diagnoses, new Diagnosis("J18.9", false)] })).Codes);
    }

    [Fact]
    public void ATariffTableAboveTheCatalogIsALowFindingOnlyUnlessItIsAHigherLevelsTariff()
    {
        // The whole hospital prices 1.6 × the catalog: each claim shows the low finding, none is flagged for it.
        var table = Base with { InaCbg = Base.InaCbg with { Tariff = (long)(Base.InaCbg.Tariff * 1.6) }, HospitalTariff = (long)(Base.InaCbg.Tariff * 1.6) };
        var earlier = SameHospitalClaims(10).Select(c => c with { InaCbg = table.InaCbg, HospitalTariff = table.HospitalTariff }).ToArray();
        var rules = Evaluate(new(table, earlier));
        Assert.Contains(RuleCodes.InaCbgTariffMismatch, rules.Codes);
        Assert.DoesNotContain(RuleCodes.InaCbgTariffHigherLevel, rules.Codes);
        Assert.Equal(RuleSeverity.Low, RuleCatalog.Find(RuleCodes.InaCbgTariffMismatch)!.Severity);
        var features = Catalog.Evidence.Analyze(table, HistoryOf(earlier).Query(table)).Features;
        Assert.DoesNotContain(rules.Codes, c => RuleCatalog.Find(c)!.Severity >= RuleSeverity.Medium && c != RuleCodes.ClonedClaimSuspicion);

        // Against that level, the tariff of a higher severity of the group is the medium finding.
        var severity2 = Catalog.Reference.InaCbg.Tariff("K-4-17-II", HospitalClass.C, 1, 3)!.Value;
        var upcodedTariff = Base with { InaCbg = Base.InaCbg with { Tariff = (long)(severity2 * 1.6) } };
        Assert.Contains(RuleCodes.InaCbgTariffHigherLevel, Evaluate(new(upcodedTariff, earlier)).Codes);
        Assert.NotNull(features);
    }

    [Fact]
    public void RulesScoreIsTheCappedSumOfPoints()
    {
        var rules = Evaluate(new(TariffTimes(Base, 1.5).WithSep(s => s with { BpjsNumber = "0009999999999" })));
        Assert.Equal([RuleCodes.SepBpjsNumberMismatch, RuleCodes.TariffOvercharging], rules.Codes);
        Assert.Equal((40 + 20) / 100.0, rules.Score, 10);
        Assert.Equal(1.0, Evaluate(new(Fixtures.CombinedFraud())).Score);
    }

    [Fact]
    public void RuleCatalogListsDocumentedRulesInViolationOrder()
    {
        Assert.All(RuleCatalog.All, r =>
        {
            Assert.Matches("^[A-Z][A-Z0-9_]+$", r.Code);
            Assert.Contains(r.Section, ClaimSection.All);
            Assert.InRange(r.Points, 1, 100);
            Assert.False(string.IsNullOrWhiteSpace(r.DescriptionId));
            Assert.False(string.IsNullOrWhiteSpace(r.DescriptionEn));
            Assert.False(string.IsNullOrWhiteSpace(r.Threshold));
        });
        var severities = RuleCatalog.All.Select(r => (int)r.Severity).ToArray();
        Assert.Equal(severities.OrderDescending(), severities);
        var seed004 = new Dictionary<string, (string, int, string)>
        {
            [RuleCodes.TimelineSepAfterDischarge] = ("high", 40, "sep"),
            [RuleCodes.TimelineLabOutsideTreatment] = ("high", 30, "lab_tests"),
            [RuleCodes.PatientNameMismatch] = ("high", 50, "patient"),
            [RuleCodes.MedicalUpcodingSuspicion] = ("medium", 25, "procedures"),
            [RuleCodes.TariffExtremeOvercharging] = ("critical", 35, "tariff"),
            [RuleCodes.LosExtendedStay] = ("medium", 15, "admission"),
            [RuleCodes.ProceduresExcessive] = ("high", 20, "procedures"),
            [RuleCodes.TariffHighDailyCost] = ("high", 15, "tariff"),
        };
        foreach (var (code, expected) in seed004)
        {
            var r = RuleCatalog.Find(code)!;
            Assert.Equal(expected, (r.SeverityName, r.Points, r.Section));
        }
    }

    private static History.InMemoryClaimHistory HistoryOf(IEnumerable<Claim> earlier)
    {
        var history = Catalog.Evidence.CreateHistory();
        foreach (var e in earlier) history.Add(e);
        return history;
    }

    private static RuleEvaluation Evaluate(Case c) => Catalog.Evidence.Analyze(c.Claim, HistoryOf(c.Earlier).Query(c.Claim)).Rules;
}
