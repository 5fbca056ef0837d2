namespace ClaimFraud.ResultStore.Decisions;

/// <summary>
/// A verifier's decision on a scored claim (contract §3, POST /claims/{id}/decision), stamped with when it was made.
/// JSON (see <see cref="DecisionJson"/>): action, approved_amount, note, verifier, decided_at.
/// </summary>
public sealed record Decision
{
    /// <summary>One of <see cref="DecisionActions.All"/>.</summary>
    public required string Action { get; init; }

    /// <summary>Rupiah approved; only with <see cref="DecisionActions.ApprovePartial"/>, where it is required and ≥ 0.</summary>
    public decimal? ApprovedAmount { get; init; }

    public string? Note { get; init; }

    /// <summary>Who decided (a user id, not a person's name, is what belongs here).</summary>
    public string? Verifier { get; init; }

    /// <summary>When it was decided; the API sets it from its clock. Decisions are listed in this order.</summary>
    public required DateTimeOffset DecidedAt { get; init; }
}

/// <summary>The contract's decision actions.</summary>
public static class DecisionActions
{
    public const string Approve = "approve";
    public const string ApprovePartial = "approve_partial";
    public const string Decline = "decline";
    public const string ManualReview = "manual_review";
    public const string RequestDocument = "request_document";

    public static readonly IReadOnlyList<string> All = [Approve, ApprovePartial, Decline, ManualReview, RequestDocument];

    public static bool IsKnown(string? action) => action is not null && All.Contains(action, StringComparer.Ordinal);
}
