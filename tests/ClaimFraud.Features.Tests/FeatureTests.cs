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

        Assert.True(float.IsNaN(a[FeatureId.CbgTariffVsCatalog]));
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
        Assert.NotEqual(a[FeatureId.CbgTariffVsCatalog], b[FeatureId.CbgTariffVsCatalog]);
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
