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
    /// Scores <paramref name="claims"/> in order with the template explanation, giving what <see cref="Score"/> on each
    /// in turn gives: claim i is scored against the history holding claims 0..i−1 of the batch and none after it. Only
    /// the history's query and record run in order, on this thread (about a microsecond a claim); features, rules,
    /// model and text run on every core. One model version scores the whole batch. Null when no model is loaded.
    /// </summary>
    public ClaimScore[]? ScoreInOrder(IReadOnlyList<Claim> claims) => ScoreInOrder(claims, static score => score);

    /// <summary>
    /// <see cref="ScoreInOrder(IReadOnlyList{Claim})"/>, passing each score through <paramref name="then"/> (e.g. its
    /// JSON) in the same parallel loop, so that work too runs on every core. Results are in input order.
    /// </summary>
    public T[]? ScoreInOrder<T>(IReadOnlyList<Claim> claims, Func<ClaimScore, T> then)
    {
        using var lease = models.Acquire();
        if (lease.Generation is not { } generation) return null;
        var scorer = generation.Scorer;
        var snapshots = new HistorySnapshot[claims.Count];
        for (int i = 0; i < claims.Count; i++)
        {
            snapshots[i] = history.Query(claims[i]);
            history.Add(claims[i]);
        }
        var results = new T[claims.Count];
        if (claims.Count < ParallelFrom)
        {
            for (int i = 0; i < claims.Count; i++) results[i] = then(Scored(scorer, claims[i], snapshots[i]));
        }
        else
        {
            Parallel.For(0, claims.Count, Cores, i => results[i] = then(Scored(scorer, claims[i], snapshots[i])));
        }
        return results;
    }

    private ClaimScore Scored(ClaimFraud.Modeling.Scoring.ClaimScorer scorer, Claim claim, HistorySnapshot snapshot)
    {
        var score = scorer.Score(claim, snapshot).Score;
        if (log.IsEnabled(LogLevel.Debug)) LogScored(log, score.ClaimId, score.ModelVersion, score.FraudScore);
        return score;
    }

    /// <summary>
    /// <see cref="ScoreInOrder{T}(IReadOnlyList{Claim}, Func{ClaimScore, T})"/>, or, when <paramref name="useChat"/> and a
    /// chat model is configured, one <see cref="ScoreAsync"/> after the other (the chat call dominates). Null when no
    /// model is loaded.
    /// </summary>
    public async ValueTask<T[]?> ScoreInOrderAsync<T>(IReadOnlyList<Claim> claims, bool useChat, Func<ClaimScore, T> then, CancellationToken ct)
    {
        if (chat is null || !useChat) return ScoreInOrder(claims, then);
        var results = new T[claims.Count];
        for (int i = 0; i < claims.Count; i++)
        {
            if (await ScoreAsync(claims[i], useChat: true, ct) is not { } score) return null;
            results[i] = then(score);
        }
        return results;
    }

    /// <summary>Whether <see cref="ScoreAsync"/> with useChat would call a chat model.</summary>
    public bool HasChat => chat is not null;

    // Below this many claims a parallel loop costs more than it saves.
    internal const int ParallelFrom = 4;
    internal static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

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
