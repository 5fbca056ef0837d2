using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Claims;
using ClaimFraud.Synthetic.People;

namespace ClaimFraud.Synthetic.Fraud;

/// <summary>Patterns whose labelled claim follows a legitimate first stay of the same patient.</summary>
internal abstract class FollowUpPattern : FraudPattern
{
    public override PatternShape Shape => PatternShape.FollowUp;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) =>
        plan.Kind == SlotKind.Fresh && plan.CareType is null or CareType.Inpatient && (plan.Diagnosis is null || plan.Diagnosis.CanBeInpatient);

    public override void Prepare(ClaimPlan plan, FraudContext ctx) => plan.RequireInpatient = true;

    /// <summary>The first part carries no label; the follow-up is labelled when it is built.</summary>
    public override void Apply(ClaimDraft draft, FraudContext ctx) { }

    /// <summary>When the labelled stay starts, relative to the first stay's discharge.</summary>
    public abstract DateTimeOffset FollowUpAdmission(ClaimDraft first, FraudContext ctx);

    /// <summary>The plan of the labelled stay: same patient, hospital, doctor and diagnosis as the first.</summary>
    public ClaimPlan FollowUpPlan(ClaimDraft first, DateTimeOffset admission, FraudContext ctx) => new()
    {
        Patient = first.Patient,
        Hospital = first.Hospital,
        Day = StayCalendar.JakartaDate(admission),
        AdmissionAt = admission,
        DoctorIndex = ctx.Rng.Chance(0.85) ? first.DoctorIndex : null,
        Diagnosis = first.Diagnosis,
        DiagnosisCode = first.DiagnosisCode,
        CareType = CareType.Inpatient,
        CareClass = first.CareClass,
        EvidenceSeverity = ctx.Rng.Chance(0.8) ? 1 : 2,
        Secondaries = [.. first.Secondaries],
        Kind = SlotKind.FraudFollowUp,
    };
}

/// <summary>Permenkes 16/2019: one episode split in two claims; the second is admitted the day of or after the first discharge.</summary>
internal sealed class UnbundlingPattern : FollowUpPattern
{
    public override string Name => FraudPatterns.Unbundling;
    public override double Weight => 3;

    public override DateTimeOffset FollowUpAdmission(ClaimDraft first, FraudContext ctx)
    {
        double hours = ctx.ByStrength(14, 34, 3, 20, 0.5, 5);
        var at = first.DischargeAt.AddMinutes(Math.Floor(hours * 60));
        // Same or next calendar day, whatever the hours say.
        var dischargeDay = StayCalendar.JakartaDate(first.DischargeAt);
        if (StayCalendar.JakartaDate(at).DayNumber > dischargeDay.DayNumber + 1)
            at = ClaimBuilder.At(dischargeDay.AddDays(1), ctx.Rng.Between(7 * 60, 11 * 60));
        return at;
    }
}

/// <summary>Permenkes 16/2019: a planned or fake readmission for the same diagnosis within days of discharge.</summary>
internal sealed class ReadmissionPattern : FollowUpPattern
{
    public override string Name => FraudPatterns.Readmission;
    public override double Weight => 3;

    public override DateTimeOffset FollowUpAdmission(ClaimDraft first, FraudContext ctx)
    {
        int days = ctx.CountByStrength(8, 14, 4, 7, 2, 3);
        var day = StayCalendar.JakartaDate(first.DischargeAt).AddDays(days);
        return ClaimBuilder.At(day, ctx.Rng.Between(7 * 60, 20 * 60));
    }
}

/// <summary>Permenkes 16/2019: the same stay billed again under a new claim id, with small changes.</summary>
internal sealed class RepeatBillingPattern : FraudPattern
{
    public override string Name => FraudPatterns.RepeatBilling;
    public override double Weight => 3;
    public override PatternShape Shape => PatternShape.SameDayCopy;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => plan.Kind == SlotKind.Fresh;

    public override void Apply(ClaimDraft draft, FraudContext ctx) { }

    public ClaimDraft Copy(ClaimDraft original, FraudContext ctx)
    {
        var rng = ctx.Rng;
        var copy = DraftCopies.Copy(original, original.Patient, original.PatientInfo, original.AdmissionAt, SlotKind.Copy);
        // Sent again, possibly from another export: the copied lists stay as they were, documents and identifiers are drawn anew.
        copy.Record = original.Record.CopiedAs(original.Hospital.Records, rng);
        copy.SepName = original.SepName;
        copy.ResumeName = original.ResumeName;
        copy.SepBpjsNumber = original.SepBpjsNumber;
        copy.FixedHospitalTariff = null;
        copy.Ratio = original.Ratio;
        copy.ExtraCharges = original.ExtraCharges;
        // The same SEP reused, or a second SEP for the same stay.
        if (rng.Chance(0.5)) copy.SepSource = original;
        else
        {
            var t = original.SepIssuedAt.AddMinutes(rng.Between(1, 90) * (rng.Chance(0.5) ? 1 : -1));
            copy.SepIssuedAt = t < original.AdmissionAt ? original.AdmissionAt : t > original.DischargeAt ? original.DischargeAt : t;
        }
        // Small changes so the copy is not byte-identical: the bill, a quantity, the diagnosis's specific code.
        if (rng.Chance(0.6)) copy.Ratio *= rng.Uniform(0.95, 1.06);
        if (copy.Medications.Count > 0 && rng.Chance(0.4))
        {
            int i = rng.Next(copy.Medications.Count);
            copy.Medications[i] = copy.Medications[i] with { Quantity = Math.Max(1, copy.Medications[i].Quantity + rng.Between(-2, 3)) };
        }
        if (copy.Diagnosis.Codes.Length > 1 && rng.Chance(0.25)) copy.DiagnosisCode = rng.Pick(copy.Diagnosis.Codes);
        if (rng.Chance(0.2)) copy.DoctorIndex = Providers.DoctorGenerator.Pick(copy.Hospital.DoctorWeights, rng);
        copy.Label(Name);
        return copy;
    }
}

/// <summary>Permenkes 16/2019: a copy of another patient's recent claim at the same hospital, under a different patient.</summary>
internal sealed class CloningPattern : FraudPattern
{
    public override string Name => FraudPatterns.Cloning;
    public override double Weight => 3;
    public override PatternShape Shape => PatternShape.Clone;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => plan.Kind == SlotKind.Fresh;

    public override void Apply(ClaimDraft draft, FraudContext ctx) { }

    /// <summary>Whether a claim's content is specific enough that a copy of it is visible as one (the fingerprint's minimum items).</summary>
    public static bool IsDistinctive(ClaimDraft template) =>
        template.Procedures.Count + template.Medications.Count >= (template.CareType == CareType.Inpatient ? 2 : 3);

    /// <summary>The clone: the template's content under <paramref name="patient"/>, with <paramref name="record"/>'s documents and identifiers.</summary>
    public ClaimDraft Clone(ClaimDraft template, Patient patient, DateOnly day, ClaimRecord record, FraudContext ctx)
    {
        var rng = ctx.Rng;
        // Same time of day as the template, on this slot's day.
        var admission = ClaimBuilder.At(day, template.AdmissionAt.Hour * 60 + template.AdmissionAt.Minute);
        var clone = DraftCopies.Copy(template, patient, patient.Info, admission, SlotKind.Fresh);
        clone.Record = record with
        {
            DrugsItemised = template.Record.DrugsItemised, LabsItemised = template.Record.LabsItemised,
            SecondaryDiagnoses = template.Record.SecondaryDiagnoses, Quirks = ClaimQuirks.None,
        };
        clone.SepName = rng.Chance(0.4) ? patient.Name.ToUpperInvariant() : patient.Name;
        clone.ResumeName = patient.Name;
        clone.SepBpjsNumber = patient.Info.BpjsNumber;
        long bill = template.HospitalTariff;
        // Blatant clones copy the amounts to the rupiah; subtler ones nudge them.
        clone.FixedHospitalTariff = ctx.Strength == Strength.Blatant ? bill : (long)Math.Round(bill * rng.Uniform(0.97, 1.03) / 100.0) * 100;
        if (ctx.Strength == Strength.Subtle && clone.Medications.Count > 1 && rng.Chance(0.5)) clone.Medications.RemoveAt(rng.Next(clone.Medications.Count));
        clone.Label(Name);
        return clone;
    }
}

/// <summary>Copies of drafts shifted to another admission time (and possibly another patient).</summary>
internal static class DraftCopies
{
    public static ClaimDraft Copy(ClaimDraft t, Patient patient, PatientInfo info, DateTimeOffset admission, SlotKind kind)
    {
        var shift = admission - t.AdmissionAt;
        var copy = new ClaimDraft
        {
            Patient = patient,
            PatientInfo = info,
            Hospital = t.Hospital,
            DoctorIndex = t.DoctorIndex,
            Diagnosis = t.Diagnosis,
            DiagnosisCode = t.DiagnosisCode,
            CareType = t.CareType,
            CareClass = t.CareClass,
            AdmissionAt = admission,
            DischargeAt = t.DischargeAt + shift,
            Los = t.Los,
            EvidenceSeverity = t.EvidenceSeverity,
            ClaimedSeverity = t.ClaimedSeverity,
            Ratio = t.Ratio,
            ExtraCharges = t.ExtraCharges,
            SepIssuedAt = t.SepIssuedAt + shift,
            SepName = t.SepName,
            SepBpjsNumber = t.SepBpjsNumber,
            ResumeName = t.ResumeName,
            ResumeAdmissionAt = t.ResumeAdmissionAt + shift,
            ResumeDischargeAt = t.ResumeDischargeAt + shift,
            Kind = kind,
            Record = t.Record,
            TariffCareClass = t.TariffCareClass,
        };
        copy.Secondaries.AddRange(t.Secondaries);
        copy.SecondaryCodes.AddRange(t.SecondaryCodes);
        foreach (var p in t.Procedures) copy.Procedures.Add(p with { At = p.At + shift });
        copy.Medications.AddRange(t.Medications);
        copy.Vitamins.AddRange(t.Vitamins);
        foreach (var l in t.LabTests) copy.LabTests.Add(l with { At = l.At + shift });
        return copy;
    }
}
