using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>The legitimate visits one claim leads to: chronic return visits and readmissions of severe cases.</summary>
internal sealed partial class ClaimStream
{
    /// <summary>Chronic patients come back (monthly control, dialysis, chemotherapy cycles); some severe cases are readmitted.</summary>
    private void ScheduleContinuation(ClaimDraft draft, Rng rng)
    {
        var patient = draft.Patient;
        if (patient.HasPendingVisit || draft.Kind == SlotKind.Copy) return;
        var dx = draft.Diagnosis;
        var dischargeDay = StayCalendar.JakartaDate(draft.DischargeAt);
        if (dx.Chronic is { } chronic)
        {
            if (!rng.Chance(chronic.Continue)) return;
            var day = dischargeDay.AddDays(rng.Between(chronic.MinDays, chronic.MaxDays));
            if (day > _options.PeriodEnd || !dx.Allows(patient.Sex, ClaimBuilder.AgeOn(patient, day))) return;
            bool inpatient = !dx.CanBeOutpatient || rng.Chance(dx.Profile.InpatientShare * 0.5);
            var plan = new ClaimPlan
            {
                Patient = patient,
                Hospital = draft.Hospital,
                Day = day,
                AdmissionAt = ClaimBuilder.At(day, inpatient ? rng.Between(7 * 60, 12 * 60) : rng.Between(7 * 60, 14 * 60 + 30)),
                DoctorIndex = rng.Chance(0.8) ? draft.DoctorIndex : null,
                Diagnosis = dx,
                DiagnosisCode = draft.DiagnosisCode,
                CareType = inpatient ? CareType.Inpatient : CareType.Outpatient,
                Secondaries = [.. draft.Secondaries],
                Kind = SlotKind.ReturnVisit,
            };
            Schedule(new ScheduledVisit { Patient = patient, AdmissionAt = plan.AdmissionAt!.Value, Kind = SlotKind.ReturnVisit, Plan = plan });
        }
        else if (draft.CareType == CareType.Inpatient && (dx.Profile.Severity == ClinicalSeverity.Severe || draft.EvidenceSeverity == 3) && rng.Chance(0.08))
        {
            // A legitimate readmission within 30 days: same diagnosis or a complication, sicker than before.
            var day = dischargeDay.AddDays(rng.Between(3, 30));
            if (day > _options.PeriodEnd) return;
            int age = ClaimBuilder.AgeOn(patient, day);
            var next = dx;
            if (dx.Comorbidities.Length > 0 && rng.Chance(0.4))
            {
                var c = rng.Pick(dx.Comorbidities);
                if (c.Allows(patient.Sex, age) && c.CanBeInpatient) next = c;
            }
            if (!next.Allows(patient.Sex, age)) return;
            var plan = new ClaimPlan
            {
                Patient = patient,
                Hospital = draft.Hospital,
                Day = day,
                AdmissionAt = ClaimBuilder.At(day, rng.Between(0, 24 * 60 - 1)),
                Diagnosis = next,
                CareType = CareType.Inpatient,
                EvidenceSeverity = rng.Chance(0.5) ? 2 : 3,
                Kind = SlotKind.Readmission,
            };
            Schedule(new ScheduledVisit { Patient = patient, AdmissionAt = plan.AdmissionAt!.Value, Kind = SlotKind.Readmission, Plan = plan });
        }
    }
}
