using ClaimFraud.ResultStore;
using ClaimFraud.ResultStore.Outbox;
using ClaimFraud.Serving.Claims;
using ClaimFraud.Serving.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClaimFraud.Serving.Health;

/// <summary>Ready when a model version is loaded.</summary>
internal sealed class ModelHealthCheck(ModelHost models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = models.Current;
        return Task.FromResult(current is null
            ? HealthCheckResult.Unhealthy($"No model loaded from {models.Root}")
            : HealthCheckResult.Healthy($"{current.ModelVersion} loaded", new Dictionary<string, object>
            {
                ["model_version"] = current.ModelVersion,
                ["loaded_at"] = current.LoadedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }));
    }
}

/// <summary>Ready when the claims database answers a point read (POST /claims/{id}/score needs it).</summary>
internal sealed class ClaimSourceHealthCheck(ClaimSource claims) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["backend"] = claims.Backend };
        return await claims.ProbeAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem, data: data)
            : HealthCheckResult.Healthy("answers", data);
    }
}

/// <summary>Ready when the result store (HBase or SQLite) answers; while it does not, results queue in the outbox.</summary>
internal sealed class ResultStoreHealthCheck(IResultStore results) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await results.PingAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["backend"] = health.Backend };
        return health.IsReachable
            ? HealthCheckResult.Healthy("answers", data)
            : HealthCheckResult.Unhealthy(health.Problem ?? "unreachable", data: data);
    }
}

/// <summary>The outbox's counts: degraded (still ready) while writes wait for delivery or some were set aside.</summary>
internal sealed class OutboxHealthCheck(OutboxResultStore outbox) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = outbox.GetStatus();
        var data = new Dictionary<string, object>
        {
            ["pending"] = s.PendingCount,
            ["rejected"] = s.RejectedCount,
            ["oldest_pending_seconds"] = Math.Round(s.OldestPendingAge?.TotalSeconds ?? 0, 1),
        };
        if (s.LastDeliveryProblem is { } problem) data["last_delivery_problem"] = problem;
        return Task.FromResult(s.PendingCount == 0 && s.RejectedCount == 0
            ? HealthCheckResult.Healthy("empty", data)
            : HealthCheckResult.Degraded($"{s.PendingCount} write(s) waiting for delivery, {s.RejectedCount} set aside in rejected/", data: data));
    }
}
