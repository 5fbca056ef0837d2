using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Features.History;
using ClaimFraud.Serving.Explanations;
using ClaimFraud.Serving.Models;

namespace ClaimFraud.Serving.Scoring;

/// <summary>
/// The serving app's one way to score: the current model's <c>ClaimScorer.ScoreAndRecord</c> against the one shared
/// claim history (so repeat, duplicate and clone features see earlier requests), then, when a chat model is configured,
/// its text in place of the template explanation. Every endpoint that returns a score goes through here.
/// </summary>
internal sealed partial class ClaimScoring(ModelHost models, InMemoryClaimHistory history, ILogger<ClaimScoring> log, ChatExplainer? chat = null)
{
    /// <summary>The score with the template explanation, or null when no model is loaded.</summary>
    public ClaimScore? Score(Claim claim)
    {
        using var lease = models.Acquire();
        if (lease.Generation is not { } generation) return null;
        var score = generation.Scorer.ScoreAndRecord(claim, history).Score;
        if (log.IsEnabled(LogLevel.Debug)) LogScored(log, score.ClaimId, score.ModelVersion, score.FraudScore);
        return score;
    }

    /// <summary>
    /// The score, with the chat model's explanation when one is configured and <paramref name="useChat"/>; null when no
    /// model is loaded. The model is released before the chat call, so a reload never waits on it.
    /// </summary>
    public ValueTask<ClaimScore?> ScoreAsync(Claim claim, bool useChat, CancellationToken ct)
    {
        var score = Score(claim);
        if (score is null || chat is null || !useChat) return ValueTask.FromResult(score);
        return new ValueTask<ClaimScore?>(ExplainAsync(chat, claim, score, ct));
    }

    private static async Task<ClaimScore?> ExplainAsync(ChatExplainer chat, Claim claim, ClaimScore score, CancellationToken ct)
    {
        var text = await chat.TryExplainAsync(claim, score, ct);
        return text is null ? score : score with { Explanation = text };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scored claim {ClaimId} with {ModelVersion}: {FraudScore}")]
    private static partial void LogScored(ILogger logger, string claimId, string modelVersion, double fraudScore);
}
