using ClaimFraud.Serving.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClaimFraud.Serving.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json: title, the bearer scheme, and which operations need the key.</summary>
internal static class OpenApiSetup
{
    private const string Scheme = "ApiKey";

    /// <summary>
    /// Documents the request body without declaring it to routing: an endpoint with accepts-metadata is answered 415 by
    /// the router for other content types, before the handler could answer in its own (e.g. CML's) shape.
    /// </summary>
    public static RouteHandlerBuilder DocumentRequestBody<T>(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new RequestBodyDocumentation(typeof(T), contentTypes));

    private sealed record RequestBodyDocumentation(Type Type, string[] ContentTypes);

    public static IServiceCollection AddClaimFraudOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, ct) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ClaimFraud scoring API",
                    Version = "v1",
                    Description = "Fraud scores for JKN (BPJS Kesehatan) hospital claims: contract §1 claims in, §2 scores out.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The server's key (CLAIMFRAUD_API_KEY) as 'Authorization: Bearer <key>'. POST /model also takes CML's accessKey.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<ApiKeyRequirement>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
                }
                if (metadata.OfType<RequestBodyDocumentation>().FirstOrDefault() is { } body)
                {
                    var schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = body.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
                    };
                }
            });
        });
}
