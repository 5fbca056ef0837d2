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
    private readonly LegitimateQuirks _quirks;

    public ClaimBuilder(GeneratorKnowledge knowledge)
    {
        _k = knowledge;
        _quirks = new LegitimateQuirks(knowledge);
        var fallback = new List<DiagnosisModel>();
        // Common incidental diagnoses of hospital patients, coded as secondary whatever brought them in.
        foreach (var code in new[] { "I10", "E11", "D64", "E86", "E78" })
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

        var record = plan.Record ?? ClaimRecord.Complete;
        var care = plan.CareType
            ?? (plan.RequireInpatient || plan.ForceInpatient || rng.NextDouble() < dx.Profile.InpatientShare ? CareType.Inpatient : CareType.Outpatient);
        // A usually-outpatient complaint is admitted for a day or two when the patient is frail (elderly) or very young.
        bool admitOutpatientDx = plan.CareType is null && care == CareType.Outpatient && !dx.CanBeInpatient && !dx.IsNeonatal
            && (age >= 65 || age < 5) && record.Has(ClaimQuirks.AdmitOutpatientDiagnosis);
        if (admitOutpatientDx) care = CareType.Inpatient;
        bool inpatient = care == CareType.Inpatient;
        int severity = inpatient ? plan.EvidenceSeverity ?? DrawSeverity(dx.Profile.Severity, age, rng) : 0;
        int los = !inpatient ? 1 : plan.Los ?? (admitOutpatientDx ? ShortAdmission(rng) : DrawLos(dx, severity, rng));
        // Complications keep some severity III patients well past the usual maximum, legitimately.
        if (inpatient && severity == 3 && plan.Los is null && !admitOutpatientDx && record.Has(ClaimQuirks.LongComplicatedStay))
            los = Math.Max(los, (int)Math.Ceiling(Math.Max(2, dx.Profile.LosMax) * rng.Uniform(1.55, 2.1)));
        else if (inpatient && severity <= 2 && plan.Los is null && !admitOutpatientDx && record.Has(ClaimQuirks.SlowRecovery))
            los = Math.Max(los, (int)Math.Round(Math.Max(2, dx.Profile.LosTypical) * rng.Uniform(1.6, 2.4)));

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
            Record = record,
        };

        // Some extracts list the primary diagnosis only; the claim's content then rests on it alone.
        if (record.SecondaryDiagnoses) AddSecondaries(draft, plan, age, rng);
        double intensity = !inpatient ? 1.0 : severity switch { 1 => 0.9, 2 => 1.1, _ => 1.3 };
        // An admitted outpatient complaint gets the outpatient work-up: its diagnosis lists no inpatient care.
        bool inpatientContent = inpatient && !admitOutpatientDx;
        AddProcedures(draft, inpatientContent ? dx.InpatientProcedures : dx.OutpatientProcedures, intensity, rng);
        // Extracts that do not itemise drugs or labs carry empty lists (the package price covers them).
        if (record.DrugsItemised)
        {
            AddDrugs(draft, inpatientContent ? dx.InpatientDrugs : dx.OutpatientDrugs, age, rng);
            AddVitamins(draft, inpatientContent ? dx.InpatientVitamins : dx.OutpatientVitamins, rng);
        }
        if (record.LabsItemised) AddLabs(draft, dx.Labs, intensity, rng);

        // Legitimate bills sit near the tariff: the hospital's markup, what the stay took, and per-claim noise.
        draft.Ratio = hospital.Markup * StayFactor(draft) * Math.Exp(rng.Normal(0, 0.09));

        // What real legitimate claims add to the textbook content: routine procedures any admission gets, and oddities.
        AddGeneralProcedures(draft, rng);
        _quirks.Apply(draft, record, age, rng);
        return draft;
    }

    /// <summary>
    /// A fee-for-service bill follows the stay: room and care days. Against a package priced for the group's typical
    /// stay (the catalog's: severity II 1.5×, III 2× the severity I stay), a longer stay bills more and a shorter one less.
    /// </summary>
    private static double StayFactor(ClaimDraft d)
    {
        if (d.CareType != CareType.Inpatient) return 1.0;
        double typical = Math.Max(1, d.Diagnosis.Profile.LosTypical) * (d.EvidenceSeverity switch { 2 => 1.5, 3 => 2.0, _ => 1.0 });
        return Math.Clamp(Math.Pow(d.Los / typical, 0.3), 0.75, 1.4);
    }

    /// <summary>An admission of a usually-outpatient complaint: mostly one day, sometimes two or three.</summary>
    private static int ShortAdmission(Rng rng)
    {
        double u = rng.NextDouble();
        return u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
    }

    /// <summary>
    /// Procedures done whatever the diagnosis (physical examination, ECG, chest x-ray, the IV line, …) at the rates of
    /// general_procedures.csv; never twice, never where the catalog lists the pair as inappropriate (I10 + nebuliser).
    /// </summary>
    private void AddGeneralProcedures(ClaimDraft d, Rng rng)
    {
        bool inpatient = d.CareType == CareType.Inpatient;
        int before = d.Procedures.Count;
        foreach (var g in _k.GeneralProcedures)
        {
            if (!rng.Chance(inpatient ? g.InpatientProbability : g.OutpatientProbability)) continue;
            if (!g.AppliesToAny(d.DiagnosisCode, d.SecondaryCodes) || d.Procedures.Exists(p => p.Icd9Cm == g.Icd9Cm)) continue;
            if (_quirks.Pairs.Procedure(d, g.Icd9Cm)) continue;
            d.Procedures.Add(new Procedure(g.Icd9Cm, InsideStay(d, rng, 0.0, 0.6)));
        }
        if (d.Procedures.Count > before) d.Procedures.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
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
        // Secondary diagnoses are the rule on hospital claims (INA-CBG severity comes from them), less so on visits.
        if (draft.CareType == CareType.Outpatient) count = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
        else count = draft.EvidenceSeverity switch { 1 => u < 0.4 ? 0 : u < 0.85 ? 1 : 2, 2 => u < 0.5 ? 1 : u < 0.9 ? 2 : 3, _ => u < 0.4 ? 2 : 3 };
        if (age >= 60 && count < 3 && rng.Chance(0.25)) count++;
        var own = draft.Diagnosis.Comorbidities;
        for (int attempt = 0; attempt < count * 3 && draft.Secondaries.Count < count; attempt++)
        {
            // The diagnosis's own companions first (earlier entries are the commoner ones), then incidental ones.
            var options = own.Length > 0 && attempt < own.Length + count ? own : _fallbackComorbidities;
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
