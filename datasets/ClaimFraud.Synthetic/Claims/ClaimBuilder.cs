using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.People;
using ClaimFraud.Synthetic.Providers;
using ClaimFraud.Synthetic.Randomness;
using Hospital = ClaimFraud.Synthetic.Providers.Hospital;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>
/// Draws the legitimate content of a claim from the knowledge base: diagnosis by frequency within the patient's
/// sex and age, care type and LOS that fit it, comorbidities, procedures, drugs, vitamins and labs inside the
/// stay, the INA-CBG group at a severity the evidence supports, a bill near the tariff, and documents that agree.
/// </summary>
internal sealed class ClaimBuilder
{
    private static readonly TimeSpan Jakarta = StayCalendar.JakartaOffset;
    private readonly GeneratorKnowledge _k;
    private readonly DiagnosisModel[] _fallbackComorbidities;

    public ClaimBuilder(GeneratorKnowledge knowledge)
    {
        _k = knowledge;
        var fallback = new List<DiagnosisModel>();
        foreach (var code in new[] { "I10", "E11", "D64", "E86" })
            if (knowledge.Find(code) is { } d) fallback.Add(d);
        _fallbackComorbidities = [.. fallback];
    }

    public static DateTimeOffset At(DateOnly day, int minuteOfDay) =>
        new(day.Year, day.Month, day.Day, minuteOfDay / 60, minuteOfDay % 60, 0, Jakarta);

    public static int AgeOn(Patient p, DateOnly day) => Math.Clamp(StayCalendar.AgeOn(p.BirthDate, day), 0, GeneratorKnowledge.MaxAge);

    /// <summary>A diagnosis by frequency among those the patient's sex and age allow; null if none (never for real tables).</summary>
    public DiagnosisModel? PickDiagnosis(Patient patient, DateOnly day, Rng rng, bool requireInpatient = false)
    {
        var tables = (requireInpatient ? _k.CumulativeInpatientWeights : _k.CumulativeWeights)[(int)patient.Sex];
        // The catalog's age limits stop at 90–95: the very old take the diagnoses of the oldest age that has some.
        int age = AgeOn(patient, day);
        while (age > 0 && tables[age][^1] <= 0) age--;
        var cumulative = tables[age];
        double total = cumulative[^1];
        if (total <= 0) return requireInpatient ? PickDiagnosis(patient, day, rng) : null;
        double x = Math.Max(double.Epsilon, rng.NextDouble() * total);
        int i = Array.BinarySearch(cumulative, x);
        if (i < 0) i = ~i;
        // Equal cumulative values belong to diagnoses without weight here; step back to the one that owns the mass.
        while (i > 0 && cumulative[i - 1] == cumulative[i]) i--;
        return _k.Diagnoses[Math.Min(i, _k.Diagnoses.Length - 1)];
    }

    public ClaimDraft Build(ClaimPlan plan, Rng rng)
    {
        var patient = plan.Patient;
        var hospital = plan.Hospital;
        var dx = plan.Diagnosis ?? PickDiagnosis(patient, plan.Day, rng, plan.RequireInpatient)
            ?? throw new InvalidOperationException("No diagnosis fits the patient.");
        int age = AgeOn(patient, plan.Day);

        var care = plan.CareType
            ?? (plan.RequireInpatient || plan.ForceInpatient || rng.NextDouble() < dx.Profile.InpatientShare ? CareType.Inpatient : CareType.Outpatient);
        bool inpatient = care == CareType.Inpatient;
        int severity = inpatient ? plan.EvidenceSeverity ?? DrawSeverity(dx.Profile.Severity, age, rng) : 0;
        int los = inpatient ? plan.Los ?? DrawLos(dx, severity, rng) : 1;

        var admission = plan.AdmissionAt ?? At(plan.Day, inpatient ? InpatientMinute(rng) : OutpatientMinute(rng));
        var discharge = Discharge(admission, care, los, rng);

        var draft = new ClaimDraft
        {
            Patient = patient,
            PatientInfo = patient.Info,
            Hospital = hospital,
            DoctorIndex = plan.DoctorIndex ?? DoctorGenerator.Pick(hospital.DoctorWeights, rng),
            Diagnosis = dx,
            DiagnosisCode = plan.DiagnosisCode ?? rng.Pick(dx.Codes),
            CareType = care,
            CareClass = plan.CareClass ?? patient.Entitlement,
            AdmissionAt = admission,
            DischargeAt = discharge,
            Los = los,
            EvidenceSeverity = severity,
            ClaimedSeverity = severity,
            SepIssuedAt = SepTime(admission, discharge, inpatient, rng),
            SepName = rng.Chance(0.4) ? patient.Name.ToUpperInvariant() : patient.Name,
            SepBpjsNumber = patient.Info.BpjsNumber,
            ResumeName = rng.Chance(0.1) ? Title(patient, age) + " " + patient.Name : patient.Name,
            ResumeAdmissionAt = admission,
            ResumeDischargeAt = discharge,
            Kind = plan.Kind,
        };

        AddSecondaries(draft, plan, age, rng);
        double intensity = !inpatient ? 1.0 : severity switch { 1 => 0.9, 2 => 1.1, _ => 1.3 };
        AddProcedures(draft, inpatient ? dx.InpatientProcedures : dx.OutpatientProcedures, intensity, rng);
        AddDrugs(draft, inpatient ? dx.InpatientDrugs : dx.OutpatientDrugs, age, rng);
        AddVitamins(draft, inpatient ? dx.InpatientVitamins : dx.OutpatientVitamins, rng);
        AddLabs(draft, dx.Labs, intensity, rng);

        // Legitimate bills sit near the tariff: the hospital's markup times per-claim noise; severe cases run a little higher.
        draft.Ratio = hospital.Markup * Math.Exp(rng.Normal(0, 0.11)) * (severity == 3 ? 1.04 : 1.0);
        return draft;
    }

    private static int DrawSeverity(ClinicalSeverity clinical, int age, Rng rng)
    {
        double u = rng.NextDouble();
        // Elderly patients carry more comorbidity, so higher severity levels are more common for them.
        if (age >= 65) u = Math.Min(0.999, u + 0.1);
        return clinical switch
        {
            ClinicalSeverity.Mild => u < 0.85 ? 1 : u < 0.98 ? 2 : 3,
            ClinicalSeverity.Moderate => u < 0.65 ? 1 : u < 0.93 ? 2 : 3,
            _ => u < 0.42 ? 1 : u < 0.78 ? 2 : 3,
        };
    }

    /// <summary>LOS (inclusive days) by severity: mild cases around the typical stay, severe ones toward and past the usual maximum.</summary>
    public static int DrawLos(DiagnosisModel dx, int severity, Rng rng)
    {
        var p = dx.Profile;
        int min = Math.Max(1, p.LosMin), typ = Math.Max(min, p.LosTypical), max = Math.Max(typ, p.LosMax);
        if (!dx.CanBeInpatient) { min = 2; typ = 3; max = 4; }
        double los = severity switch
        {
            1 => Triangular(rng, min - 0.49, typ, max + 0.49),
            2 => Triangular(rng, typ - 0.49, (typ + max) / 2.0, max + 0.49),
            _ => Triangular(rng, typ - 0.49, max, max + max / 3.0 + 0.49),
        };
        return Math.Max(1, (int)Math.Round(los));
    }

    private static double Triangular(Rng rng, double a, double c, double b)
    {
        if (b <= a) return a;
        c = Math.Clamp(c, a, b);
        double u = rng.NextDouble(), f = (c - a) / (b - a);
        return u < f ? a + Math.Sqrt(u * (b - a) * (c - a)) : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
    }

    /// <summary>Inpatient admissions: planned ones in the morning, emergency ones around the clock with an evening peak.</summary>
    private static int InpatientMinute(Rng rng)
    {
        if (rng.Chance(0.55)) return rng.Between(7 * 60, 13 * 60);
        double h = rng.Chance(0.6) ? rng.Normal(19, 3) : rng.Uniform(0, 24);
        return ((int)(h * 60) % 1440 + 1440) % 1440;
    }

    private static int OutpatientMinute(Rng rng) => rng.Between(7 * 60, 14 * 60 + 30);

    private static DateTimeOffset Discharge(DateTimeOffset admission, CareType care, int los, Rng rng)
    {
        int admitMinute = admission.Hour * 60 + admission.Minute;
        if (care == CareType.Outpatient || los == 1)
        {
            // Same calendar day: an outpatient visit of half an hour to a few hours, or a one-day stay.
            int span = care == CareType.Outpatient ? rng.Between(20, 240) : rng.Between(180, 720);
            int latest = 23 * 60 + 55 - admitMinute;
            return admission.AddMinutes(Math.Max(1, Math.Min(span, latest)));
        }
        var day = DateOnly.FromDateTime(admission.DateTime).AddDays(los - 1);
        return At(day, rng.Between(8 * 60, 17 * 60 + 30));
    }

    /// <summary>The SEP is issued at registration: minutes after admission, for night emergencies sometimes the next morning; always before discharge.</summary>
    private static DateTimeOffset SepTime(DateTimeOffset admission, DateTimeOffset discharge, bool inpatient, Rng rng)
    {
        double minutes = 3 + rng.Exponential(35);
        if (inpatient && (admission.Hour >= 21 || admission.Hour < 5) && rng.Chance(0.3))
            minutes = (admission.Hour >= 21 ? 24 * 60 - admission.Hour * 60 - admission.Minute : -admission.Hour * 60 - admission.Minute) + rng.Between(7 * 60 + 30, 10 * 60);
        var span = (discharge - admission).TotalMinutes;
        minutes = Math.Min(minutes, span * (inpatient ? 0.8 : 0.5));
        return admission.AddMinutes(Math.Max(0, Math.Floor(minutes)));
    }

    private static string Title(Patient p, int age) =>
        age < 15 ? "An." : p.Sex == Sex.M ? "Tn." : age < 22 ? "Nn." : "Ny.";

    private void AddSecondaries(ClaimDraft draft, ClaimPlan plan, int age, Rng rng)
    {
        if (plan.NoSecondaryDiagnoses) return;
        if (plan.Secondaries is { } carried)
        {
            foreach (var s in carried)
                if (s.Allows(draft.Patient.Sex, age)) AddSecondary(draft, s, plan, rng);
            return;
        }
        int count;
        double u = rng.NextDouble();
        if (draft.CareType == CareType.Outpatient) count = u < 0.7 ? 0 : u < 0.95 ? 1 : 2;
        else count = draft.EvidenceSeverity switch { 1 => u < 0.65 ? 0 : 1, 2 => u < 0.6 ? 1 : 2, _ => u < 0.5 ? 2 : 3 };
        if (age >= 60 && count < 3 && rng.Chance(0.25)) count++;
        var options = draft.Diagnosis.Comorbidities.Length > 0 ? draft.Diagnosis.Comorbidities : _fallbackComorbidities;
        for (int attempt = 0; attempt < count * 3 && draft.Secondaries.Count < count; attempt++)
        {
            // Earlier entries of a comorbidity list are the commoner companions.
            int i = Math.Min(options.Length - 1, (int)(options.Length * Math.Pow(rng.NextDouble(), 1.6)));
            var s = options[i];
            if (!s.Allows(draft.Patient.Sex, age)) continue;
            AddSecondary(draft, s, plan, rng);
        }
    }

    private static void AddSecondary(ClaimDraft draft, DiagnosisModel s, ClaimPlan plan, Rng rng)
    {
        if (s == draft.Diagnosis || draft.Secondaries.Contains(s)) return;
        foreach (var prefix in plan.AvoidSecondaryPrefixes)
            if (s.Icd10.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(s.Icd10, StringComparison.Ordinal)) return;
        draft.Secondaries.Add(s);
        draft.SecondaryCodes.Add(rng.Pick(s.Codes));
    }

    /// <summary>A time inside the stay, at least a few minutes after admission and before discharge.</summary>
    public static DateTimeOffset InsideStay(ClaimDraft d, Rng rng, double from = 0.0, double to = 1.0)
    {
        double span = (d.DischargeAt - d.AdmissionAt).TotalMinutes;
        double minute = span * rng.Uniform(from, to);
        double lo = Math.Min(5, Math.Floor(span / 2)), hi = Math.Max(lo, span - 1);
        minute = Math.Clamp(Math.Floor(minute), lo, hi);
        return d.AdmissionAt.AddMinutes(minute);
    }

    private static void AddProcedures(ClaimDraft d, DiagnosisProcedure[] list, double intensity, Rng rng)
    {
        foreach (var p in list)
        {
            if (!rng.Chance(Math.Min(1.0, p.Probability * intensity))) continue;
            int times = p.UsualCount <= 1 ? 1 : rng.Between(1, p.UsualCount + (d.Los > 5 ? 1 : 0));
            for (int t = 0; t < times; t++)
            {
                // Operations happen early in a stay; other procedures anywhere in it.
                var at = p.IsMajor ? InsideStay(d, rng, 0.02, 0.5) : InsideStay(d, rng);
                d.Procedures.Add(new Procedure(p.Icd9Cm, at));
            }
        }
        d.Procedures.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
    }

    private void AddDrugs(ClaimDraft d, DiagnosisDrug[] list, int age, Rng rng)
    {
        bool inpatient = d.CareType == CareType.Inpatient;
        foreach (var dd in list)
        {
            var drug = dd.Drug;
            bool liquid = drug.Form is "syrup" or "drops" or "suspension" && drug.Name != "Sucralfate";
            if (liquid && age >= 12) continue;
            if (!liquid && age < 6 && HasLiquidForm(list, drug.Name)) continue;
            if (!rng.Chance(dd.Probability)) continue;
            int days = dd.Days is { } given ? (inpatient ? Math.Min(given, d.Los + 3) : given) : (inpatient ? d.Los : 1);
            double quantity = Math.Max(1, Math.Round(dd.DailyQuantity * days * rng.Uniform(0.8, 1.15)));
            d.Medications.Add(new Medication { Name = drug.Name, Form = drug.Form, Quantity = quantity, UnitPrice = Price(drug.UnitPriceMin, drug.UnitPriceMax, d.Hospital, rng) });
        }
    }

    private static bool HasLiquidForm(DiagnosisDrug[] list, string name)
    {
        foreach (var dd in list)
            if (dd.Drug.Name == name && dd.Drug.Form is "syrup" or "drops") return true;
        return false;
    }

    private static void AddVitamins(ClaimDraft d, DiagnosisVitamin[] list, Rng rng)
    {
        bool inpatient = d.CareType == CareType.Inpatient;
        foreach (var dv in list)
        {
            if (!rng.Chance(dv.Probability)) continue;
            var v = dv.Vitamin;
            int days = dv.Days ?? (inpatient ? d.Los : 1);
            double quantity = Math.Max(1, Math.Round(dv.DailyQuantity * days * rng.Uniform(0.85, 1.1)));
            d.Vitamins.Add(new Vitamin { Name = v.Name, Dose = v.Dose, Quantity = quantity, UnitPrice = Price(v.UnitPriceMin, v.UnitPriceMax, d.Hospital, rng) });
        }
    }

    private static void AddLabs(ClaimDraft d, DiagnosisLab[] list, double intensity, Rng rng)
    {
        foreach (var dl in list)
        {
            if (!rng.Chance(Math.Min(1.0, dl.Probability * intensity))) continue;
            // The first sample is taken soon after admission; long stays get a repeat.
            d.LabTests.Add(new LabTest(dl.Lab.Name, InsideStay(d, rng, 0.0, d.CareType == CareType.Inpatient ? 0.25 : 0.8)));
            if (d.CareType == CareType.Inpatient && d.Los >= 4 && rng.Chance(0.4))
                d.LabTests.Add(new LabTest(dl.Lab.Name, InsideStay(d, rng, 0.4, 1.0)));
        }
        d.LabTests.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
    }

    /// <summary>A unit price in the catalog range, near where this hospital usually buys, rounded to 10 rupiah.</summary>
    public static long Price(long min, long max, Hospital hospital, Rng rng)
    {
        double position = Math.Clamp(hospital.PricePosition + rng.Normal(0, 0.12), 0, 1);
        long price = (long)Math.Round((min + (max - min) * position) / 10.0) * 10;
        return Math.Clamp(price, min, max);
    }
}
