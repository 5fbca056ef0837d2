using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>POST /model, the Cloudera CML model-serving form (DOMAIN.md: body {"accessKey", "request"}, answer {"success", "response", "ReplicaID"}).</summary>
public sealed class CmlTests
{
    [Fact]
    public async Task TheAccessKeyInTheBodyScoresTheRequestInCmlsEnvelope()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();
        var body = new JsonObject { ["accessKey"] = ClaimFraudApplication.ApiKey, ["request"] = TestClaims.CombinedFraud() };

        var answer = await (await client.PostAsync("/model", TestClaims.Json(body))).ExpectAsync(200);

        Assert.True(answer.GetProperty("success").GetBoolean());
        Assert.Equal("test-replica", answer.GetProperty("ReplicaID").GetString());
        var score = answer.GetProperty("response");
        Assert.Equal("CLM-2025-COMBINED-001", score.GetProperty("claim_id").GetString());
        Assert.Equal("critical", score.GetProperty("risk_level").GetString());
    }

    [Fact]
    public async Task TheAccessKeyInTheQueryStringOrTheBearerHeaderIsAcceptedToo()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();
        var body = new JsonObject { ["request"] = TestClaims.CombinedFraud() };

        var byQuery = await client.PostAsync($"/model?accessKey={ClaimFraudApplication.ApiKey}", TestClaims.Json(body));
        using var bearer = new HttpRequestMessage(HttpMethod.Post, "/model") { Content = TestClaims.Json(body) };
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ClaimFraudApplication.ApiKey);
        var byHeader = await client.SendAsync(bearer);

        Assert.True((await byQuery.ExpectAsync(200)).GetProperty("success").GetBoolean());
        Assert.True((await byHeader.ExpectAsync(200)).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task AMissingOrWrongAccessKeyIs401InCmlsFailureShape()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();
        var wrong = new JsonObject { ["accessKey"] = "not-the-key", ["request"] = TestClaims.CombinedFraud() };
        var none = new JsonObject { ["request"] = TestClaims.CombinedFraud() };

        var a = await (await client.PostAsync("/model", TestClaims.Json(wrong))).ExpectAsync(401);
        var b = await (await client.PostAsync("/model?accessKey=nope", TestClaims.Json(none))).ExpectAsync(401);

        foreach (var failure in new[] { a, b })
        {
            Assert.False(failure.GetProperty("success").GetBoolean());
            Assert.Equal(["accessKey"], failure.ErrorFields());
        }
    }

    [Fact]
    public async Task AWrongClaimInsideTheRequestIs400NamingItsFieldsUnderRequest()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();
        var claim = TestClaims.CombinedFraud();
        claim["patient"]!.AsObject().Remove("nik");
        claim["care_class"] = "first";
        var body = new JsonObject { ["accessKey"] = ClaimFraudApplication.ApiKey, ["request"] = claim };

        var failure = await (await client.PostAsync("/model", TestClaims.Json(body))).ExpectAsync(400);

        Assert.False(failure.GetProperty("success").GetBoolean());
        Assert.Contains("request.patient.nik", failure.ErrorFields());
        Assert.Contains("request.care_class", failure.ErrorFields());
    }

    [Fact]
    public async Task ABodyWithoutARequestIs400SayingSo()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();

        var failure = await (await client.PostAsync("/model", TestClaims.Json(new JsonObject { ["accessKey"] = ClaimFraudApplication.ApiKey }))).ExpectAsync(400);

        Assert.Equal(["request"], failure.ErrorFields());
    }

    [Fact]
    public async Task TooLargeAndWrongContentTypeKeepTheCmlShape()
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Limits:MaxClaimBytes"] = "4096" });
        using var client = app.CreateAuthorizedClient();

        var large = await (await client.PostAsync("/model", TestClaims.Json("{\"request\": \"" + new string('y', 9000) + "\"}"))).ExpectAsync(413);
        var text = await (await client.PostAsync("/model", TestClaims.Json("request", "text/plain"))).ExpectAsync(415);

        Assert.False(large.GetProperty("success").GetBoolean());
        Assert.False(text.GetProperty("success").GetBoolean());
        Assert.Equal(["Content-Type"], text.ErrorFields());
    }
}
