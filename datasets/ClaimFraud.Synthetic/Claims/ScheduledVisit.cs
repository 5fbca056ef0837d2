using ClaimFraud.Synthetic.Fraud;
using ClaimFraud.Synthetic.People;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>A claim that must happen on a later day: a chronic return visit, a readmission, or a fraud follow-up.</summary>
internal sealed class ScheduledVisit
{
    public required Patient Patient { get; init; }
    public required DateTimeOffset AdmissionAt { get; init; }
    public required SlotKind Kind { get; init; }
    public required ClaimPlan Plan { get; init; }
    /// <summary>For fraud follow-ups: the pattern that labels the claim.</summary>
    public FollowUpPattern? Pattern { get; init; }
}
