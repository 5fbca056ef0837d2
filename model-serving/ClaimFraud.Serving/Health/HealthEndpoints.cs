using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimFraud.Serving.Health;

/// <summary>GET /health (liveness: the process answers) and GET /ready (model loaded, claims database and result store reachable; else 503).</summary>
internal static class HealthEndpoints
{
    private const string Live = "live";
    private const string Ready = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddClaimFraudHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("alive"), [Live])
            .AddCheck<ModelHealthCheck>("model", tags: [Ready])
            .AddCheck<ClaimSourceHealthCheck>("claim_source", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<ResultStoreHealthCheck>("result_store", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<OutboxHealthCheck>("outbox", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Live), ResponseWriter = WriteAsync })
            .WithDisplayName("Liveness");
        app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .WithDisplayName("Readiness");
        return app;
    }

    /// <summary><c>{"status", "duration_ms", "checks": {name: {"status", "description", "duration_ms", "data"}}}</c>; no claim data.</summary>
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(context.Response.Body);
        w.WriteStartObject();
        w.WriteString("status", Name(report.Status));
        w.WriteNumber("duration_ms", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        w.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            w.WriteStartObject(name);
            w.WriteString("status", Name(entry.Status));
            if (entry.Description is { } description) w.WriteString("description", description);
            else if (entry.Exception is { } e) w.WriteString("description", $"{e.GetType().Name}: {e.Message}");
            w.WriteNumber("duration_ms", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Data.Count > 0)
            {
                w.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    switch (value)
                    {
                        case int i: w.WriteNumber(key, i); break;
                        case long l: w.WriteNumber(key, l); break;
                        case double d: w.WriteNumber(key, d); break;
                        case bool b: w.WriteBoolean(key, b); break;
                        default: w.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
