using ClaimFraud.Domain.Scores;
using ClaimFraud.ResultStore.Decisions;

namespace ClaimFraud.ResultStore.Outbox;

/// <summary>One queued write, as stored in its file: a result (score) or a decision, in arrival order (seq).</summary>
internal sealed record OutboxEntry
{
    public const string ResultKind = "result";
    public const string DecisionKind = "decision";

    public required long Seq { get; init; }
    public required string Kind { get; init; }
    public required string ClaimId { get; init; }
    public required DateTimeOffset EnqueuedAt { get; init; }
    public ClaimScore? Score { get; init; }
    public Decision? Decision { get; init; }

    /// <summary>Why the file cannot be delivered, or null when it is well-formed.</summary>
    public string? Problem() => Kind switch
    {
        ResultKind when Score is null => "a result entry without a score",
        ResultKind when Score.ClaimId != ClaimId => "a result entry whose score is for another claim",
        DecisionKind when Decision is null => "a decision entry without a decision",
        ResultKind or DecisionKind => null,
        _ => $"unknown kind '{Kind}'",
    };
}
