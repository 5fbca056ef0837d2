using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

public sealed class PredictTests
{
    [Fact]
    public async Task TheSeedsCombinedFraudCaseComesBackCriticalWithItsEightRules()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();

        var score = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        Assert.Equal("CLM-2025-COMBINED-001", score.GetProperty("claim_id").GetString());
        Assert.Equal("critical", score.GetProperty("risk_level").GetString());
        Assert.Equal("urgent", score.GetProperty("priority").GetString());
        Assert.Equal("REJECT_OR_INVESTIGATE", score.GetProperty("recommendation").GetString());
        Assert.True(score.GetProperty("fraud_score").GetDouble() >= 0.90, $"fraud_score {score.GetProperty("fraud_score")}");
        Assert.Equal(RiskBands.RiskScore(score.GetProperty("fraud_score").GetDouble()), score.GetProperty("risk_score").GetInt32());
        var codes = score.Codes();
        foreach (var code in TestClaims.CombinedFraudCodes) Assert.Contains(code, codes);
        Assert.StartsWith("claim-fraud-xgb-", score.GetProperty("model_version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(score.GetProperty("explanation").GetString()));
    }

    [Fact]
    public async Task TheScoreIsTheContractsSnakeCaseJsonAndReadsBackAsAClaimScore()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();

        var response = await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        foreach (var field in new[] { "claim_id", "model_version", "fraud_score", "risk_score", "risk_level", "priority", "recommendation",
                                      "components", "suspicious_sections", "rule_violations", "importance", "explanation", "scored_at" })
            Assert.Contains($"\"{field}\":", text);
        var score = ScoreJson.Deserialize(text)!;
        Assert.Equal(text, ScoreJson.Serialize(score));
        Assert.Equal(TimeSpan.FromHours(7), score.ScoredAt.Offset);
    }

    [Fact]
    public async Task PostingClaimWithoutNikReturnsProblemDetails()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        var claim = TestClaims.CombinedFraud();
        claim["patient"]!.AsObject().Remove("nik");

        var response = await client.PostAsync("/predict", TestClaims.Json(claim));
        var problem = await response.ExpectAsync(400);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(["patient.nik"], problem.ErrorFields());
        Assert.Contains("required", problem.GetProperty("errors").GetProperty("patient.nik")[0].GetString());
    }

    [Fact]
    public async Task PostingClaimWithManyWrongFieldsNamesEveryOne()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        var claim = TestClaims.CombinedFraud();
        claim["care_class"] = 7;
        claim["hospital"]!["class"] = "Z";
        claim["patient"]!["sex"] = 1;
        claim["diagnoses"] = new JsonArray();
        claim["hospital_tariff"] = "a lot";
        claim["medications"]![0]!["unit_price"] = -5;

        var problem = await (await client.PostAsync("/predict", TestClaims.Json(claim))).ExpectAsync(400);

        var fields = problem.ErrorFields();
        foreach (var expected in new[] { "care_class", "hospital.class", "patient.sex", "diagnoses", "hospital_tariff", "medications[0].unit_price" })
            Assert.Contains(expected, fields);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsA400NamingTheRoot()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();

        var problem = await (await client.PostAsync("/predict", TestClaims.Json("{\"claim_id\": "))).ExpectAsync(400);

        Assert.Equal(["$"], problem.ErrorFields());
        Assert.Contains("not valid JSON", problem.GetProperty("errors").GetProperty("$")[0].GetString());
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413EvenWithoutContentLength()
    {
        // On a real socket, so Kestrel's own per-request limit is in play as well as the app's.
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Limits:MaxClaimBytes"] = "4096" }, kestrel: true);
        using var client = app.CreateAuthorizedClient();
        var big = Encoding.UTF8.GetBytes("{\"claim_id\": \"" + new string('x', 10_000) + "\"}");

        var declared = await client.PostAsync("/predict", TestClaims.Bytes(big));
        var chunked = await client.PostAsync("/predict", new ChunkedContent(big, "application/json"));

        var problem = await declared.ExpectAsync(413);
        Assert.Contains("4096", problem.GetProperty("detail").GetString());
        await chunked.ExpectAsync(413);
    }

    [Fact]
    public async Task ABodyJustUnderTheLimitIsRead()
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Limits:MaxClaimBytes"] = "4096" });
        using var client = app.CreateAuthorizedClient();
        var body = TestClaims.CombinedFraudJson.PadRight(4096);

        var response = await client.PostAsync("/predict", TestClaims.Json(body));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task AWrongContentTypeIs415(string? contentType)
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();

        var response = await client.PostAsync("/predict", TestClaims.Bytes(Encoding.UTF8.GetBytes(TestClaims.CombinedFraudJson), contentType));

        var problem = await response.ExpectAsync(415);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AJsonSuffixMediaTypeIsAccepted()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();

        var response = await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson, "application/vnd.claim+json"));

        await response.ExpectAsync(200);
    }

    [Fact]
    public async Task ScoringFromManyRequestsAtOnceGivesTheSameScores()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        // Warm the history with the claim once, so every concurrent request sees the same history (its own id is excluded).
        var first = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        var all = await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
            await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200)));

        foreach (var score in all)
        {
            Assert.Equal(first.GetProperty("fraud_score").GetDouble(), score.GetProperty("fraud_score").GetDouble());
            Assert.Equal(first.GetProperty("rule_violations").GetRawText(), score.GetProperty("rule_violations").GetRawText());
        }
    }

    [Fact]
    public async Task WithoutAModelScoringAnswers503AndNotAServerError()
    {
        using var empty = new TempDirectory("no-models");
        await using var app = new ClaimFraudApplication(modelsRoot: empty.Path);
        using var client = app.CreateAuthorizedClient();

        var predict = await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson));
        var info = await client.GetAsync("/model/info");

        var problem = await predict.ExpectAsync(503);
        Assert.Equal("No model loaded", problem.GetProperty("title").GetString());
        await info.ExpectAsync(503);
        Assert.True(app.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "No model claim-fraud-xgb"));
    }

    /// <summary>Content without a length, so the server sees a chunked body.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _body;

        public ChunkedContent(byte[] body, string contentType)
        {
            _body = body;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (int i = 0; i < _body.Length; i += 1000) await stream.WriteAsync(_body.AsMemory(i, Math.Min(1000, _body.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
