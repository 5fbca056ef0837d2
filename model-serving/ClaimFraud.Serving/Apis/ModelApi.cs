using ClaimFraud.Serving.Auth;
using ClaimFraud.Serving.Http;
using ClaimFraud.Serving.Json;
using ClaimFraud.Serving.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClaimFraud.Serving.Apis;

/// <summary>GET /model/info and the admin POST /model/reload.</summary>
internal static class ModelApi
{
    public static IEndpointRouteBuilder MapModelApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/model").WithTags("Model");

        api.MapGet("/info", GetModelInfo)
            .WithName("GetModelInfo")
            .WithSummary("The model being served")
            .WithDescription("Version, feature list, test metrics, created_at, attribution and how model and rules are combined. Needs no key.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/reload", ReloadModel)
            .RequireApiKey()
            .WithName("ReloadModel")
            .WithSummary("Load the newest (or configured) model version now")
            .WithDescription(
                "Does what the folder watcher does, at once, and retries versions refused before. 200 with what happened " +
                "(loaded or unchanged); 409 when the version to serve was refused (damaged, other feature schema) — the previous " +
                "version keeps serving and problem says why; 503 when no model can be found at all.")
            .Produces<ReloadResponse>(StatusCodes.Status409Conflict)
            .Produces<ReloadResponse>(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return app;
    }

    public static Results<Ok<ModelInfo>, ProblemHttpResult> GetModelInfo(ModelHost models)
    {
        using var lease = models.Acquire();
        if (lease.Generation is not { } g) return Problems.NoModel();
        var m = g.Manifest;
        return TypedResults.Ok(new ModelInfo(
            m.ModelVersion, m.Name, m.Version, m.CreatedAt, g.LoadedAt, m.FeatureSchema.Hash,
            [.. m.FeatureSchema.Features.Select(f => new ModelFeature(f.Name, f.Kind, f.Description))],
            m.Metrics.ToDictionary(kv => kv.Key, kv => double.IsFinite(kv.Value) ? kv.Value : (double?)null, StringComparer.Ordinal),
            g.Attribution,
            new ModelCombination(m.Combination.Method, m.Combination.ModelWeight, m.Combination.SoloWeight),
            m.ModelThreshold,
            m.XGBoostVersion,
            new ModelDataset(m.Dataset.Source, m.Dataset.Seed, m.Dataset.Claims, m.Dataset.FraudClaims, m.Dataset.Split)));
    }

    public static async Task<Results<Ok<ReloadResponse>, JsonHttpResult<ReloadResponse>>> ReloadModel(ModelHost models, HttpContext context)
    {
        var result = await models.ReloadAsync("POST /model/reload", force: true, context.RequestAborted);
        var response = new ReloadResponse(StatusName(result.Status), result.ModelVersion, result.PreviousVersion, result.Problem);
        return result.Status switch
        {
            ReloadStatus.Loaded or ReloadStatus.Unchanged => TypedResults.Ok(response),
            ReloadStatus.Refused => TypedResults.Json(response, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Json(response, statusCode: result.ModelVersion is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict),
        };
    }

    private static string StatusName(ReloadStatus status) => status switch
    {
        ReloadStatus.Loaded => "loaded",
        ReloadStatus.Unchanged => "unchanged",
        ReloadStatus.Refused => "refused",
        _ => "not_found",
    };
}
