using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Synthetic.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class IdentityAndAddressTests(GeneratedDataset data)
{
    private bool IsIdentityFraud(LabeledClaim c) => c.Label!.Patterns.Contains(FraudPatterns.IdentityFraud);

    [Fact]
    public void EveryNikDecodesToARealDistrictAndAgreesWithSexAndBirthDateUnlessLabelledIdentityFraud()
    {
        int defaulted = 0, checkedClaims = 0;
        foreach (var item in data.Claims.Where(c => !IsIdentityFraud(c)))
        {
            checkedClaims++;
            var p = item.Claim.Patient;
            Assert.True(Nik.TryDecode(p.Nik, out var parts), $"{item.Claim.ClaimId}: NIK does not decode");
            Assert.NotNull(data.Catalog.Areas.FindDistrict(parts.DistrictCode));
            var born = parts.BirthDate(StayCalendar.JakartaDate(item.Claim.AdmissionAt))!.Value;
            if (Nik.AgreesWith(parts, p.Sex, p.BirthDate))
            {
                Assert.Equal(p.BirthDate, born);
                continue;
            }
            // A defaulted birth date on the claim (1 January or 1 July of the NIK's year) is a data-entry habit, not fraud.
            Assert.True(p.BirthDate.Year == born.Year && p.BirthDate.Day == 1 && p.BirthDate.Month is 1 or 7,
                $"{item.Claim.ClaimId}: NIK disagrees with sex or birth date");
            defaulted++;
        }
        Assert.InRange(defaulted / (double)checkedClaims, 0.001, 0.02);
    }

    [Fact]
    public void IdentityFraudLeavesAnInvalidOrMismatchedIdentity()
    {
        var claims = data.Fraudulent.Where(IsIdentityFraud).Select(c => c.Claim).ToList();
        Assert.NotEmpty(claims);
        foreach (var c in claims)
        {
            var p = c.Patient;
            bool broken = !Nik.TryDecode(p.Nik, out var parts)
                || data.Catalog.Areas.FindDistrict(parts.DistrictCode) is null
                || !Nik.AgreesWith(parts, p.Sex, p.BirthDate)
                || c.Documents?.Sep?.BpjsNumber is { } onSep && p.BpjsNumber is { } card && onSep != card;
            Assert.True(broken, $"{c.ClaimId} is labelled identity_fraud but its identity is consistent");
            Assert.True(Nik.IsSixteenDigits(p.Nik));
        }
    }

    [Fact]
    public void NiksAreUniquePerPatientAndSerialsStartAtOne()
    {
        var byNik = data.Claims.Where(c => !IsIdentityFraud(c)).GroupBy(c => c.Claim.Patient.Nik);
        foreach (var g in byNik)
        {
            Assert.Single(g.Select(c => c.Claim.Patient.Name).Distinct());
            // The card number is sometimes left off a claim, never replaced by another.
            Assert.True(g.Select(c => c.Claim.Patient.BpjsNumber).OfType<string>().Distinct().Count() <= 1, g.Key);
            Assert.True(int.Parse(g.Key[12..]) >= 1);
        }
    }

    [Fact]
    public void BpjsNumbersHaveThirteenDigitsAndBelongToOnePerson()
    {
        var withCard = data.Claims.Where(c => c.Claim.Patient.BpjsNumber is not null).ToList();
        Assert.InRange(withCard.Count, data.Claims.Count * 0.8, data.Claims.Count - 1);
        foreach (var g in withCard.GroupBy(c => c.Claim.Patient.BpjsNumber!))
        {
            Assert.Matches("^[0-9]{13}$", g.Key);
            Assert.Single(g.Select(c => (c.Claim.Patient.Name, c.Claim.Patient.Sex)).Distinct());
        }
    }

    [Fact]
    public void AddressesLieInTheNikDistrictOrForMovedPatientsInTheSameProvinceAndMatchTheCatalog()
    {
        var areas = data.Catalog.Areas;
        var villages = data.Catalog.Villages;
        int patients = 0, moved = 0;
        // Some extracts leave the address off; those that carry one must carry the real one.
        foreach (var c in data.Claims.Where(c => !IsIdentityFraud(c)).Select(c => c.Claim).Where(c => c.Patient.Address is not null).DistinctBy(c => c.Patient.Nik))
        {
            patients++;
            var a = c.Patient.Address!;
            var path = areas.FindPath(c.Patient.Nik[..6])!;
            Assert.Equal(path.Province.DisplayName, a.Province);
            bool home = a.District == path.District.Name && a.City == path.Regency.DisplayName;
            if (!home) moved++;

            // The address must name a real village of a real district of a real regency of that province, with its postal code.
            var regencies = areas.RegenciesIn(path.Province.Code).Where(r => r.DisplayName == a.City).ToList();
            Assert.NotEmpty(regencies);
            var districts = regencies.SelectMany(r => areas.DistrictsIn(r.Code)).Where(d => d.Name == a.District).ToList();
            Assert.NotEmpty(districts);
            Assert.Contains(districts.SelectMany(d => villages.InDistrict(d.Code)), v => v.Name == a.Village && v.PostalCode == a.PostalCode);
            Assert.False(string.IsNullOrWhiteSpace(a.Street));
        }
        double share = moved / (double)patients;
        Assert.InRange(share, 0.08, 0.25);
    }
}
