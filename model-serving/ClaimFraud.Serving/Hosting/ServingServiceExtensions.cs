using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Features;
using ClaimFraud.Features.History;
using ClaimFraud.ResultStore.Hosting;
using ClaimFraud.Serving.Auth;
using ClaimFraud.Serving.Claims;
using ClaimFraud.Serving.Explanations;
using ClaimFraud.Serving.Health;
using ClaimFraud.Serving.Json;
using ClaimFraud.Serving.Models;
using ClaimFraud.Serving.OpenApi;
using ClaimFraud.Serving.Options;
using ClaimFraud.Serving.Scoring;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Hosting;

internal static class ServingServiceExtensions
{
    /// <summary>Everything the serving app needs: options, model, scoring, stores, auth, JSON, OpenAPI, health and logging.</summary>
    public static WebApplicationBuilder AddClaimFraudServing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Logging defaults under every other configuration source, so appsettings or Logging__LogLevel__… override them
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LoggingDefaults });

        // Options, validated at start so a wrong setting stops the app with its key named
        services.AddCheckedOptions<ModelOptions>(ModelOptions.Section);
        services.AddCheckedOptions<AuthOptions>(AuthOptions.Section);
        services.AddCheckedOptions<LimitsOptions>(LimitsOptions.Section);
        services.AddCheckedOptions<ExplanationOptions>(ExplanationOptions.Section);
        services.AddCheckedOptions<ClaimSourceOptions>(ClaimSourceOptions.Section);
        services.AddCheckedOptions<ServingOptions>(ServingOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        // Scoring: one claim history for the process, the model host and its watcher, the optional chat explainer
        services.AddSingleton(_ => new ClaimEvidence(ReferenceCatalog.Default));
        services.AddSingleton(sp => sp.GetRequiredService<ClaimEvidence>().CreateHistory());
        services.AddSingleton<IClaimHistory>(sp => sp.GetRequiredService<InMemoryClaimHistory>());
        services.AddSingleton(sp => new ClaimValidationOptions { Clock = sp.GetRequiredService<TimeProvider>() });
        services.AddSingleton<ModelHost>();
        services.AddHostedService<ModelWatcher>();
        services.AddSingleton(sp => new ClaimScoring(
            sp.GetRequiredService<ModelHost>(),
            sp.GetRequiredService<InMemoryClaimHistory>(),
            sp.GetRequiredService<ILogger<ClaimScoring>>(),
            sp.GetRequiredService<IOptions<ExplanationOptions>>().Value.IsConfigured
                ? new ChatExplainer(sp.GetRequiredService<IOptions<ExplanationOptions>>(), sp.GetRequiredService<ILogger<ChatExplainer>>())
                : null));

        // Claims database (MySQL or embedded SQLite) and result store (HBase or SQLite, behind the outbox)
        services.AddSingleton<ClaimSource>();
        services.AddClaimFraudResultStore();

        // API key
        services.AddSingleton<ApiKeys>();
        services.AddHostedService<ApiKeyAnnouncement>();

        // snake_case JSON everywhere, scores through their source-generated context
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Numbers are numbers (the web default also reads them from strings, which the OpenAPI schemas would then show)
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ScoreJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, ServingJsonContext.Default);
        });
        services.AddProblemDetails();
        services.AddClaimFraudOpenApi();
        services.AddClaimFraudHealthChecks();

        // Kestrel takes the largest body any endpoint does; each endpoint lowers the limit for its own requests
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimits>();
        services.AddSingleton<IConfigureOptions<SocketTransportOptions>, SocketQueues>();

        // Request lines without bodies, headers or query strings (accessKey may be in the query); off unless the
        // Microsoft.AspNetCore.HttpLogging category is set to Information
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }

    /// <summary>Framework request chatter off (the hot path logs nothing per request at Information); the app's own lines on.</summary>
    private static readonly Dictionary<string, string?> LoggingDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // The hosting layer starts an Activity for every request whenever this category logs at any level; it only
        // logs request lines and start-up chatter (start-up failures still stop the app with their exception).
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None",
        ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    private static void AddCheckedOptions<T>(this IServiceCollection services, string section) where T : class, ICheckedOptions
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, ProblemsValidator<T>>());
    }

    private sealed class KestrelLimits(IOptions<LimitsOptions> limits) : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions options)
        {
            options.Limits.MaxRequestBodySize = limits.Value.LargestBody;
            options.AddServerHeader = false;
        }
    }

    private sealed class SocketQueues(IOptions<ServingOptions> serving) : IConfigureOptions<SocketTransportOptions>
    {
        public void Configure(SocketTransportOptions options) => options.IOQueueCount = serving.Value.IoQueueCount;
    }
}
