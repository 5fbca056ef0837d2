using ClaimFraud.Features.Schema;
using ClaimFraud.Serving.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.Serving.Tests;

public sealed class HealthAndDocsTests
{
    [Fact]
    public async Task HealthAnswersWhileTheProcessRuns()
    {
        using var empty = new TempDirectory("no-models");
        await using var app = new ClaimFraudApplication(modelsRoot: empty.Path);
        using var client = app.CreateClient();

        var health = await (await client.GetAsync("/health")).ExpectAsync(200);

        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadyReportsTheModelAndBothStores()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();

        var ready = await (await client.GetAsync("/ready")).ExpectAsync(200);

        var checks = ready.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("model").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("claim_source").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("result_store").GetProperty("status").GetString());
        Assert.Equal(0, checks.GetProperty("outbox").GetProperty("data").GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task WithoutAModelReadyIs503AndSaysWhy()
    {
        using var empty = new TempDirectory("no-models");
        await using var app = new ClaimFraudApplication(modelsRoot: empty.Path);
        using var client = app.CreateClient();

        var ready = await (await client.GetAsync("/ready")).ExpectAsync(503);

        Assert.Equal("unhealthy", ready.GetProperty("checks").GetProperty("model").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ModelInfoDescribesTheServedModel()
    {
        var committed = TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();

        var info = await (await client.GetAsync("/model/info")).ExpectAsync(200);

        Assert.Equal(committed.ModelVersion, info.GetProperty("model_version").GetString());
        Assert.Equal(FeatureSchema.Current.Hash, info.GetProperty("feature_schema_hash").GetString());
        Assert.Equal([.. FeatureSchema.Current.Names], info.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray());
        Assert.True(info.GetProperty("metrics").EnumerateObject().Any());
        Assert.True(info.TryGetProperty("created_at", out _));
        Assert.True(info.GetProperty("combination").TryGetProperty("model_weight", out _));
        Assert.False(string.IsNullOrEmpty(info.GetProperty("attribution").GetString()));
    }

    [Fact]
    public async Task TheOpenApiDocumentNamesEveryEndpointAndWhichNeedTheKey()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();

        var doc = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(200);

        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/predict", "/predict/batch", "/model", "/model/info", "/model/reload",
                                     "/claims/{claim_id}/score", "/claims/{claim_id}/fraud-result", "/claims/{claim_id}/decision" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        var predict = paths.GetProperty("/predict").GetProperty("post");
        Assert.Equal("Predict", predict.GetProperty("operationId").GetString());
        Assert.True(predict.TryGetProperty("security", out _));
        Assert.True(predict.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(predict.GetProperty("responses").TryGetProperty("413", out _));
        Assert.False(paths.GetProperty("/model/info").GetProperty("get").TryGetProperty("security", out _));
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        var claimSchema = predict.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(claimSchema.GetProperty("properties").TryGetProperty("claim_id", out _));
        Assert.True(claimSchema.GetProperty("properties").GetProperty("hospital").GetProperty("properties").TryGetProperty("class", out _));
        var required = claimSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToArray();
        Assert.Contains("hospital_tariff", required);
        Assert.DoesNotContain("doctor_id", required);
        Assert.DoesNotContain("procedures", required);
    }

    [Fact]
    public async Task TheDocsPageServesTheUiOverTheOpenApiDocument()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/docs/index.html");
        var init = await client.GetStringAsync("/docs/index.js");

        Assert.Contains("swagger", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/openapi/v1.json", page + init);
    }

    [Fact]
    public async Task NoNikNameOrCardNumberEverReachesTheLogs()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        var bad = TestClaims.CombinedFraud();
        bad["care_class"] = 9;

        await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);
        await (await client.PostAsync("/predict", TestClaims.Json(bad))).ExpectAsync(400);
        var ndjson = await client.PostAsync("/predict/batch", TestClaims.Json(TestClaims.CombinedFraudLine + "\n", "application/x-ndjson"));
        Assert.Contains("\"risk_level\":\"critical\"", await ndjson.Content.ReadAsStringAsync());
        await (await client.PostAsync("/model", TestClaims.Json(new System.Text.Json.Nodes.JsonObject { ["request"] = TestClaims.CombinedFraud() }))).ExpectAsync(200);

        var logs = app.Logs.AllText;
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(TestClaims.Nik, logs);
        Assert.DoesNotContain(TestClaims.PatientName, logs);
        Assert.DoesNotContain(TestClaims.BpjsNumber, logs);
        Assert.DoesNotContain(ClaimFraudApplication.ApiKey, logs);
        // The score itself is logged only at Debug, by claim id and model version.
        Assert.Contains(app.Logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains("CLM-2025-COMBINED-001", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Level >= LogLevel.Information && l.Category.StartsWith("ClaimFraud.Serving.Scoring", StringComparison.Ordinal));
    }
}
