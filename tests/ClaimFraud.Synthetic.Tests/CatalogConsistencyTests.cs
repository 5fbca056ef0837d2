using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Synthetic.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class CatalogConsistencyTests(GeneratedDataset data)
{
    [Fact]
    public void TheDatasetHasTheRequestedSizeUniqueIdsAndAdmissionOrder()
    {
        Assert.Equal(GeneratedDataset.Count, data.Claims.Count);
        Assert.Equal(data.Claims.Count, data.Claims.Select(c => c.Claim.ClaimId).Distinct().Count());
        for (int i = 1; i < data.Claims.Count; i++)
            Assert.True(data.Claims[i - 1].Claim.AdmissionAt <= data.Claims[i].Claim.AdmissionAt, $"claim {i} is out of admission order");
        foreach (var c in data.Claims.Select(c => c.Claim))
        {
            var month = c.AdmissionAt.ToOffset(StayCalendar.JakartaOffset);
            Assert.Matches($"^CLM-{month.Year:D4}{month.Month:D2}-[0-9]{{8}}$", c.ClaimId);
        }
    }

    [Fact]
    public void EveryClaimPassesTheContractValidator()
    {
        var options = new ClaimValidationOptions { Clock = new FixedClock(data.AfterThePeriod) };
        foreach (var c in data.Claims)
        {
            var errors = ClaimValidator.Validate(c.Claim, options);
            Assert.True(errors.IsEmpty, $"{c.Claim.ClaimId}: {errors}");
        }
    }

    [Fact]
    public void ClaimsSurviveAJsonRoundTrip()
    {
        var options = new ClaimValidationOptions { Clock = new FixedClock(data.AfterThePeriod) };
        foreach (var c in data.Claims.Where((_, i) => i % 40 == 0))
        {
            string json = ClaimJson.Serialize(c.Claim, c.Label);
            var parsed = ClaimJson.Parse(json, options, requireLabel: true);
            Assert.True(parsed.IsValid, parsed.Errors.ToString());
            Assert.Equal(json, ClaimJson.Serialize(parsed.Claim!, parsed.Label));
        }
    }

    [Fact]
    public void EveryCodeAndNameExistsInTheCatalogs()
    {
        var k = data.Catalog;
        foreach (var c in data.Claims.Select(c => c.Claim))
        {
            foreach (var d in c.Diagnoses)
            {
                Assert.True(k.Icd10.Find(d.Icd10) is { IsLeaf: true }, $"{c.ClaimId}: {d.Icd10} is not a leaf ICD-10 code");
                Assert.NotNull(k.Clinical.FindDiagnosis(d.Icd10));
            }
            foreach (var p in c.Procedures)
                Assert.True(k.Icd9Cm.Find(p.Icd9Cm) is { IsValid: true, IsIndonesianModification: false }, $"{c.ClaimId}: procedure {p.Icd9Cm}");
            foreach (var m in c.Medications)
                Assert.True(k.Clinical.FindDrug(m.Name, m.Form) is not null, $"{c.ClaimId}: drug {m.Name} ({m.Form})");
            foreach (var v in c.Vitamins)
                Assert.True(k.Clinical.FindVitamin(v.Name, v.Dose) is not null, $"{c.ClaimId}: vitamin {v.Name} {v.Dose}");
            foreach (var l in c.LabTests)
                Assert.NotNull(k.Clinical.FindLabTest(l.Name));
            Assert.NotNull(k.InaCbg.FindGroup(c.InaCbg.Code));
        }
    }

    [Fact]
    public void EveryClaimCarriesItsHospitalsTableTariffForItsGroupHospitalClassRegionAndCareClass()
    {
        // A hospital's claims of one discharge year all price by one table: the catalog tariff of the code and cell
        // times one factor, to Rp 100. (A room-class upgrade may claim a better class's tariff: left out here.)
        var claims = data.Claims.Where(c => !c.Label!.Patterns.Contains(FraudPatterns.RoomClassUpgrade)).Select(c => c.Claim);
        foreach (var g in claims.GroupBy(c => (c.Hospital.Code, StayCalendar.JakartaDate(c.DischargeAt).Year)))
        {
            var factor = data.TableFactor(g.First());
            foreach (var c in g)
            {
                long? catalog = data.Catalog.InaCbg.Tariff(c.InaCbg.Code, c.Hospital.Class, c.Hospital.TariffRegion, c.CareClass);
                Assert.NotNull(catalog);
                Assert.True(Math.Abs(c.InaCbg.Tariff - catalog!.Value * factor) <= 100 + catalog.Value * 0.001,
                    $"{c.ClaimId}: {c.InaCbg.Code} {c.InaCbg.Tariff} vs {catalog} × {factor:F4}");
                Assert.Equal(0, c.InaCbg.Tariff % 100);
                Assert.Equal(c.CareType == CareType.Inpatient, data.Catalog.InaCbg.FindGroup(c.InaCbg.Code)!.IsInpatient);
            }
        }
    }

    [Fact]
    public void HospitalsHaveUniqueProviderCodesFromTheirRegencyAndAConsistentClassAndRegion()
    {
        var byCode = data.Claims.Select(c => c.Claim.Hospital).GroupBy(h => h.Code).ToList();
        Assert.InRange(byCode.Count, 20, data.Options.Hospitals);
        foreach (var g in byCode)
        {
            Assert.Matches("^[0-9]{4}R[0-9]{3}$", g.Key);
            var h = Assert.Single(g.Distinct());
            var regency = data.Catalog.Areas.FindRegency(g.Key[..4]);
            Assert.NotNull(regency);
            Assert.Equal(data.Catalog.TariffRegions.RegionOf(regency!.ProvinceCode), h.TariffRegion);
        }
    }

    [Fact]
    public void EachDoctorWorksAtOneHospital()
    {
        foreach (var g in data.Claims.Select(c => c.Claim).Where(c => c.DoctorId is not null).GroupBy(c => c.DoctorId!))
        {
            Assert.Matches("^DPJP-[0-9]{4,}$", g.Key);
            Assert.Single(g.Select(c => c.Hospital.Code).Distinct());
        }
    }

    [Fact]
    public void SepNumbersCarryTheProviderCodeAndTheIssueMonth()
    {
        foreach (var c in data.Claims.Select(c => c.Claim).Where(c => c.Documents?.Sep is not null))
        {
            var sep = c.Documents!.Sep!;
            var issued = sep.IssuedAt!.Value.ToOffset(StayCalendar.JakartaOffset);
            Assert.Matches("^[0-9]{4}R[0-9]{3}[0-9]{4}V[0-9]{6}$", sep.Number);
            Assert.StartsWith(c.Hospital.Code, sep.Number);
            Assert.Equal($"{issued.Month:D2}{issued.Year % 100:D2}", sep.Number!.Substring(8, 4));
        }
        // A reused SEP number only ever comes from repeat billing.
        foreach (var g in data.Claims.Where(c => c.Claim.Documents?.Sep is not null).GroupBy(c => c.Claim.Documents!.Sep!.Number).Where(g => g.Count() > 1))
            Assert.Contains(g, c => c.Label!.Patterns.Contains(FraudPatterns.RepeatBilling));
    }
}
