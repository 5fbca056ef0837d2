using ClaimFraud.Serving.Apis;
using ClaimFraud.Serving.Auth;
using ClaimFraud.Serving.Health;
using ClaimFraud.Serving.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Model, scoring, claims database, result store, API key, JSON, OpenAPI and health checks (Hosting/)
builder.AddClaimFraudServing();

var app = builder.Build();

// Unhandled errors and bare status codes as RFC 9457 problem details, never a stack trace
app.UseExceptionHandler();
app.UseStatusCodePages();

// One line per request without bodies or query strings, when Microsoft.AspNetCore.HttpLogging is at Information
app.UseHttpLogging();

// Authorization: Bearer <key> on the scoring, claim and admin endpoints
app.UseApiKeyAuthentication();

// The OpenAPI document and a browsable UI over it at /docs (its middleware only sees /docs requests, not the hot path)
app.MapOpenApi();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/docs"), docs => docs.UseSwaggerUI(ui =>
{
    ui.SwaggerEndpoint("/openapi/v1.json", "ClaimFraud v1");
    ui.RoutePrefix = "docs";
    ui.DocumentTitle = "ClaimFraud API";
}));

// The endpoints (Apis/): contract §3
app.MapScoringApi();
app.MapClaimsApi();
app.MapModelApi();
app.MapHealthEndpoints();

app.Run();
