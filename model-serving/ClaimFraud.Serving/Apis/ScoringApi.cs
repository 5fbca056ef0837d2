using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Serving.Auth;
using ClaimFraud.Serving.Http;
using ClaimFraud.Serving.Json;
using ClaimFraud.Serving.OpenApi;
using ClaimFraud.Serving.Options;
using ClaimFraud.Serving.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Apis;

/// <summary>What the scoring endpoints need, bound from DI in one parameter.</summary>
internal readonly record struct ScoringServices(
    ClaimScoring Scoring,
    ClaimValidationOptions Validation,
    IOptions<LimitsOptions> Limits,
    IOptions<ExplanationOptions> Explanation,
    IOptions<ServingOptions> Serving,
    ApiKeys Keys);

/// <summary>POST /predict, /predict/batch and the CML form POST /model: claims in the body, scores out.</summary>
internal static class ScoringApi
{
    public static IEndpointRouteBuilder MapScoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Scoring");

        api.MapPost("/predict", Predict)
            .RequireApiKey()
            .WithName("Predict")
            .WithSummary("Score one claim")
            .WithDescription("Body: a contract §1 claim. Answers the §2 score. 400 names every wrong field. Replaces seed 003's Flask ml_service /predict.")
            .DocumentRequestBody<ClaimDocument>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/predict/batch", PredictBatch)
            .RequireApiKey()
            .WithName("PredictBatch")
            .WithSummary("Score many claims, in order")
            .WithDescription(
                "application/json: an array of claims → an array of scores in the same order; if any claim is wrong, 400 names each " +
                "wrong field as [index].field and nothing is scored. application/x-ndjson: one claim per line → one score per line, " +
                "streamed while the input is read; a line that cannot be scored gets {\"line\", \"status\", \"title\", \"errors\"} in its place.")
            .DocumentRequestBody<ClaimDocument[]>("application/json", NdjsonScores.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/model", PredictCml)
            .RequireApiKey(ApiKeyRequirement.BearerOrCmlAccessKey)
            .WithName("PredictCml")
            .WithSummary("Score one claim, Cloudera CML model-serving form")
            .WithDescription(
                "Body {\"accessKey\": \"...\", \"request\": <claim>} (or ?accessKey= and {\"request\": ...}, or Authorization: Bearer). " +
                "Answers {\"success\": true, \"response\": <score>, \"ReplicaID\": \"...\"}; failures {\"success\": false, \"errors\": {...}} " +
                "with status 400, 401, 413, 415 or 503.")
            .DocumentRequestBody<CmlRequestDocument>("application/json")
            .Produces<CmlFailure>(StatusCodes.Status400BadRequest)
            .Produces<CmlFailure>(StatusCodes.Status401Unauthorized)
            .Produces<CmlFailure>(StatusCodes.Status413PayloadTooLarge)
            .Produces<CmlFailure>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<CmlFailure>(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<ScoreResult, ValidationProblem, ProblemHttpResult>> Predict(HttpContext context, [AsParameters] ScoringServices services)
    {
        if (RequestBody.KindOf(context.Request.ContentType) != BodyKind.Json) return Problems.UnsupportedMediaType("application/json");
        int limit = services.Limits.Value.MaxClaimBytes;
        var body = await RequestBody.ReadAsync(context, limit, services.Validation, TextGuard.ParseClaim);
        if (body.Status == BodyStatus.TooLarge) return Problems.TooLarge(limit);
        if (body.Status == BodyStatus.Unreadable) return Problems.Unreadable(body.FailureStatus);
        if (body.Value!.Claim is not { } claim) return Problems.Invalid(body.Value.Errors);

        var score = await services.Scoring.ScoreAsync(claim, useChat: true, context.RequestAborted);
        return score is null ? Problems.NoModel() : new ScoreResult(score);
    }

    public static async Task<Results<ScoresResult, NdjsonScores, ValidationProblem, ProblemHttpResult>> PredictBatch(
        HttpContext context, [AsParameters] ScoringServices services)
    {
        var limits = services.Limits.Value;
        bool useChat = services.Explanation.Value.UseInBatches;
        switch (RequestBody.KindOf(context.Request.ContentType))
        {
            case BodyKind.Ndjson:
                if (context.Request.ContentLength > limits.MaxStreamBytes) return Problems.TooLarge(limits.MaxStreamBytes);
                return new NdjsonScores(services.Scoring, services.Validation, limits, useChat);
            case BodyKind.Unsupported:
                return Problems.UnsupportedMediaType($"application/json (an array of claims) or {NdjsonScores.ContentType} (one claim per line)");
        }

        var body = await RequestBody.ReadAsync(context, limits.MaxBatchBytes, (services.Validation, limits.MaxBatchClaims), RequestBodies.ParseBatch);
        if (body.Status == BodyStatus.TooLarge) return Problems.TooLarge(limits.MaxBatchBytes);
        if (body.Status == BodyStatus.Unreadable) return Problems.Unreadable(body.FailureStatus);
        if (!body.Value!.Errors.IsEmpty) return Problems.Invalid(body.Value.Errors, "Some claims in the batch are not valid");

        // Each score's JSON is written in the parallel scoring loop; the response only strings them together.
        var scores = await services.Scoring.ScoreInOrderAsync(body.Value.Claims, useChat, ScoreWriter.ToUtf8Bytes, context.RequestAborted);
        return scores is null ? Problems.NoModel() : new ScoresResult(scores);
    }

    public static async Task<Results<Ok<CmlSuccess>, JsonHttpResult<CmlFailure>>> PredictCml(HttpContext context, [AsParameters] ScoringServices services)
    {
        string replica = services.Serving.Value.ReplicaId;
        if (RequestBody.KindOf(context.Request.ContentType) != BodyKind.Json)
            return Failure(StatusCodes.Status415UnsupportedMediaType, "Content-Type", "must be application/json");
        int limit = services.Limits.Value.MaxClaimBytes;
        var body = await RequestBody.ReadAsync(context, limit, services.Validation, RequestBodies.ParseCml);
        if (body.Status == BodyStatus.TooLarge) return Failure(StatusCodes.Status413PayloadTooLarge, "$", $"the body exceeds {limit} bytes");
        if (body.Status == BodyStatus.Unreadable) return Failure(body.FailureStatus, "$", "the body could not be read");
        var cml = body.Value!;

        // The key may come in the header, the query string or the body; any one of them right is enough.
        var keys = services.Keys;
        bool authorized = keys.HasValidBearer(context.Request)
            || context.Request.Query["accessKey"] is { Count: 1 } q && keys.IsValid(q[0])
            || cml.AccessKey is { } k && keys.IsValid(k);
        if (!authorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Failure(StatusCodes.Status401Unauthorized, "accessKey", "is missing or wrong (send it as accessKey, ?accessKey= or Authorization: Bearer)");
        }
        if (!cml.Errors.IsEmpty || cml.Request?.Claim is not { } claim)
            return TypedResults.Json(new CmlFailure(false, cml.Errors.ToDictionary(), replica), statusCode: StatusCodes.Status400BadRequest);

        var score = await services.Scoring.ScoreAsync(claim, useChat: true, context.RequestAborted);
        if (score is null) return Failure(StatusCodes.Status503ServiceUnavailable, "model", "no model version could be loaded; see GET /ready");
        return TypedResults.Ok(new CmlSuccess(true, score, replica));

        JsonHttpResult<CmlFailure> Failure(int status, string field, string message) =>
            TypedResults.Json(new CmlFailure(false, new Dictionary<string, string[]> { [field] = [message] }, replica), statusCode: status);
    }
}
