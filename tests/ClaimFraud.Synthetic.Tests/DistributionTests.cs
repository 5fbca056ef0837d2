using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Synthetic.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class DistributionTests(GeneratedDataset data)
{
    private static double Quantile(IEnumerable<double> xs, double q)
    {
        var a = xs.Order().ToArray();
        return a[(int)(q * (a.Length - 1))];
    }

    [Fact]
    public void SexIsAboutHalfAndHalf()
    {
        var patients = data.Claims.Select(c => c.Claim.Patient).DistinctBy(p => p.BpjsNumber).ToList();
        Assert.InRange(patients.Count(p => p.Sex == Sex.F) / (double)patients.Count, 0.45, 0.55);
    }

    [Fact]
    public void AgesRunFromNewbornsToTheElderly()
    {
        var ages = data.Claims.Select(c => (double)StayCalendar.AgeOn(c.Claim.Patient.BirthDate, StayCalendar.JakartaDate(c.Claim.AdmissionAt))).ToList();
        Assert.Equal(0, ages.Min());
        Assert.True(ages.Max() >= 85);
        Assert.InRange(Quantile(ages, 0.5), 30, 65);
        Assert.Contains(data.Claims, c => (StayCalendar.JakartaDate(c.Claim.AdmissionAt).DayNumber - c.Claim.Patient.BirthDate.DayNumber) <= 28);
    }

    [Fact]
    public void LengthsOfStayAndCareTypesAreSane()
    {
        var inpatient = data.Legitimate.Where(c => c.CareType == CareType.Inpatient).Select(c => (double)c.LosDays).ToList();
        Assert.InRange(inpatient.Count / (double)data.Legitimate.Count, 0.15, 0.5);
        Assert.InRange(Quantile(inpatient, 0.5), 2, 8);
        Assert.True(Quantile(inpatient, 0.99) <= 35);
    }

    [Fact]
    public void LegitimateBillsSitNearTheInaCbgTariff()
    {
        var ratios = data.Legitimate.Select(LegitimateClaimTests.Ratio).ToList();
        Assert.InRange(Quantile(ratios, 0.5), 0.9, 1.1);
        Assert.True(Quantile(ratios, 0.05) >= 0.7 && Quantile(ratios, 0.95) <= 1.3);
        Assert.True(ratios.Max() < 1.8);
    }

    [Fact]
    public void ManyLegitimateClaimsCarrySecondaryDiagnoses()
    {
        double share = data.Legitimate.Count(c => c.Diagnoses.Count > 1) / (double)data.Legitimate.Count;
        Assert.InRange(share, 0.2, 0.7);
        // The classic pair: diabetes with hypertension.
        Assert.Contains(data.Legitimate, c => c.PrimaryDiagnosis!.Icd10.StartsWith("E11", StringComparison.Ordinal) && c.Diagnoses.Any(d => d.Icd10 == "I10"));
    }

    [Fact]
    public void MostPatientsAreEntitledToClassThree()
    {
        var classes = data.Legitimate.DistinctBy(c => c.Patient.BpjsNumber).Select(c => c.CareClass).ToList();
        Assert.InRange(classes.Count(c => c == 3) / (double)classes.Count, 0.5, 0.7);
    }

    [Fact]
    public void ClaimsSpreadOverThePeriod()
    {
        var months = data.Claims.GroupBy(c => c.Claim.AdmissionAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(24, months.Count);
        Assert.All(months, m => Assert.InRange(m.Count(), 400, 1300));
    }
}
