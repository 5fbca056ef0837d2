using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.People;
using ClaimFraud.Synthetic.Providers;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>
/// What a claim must be before its content is drawn: who, where, when, and the constraints fraud patterns set
/// (a forced diagnosis, an inpatient stay, weak evidence for upcoding, a stretched stay). Unset fields are drawn.
/// </summary>
internal sealed class ClaimPlan
{
    public required Patient Patient { get; set; }
    public required Hospital Hospital { get; set; }
    /// <summary>Admission date (Jakarta); the time of day is drawn unless <see cref="AdmissionAt"/> is set.</summary>
    public required DateOnly Day { get; set; }
    public DateTimeOffset? AdmissionAt { get; set; }
    public int? DoctorIndex { get; set; }
    public DiagnosisModel? Diagnosis { get; set; }
    /// <summary>A specific ICD-10 code of <see cref="Diagnosis"/> (follow-ups repeat the code).</summary>
    public string? DiagnosisCode { get; set; }
    public CareType? CareType { get; set; }
    /// <summary>Allow an inpatient stay even for an outpatient-only diagnosis (the upcoding scheme of seed 004).</summary>
    public bool ForceInpatient { get; set; }
    public bool RequireInpatient { get; set; }
    /// <summary>Care class billed; defaults to the patient's entitlement.</summary>
    public int? CareClass { get; set; }
    public int? Los { get; set; }
    /// <summary>The severity the clinical content supports (1–3); drawn from the diagnosis when unset.</summary>
    public int? EvidenceSeverity { get; set; }
    public bool NoSecondaryDiagnoses { get; set; }
    /// <summary>ICD-10 prefixes no secondary diagnosis may start with (they would justify a planted item).</summary>
    public string[] AvoidSecondaryPrefixes { get; set; } = [];
    /// <summary>Secondary diagnoses to carry over (follow-up claims keep the first claim's comorbidities).</summary>
    public DiagnosisModel[]? Secondaries { get; set; }
    /// <summary>Which optional parts the claim's extract carries and its innocuous oddities; drawn for the slot when unset.</summary>
    public ClaimRecord? Record { get; set; }
    /// <summary>The kind of slot, for bookkeeping: fresh, return visit or derived fraud follow-up.</summary>
    public SlotKind Kind { get; set; }
}

internal enum SlotKind { Fresh, ReturnVisit, Readmission, FraudFollowUp, Copy }
