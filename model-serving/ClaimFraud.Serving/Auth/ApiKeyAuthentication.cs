using ClaimFraud.Serving.Options;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Auth;

/// <summary>Endpoint metadata: the endpoint takes the API key (<see cref="ApiKeyAuthentication"/> checks it before binding).</summary>
internal sealed class ApiKeyRequirement
{
    public static readonly ApiKeyRequirement Bearer = new(cmlAccessKey: false);

    /// <summary>POST /model: the handler checks the key itself, since CML may send it as accessKey in the body.</summary>
    public static readonly ApiKeyRequirement BearerOrCmlAccessKey = new(cmlAccessKey: true);

    private ApiKeyRequirement(bool cmlAccessKey) => AcceptsCmlAccessKey = cmlAccessKey;

    public bool AcceptsCmlAccessKey { get; }
}

internal static class ApiKeyAuthentication
{
    /// <summary>Marks the endpoints as needing the key (also shown as a security requirement in the OpenAPI document).</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, ApiKeyRequirement? requirement = null) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(requirement ?? ApiKeyRequirement.Bearer);
        return builder;
    }

    /// <summary>
    /// Answers 401 to a request for a keyed endpoint without the right bearer key, before its body is read. A middleware
    /// rather than an endpoint filter keeps the scoring hot path free of filter contexts.
    /// </summary>
    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var requirement = context.GetEndpoint()?.Metadata.GetMetadata<ApiKeyRequirement>();
            if (requirement is null || requirement.AcceptsCmlAccessKey) return next(context);
            var keys = context.RequestServices.GetRequiredService<ApiKeys>();
            return keys.HasValidBearer(context.Request) ? next(context) : Unauthorized(context).ExecuteAsync(context);
        });

    public static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Missing or wrong API key",
            detail: $"Send the header 'Authorization: Bearer <key>' with the server's key (the value of {AuthOptions.KeyVariable}).");
    }
}

/// <summary>Prints a generated key once, as Jupyter prints its token (to the console, not the logs), or warns that auth is off.</summary>
internal sealed partial class ApiKeyAnnouncement(ApiKeys keys, IOptions<AuthOptions> options, ILogger<ApiKeyAnnouncement> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Disabled) LogAuthDisabled(log);
        else if (keys.GeneratedKey is { } key)
            Console.Out.WriteLine($"ClaimFraud API key (generated because {AuthOptions.KeyVariable} is not set):\n    Authorization: Bearer {key}");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is OFF (Auth:Disabled=true): anyone who can reach this server can score claims and record decisions")]
    private static partial void LogAuthDisabled(ILogger logger);
}
