using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Synthetic.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class FraudPatternTests(GeneratedDataset data)
{
    private static DateOnly Day(DateTimeOffset t) => StayCalendar.JakartaDate(t);

    private static double Median(IEnumerable<double> xs)
    {
        var a = xs.Order().ToArray();
        return a[a.Length / 2];
    }

    private List<Claim> Labelled(string pattern)
    {
        var claims = data.WithPattern(pattern).ToList();
        Assert.True(claims.Count >= 15, $"only {claims.Count} claims carry {pattern}");
        return claims;
    }

    [Fact]
    public void TheFraudRateIsNearTheDefault()
    {
        double rate = data.Fraudulent.Count / (double)data.Claims.Count;
        Assert.InRange(rate, 0.13, 0.17);
    }

    [Fact]
    public void EveryPatternAppearsAndEveryLabelIsConsistent()
    {
        var seen = data.Fraudulent.SelectMany(c => c.Label!.Patterns).ToHashSet();
        foreach (var p in FraudPatterns.All) Assert.Contains(p.Name, seen);
        foreach (var c in data.Claims)
        {
            Assert.Equal(c.Label!.IsFraud, c.Label.Patterns.Count > 0);
            Assert.All(c.Label.Patterns, p => Assert.True(FraudPatterns.IsKnown(p), p));
            Assert.Equal(c.Label.Patterns.Count, c.Label.Patterns.Distinct().Count());
        }
        // Some claims combine several patterns, as the seed's combined case does.
        Assert.True(data.Fraudulent.Count(c => c.Label!.Patterns.Count >= 3) >= 10);
    }

    [Fact]
    public void SepAfterDischargeIsIssuedAfterTheDischarge() =>
        Assert.All(Labelled(FraudPatterns.SepAfterDischarge), c => Assert.True(c.Documents?.Sep?.IssuedAt > c.DischargeAt, c.ClaimId));

    [Fact]
    public void LabOutsideStayHasALabBeforeAdmissionOrAfterDischarge() =>
        Assert.All(Labelled(FraudPatterns.LabOutsideStay), c => Assert.Contains(c.LabTests, l => l.At < c.AdmissionAt || l.At > c.DischargeAt));

    [Fact]
    public void NameMismatchIsMoreThanADifferenceOfCaseOrTitleOnADocumentTheClaimCarries() =>
        Assert.All(Labelled(FraudPatterns.NameMismatch), c =>
        {
            var names = new[] { c.Documents?.Sep?.PatientName, c.Documents?.ResumeMedis?.PatientName }.OfType<string>().ToList();
            Assert.NotEmpty(names);
            Assert.Contains(names, n => !Names.Same(n, c.Patient.Name));
        });

    [Fact]
    public void ExtendedStayGoesBeyondTheDiagnosisMaximum() =>
        Assert.All(Labelled(FraudPatterns.ExtendedStay), c =>
            Assert.True(c.LosDays > data.Catalog.Clinical.FindDiagnosis(c.PrimaryDiagnosis!.Icd10)!.LosMax, c.ClaimId));

    [Fact]
    public void UpcodingClaimsAHigherSeverityThanTheEvidenceSupports()
    {
        var clinical = data.Catalog.Clinical;
        foreach (var c in Labelled(FraudPatterns.Upcoding))
        {
            var group = data.Catalog.InaCbg.FindGroup(c.InaCbg.Code)!;
            Assert.True(group.SeverityLevel >= 2, $"{c.ClaimId} codes {c.InaCbg.Code}");
            var profile = clinical.FindDiagnosis(c.PrimaryDiagnosis!.Icd10)!;
            bool majorOnMild = c.Procedures.Any(p => clinical.FindInappropriateProcedure(c.PrimaryDiagnosis.Icd10, p.Icd9Cm)
                .Any(pair => pair.Rule == "MEDICAL_UPCODING_SUSPICION"));
            bool weakEvidence = c.LosDays <= Math.Max(profile.LosTypical, profile.LosMin);
            Assert.True(majorOnMild || weakEvidence, $"{c.ClaimId}: LOS {c.LosDays} vs typical {profile.LosTypical}");
        }
    }

    [Fact]
    public void OverchargingAndHospitalFraudBillWellAboveLegitimateClaims()
    {
        double legit = Median(data.Legitimate.Select(LegitimateClaimTests.Ratio));
        double over = Median(Labelled(FraudPatterns.Overcharging).Select(LegitimateClaimTests.Ratio));
        var hospitalFraud = Labelled(FraudPatterns.HospitalFraud);
        Assert.True(over > legit * 1.3, $"overcharging median {over:F2} vs legitimate {legit:F2}");
        Assert.True(Median(hospitalFraud.Select(LegitimateClaimTests.Ratio)) > legit * 1.3);
        // Systematic: a few hospitals, each with a large share of its claims labelled.
        var bad = hospitalFraud.Select(c => c.Hospital.Code).Distinct().ToList();
        Assert.InRange(bad.Count, 1, 6);
        foreach (var code in bad)
        {
            var all = data.Claims.Where(c => c.Claim.Hospital.Code == code).ToList();
            Assert.True(all.Count(c => c.Label!.Patterns.Contains(FraudPatterns.HospitalFraud)) > all.Count / 5, $"hospital {code}");
        }
    }

    [Fact]
    public void ClinicalMismatchesComeFromTheCatalogPairs()
    {
        var clinical = data.Catalog.Clinical;
        List<string> Dx(Claim c) => c.Diagnoses.Select(d => d.Icd10).ToList();
        Assert.All(Labelled(FraudPatterns.InappropriateProcedure), c => Assert.Contains(c.Procedures,
            p => clinical.FindInappropriateProcedure(c.PrimaryDiagnosis!.Icd10, p.Icd9Cm).Any(pair => !pair.IsExemptedBy(Dx(c)))));
        Assert.All(Labelled(FraudPatterns.InappropriateDrug), c => Assert.Contains(c.Medications,
            m => clinical.FindInappropriateDrug(c.PrimaryDiagnosis!.Icd10, m.Name, m.Form).Any(pair => !pair.IsExemptedBy(Dx(c)))));
        Assert.All(Labelled(FraudPatterns.IrrelevantVitamin), c => Assert.Contains(c.Vitamins,
            v => !Dx(c).Any(d => clinical.IsExpectedVitamin(d, v.Name))));
    }

    [Fact]
    public void UnnecessaryProceduresAreNotCalledForByAnyDiagnosis()
    {
        var clinical = data.Catalog.Clinical;
        Assert.All(Labelled(FraudPatterns.UnnecessaryProcedures), c =>
            Assert.Contains(c.Procedures, p => !c.Diagnoses.Any(d => clinical.IsExpectedProcedure(d.Icd10, p.Icd9Cm))));
    }

    [Fact]
    public void InflatedDrugBillsExceedTheCatalogPriceOrWhatTheStayNeeds()
    {
        var clinical = data.Catalog.Clinical;
        bool Inflated(Claim c, Medication m)
        {
            var drug = clinical.FindDrug(m.Name, m.Form)!;
            if (m.UnitPrice > drug.UnitPriceMax) return true;
            var profile = clinical.FindDiagnosis(c.PrimaryDiagnosis!.Icd10)!;
            var row = profile.Drugs.FirstOrDefault(d => d.Drug == drug);
            double perDay = row?.DailyQuantity ?? drug.MaxQuantityPerDay;
            int days = row?.Days is { } given ? (c.CareType == CareType.Inpatient ? Math.Min(given, c.LosDays + 3) : given) : (c.CareType == CareType.Inpatient ? c.LosDays : 1);
            return m.Quantity > 1.4 * perDay * days;
        }
        var claims = Labelled(FraudPatterns.InflatedDrugBill);
        Assert.True(claims.Count(c => c.Medications.Any(m => Inflated(c, m))) >= claims.Count * 0.9);
    }

    [Fact]
    public void PhantomBillingLeavesResumeDatesOrProceduresOutsideTheStay() =>
        Assert.All(Labelled(FraudPatterns.PhantomBilling), c => Assert.True(
            c.Documents?.ResumeMedis is { } resume && (resume.AdmissionAt != c.AdmissionAt || resume.DischargeAt != c.DischargeAt)
            || c.Procedures.Any(p => p.At < c.AdmissionAt || p.At > c.DischargeAt), c.ClaimId));

    [Fact]
    public void RoomClassUpgradeBillsAboveTheClassOnThePatientsOtherClaimsOrClaimsABetterClassTariff()
    {
        var legitClass = data.Legitimate.GroupBy(c => c.Patient.Nik).ToDictionary(g => g.Key, g => g.First().CareClass);
        // The hospital's tariff-table factor per discharge year, from its legitimate claims.
        var factor = data.Legitimate.GroupBy(c => (c.Hospital.Code, StayCalendar.JakartaDate(c.DischargeAt).Year))
            .ToDictionary(g => g.Key, g => data.TableFactor(g.First()));
        var upgraded = Labelled(FraudPatterns.RoomClassUpgrade);
        Assert.All(upgraded, c => Assert.Equal(CareType.Inpatient, c.CareType));
        int openly = 0, byTariff = 0;
        foreach (var c in upgraded)
        {
            bool betterClass = legitClass.TryGetValue(c.Patient.Nik, out int usual) && c.CareClass < usual;
            bool betterTariff = factor.TryGetValue((c.Hospital.Code, StayCalendar.JakartaDate(c.DischargeAt).Year), out double f)
                && data.TableFactor(c) / f >= 1.15;
            if (betterTariff) byTariff++;
            else if (betterClass) openly++;
            else Assert.InRange(c.CareClass, 1, 2);
        }
        Assert.True(openly > 0 && byTariff > 0, $"openly {openly}, by tariff {byTariff}");
    }

    [Fact]
    public void UnbundlingAndReadmissionFollowAnEarlierStayOfTheSamePatientAndDiagnosis()
    {
        var all = data.Claims.Select(c => c.Claim).ToList();
        var byPatient = all.GroupBy(c => c.Patient.Nik).ToDictionary(g => g.Key, g => g.ToList());
        Claim? Earlier(Claim c, int maxDays) => byPatient[c.Patient.Nik].FirstOrDefault(e =>
            e.ClaimId != c.ClaimId && e.Hospital.Code == c.Hospital.Code && e.PrimaryDiagnosis!.Icd10 == c.PrimaryDiagnosis!.Icd10
            && e.DischargeAt <= c.AdmissionAt && Day(c.AdmissionAt).DayNumber - Day(e.DischargeAt).DayNumber <= maxDays);
        Assert.All(Labelled(FraudPatterns.Unbundling), c => Assert.NotNull(Earlier(c, 1)));
        Assert.All(Labelled(FraudPatterns.Readmission), c => Assert.NotNull(Earlier(c, 14)));
    }

    [Fact]
    public void RepeatBillingCopiesAnEarlierClaimOfTheSameStay()
    {
        var all = data.Claims.Select(c => c.Claim).ToList();
        foreach (var c in Labelled(FraudPatterns.RepeatBilling))
        {
            Assert.Contains(all, e => e.ClaimId != c.ClaimId && string.CompareOrdinal(e.ClaimId[^8..], c.ClaimId[^8..]) < 0
                && e.Patient.Nik == c.Patient.Nik && e.Hospital.Code == c.Hospital.Code
                && e.AdmissionAt == c.AdmissionAt && e.DischargeAt == c.DischargeAt);
        }
    }

    [Fact]
    public void ClonesCopyAnotherPatientsClaimAtTheSameHospital()
    {
        var all = data.Claims.Select(c => c.Claim).ToList();
        foreach (var c in Labelled(FraudPatterns.Cloning))
        {
            Assert.Contains(all, e => e.Patient.Nik != c.Patient.Nik && e.Hospital.Code == c.Hospital.Code
                && e.InaCbg.Code == c.InaCbg.Code && e.PrimaryDiagnosis!.Icd10 == c.PrimaryDiagnosis!.Icd10
                && e.Procedures.Select(p => p.Icd9Cm).SequenceEqual(c.Procedures.Select(p => p.Icd9Cm))
                && c.Medications.All(m => e.Medications.Contains(m)) && e.AdmissionAt < c.AdmissionAt);
        }
    }

    [Fact]
    public void PatternsAboutAPartArePlantedOnlyWhereTheClaimCarriesIt()
    {
        Assert.All(Labelled(FraudPatterns.LabOutsideStay), c => Assert.NotEmpty(c.LabTests));
        foreach (var pattern in new[] { FraudPatterns.InappropriateDrug, FraudPatterns.InflatedDrugBill, FraudPatterns.IrrelevantVitamin })
            Assert.All(Labelled(pattern), c => Assert.True(c.Medications.Count + c.Vitamins.Count > 0, $"{pattern} {c.ClaimId} lists no drug"));
        Assert.All(Labelled(FraudPatterns.SepAfterDischarge), c => Assert.NotNull(c.Documents?.Sep));
    }

    [Fact]
    public void PatternsComeInSeveralStrengths()
    {
        // Overcharging ratios spread from subtle to blatant rather than sitting on one multiplier.
        var ratios = Labelled(FraudPatterns.Overcharging).Select(LegitimateClaimTests.Ratio).Order().ToArray();
        Assert.True(ratios[ratios.Length / 10] < 1.4);
        Assert.True(ratios[ratios.Length * 9 / 10] > 2.0);
        var sepDelays = Labelled(FraudPatterns.SepAfterDischarge).Select(c => (c.Documents!.Sep!.IssuedAt!.Value - c.DischargeAt).TotalHours).Order().ToArray();
        Assert.True(sepDelays[0] < 12 && sepDelays[^1] > 48);
    }
}
