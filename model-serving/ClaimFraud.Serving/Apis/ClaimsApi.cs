using ClaimFraud.Domain.Scores;
using ClaimFraud.Domain.Validation;
using ClaimFraud.ResultStore;
using ClaimFraud.ResultStore.Decisions;
using ClaimFraud.Serving.Auth;
using ClaimFraud.Serving.Claims;
using ClaimFraud.Serving.Http;
using ClaimFraud.Serving.Json;
using ClaimFraud.Serving.OpenApi;
using ClaimFraud.Serving.Options;
using ClaimFraud.Serving.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Apis;

/// <summary>What the claim-id endpoints need, bound from DI in one parameter.</summary>
internal readonly record struct ClaimServices(
    ClaimSource Claims,
    ClaimScoring Scoring,
    IResultStore Results,
    IOptions<LimitsOptions> Limits,
    TimeProvider Time);

/// <summary>
/// Seed 000 stage 7 as endpoints: score a claim by id from the claims database and store the result (HBase or SQLite,
/// through the outbox), read the stored result, and record verifiers' decisions beside it.
/// </summary>
internal static class ClaimsApi
{
    /// <summary>Response header on POST /claims/{id}/score saying what the result store did: stored, already_stored, superseded or queued.</summary>
    public const string ResultStoreHeader = "X-Result-Store";

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/claims/{claim_id}").WithTags("Claims").RequireApiKey();

        api.MapPost("/score", ScoreStoredClaim)
            .WithName("ScoreStoredClaim")
            .WithSummary("Score a claim from the claims database and store the result")
            .WithDescription(
                "Reads the claim (MySQL, or the embedded SQLite database), scores it, stores the result and returns the §2 score. " +
                $"The {ResultStoreHeader} header says whether the result was stored or queued in the outbox (store unreachable). " +
                "404 when the claims database has no such claim; 503 when it cannot be reached.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/fraud-result", GetFraudResult)
            .WithName("GetFraudResult")
            .WithSummary("The stored result of a claim")
            .WithDescription("The newest stored §2 score (including one still queued for the store). 404 when the claim was never scored.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/decision", PostDecision)
            .WithName("PostDecision")
            .WithSummary("Record a verifier's decision on a scored claim")
            .WithDescription(
                "Body {\"action\", \"approved_amount\", \"note\", \"verifier\"}; decided_at is set by the server. 201 with the decision and the " +
                "claim's whole history; 202 when the store is unreachable and the decision is queued; 404 when the claim has no stored " +
                "result (score it first), since a decision is about a result.")
            .DocumentRequestBody<DecisionRequestDocument>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/decisions", GetDecisions)
            .WithName("GetDecisions")
            .WithSummary("A claim's decision history")
            .WithDescription("Every decision recorded for the claim, oldest first. 404 when the claim has no stored result.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<Ok<ClaimScore>, ValidationProblem, ProblemHttpResult>> ScoreStoredClaim(
        [FromRoute(Name = "claim_id")] string claimId, HttpContext context, [AsParameters] ClaimServices services)
    {
        if (ClaimIdProblem(claimId) is { } invalid) return invalid;
        var ct = context.RequestAborted;
        ClaimFraud.Domain.Claims.LabeledClaim? stored;
        try { stored = await services.Claims.ReadAsync(claimId, ct); }
        catch (ClaimSourceUnavailableException e) { return Problems.Unavailable("Claims database unavailable", e.Message); }
        if (stored is null) return Problems.NotFound("Claim not found", $"The claims database ({services.Claims.Backend}) has no claim '{claimId}'.");

        var score = await services.Scoring.ScoreAsync(stored.Claim, useChat: true, ct);
        if (score is null) return Problems.NoModel();
        ResultWriteOutcome outcome;
        try { outcome = await services.Results.PutResultAsync(new StoredResult(score), ct); }
        catch (ResultStoreUnavailableException e)
        {
            return Problems.Unavailable("Result store unavailable", $"The score was made but could not be stored or queued: {e.Message}");
        }
        context.Response.Headers[ResultStoreHeader] = OutcomeName(outcome);
        return TypedResults.Ok(score);
    }

    public static async Task<Results<Ok<ClaimScore>, ValidationProblem, ProblemHttpResult>> GetFraudResult(
        [FromRoute(Name = "claim_id")] string claimId, HttpContext context, [AsParameters] ClaimServices services)
    {
        if (ClaimIdProblem(claimId) is { } invalid) return invalid;
        try
        {
            var result = await services.Results.GetResultAsync(claimId, context.RequestAborted);
            return result is null ? NoResult(claimId) : TypedResults.Ok(result.Score);
        }
        catch (ResultStoreException e) { return StoreProblem(e); }
    }

    public static async Task<Results<Created<DecisionResponse>, Ok<DecisionResponse>, Accepted<DecisionResponse>, ValidationProblem, ProblemHttpResult>> PostDecision(
        [FromRoute(Name = "claim_id")] string claimId, HttpContext context, [AsParameters] ClaimServices services)
    {
        if (ClaimIdProblem(claimId) is { } invalid) return invalid;
        if (RequestBody.KindOf(context.Request.ContentType) != BodyKind.Json) return Problems.UnsupportedMediaType("application/json");
        int limit = services.Limits.Value.MaxClaimBytes;
        var decidedAt = services.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var body = await RequestBody.ReadAsync(context, limit, decidedAt, DecisionBody.Parse);
        if (body.Status == BodyStatus.TooLarge) return Problems.TooLarge(limit);
        if (body.Status == BodyStatus.Unreadable) return Problems.Unreadable(body.FailureStatus);
        if (body.Value.Decision is not { } decision) return Problems.Invalid(body.Value.Errors, "The decision is not valid");

        var ct = context.RequestAborted;
        try
        {
            // Checked first so the caller hears 404 at once; the store checks again when it writes.
            if (await services.Results.GetResultAsync(claimId, ct) is null) return NoResult(claimId);
        }
        catch (ResultStoreUnavailableException)
        {
            // Unknown while the store is down: the outbox takes the decision and sets it aside later if there is no result.
        }
        catch (ResultStoreException e) { return StoreProblem(e); }

        DecisionWriteOutcome outcome;
        try { outcome = await services.Results.PutDecisionAsync(claimId, decision, ct); }
        catch (ResultStoreException e) { return StoreProblem(e); }
        if (outcome == DecisionWriteOutcome.NoResult) return NoResult(claimId);

        IReadOnlyList<DecisionView>? history = null;
        try { history = [.. (await services.Results.GetDecisionsAsync(claimId, ct)).Select(View)]; }
        catch (ResultStoreUnavailableException) { /* queued: the history is not readable until the store is back */ }
        var response = new DecisionResponse(claimId, View(decision), OutcomeName(outcome), history);
        return outcome switch
        {
            DecisionWriteOutcome.Stored => TypedResults.Created($"/claims/{Uri.EscapeDataString(claimId)}/decisions", response),
            DecisionWriteOutcome.Queued => TypedResults.Accepted($"/claims/{Uri.EscapeDataString(claimId)}/decisions", response),
            _ => TypedResults.Ok(response),
        };
    }

    public static async Task<Results<Ok<DecisionHistory>, ValidationProblem, ProblemHttpResult>> GetDecisions(
        [FromRoute(Name = "claim_id")] string claimId, HttpContext context, [AsParameters] ClaimServices services)
    {
        if (ClaimIdProblem(claimId) is { } invalid) return invalid;
        try
        {
            if (await services.Results.GetResultAsync(claimId, context.RequestAborted) is null) return NoResult(claimId);
            var decisions = await services.Results.GetDecisionsAsync(claimId, context.RequestAborted);
            return TypedResults.Ok(new DecisionHistory(claimId, [.. decisions.Select(View)]));
        }
        catch (ResultStoreException e) { return StoreProblem(e); }
    }

    private static ValidationProblem? ClaimIdProblem(string claimId) =>
        ClaimValidator.ClaimIdProblem(claimId) is { } problem ? Problems.Invalid(Problems.Field("claim_id", problem), "The claim id is not valid") : null;

    private static ProblemHttpResult NoResult(string claimId) =>
        Problems.NotFound("No fraud result", $"Claim '{claimId}' has no stored result; score it first with POST /claims/{claimId}/score.");

    private static ProblemHttpResult StoreProblem(ResultStoreException e) => e is ResultStoreUnavailableException
        ? Problems.Unavailable("Result store unavailable", e.Message)
        : TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Result store answered wrongly", detail: e.Message);

    private static DecisionView View(Decision d) => new(d.Action, d.ApprovedAmount, d.Note, d.Verifier, d.DecidedAt);

    private static string OutcomeName(ResultWriteOutcome outcome) => outcome switch
    {
        ResultWriteOutcome.Stored => "stored",
        ResultWriteOutcome.AlreadyStored => "already_stored",
        ResultWriteOutcome.Superseded => "superseded",
        _ => "queued",
    };

    private static string OutcomeName(DecisionWriteOutcome outcome) => outcome switch
    {
        DecisionWriteOutcome.Stored => "stored",
        DecisionWriteOutcome.AlreadyStored => "already_stored",
        DecisionWriteOutcome.NoResult => "no_result",
        _ => "queued",
    };
}
