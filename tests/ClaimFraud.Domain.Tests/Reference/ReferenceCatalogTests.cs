using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Domain.Tests.Reference;

public class ReferenceCatalogTests
{
    private static ReferenceCatalog Catalog => ReferenceCatalog.Default;

    [Fact]
    public void TheDefaultCatalogIsFoundBesideTheTestAssembly()
    {
        if (Environment.GetEnvironmentVariable(ReferenceCatalog.DirectoryVariable) is null or "")
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "reference"), Catalog.Directory);
        foreach (var file in ReferenceFiles.All) Assert.True(File.Exists(Path.Combine(Catalog.Directory, file)), file);
    }

    [Fact]
    public void EveryCatalogLoadsWithTheRowCountsTheReadmeDocuments()
    {
        Assert.Equal(38, Catalog.Areas.Provinces.Count);
        Assert.Equal(514, Catalog.Areas.Regencies.Count);
        Assert.Equal(7_285, Catalog.Areas.Districts.Count);
        Assert.Equal(83_762, Catalog.Villages.All.Count);
        Assert.Equal(18_549, Catalog.Icd10.All.Count);
        Assert.Equal(5_475, Catalog.Icd9Cm.All.Count);
        Assert.Equal(2_925, Catalog.Hospitals.All.Count);
        Assert.Equal(38, Catalog.TariffRegions.All.Count);
        Assert.Equal(56, Catalog.Clinical.Diagnoses.Count);
        Assert.Equal(205, Catalog.Clinical.Diagnoses.Sum(d => d.Procedures.Count));
        Assert.Equal(332, Catalog.Clinical.Diagnoses.Sum(d => d.Drugs.Count));
        Assert.Equal(30, Catalog.Clinical.Diagnoses.Sum(d => d.Vitamins.Count));
        Assert.Equal(245, Catalog.Clinical.Diagnoses.Sum(d => d.Labs.Count));
        Assert.Equal(115, Catalog.Clinical.Drugs.Count);
        Assert.Equal(21, Catalog.Clinical.Vitamins.Count);
        Assert.Equal(42, Catalog.Clinical.LabTests.Count);
        Assert.Equal(33, Catalog.Clinical.InappropriatePairs.Count);
        Assert.Equal(133, Catalog.InaCbg.Groups.Count);
    }

    [Fact]
    public void TheCatalogsAgreeWithEachOther()
    {
        var problems = Catalog.Validate();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryCodeTheKnowledgeBaseUsesExistsInItsCatalog()
    {
        foreach (var dx in Catalog.Clinical.Diagnoses)
        {
            Assert.Equal(3, Catalog.Icd10.Find(dx.Icd10)?.Level);
            Assert.All(dx.CommonCodes, c => Assert.True(Catalog.Icd10.Find(c)?.IsLeaf, $"{dx.Icd10}: {c}"));
            Assert.All(dx.Procedures, p => Assert.True(Catalog.Icd9Cm.Find(p.Icd9Cm) is { IsValid: true, IsIndonesianModification: false }, $"{dx.Icd10}: {p.Icd9Cm}"));
            Assert.All(dx.Drugs, d => Assert.Same(d.Drug, Catalog.Clinical.FindDrug(d.Drug.Name, d.Drug.Form)));
            Assert.All(dx.Vitamins, v => Assert.Same(v.Vitamin, Catalog.Clinical.FindVitamin(v.Vitamin.Name, v.Vitamin.Dose)));
            Assert.All(dx.Labs, l => Assert.Same(l.Lab, Catalog.Clinical.FindLabTest(l.Lab.Name)));
        }
        foreach (var pair in Catalog.Clinical.InappropriatePairs)
        {
            Assert.NotNull(Catalog.Icd10.Find(pair.Icd10Prefix));
            Assert.All(pair.ExemptIfDiagnosis, e => Assert.NotNull(Catalog.Icd10.Find(e)));
            switch (pair.Kind)
            {
                case ItemKind.Procedure: Assert.NotEmpty(Catalog.Icd9Cm.Under(pair.Item)); break;
                case ItemKind.Drug: Assert.NotNull(Catalog.Clinical.FindDrug(pair.Item, pair.Detail)); break;
                case ItemKind.Vitamin: Assert.NotNull(Catalog.Clinical.FindVitamin(pair.Item, pair.Detail)); break;
            }
        }
    }

    [Fact]
    public void TheSeedsDiagnosesDrugsAndVitaminsAreAllInTheCatalogs()
    {
        foreach (var icd in new[] { "A09", "J06", "J00", "I10", "E11", "J45", "K29", "L03" }) Assert.NotNull(Catalog.Clinical.FindDiagnosis(icd));
        foreach (var drug in new[] { "Paracetamol", "Omeprazole", "ORS", "Oralit", "Amoxicillin", "Ceftriaxone", "Ranitidine" }) Assert.NotNull(Catalog.Clinical.FindDrug(drug));
        Assert.Equal("Oralit", Catalog.Clinical.CanonicalDrugName("ors"));
        Assert.NotNull(Catalog.Clinical.FindVitamin("Vitamin C", "1000 mg"));
        Assert.NotNull(Catalog.Clinical.FindVitamin("Vitamin B complex"));
        Assert.NotNull(Catalog.Clinical.FindVitamin("Vitamin D", "1000 IU"));
        Assert.NotNull(Catalog.Clinical.FindVitamin("Vitamin E"));
    }

    [Fact]
    public void EveryDiagnosisHasAnInpatientGroupWithTariffsForEveryClassRegionAndCareClass()
    {
        foreach (var dx in Catalog.Clinical.Diagnoses)
        {
            for (int severity = 1; severity <= 3; severity++)
            {
                string code = dx.InaCbgInpatientCode(severity);
                foreach (char h in "ABCD")
                    for (int region = 1; region <= 5; region++)
                        for (int care = 1; care <= 3; care++)
                            Assert.True(Catalog.Tariff(code, h, region, care) > 0, $"{dx.Icd10} {code} {h}/{region}/{care}");
            }
            Assert.NotNull(Catalog.InaCbg.FindGroup(dx.InaCbgOutpatient));
            Assert.NotNull(Catalog.Tariff(dx.InaCbgOutpatient, 'C', 1, 3));
        }
    }

    [Fact]
    public void TariffsRiseWithHospitalClassCareClassAndSeverity()
    {
        foreach (var group in Catalog.InaCbg.Groups)
        {
            for (int region = 1; region <= 5; region++)
            {
                for (int care = 1; care <= 3; care++)
                {
                    long a = Catalog.Tariff(group.Code, 'A', region, care)!.Value, b = Catalog.Tariff(group.Code, 'B', region, care)!.Value;
                    long c = Catalog.Tariff(group.Code, 'C', region, care)!.Value, d = Catalog.Tariff(group.Code, 'D', region, care)!.Value;
                    Assert.True(a >= b && b >= c && c >= d, $"{group.Code} region {region} care {care}: {a} {b} {c} {d}");
                }
                foreach (char h in "ABCD")
                {
                    long c1 = Catalog.Tariff(group.Code, h, region, 1)!.Value, c2 = Catalog.Tariff(group.Code, h, region, 2)!.Value, c3 = Catalog.Tariff(group.Code, h, region, 3)!.Value;
                    Assert.True(c1 >= c2 && c2 >= c3, $"{group.Code} {h}/{region}: {c1} {c2} {c3}");
                    if (!group.IsInpatient) Assert.True(c1 == c3, $"outpatient {group.Code} is flat across care class");
                }
            }
        }
        foreach (var inpatientBase in Catalog.InaCbg.Groups.Where(g => g.SeverityLevel == 1).Select(g => g.BaseCode))
        {
            var levels = Catalog.InaCbg.SeveritiesOf(inpatientBase);
            Assert.Equal([1, 2, 3], levels.Select(g => g.SeverityLevel));
            foreach (char h in "ABCD")
                for (int region = 1; region <= 5; region++)
                    for (int care = 1; care <= 3; care++)
                    {
                        long i = Catalog.Tariff(levels[0].Code, h, region, care)!.Value;
                        long ii = Catalog.Tariff(levels[1].Code, h, region, care)!.Value;
                        long iii = Catalog.Tariff(levels[2].Code, h, region, care)!.Value;
                        Assert.True(iii >= ii && ii >= i, $"{inpatientBase} {h}/{region}/{care}");
                    }
        }
    }

    [Fact]
    public void TheObservedBpjsPaidAmountsAreReproducedAtTheirAnchorCell()
    {
        // BPJS sample data 2022: one class C hospital in Papua (region 5), care class 3.
        Assert.Equal(1_490_600, Catalog.Tariff("K-4-17-I", 'C', 5, 3));
        Assert.Equal(2_218_100, Catalog.Tariff("A-4-14-I", 'C', 5, 3));
        Assert.Equal(327_000, Catalog.Tariff("J-3-13-0", 'C', 5, 3));
        Assert.Equal(195_000, Catalog.Tariff("Z-3-27-0", 'C', 5, 1));
        Assert.Equal("anchor_observed", Catalog.InaCbg.FindGroup("K-4-17-I")!.TariffBasis);
        Assert.Equal("approximation", Catalog.InaCbg.FindGroup("K-4-17-II")!.TariffBasis);
    }

    [Fact]
    public void TheContractsWorkedExampleTariffIsTheTableValueForItsCell()
    {
        Assert.Equal(3_200_000, Catalog.Tariff("J-4-16-I", 'B', 1, 3));
        Assert.Equal(3_200_000, Catalog.InaCbg.Tariff("j-4-16-i", HospitalClass.B, 1, 3));
        Assert.Equal("U-4-13", Catalog.Clinical.FindDiagnosis("J00")!.InaCbgInpatient);
    }

    [Fact]
    public void UnknownCodesAndCellsGiveNullInsteadOfThrowing()
    {
        Assert.Null(Catalog.Tariff("K-4-99-I", 'A', 1, 1));
        Assert.Null(Catalog.Tariff("not a code", 'A', 1, 1));
        Assert.Null(Catalog.Tariff(null, 'A', 1, 1));
        Assert.Null(Catalog.Tariff("K-4-17-I", 'E', 1, 1));
        Assert.Null(Catalog.Tariff("K-4-17-I", 'A', 6, 1));
        Assert.Null(Catalog.Tariff("K-4-17-I", 'A', 1, 0));
        Assert.False(Catalog.InaCbg.TryGetTariff("K-4-17-I", 'A', 0, 1, out _));
        Assert.Null(Catalog.Clinical.FindDiagnosis("Z99.9"));
        Assert.Null(Catalog.Clinical.FindDiagnosis("garbage"));
        Assert.Null(Catalog.Clinical.FindDrug("Unobtainium"));
        Assert.Null(Catalog.Clinical.FindDrug("Ceftriaxone", "tablet"));
        Assert.Null(Catalog.Clinical.FindVitamin("Vitamin C", "9999 mg"));
        Assert.Null(Catalog.Clinical.FindLabTest(""));
        Assert.Null(Catalog.Icd10.Find("Q99.99"));
        Assert.Null(Catalog.Icd9Cm.Find("12.345"));
        Assert.Null(Catalog.Areas.FindDistrict("999999"));
        Assert.Null(Catalog.Areas.FindPath(null));
        Assert.Null(Catalog.Hospitals.Find("nope"));
        Assert.Null(Catalog.TariffRegions.RegionOf("00"));
        Assert.False(Catalog.Clinical.IsExpectedDrug("A09", null));
        Assert.Empty(Catalog.Clinical.PairsFor("not icd"));
    }

    [Fact]
    public void TheNikDistrict317401ResolvesToJakartaSelatanInDkiJakarta()
    {
        var path = Catalog.Areas.FindPath("317401");
        Assert.NotNull(path);
        Assert.Equal("Tebet", path.District.Name);
        Assert.Equal("Kota Jakarta Selatan", path.Regency.DisplayName);
        Assert.Equal("DKI Jakarta", path.Province.DisplayName);
        Assert.Same(path.District, Catalog.Areas.FindDistrict("31.74.01"));
        Assert.Equal(1, Catalog.TariffRegions.RegionOf(path.Province.Code));
    }

    [Fact]
    public void EveryVillageOutsideTheNewPapuaProvincesHasAPostalCodeAfterTheFill()
    {
        var villages = Catalog.Villages;
        Assert.All(villages.All.Where(v => v.PostalCodeSource != PostalCodeSource.None), v => Assert.Matches("^[0-9]{5}$", v.PostalCode));
        var without = villages.All.Where(v => v.PostalCode is null).ToList();
        Assert.All(without, v => Assert.Contains(v.Code[..2], new[] { "93", "94", "95", "96" }));
        Assert.Equal(77_121, villages.Count(PostalCodeSource.Village));
        Assert.Equal(413, villages.Count(PostalCodeSource.District));
        Assert.Equal(690, villages.Count(PostalCodeSource.Regency));
        Assert.Equal(5_538, villages.Count(PostalCodeSource.None));
    }

    [Fact]
    public void TheContractExampleVillageHasItsRealPostalCode()
    {
        var bangka = Catalog.Villages.Find("3174031002");
        Assert.NotNull(bangka);
        Assert.Equal("Bangka", bangka.Name);
        Assert.Equal("12730", bangka.PostalCode);
        Assert.Equal("Mampang Prapatan", Catalog.Areas.FindDistrict(bangka.DistrictCode)!.Name);
        Assert.Contains(bangka, Catalog.Villages.InDistrict("317403"));
    }

    [Fact]
    public void TheSeedsFiveFraudCombinationsAreInappropriatePairs()
    {
        var clinical = Catalog.Clinical;
        Assert.Equal("CLINICAL_PROCEDURE_MISMATCH", Assert.Single(clinical.FindInappropriateProcedure("A09.9", "9904")).Rule);
        Assert.Equal("CLINICAL_DRUG_MISMATCH", Assert.Single(clinical.FindInappropriateDrug("J00", "ceftriaxone", "injeksi")).Rule);
        Assert.Single(clinical.FindInappropriateDrug("J06.9", "Seftriakson"));
        Assert.Equal("VITAMIN_IRRELEVANT", Assert.Single(clinical.FindInappropriateVitamin("K29.7", "Vitamin C", "1.000 mg")).Rule);
        Assert.Empty(clinical.FindInappropriateVitamin("K29.7", "Vitamin C", "50 mg"));
        Assert.Single(clinical.FindInappropriateProcedure("I10", "93.94"));
        Assert.Single(clinical.FindInappropriateDrug("J45.9", "Omeprazole"));
        Assert.Empty(clinical.FindInappropriateDrug("J45.9", "Salbutamol", "nebule"));
    }

    [Theory]
    [InlineData("J00", "47.0")]
    [InlineData("J00", "47.01")]
    [InlineData("J00", "47.09")]
    [InlineData("J00", "47.11")]
    [InlineData("J00", "47.19")]
    [InlineData("J00", "36.10")]
    [InlineData("L03.1", "36.10")]
    [InlineData("L03", "36.11")]
    [InlineData("L03", "36.19")]
    public void SeedFoursUpcodingPairsFlagAppendectomyAndBypassCodes(string icd10, string icd9cm)
    {
        var pair = Assert.Single(Catalog.Clinical.FindInappropriateProcedure(icd10, icd9cm));
        Assert.Equal("MEDICAL_UPCODING_SUSPICION", pair.Rule);
        Assert.Equal("seed 004", pair.Source);
    }

    [Fact]
    public void AnExemptingSecondaryDiagnosisJustifiesThePairedItem()
    {
        var pair = Assert.Single(Catalog.Clinical.FindInappropriateProcedure("A09", "99.04"));
        Assert.True(pair.IsExemptedBy(["A09.9", "D64.9"]));
        Assert.False(pair.IsExemptedBy(["A09.9", "J06.9"]));
    }

    [Fact]
    public void ExpectedItemsAreRecognisedThroughAliasesAndAnyCodeForm()
    {
        var clinical = Catalog.Clinical;
        Assert.True(clinical.IsExpectedDrug("A09.0", "ORS"));
        Assert.True(clinical.IsExpectedProcedure("B509", "9059"));
        Assert.True(clinical.IsExpectedVitamin("A15.0", "pyridoxine"));
        Assert.True(clinical.IsExpectedLab("A91", "DL"));
        Assert.False(clinical.IsExpectedDrug("J00", "Ceftriaxone"));
        Assert.False(clinical.IsExpectedProcedure("J00", "47.09"));
        Assert.Equal("Darah lengkap", clinical.FindLabTest("  darah LENGKAP ")!.Name);
    }

    [Fact]
    public void TheContractExampleItemsHaveCatalogPricesThatExposeTheInflatedCeftriaxone()
    {
        var ceftriaxone = Catalog.Clinical.FindDrug("Ceftriaxone", "injection")!;
        Assert.True(ceftriaxone.IsExpensive);
        Assert.True(45_000 > ceftriaxone.UnitPriceMax);
        var paracetamol = Catalog.Clinical.FindDrug("Paracetamol", "tablet")!;
        Assert.InRange(500, paracetamol.UnitPriceMin, paracetamol.UnitPriceMax);
        var vitaminC = Catalog.Clinical.FindVitamin("Vitamin C", "1000 mg")!;
        Assert.True(vitaminC.IsHighDose);
        Assert.InRange(2_500, vitaminC.UnitPriceMin, vitaminC.UnitPriceMax);
    }

    [Fact]
    public void DiagnosisProfilesCarryTheirRestrictionsAndGroups()
    {
        var delivery = Catalog.Clinical.FindDiagnosis("O80.9")!;
        Assert.Equal(Sex.F, delivery.Sex);
        Assert.False(delivery.AllowsSex(Sex.M));
        var cold = Catalog.Clinical.FindDiagnosis("J00")!;
        Assert.Equal(CareSetting.Outpatient, cold.UsualCare);
        Assert.Equal(1, cold.LosMax);
        var diarrhoea = Catalog.Clinical.FindDiagnosis("A090")!;
        Assert.Equal("K-4-17-II", diarrhoea.InaCbgInpatientCode(2));
        Assert.True(diarrhoea.Procedures.Count > 0 && diarrhoea.Drugs.Count > 0 && diarrhoea.Labs.Count > 0);
        Assert.All(Catalog.Clinical.Diagnoses, d => Assert.InRange(d.InpatientShare, 0, 1));
    }

    [Fact]
    public void EveryHospitalGetsATariffRegionAndTheUsualClassMapping()
    {
        Assert.All(Catalog.Hospitals.All, h => Assert.NotNull(Catalog.TariffRegions.RegionOf(h.ProvinceCode)));
        Assert.All(Catalog.Hospitals.All.Where(h => h.ClassLabel == "D PRATAMA"), h => Assert.Equal('D', h.TariffClass));
        Assert.All(Catalog.Hospitals.All.Where(h => h.ClassLabel == "Belum Ditetapkan"), h => Assert.Null(h.TariffClass));
        Assert.Equal(60, Catalog.Hospitals.All.Count(h => h.ClassLabel == "A"));
        Assert.NotEmpty(Catalog.Hospitals.InProvince("31"));
    }

    [Fact]
    public void Icd10AndIcd9CmLookupsAcceptEveryWrittenForm()
    {
        Assert.Same(Catalog.Icd10.Find("A09.0"), Catalog.Icd10.Find("a090"));
        Assert.Equal("A09", Catalog.Icd10.FindCategory("A09.9")!.Code);
        Assert.Equal(["A09.0", "A09.9"], Catalog.Icd10.LeavesIn("A09").Select(e => e.Code));
        Assert.Same(Catalog.Icd9Cm.Find("47.09"), Catalog.Icd9Cm.Find("4709"));
        Assert.False(Catalog.Icd9Cm.Find("47.0")!.IsValid);
        Assert.Equal(["36.1", "36.10", "36.100", "36.101", "36.11", "36.12", "36.13", "36.14", "36.15", "36.16", "36.17", "36.18", "36.19"],
            Catalog.Icd9Cm.Under("36.1").Select(e => e.Code).Order(StringComparer.Ordinal));
    }
}
