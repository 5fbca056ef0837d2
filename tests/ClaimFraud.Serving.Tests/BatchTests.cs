using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

public sealed class BatchTests
{
    private const string Ndjson = "application/x-ndjson";

    [Fact]
    public async Task AJsonArrayOfClaimsComesBackAsScoresInTheSameOrder()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        string[] ids = ["CLM-B-3", "CLM-B-1", "CLM-B-2"];
        var batch = new JsonArray([.. ids.Select(id => (JsonNode)TestClaims.WithId(id))]);

        var scores = await (await client.PostAsync("/predict/batch", TestClaims.Json(batch))).ExpectAsync(200);

        Assert.Equal(JsonValueKind.Array, scores.ValueKind);
        Assert.Equal(ids, scores.EnumerateArray().Select(s => s.GetProperty("claim_id").GetString()).ToArray());
        Assert.All(scores.EnumerateArray(), s => Assert.Equal("critical", s.GetProperty("risk_level").GetString()));
    }

    [Fact]
    public async Task ABadElementInAJsonArrayIs400NamingItsIndexAndFieldsAndNothingIsScored()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        var second = TestClaims.WithId("CLM-B-5");
        second["patient"]!["nik"] = "123";
        second["care_type"] = "sideways";
        var batch = new JsonArray(TestClaims.WithId("CLM-B-4"), second, JsonValue.Create(42));

        var problem = await (await client.PostAsync("/predict/batch", TestClaims.Json(batch))).ExpectAsync(400);

        var fields = problem.ErrorFields();
        Assert.Contains("[1].patient.nik", fields);
        Assert.Contains("[1].care_type", fields);
        Assert.Contains("[2]", fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("[0]", StringComparison.Ordinal));
        // Nothing was scored, so the first claim is not in the history: scoring it alone sees no earlier copy of itself.
        var history = app.Services.GetService(typeof(ClaimFraud.Features.History.InMemoryClaimHistory)) as ClaimFraud.Features.History.InMemoryClaimHistory;
        Assert.Equal(0, history!.Count);
    }

    [Fact]
    public async Task ABatchOverTheClaimLimitIsRefusedWithTheCount()
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Limits:MaxBatchClaims"] = "2" });
        using var client = app.CreateAuthorizedClient();
        var batch = new JsonArray(TestClaims.WithId("A1"), TestClaims.WithId("A2"), TestClaims.WithId("A3"));

        var problem = await (await client.PostAsync("/predict/batch", TestClaims.Json(batch))).ExpectAsync(400);

        Assert.Contains("at most 2", problem.GetProperty("errors").GetProperty("$")[0].GetString());
    }

    [Fact]
    public async Task ABatchOverTheByteLimitIs413()
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?>
        {
            ["Limits:MaxClaimBytes"] = "4096",
            ["Limits:MaxBatchBytes"] = "8192",
        });
        using var client = app.CreateAuthorizedClient();
        var batch = new JsonArray([.. Enumerable.Range(0, 10).Select(i => (JsonNode)TestClaims.WithId($"BIG-{i}"))]);

        await (await client.PostAsync("/predict/batch", TestClaims.Json(batch))).ExpectAsync(413);
    }

    [Fact]
    public async Task NdjsonComesBackAsNdjsonWithAnErrorLineInPlaceOfABadLine()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        var bad = TestClaims.WithId("CLM-N-2");
        bad["patient"]!.AsObject().Remove("nik");
        var body = string.Join("\n", TestClaims.WithId("CLM-N-1").ToJsonString(), bad.ToJsonString(), "", "{not json", TestClaims.WithId("CLM-N-5").ToJsonString()) + "\n";

        var response = await client.PostAsync("/predict/batch", TestClaims.Json(body, Ndjson));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.Equal(Ndjson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, lines.Length);
        Assert.Equal("CLM-N-1", lines[0].GetProperty("claim_id").GetString());
        Assert.Equal(2, lines[1].GetProperty("line").GetInt64());
        Assert.Equal(400, lines[1].GetProperty("status").GetInt32());
        Assert.Equal(["patient.nik"], lines[1].ErrorFields());
        Assert.Equal(4, lines[2].GetProperty("line").GetInt64());
        Assert.Equal(["$"], lines[2].ErrorFields());
        Assert.Equal("CLM-N-5", lines[3].GetProperty("claim_id").GetString());
    }

    [Fact]
    public async Task NdjsonScoresAreStreamedWhileTheInputIsStillBeingSent()
    {
        TestModels.Committed();
        // A real socket: the in-memory test server and HttpClient (HTTP/1.1) both wait for the whole request first.
        await using var app = new ClaimFraudApplication(kestrel: true);
        using var factoryClient = app.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var upload = await ChunkedUpload.StartAsync(factoryClient.BaseAddress!, "/predict/batch", Ndjson, ClaimFraudApplication.ApiKey, timeout.Token);

        await upload.SendAsync(TestClaims.WithId("CLM-S-1").ToJsonString() + "\n", timeout.Token);
        // The first score arrives while the request body is still open; the second line is sent only after it.
        var first = await upload.ReadLineAsync(timeout.Token);
        await upload.SendAsync(TestClaims.WithId("CLM-S-2").ToJsonString() + "\n", timeout.Token);
        var second = await upload.ReadLineAsync(timeout.Token);
        await upload.EndAsync(timeout.Token);
        var rest = await upload.ReadLineAsync(timeout.Token);

        Assert.Equal(200, upload.Status);
        Assert.Equal("CLM-S-1", JsonDocument.Parse(first!).RootElement.GetProperty("claim_id").GetString());
        Assert.Equal("CLM-S-2", JsonDocument.Parse(second!).RootElement.GetProperty("claim_id").GetString());
        Assert.Null(rest);
    }

    [Fact]
    public async Task AnNdjsonLineOverTheLimitGetsA413LineAndTheNextLinesStillScore()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Limits:MaxClaimBytes"] = "4096" });
        using var client = app.CreateAuthorizedClient();
        var body = new string(' ', 20_000) + "\n" + TestClaims.WithId("CLM-L-2").ToJsonString();

        var response = await client.PostAsync("/predict/batch", TestClaims.Json(body, Ndjson));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.Equal(2, lines.Length);
        Assert.Equal(413, lines[0].GetProperty("status").GetInt32());
        Assert.Equal(1, lines[0].GetProperty("line").GetInt64());
        Assert.Equal("CLM-L-2", lines[1].GetProperty("claim_id").GetString());
    }

    [Fact]
    public async Task ABatchInAnotherMediaTypeIs415()
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();

        var problem = await (await client.PostAsync("/predict/batch", TestClaims.Json("a,b\n1,2\n", "text/csv"))).ExpectAsync(415);

        Assert.Contains(Ndjson, problem.GetProperty("detail").GetString());
    }
}
