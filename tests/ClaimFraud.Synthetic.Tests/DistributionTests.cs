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
        var patients = data.Claims.Select(c => c.Claim.Patient).DistinctBy(p => p.Nik).ToList();
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
    public void LegitimateBillsSitNearTheInaCbgTariffWithAThinTail()
    {
        var ratios = data.Legitimate.Select(LegitimateClaimTests.Ratio).ToList();
        Assert.InRange(Quantile(ratios, 0.5), 0.9, 1.1);
        Assert.True(ratios.Count(r => r is >= 0.7 and <= 1.3) >= 0.85 * ratios.Count);
        // The tail above 1.3 (costly care: operations, expensive drugs, long stays) is thin, never absent.
        Assert.InRange(ratios.Count(r => r > 1.3) / (double)ratios.Count, 0.02, 0.1);
        Assert.True(ratios.Max() < 2.6);
    }

    [Fact]
    public void InaCbgTariffsFollowEachHospitalsTariffTableNotTheCatalog()
    {
        var factors = data.Legitimate.GroupBy(c => (c.Hospital.Code, StayCalendar.JakartaDate(c.DischargeAt).Year))
            .Where(g => g.Count() >= 20)
            .Select(g =>
            {
                var f = g.Select(data.TableFactor).ToList();
                // One table per hospital and year: every claim's tariff is the catalog's times the same factor (to Rp 100).
                Assert.True(f.Max() / f.Min() < 1.01, $"{g.Key}: factors {f.Min():F4}–{f.Max():F4}");
                return f.Average();
            }).ToList();
        Assert.True(factors.Count >= 20);
        double mean = factors.Average(Math.Log);
        double sd = Math.Sqrt(factors.Average(f => Math.Pow(Math.Log(f) - mean, 2)));
        Assert.InRange(sd, 0.08, 0.35);
        Assert.InRange(Math.Exp(mean), 0.85, 1.15);
        Assert.True(data.Claims.Count(c => Math.Abs(data.TableFactor(c.Claim) - 1) < 0.005) < 0.05 * data.Claims.Count);
    }

    [Fact]
    public void SecondaryDiagnosesAreCommonAndMostInpatientStaysHaveThem()
    {
        double share = data.Legitimate.Count(c => c.Diagnoses.Count > 1) / (double)data.Legitimate.Count;
        Assert.InRange(share, 0.35, 0.7);
        var inpatient = data.Legitimate.Where(c => c.CareType == CareType.Inpatient).ToList();
        Assert.InRange(inpatient.Count(c => c.Diagnoses.Count > 1) / (double)inpatient.Count, 0.5, 0.9);
        // The classic pair: diabetes with hypertension.
        Assert.Contains(data.Legitimate, c => c.PrimaryDiagnosis!.Icd10.StartsWith("E11", StringComparison.Ordinal) && c.Diagnoses.Any(d => d.Icd10 == "I10"));
    }

    [Fact]
    public void OptionalPartsAreAbsentAtRealisticRatesAlikeForLegitimateAndFraudulentClaims()
    {
        var fraud = data.Fraudulent.Select(c => c.Claim).ToList();
        void Rate(string part, Func<Claim, bool> absent, double min, double max)
        {
            double legit = data.Legitimate.Count(absent) / (double)data.Legitimate.Count;
            double fraudulent = fraud.Count(absent) / (double)fraud.Count;
            Assert.True(legit >= min && legit <= max, $"{part} absent on {legit:P1} of legitimate claims, expected {min:P0}–{max:P0}");
            // Absence must not tell fraud apart: a pattern needing a part is chosen only where the record has it.
            Assert.True(Math.Abs(legit - fraudulent) < 0.05, $"{part} absent on {legit:P1} of legitimate but {fraudulent:P1} of fraudulent claims");
        }
        Rate("SEP", c => c.Documents?.Sep is null, 0.18, 0.32);
        Rate("resume", c => c.Documents?.ResumeMedis is null, 0.22, 0.38);
        Rate("both documents", c => c.Documents is null, 0.03, 0.15);
        Rate("drug lines", c => c.Medications.Count + c.Vitamins.Count == 0, 0.2, 0.45);
        Rate("lab lines", c => c.LabTests.Count == 0, 0.25, 0.6);
        Rate("address", c => c.Patient.Address is null, 0.05, 0.2);
        Rate("card number", c => c.Patient.BpjsNumber is null, 0.02, 0.15);
        Rate("doctor", c => c.DoctorId is null, 0.04, 0.18);
    }

    [Fact]
    public void MostPatientsAreEntitledToClassThree()
    {
        var classes = data.Legitimate.DistinctBy(c => c.Patient.Nik).Select(c => c.CareClass).ToList();
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
