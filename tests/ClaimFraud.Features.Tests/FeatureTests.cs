using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Tests.Support;
using static ClaimFraud.Features.Tests.Support.Claims;

namespace ClaimFraud.Features.Tests;

/// <summary>Individual features on claims other generators produce: unknown codes, other price levels, missing parts.</summary>
public class FeatureTests
{
    private static ClaimAnalysis Analyze(Claim c) => Catalog.Evidence.Analyze(c, HistorySnapshot.Empty);

    [Fact]
    public void AnUnknownDiagnosisGivesMissingClinicalScoresNotErrors()
    {
        var a = Analyze(Legitimate() with { Diagnoses = [new Diagnosis("Z99.9", true)] });

        Assert.True(float.IsNaN(a[FeatureId.TindakanValidityScore]));
        Assert.True(float.IsNaN(a[FeatureId.ObatValidityScore]));
        Assert.True(float.IsNaN(a[FeatureId.LosVsExpected]));
        Assert.True(float.IsNaN(a[FeatureId.DxSeverity]));
        Assert.Equal(21, a[FeatureId.Icd10Chapter]);
        Assert.Equal(2, a[FeatureId.NumProcedures]);
        Assert.Empty(a.Rules.Codes);
    }

    [Fact]
    public void APlaceholderCbgCodeFallsBackToTheClaimedTariff()
    {
        var c = Legitimate() with { InaCbg = new InaCbg("CBG-001", 1_000_000), HospitalTariff = 1_200_000 };
        var a = Analyze(c);

        Assert.True(float.IsNaN(a[FeatureId.CbgTariffVsHospitalLevel]));
        Assert.Equal(Math.Log(1.2), a[FeatureId.BiayaAnomalyScore], 5);
        Assert.Equal(0, a[FeatureId.InaCbgSeverity]);
        Assert.Equal(1.2, a[FeatureId.TariffRatio], 5);
    }

    [Fact]
    public void TariffsAtAnotherPriceLevelReadTheSameCostAnomaly()
    {
        var c = Legitimate() with { InaCbg = new InaCbg("J-4-16-I", 2_666_700), HospitalTariff = 3_000_000 };
        var cheaper = c with { InaCbg = c.InaCbg with { Tariff = 2_666_700 * 7 / 10 }, HospitalTariff = 3_000_000 * 7 / 10 };

        var (a, b) = (Analyze(c), Analyze(cheaper));

        Assert.Equal(a[FeatureId.BiayaAnomalyScore], b[FeatureId.BiayaAnomalyScore], 3);
        Assert.Equal(a[FeatureId.TariffPerDayVsExpected], b[FeatureId.TariffPerDayVsExpected], 3);
        Assert.Equal(a[FeatureId.TariffRatio], b[FeatureId.TariffRatio], 3);
    }

    /// <summary>Ten earlier claims of other patients at the claim's hospital, priced by the same table as the claim's tariff × <paramref name="factor"/>.</summary>
    private static InMemoryClaimHistory HospitalPricedAt(Claim claim, double factor, double billRatio = 1.05, int count = 10)
    {
        var history = Catalog.Evidence.CreateHistory();
        for (int i = 1; i <= count; i++)
            history.Add(claim.WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.M, BirthDate, 100 + i) }) with
            {
                ClaimId = $"CLM-EARLIER-{i:D3}",
                AdmissionAt = claim.AdmissionAt.AddDays(-3 * i),
                DischargeAt = claim.DischargeAt.AddDays(-3 * i),
                Procedures = [],
                Medications = [],
                InaCbg = claim.InaCbg with { Tariff = (long)Math.Round(claim.InaCbg.Tariff * factor) },
                HospitalTariff = (long)Math.Round(claim.InaCbg.Tariff * factor * billRatio),
            });
        return history;
    }

    [Fact]
    public void ATableWideTariffFactorReadsAsTheHospitalsUsualLevel()
    {
        // The hospital prices everything at 0.7 × the catalog: a claim priced like its others reads 1, not 0.7.
        var claim = Legitimate();
        var cheap = claim with { InaCbg = claim.InaCbg with { Tariff = (long)Math.Round(claim.InaCbg.Tariff * 0.7) }, HospitalTariff = (long)(claim.HospitalTariff * 0.7) };
        var history = HospitalPricedAt(claim, 0.7);
        var a = Catalog.Evidence.Analyze(cheap, history.Query(cheap));
        Assert.Equal(1, a[FeatureId.CbgTariffVsHospitalLevel], 2);
        Assert.DoesNotContain(Rules.RuleCodes.InaCbgTariffHigherLevel, a.Rules.Codes);
        // Without enough earlier claims the level is unknown.
        Assert.True(float.IsNaN(Catalog.Evidence.Analyze(cheap, HospitalPricedAt(claim, 0.7, count: 9).Query(cheap))[FeatureId.CbgTariffVsHospitalLevel]));
    }

    [Fact]
    public void TheBillIsAlsoReadAgainstHowTheHospitalUsuallyBills()
    {
        var claim = Legitimate();
        var history = HospitalPricedAt(claim, 1.0, billRatio: 1.2);
        var usual = claim with { HospitalTariff = (long)(claim.InaCbg.Tariff * 1.2) };
        var high = claim with { HospitalTariff = (long)(claim.InaCbg.Tariff * 1.5) };
        Assert.Equal(1, Catalog.Evidence.Analyze(usual, history.Query(usual))[FeatureId.TariffRatioVsHospital], 2);
        Assert.Equal(1.25, Catalog.Evidence.Analyze(high, history.Query(high))[FeatureId.TariffRatioVsHospital], 2);
        Assert.True(float.IsNaN(Analyze(high)[FeatureId.TariffRatioVsHospital]));
    }

    [Fact]
    public void GeneralProceduresFitAnyDiagnosisAndANebuliserFitsRespiratoryOnes()
    {
        var routine = Legitimate() with { Procedures = [.. Legitimate().Procedures, new Procedure("89.52", At(4, 9, 30)), new Procedure("87.44", At(4, 10)), new Procedure("89.7", At(4, 9, 15))] };
        var a = Analyze(routine);
        Assert.Equal(1, a[FeatureId.TindakanValidityScore]);
        Assert.Empty(a.Rules.Codes);

        var cold = Legitimate() with { Diagnoses = [new Diagnosis("J00", true)], Procedures = [new Procedure("93.94", At(4, 10)), new Procedure("38.93", At(4, 9, 30))], Medications = [], Vitamins = [], LabTests = [] };
        Assert.Equal(1, Analyze(cold)[FeatureId.TindakanValidityScore]);
        // For hypertension alone the nebuliser is no general procedure, and the catalog's pair still applies.
        var hypertension = cold with { Diagnoses = [new Diagnosis("I10", true)] };
        var h = Analyze(hypertension);
        Assert.Equal(0.5, h[FeatureId.TindakanValidityScore], 5);
        Assert.Contains(Rules.RuleCodes.ClinicalProcedureMismatch, h.Rules.Codes);
        Assert.Equal(0, h[FeatureId.NumMajorProcedures]); // 38.93 sits in an operative chapter but is the IV line
    }

    [Fact]
    public void MissingPartsAreStatedOutrightAsBinaryFeatures()
    {
        var full = Analyze(Legitimate());
        Assert.Equal([1f, 1f, 1f, 1f], [full[FeatureId.HasSep], full[FeatureId.HasResume], full[FeatureId.DrugsItemised], full[FeatureId.LabsItemised]]);
        var bare = Analyze(Legitimate() with { Medications = [], Vitamins = [], LabTests = [], Documents = new ClaimDocuments { ResumeMedis = Legitimate().Documents!.ResumeMedis } });
        Assert.Equal([0f, 1f, 0f, 0f], [bare[FeatureId.HasSep], bare[FeatureId.HasResume], bare[FeatureId.DrugsItemised], bare[FeatureId.LabsItemised]]);
        Assert.True(float.IsNaN(bare[FeatureId.SepHoursAfterAdmission]));
        var vitaminsOnly = Analyze(Legitimate() with { Medications = [] });
        Assert.Equal(1, vitaminsOnly[FeatureId.DrugsItemised]);
    }

    [Fact]
    public void HoursOutsideTheStayCountWhatTheCalendarRuleForgives()
    {
        // Discharged 6 March 11:00; a lab at 20:00 the same day is inside by calendar but nine hours after discharge.
        var late = Legitimate() with { LabTests = [new LabTest("Darah lengkap", At(6, 20))] };
        var a = Analyze(late);
        Assert.Equal(9, a[FeatureId.ItemsHoursOutsideStay], 3);
        Assert.Equal(0, a[FeatureId.LabsOutsideStay]);
        Assert.Equal(0, Analyze(Legitimate())[FeatureId.ItemsHoursOutsideStay]);
    }

    [Fact]
    public void DrugQuantitiesAreReadAgainstTheDiagnosissUsualQuantity()
    {
        var usual = Analyze(Legitimate())[FeatureId.MaxDrugQtyVsUsual];
        Assert.InRange(usual, 0.3, 2.0);
        var doubled = Legitimate() with { Medications = [.. Legitimate().Medications.Select(m => m with { Quantity = m.Quantity * 2 })] };
        Assert.Equal(2 * usual, Analyze(doubled)[FeatureId.MaxDrugQtyVsUsual], 4);
        // A drug no diagnosis of the claim lists has no usual quantity.
        var offList = Legitimate() with { Medications = [new Medication { Name = "Cetirizine", Form = "tablet", Quantity = 3, UnitPrice = 300 }] };
        Assert.True(float.IsNaN(Analyze(offList)[FeatureId.MaxDrugQtyVsUsual]));
    }

    [Fact]
    public void TheStayIsReadAgainstTheClaimedGroupsTypicalLength()
    {
        var mild = Analyze(Legitimate());
        var severe = Analyze(Legitimate() with { InaCbg = new InaCbg("K-4-17-III", 2_851_600), HospitalTariff = 2_900_000, Diagnoses = [.. Legitimate().Diagnoses, new Diagnosis("E86", false)] });
        var groups = Catalog.Reference.InaCbg;
        Assert.Equal(3.0 / groups.FindGroup("K-4-17-I")!.LosTypical, mild[FeatureId.LosVsGroupTypical], 5);
        Assert.Equal(3.0 / groups.FindGroup("K-4-17-III")!.LosTypical, severe[FeatureId.LosVsGroupTypical], 5);
        Assert.True(severe[FeatureId.LosVsGroupTypical] < mild[FeatureId.LosVsGroupTypical]);
    }

    [Fact]
    public void AnOutpatientVisitWithMultiDayDatesIsOneDay()
    {
        var a = Analyze(Legitimate() with { CareType = CareType.Outpatient, InaCbg = new InaCbg("Q-5-42-0", 152_200), HospitalTariff = 160_000 });
        Assert.Equal(1, a[FeatureId.LosDays]);
        Assert.Equal(0, a[FeatureId.CareType]);
        Assert.Equal(0, a[FeatureId.LosOverMax]);
        Assert.True(float.IsNaN(a[FeatureId.LosVsExpected]));
        Assert.DoesNotContain(Rules.RuleCodes.LosExtendedStay, a.Rules.Codes);
    }

    [Fact]
    public void NoListsAndNoDocumentsGiveNeutralScoresAndMissingDocumentFeatures()
    {
        var a = Analyze(Legitimate() with { Procedures = [], Medications = [], Vitamins = [], LabTests = [], Documents = null });

        Assert.Equal([1f, 1f, 1f], [a[FeatureId.TindakanValidityScore], a[FeatureId.ObatValidityScore], a[FeatureId.VitaminRelevanceScore]]);
        Assert.True(float.IsNaN(a[FeatureId.SepHoursAfterDischarge]));
        Assert.True(float.IsNaN(a[FeatureId.NameSimilarityMin]));
        Assert.True(float.IsNaN(a[FeatureId.ResumeDatesMismatch]));
        Assert.True(float.IsNaN(a[FeatureId.SepBpjsMismatch]));
        Assert.True(float.IsNaN(a[FeatureId.MaxDrugPriceRatio]));
        Assert.Equal(0, a[FeatureId.DrugCostTotal]);
        Assert.Empty(a.Rules.Codes);
    }

    [Theory]
    [InlineData("A09", "90.59", "Oralit")]
    [InlineData("A090", "9059", "ORS")]
    [InlineData("a09.0", " 90.59 ", "  oralit ")]
    public void CodesAndNamesMatchHoweverTheyAreWritten(string icd10, string icd9, string drug)
    {
        var c = Legitimate() with
        {
            Diagnoses = [new Diagnosis(icd10, true)],
            Procedures = [new Procedure(icd9, At(4, 10))],
            Medications = [new Medication { Name = drug, Form = "sachet", Quantity = 12, UnitPrice = 1000 }],
        };
        var a = Analyze(c);
        Assert.Equal(1, a[FeatureId.TindakanValidityScore]);
        Assert.Equal(1, a[FeatureId.ObatValidityScore]);
        Assert.Equal(0.4, a[FeatureId.MaxDrugQtyPerDayRatio], 5);
    }

    [Fact]
    public void ExtremeAmountsStayFinite()
    {
        var a = Analyze(Legitimate() with
        {
            InaCbg = new InaCbg("K-4-17-I", 1),
            HospitalTariff = long.MaxValue,
            Medications = [new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 100_000, UnitPrice = long.MaxValue }],
        });
        Assert.All(FeatureSchema.Current.Features, f => Assert.False(float.IsInfinity(a.Features[f.Index]), f.Name));
        Assert.Contains(Rules.RuleCodes.TariffExtremeOvercharging, a.Rules.Codes);
    }

    [Fact]
    public void RoutineOutpatientVisitsThatLookAlikeAreNotClones()
    {
        var visit = Legitimate() with
        {
            CareType = CareType.Outpatient, DischargeAt = At(4, 11), InaCbg = new InaCbg("Q-5-42-0", 152_200), HospitalTariff = 152_200,
            Procedures = [new Procedure("90.59", At(4, 10))], Medications = [new Medication { Name = "Oralit", Form = "sachet", Quantity = 6, UnitPrice = 1000 }],
        };
        var busierVisit = visit with { Medications = [.. visit.Medications, new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 9, UnitPrice = 300 }] };
        var stay = Legitimate();
        foreach (var (claim, expected) in new[] { (visit, 0f), (busierVisit, 1f), (stay, 1f) })
        {
            var history = Catalog.Evidence.CreateHistory();
            history.Add(claim.WithPatient(p => p with { Nik = Nik.Encode("317401", Sex.M, BirthDate, 4321) }) with
            {
                ClaimId = "CLM-OTHER-PATIENT",
                AdmissionAt = claim.AdmissionAt.AddDays(-2),
                DischargeAt = claim.DischargeAt.AddDays(-2),
            });
            Assert.Equal(expected, Catalog.Evidence.Analyze(claim, history.Query(claim))[FeatureId.CloneCount30d]);
        }
    }
}
