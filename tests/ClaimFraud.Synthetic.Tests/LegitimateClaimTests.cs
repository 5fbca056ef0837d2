using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Synthetic.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class LegitimateClaimTests(GeneratedDataset data)
{
    private static bool Inside(DateTimeOffset? at, Claim c) => at is { } t && t >= c.AdmissionAt && t <= c.DischargeAt;

    [Fact]
    public void LegitimateDocumentsAgreeWithTheClaimButForRareClericalSlips()
    {
        int documents = 0, typos = 0, resumes = 0, dateSlips = 0;
        foreach (var c in data.Legitimate)
        {
            Assert.All(c.LabTests, l => Assert.True(Inside(l.At, c), $"{c.ClaimId}: lab {l.Name} at {l.At}"));
            Assert.All(c.Procedures, p => Assert.True(Inside(p.At, c), $"{c.ClaimId}: procedure {p.Icd9Cm} at {p.At}"));
            if (c.Documents?.Sep is { } sep)
            {
                documents++;
                Assert.True(sep.IssuedAt >= c.AdmissionAt && sep.IssuedAt < c.DischargeAt, $"{c.ClaimId}: SEP issued {sep.IssuedAt} outside {c.AdmissionAt}–{c.DischargeAt}");
                if (!Names.Same(sep.PatientName, c.Patient.Name))
                {
                    Assert.True(Names.OneTypoApart(sep.PatientName, c.Patient.Name), $"{c.ClaimId}: SEP name '{sep.PatientName}' vs '{c.Patient.Name}'");
                    typos++;
                }
                if (c.Patient.BpjsNumber is not null) Assert.Equal(c.Patient.BpjsNumber, sep.BpjsNumber);
            }
            if (c.Documents?.ResumeMedis is { } resume)
            {
                documents++;
                resumes++;
                if (!Names.Same(resume.PatientName, c.Patient.Name))
                {
                    Assert.True(Names.OneTypoApart(resume.PatientName, c.Patient.Name), $"{c.ClaimId}: resume name '{resume.PatientName}' vs '{c.Patient.Name}'");
                    typos++;
                }
                if (resume.AdmissionAt != c.AdmissionAt || resume.DischargeAt != c.DischargeAt)
                {
                    // A resume written the next morning, or counting the emergency-room evening: one day off, at one end.
                    bool slip = resume.AdmissionAt == c.AdmissionAt && resume.DischargeAt == c.DischargeAt.AddDays(1)
                        || resume.AdmissionAt == c.AdmissionAt.AddDays(-1) && resume.DischargeAt == c.DischargeAt;
                    Assert.True(slip, $"{c.ClaimId}: resume {resume.AdmissionAt}–{resume.DischargeAt} vs {c.AdmissionAt}–{c.DischargeAt}");
                    dateSlips++;
                }
            }
        }
        // Slips exist, as in real extracts, but they are rare.
        Assert.InRange(typos / (double)documents, 0.002, 0.03);
        Assert.InRange(dateSlips / (double)resumes, 0.005, 0.04);
    }

    [Fact]
    public void LegitimateClaimsFitTheirDiagnosis()
    {
        int admittedOutpatientDx = 0, longSevereStays = 0, slowRecoveries = 0;
        foreach (var c in data.Legitimate)
        {
            var profile = data.Catalog.Clinical.FindDiagnosis(c.PrimaryDiagnosis!.Icd10)!;
            int age = StayCalendar.AgeOn(c.Patient.BirthDate, StayCalendar.JakartaDate(c.AdmissionAt));
            Assert.True(profile.AllowsSex(c.Patient.Sex), $"{c.ClaimId}: {profile.Icd10} for sex {c.Patient.Sex}");
            Assert.True(profile.AllowsAge(age), $"{c.ClaimId}: {profile.Icd10} at age {age}");
            if (profile.UsualCare == CareSetting.Outpatient && c.CareType == CareType.Inpatient)
            {
                // A usually-outpatient complaint is admitted only for the frail or the very young, and briefly.
                Assert.True(age >= 64 || age <= 5, $"{c.ClaimId}: {profile.Icd10} admitted at age {age}");
                Assert.InRange(c.LosDays, 1, 3);
                admittedOutpatientDx++;
            }
            if (profile.UsualCare == CareSetting.Inpatient) Assert.Equal(CareType.Inpatient, c.CareType);
            if (c.CareType == CareType.Inpatient)
            {
                bool severe = c.InaCbg.Code.EndsWith("-III", StringComparison.Ordinal);
                int max = Math.Max(2, profile.LosMax);
                // Mild and moderate stays reach about 2.4 × the typical stay when recovery is slow (a long tail, not fraud).
                int slowest = (int)Math.Round(Math.Max(2, profile.LosTypical) * 2.4);
                int longest = severe ? (int)Math.Ceiling(max * 2.1) : profile.UsualCare == CareSetting.Outpatient ? 3 : Math.Max(profile.LosMax + profile.LosMax / 3 + 1, slowest);
                Assert.InRange(c.LosDays, 1, longest);
                if (severe && c.LosDays > profile.LosMax * 1.5) longSevereStays++;
                if (!severe && profile.UsualCare != CareSetting.Outpatient && c.LosDays > profile.LosMax) slowRecoveries++;
                Assert.StartsWith(profile.InaCbgInpatient + "-", c.InaCbg.Code);
            }
            else
            {
                Assert.Equal(profile.InaCbgOutpatient, c.InaCbg.Code);
                Assert.Equal(StayCalendar.JakartaDate(c.AdmissionAt), StayCalendar.JakartaDate(c.DischargeAt));
            }
            foreach (var d in c.Diagnoses.Where(d => !d.Primary))
            {
                var secondary = data.Catalog.Clinical.FindDiagnosis(d.Icd10)!;
                Assert.True(secondary.AllowsSex(c.Patient.Sex) && secondary.AllowsAge(age), $"{c.ClaimId}: secondary {d.Icd10}");
            }
            Assert.Equal(1, c.Diagnoses.Count(d => d.Primary));
            Assert.Equal(c.Diagnoses.Count, c.Diagnoses.Select(d => d.Icd10[..3]).Distinct().Count());
        }
        Assert.True(admittedOutpatientDx >= 10, $"only {admittedOutpatientDx} admissions of usually-outpatient diagnoses");
        Assert.True(longSevereStays >= 5, $"only {longSevereStays} long severity III stays");
        Assert.True(slowRecoveries >= 5, $"only {slowRecoveries} mild or moderate stays past the usual maximum");
    }

    [Fact]
    public void LegitimateClaimsNeverCarryAKnownInappropriatePair()
    {
        var clinical = data.Catalog.Clinical;
        foreach (var c in data.Legitimate)
        {
            var dx = c.Diagnoses.Select(d => d.Icd10).ToList();
            foreach (var d in dx)
            {
                Assert.DoesNotContain(c.Procedures.SelectMany(p => clinical.FindInappropriateProcedure(d, p.Icd9Cm)), pair => !pair.IsExemptedBy(dx));
                Assert.DoesNotContain(c.Medications.SelectMany(m => clinical.FindInappropriateDrug(d, m.Name, m.Form)), pair => !pair.IsExemptedBy(dx));
                Assert.DoesNotContain(c.Vitamins.SelectMany(v => clinical.FindInappropriateVitamin(d, v.Name, v.Dose)), pair => !pair.IsExemptedBy(dx));
            }
            foreach (var m in c.Medications)
            {
                var drug = clinical.FindDrug(m.Name, m.Form)!;
                Assert.InRange(m.UnitPrice, drug.UnitPriceMin, drug.UnitPriceMax);
                Assert.True(m.Quantity >= 1);
            }
            foreach (var v in c.Vitamins)
            {
                var vitamin = clinical.FindVitamin(v.Name, v.Dose)!;
                Assert.InRange(v.UnitPrice, vitamin.UnitPriceMin, vitamin.UnitPriceMax);
            }
            Assert.All(c.LabTests, l => Assert.Contains(dx, d => clinical.IsExpectedLab(d, l.Name)));
        }
    }

    [Fact]
    public void ItemsOffTheDiagnosisListsAreGeneralProceduresOrOccasionalOrdinaryExtras()
    {
        var clinical = data.Catalog.Clinical;
        int offListDrug = 0, offListVitamin = 0, extraProcedure = 0, withGeneral = 0, inpatient = 0;
        foreach (var c in data.Legitimate)
        {
            var dx = c.Diagnoses.Select(d => d.Icd10).ToList();
            var unexpected = c.Procedures.Where(p => !dx.Any(d => clinical.IsExpectedProcedure(d, p.Icd9Cm))).ToList();
            if (unexpected.Any(p => data.IsGeneral(p.Icd9Cm, dx))) withGeneral++;
            var extras = unexpected.Where(p => !data.IsGeneral(p.Icd9Cm, dx)).ToList();
            // Beyond the general list, only a scan (ICD-9-CM 87–88) is added: never an operation.
            Assert.All(extras, p => Assert.Matches("^8[78]\\.", p.Icd9Cm));
            if (extras.Count > 0) extraProcedure++;
            if (c.Medications.Any(m => !dx.Any(d => clinical.IsExpectedDrug(d, m.Name)))) offListDrug++;
            if (c.Vitamins.Any(v => !dx.Any(d => clinical.IsExpectedVitamin(d, v.Name)))) offListVitamin++;
            if (c.CareType == CareType.Inpatient) inpatient++;
        }
        double n = data.Legitimate.Count;
        Assert.InRange(withGeneral / n, 0.2, 0.7);
        Assert.InRange(extraProcedure / n, 0.01, 0.08);
        Assert.InRange(offListDrug / n, 0.04, 0.15);
        Assert.InRange(offListVitamin / n, 0.01, 0.08);
        Assert.True(inpatient > 0);
    }

    [Fact]
    public void LegitimateClaimsAreBilledAtThePatientsEntitledClass()
    {
        foreach (var g in data.Legitimate.GroupBy(c => c.Patient.Nik))
            Assert.Single(g.Select(c => c.CareClass).Distinct());
    }

    [Fact]
    public void LegitimateInpatientStaysOfOnePatientNeverOverlap()
    {
        foreach (var g in data.Legitimate.Where(c => c.CareType == CareType.Inpatient).GroupBy(c => c.Patient.Nik))
        {
            var stays = g.OrderBy(c => c.AdmissionAt).ToList();
            for (int i = 1; i < stays.Count; i++)
                Assert.True(stays[i].AdmissionAt >= stays[i - 1].DischargeAt, $"{stays[i].ClaimId} starts before {stays[i - 1].ClaimId} ends");
        }
    }

    [Fact]
    public void SomeLegitimateClaimsLookOddForGoodReasons()
    {
        var inpatient = data.Legitimate.Where(c => c.CareType == CareType.Inpatient).ToList();
        // Severe cases: severity III with longer stays and more procedures.
        var severe = inpatient.Where(c => c.InaCbg.Code.EndsWith("-III", StringComparison.Ordinal)).ToList();
        var mild = inpatient.Where(c => c.InaCbg.Code.EndsWith("-I", StringComparison.Ordinal)).ToList();
        Assert.True(severe.Count > 50);
        Assert.True(severe.Average(c => c.LosDays) > mild.Average(c => c.LosDays));
        Assert.True(severe.Average(c => c.Procedures.Count) > mild.Average(c => c.Procedures.Count));
        Assert.True(severe.Average(c => c.Diagnoses.Count) > mild.Average(c => c.Diagnoses.Count));
        // Elderly comorbid patients.
        Assert.Contains(data.Legitimate, c => c.Diagnoses.Count >= 3 && StayCalendar.AgeOn(c.Patient.BirthDate, StayCalendar.JakartaDate(c.AdmissionAt)) >= 65);
        // Larger (class A/B) hospitals bill above smaller ones on legitimate claims.
        var byClass = data.Legitimate.GroupBy(c => c.Hospital.Class).Where(g => g.Count() >= 200)
            .OrderBy(g => g.Key).Select(g => (Class: g.Key, Median: Median(g.Select(Ratio)))).ToList();
        Assert.True(byClass.Count >= 2, "the dataset should have hospitals of at least two classes");
        Assert.True(byClass[0].Median > byClass[^1].Median, $"class {byClass[0].Class} median {byClass[0].Median:F3} vs class {byClass[^1].Class} {byClass[^1].Median:F3}");
    }

    private static double Median(IEnumerable<double> xs)
    {
        var a = xs.Order().ToArray();
        return a[a.Length / 2];
    }

    [Fact]
    public void PatientsComeBackOverThePeriod()
    {
        var perPatient = data.Claims.GroupBy(c => c.Claim.Patient.Nik).Select(g => g.Count()).ToList();
        Assert.True(perPatient.Count(n => n >= 2) > perPatient.Count / 10);
        Assert.Contains(perPatient, n => n >= 6);
        // Chronic programmes: the same patient back with the same diagnosis about a month later.
        var returns = data.Legitimate.Where(c => c.PrimaryDiagnosis!.Icd10.StartsWith("N18", StringComparison.Ordinal) || c.PrimaryDiagnosis.Icd10.StartsWith("E11", StringComparison.Ordinal))
            .GroupBy(c => c.Patient.Nik).Where(g => g.Count() >= 3).ToList();
        Assert.NotEmpty(returns);
        // Legitimate readmissions within 30 days exist too.
        var inpatient = data.Legitimate.Where(c => c.CareType == CareType.Inpatient).GroupBy(c => c.Patient.Nik);
        Assert.Contains(inpatient, g => g.OrderBy(c => c.AdmissionAt).Zip(g.OrderBy(c => c.AdmissionAt).Skip(1)).Any(p => (p.Second.AdmissionAt - p.First.DischargeAt).TotalDays is > 0 and <= 30));
    }

    internal static double Ratio(Claim c) => c.HospitalTariff / (double)c.InaCbg.Tariff;
}
