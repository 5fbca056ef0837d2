using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Serving.Json;
using ClaimFraud.Serving.Scoring;
using ClaimFraud.Serving.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Tests;

/// <summary>
/// The shortcuts taken for the serving benchmark (model-serving/README.md, Performance) change no answer: the
/// hand-written score JSON, the parallel batch scoring, the attribution setting and the socket transport setting
/// (the hand-read timestamps are tested in ClaimFraud.Domain.Tests, HandReadTimestampTests).
/// </summary>
public sealed class ServingSpeedPathTests
{
    [Fact]
    public async Task TheHandWrittenScoreJsonIsByteForByteWhatTheSerializerWrites()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var scoring = app.Services.GetRequiredService<ClaimScoring>();

        var scores = new List<ClaimScore>
        {
            scoring.Score(TestClaims.Parse(TestClaims.WithId("CLM-W-1")))!,
            scoring.Score(TestClaims.Parse(TestClaims.Ordinary("CLM-W-2")))!,
        };
        // Text that needs escaping or is not ASCII, a missing feature value, empty and null lists, odd numbers.
        scores.Add(scores[0] with
        {
            ClaimId = "CLM-\"quoted\"\\ <tag> & 'x'\n\t\u0001 — Rp 1.000 × 2 ñ 日本 😀",
            FraudScore = 1e-7,
            Components = new ScoreComponents(0.1 + 0.2, -0.0),
            SuspiciousSections = [new SuspiciousSection("patient", [], ["A", "B"]), new SuspiciousSection("x", ["é"], [])],
            RuleViolations = [],
            Importance = [new FeatureContribution("los_days", null, -1.2345), new FeatureContribution("f", 1e21, 3)],
            Explanation = "",
            ScoredAt = new DateTimeOffset(2024, 2, 29, 23, 59, 59, 123, TimeSpan.FromHours(-3.5)).AddTicks(4567),
        });
        scores.Add(scores[1] with { Components = null!, SuspiciousSections = null!, RuleViolations = null!, Importance = null!, Explanation = null! });

        foreach (var score in scores)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, ScoreWriter.Options)) ScoreWriter.Write(writer, score);
            Assert.Equal(JsonSerializer.Serialize(score, options), Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    [Fact]
    public async Task PredictAnswersWithAContentLengthAndTheSerializersBytes()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(kestrel: true);
        using var client = app.CreateStreamingClient();

        using var response = await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson));

        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        Assert.False(response.Headers.TransferEncodingChunked ?? false);
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Assert.Equal(body, JsonSerializer.Serialize(JsonSerializer.Deserialize<ClaimScore>(body, options), options));
    }

    [Fact]
    public async Task ABatchScoresEachClaimAgainstTheClaimsBeforeItAsPostingThemOneByOneWould()
    {
        TestModels.Committed();
        var claims = HistoryDependentClaims();

        await using var oneByOne = new ClaimFraudApplication();
        using var single = oneByOne.CreateAuthorizedClient();
        var expected = new List<string>();
        foreach (var claim in claims)
            expected.Add(WithoutTime(await (await single.PostAsync("/predict", TestClaims.Json(claim))).ExpectAsync(200)));

        await using var batchApp = new ClaimFraudApplication();
        using var batch = batchApp.CreateAuthorizedClient();
        var array = await (await batch.PostAsync("/predict/batch", TestClaims.Json(new JsonArray([.. claims.Select(c => c.DeepClone())])))).ExpectAsync(200);
        Assert.Equal(expected, array.EnumerateArray().Select(WithoutTime).ToList());

        await using var streamApp = new ClaimFraudApplication();
        using var stream = streamApp.CreateAuthorizedClient();
        string ndjson = string.Join("\n", claims.Select(c => c.ToJsonString())) + "\n";
        using var response = await stream.PostAsync("/predict/batch", TestClaims.Json(ndjson, "application/x-ndjson"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Select(l => WithoutTime(JsonDocument.Parse(l).RootElement)).ToList());

        // The history mattered: the repeated patient's later claims do not all score alike.
        Assert.True(expected.Distinct().Count() > 2);
    }

    [Fact]
    public async Task NdjsonLinesThatCannotBeScoredKeepTheirPlaceBetweenScoredLines()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        var lines = new List<string>();
        for (int i = 0; i < 12; i++) lines.Add(i % 4 == 2 ? "{\"claim_id\": 5}" : i % 4 == 3 ? "   " : TestClaims.WithId($"CLM-N-{i}").ToJsonString());

        using var response = await client.PostAsync("/predict/batch", TestClaims.Json(string.Join("\n", lines), "application/x-ndjson"));

        var answers = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(9, answers.Count); // blank lines answer nothing
        for (int i = 0, a = 0; i < 12; i++)
        {
            if (i % 4 == 3) continue;
            var answer = answers[a++];
            if (i % 4 == 2) Assert.Equal(i + 1, answer.GetProperty("line").GetInt32());
            else Assert.Equal($"CLM-N-{i}", answer.GetProperty("claim_id").GetString());
        }
    }

    [Fact]
    public async Task TheAttributionSettingOverridesTheManifestAndLeavesTheFraudScoreAlone()
    {
        TestModels.Committed();
        await using var manifestApp = new ClaimFraudApplication();
        await using var approximateApp = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Model:Attribution"] = "approximate" });
        using var manifestClient = manifestApp.CreateAuthorizedClient();
        using var approximateClient = approximateApp.CreateAuthorizedClient();

        var manifestInfo = await manifestClient.GetFromJsonAsync<JsonElement>("/model/info");
        var approximateInfo = await approximateClient.GetFromJsonAsync<JsonElement>("/model/info");
        Assert.Equal("exact", manifestInfo.GetProperty("attribution").GetString()); // the committed manifest's
        Assert.Equal("approximate", approximateInfo.GetProperty("attribution").GetString());

        var exact = await (await manifestClient.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);
        var approximate = await (await approximateClient.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);
        Assert.Equal(exact.GetProperty("fraud_score").GetDouble(), approximate.GetProperty("fraud_score").GetDouble());
        Assert.Equal(exact.GetProperty("components").GetProperty("model").GetDouble(), approximate.GetProperty("components").GetProperty("model").GetDouble());
        Assert.NotEqual(Importance(exact), Importance(approximate));
    }

    [Fact]
    public async Task AnUnknownAttributionStopsTheAppNamingTheSetting()
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Model:Attribution"] = "shapley-ish" });

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Model:Attribution", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KestrelHandsSocketIoStraightToTheThreadPoolUnlessConfigured()
    {
        await using var byDefault = new ClaimFraudApplication(kestrel: true);
        await using var configured = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Serving:IoQueueCount"] = "3" }, kestrel: true);
        using var client = byDefault.CreateStreamingClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        configured.CreateStreamingClient().Dispose();

        Assert.Equal(0, byDefault.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.IOQueueCount);
        Assert.Equal(3, configured.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.IOQueueCount);
    }

    [Fact]
    public async Task ANegativeIoQueueCountStopsTheAppNamingTheSetting()
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Serving:IoQueueCount"] = "-1" });

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Serving:IoQueueCount", e.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Claims whose scores depend on the ones before them: one patient's stays at one hospital (repeats, duplicates,
    /// readmissions), the worked case's NIK throughout, mixed with other patients; enough for the parallel path.
    /// </summary>
    private static List<JsonObject> HistoryDependentClaims()
    {
        var claims = new List<JsonObject>();
        for (int i = 0; i < 16; i++)
        {
            var claim = i % 3 == 0 ? TestClaims.Ordinary($"CLM-H-{i:00}") : TestClaims.WithId($"CLM-H-{i:00}");
            var admission = new DateTimeOffset(2024, 10, 1, 8, 0, 0, TimeSpan.FromHours(7)).AddDays(i / 2 * 3);
            claim["admission_at"] = admission.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            claim["discharge_at"] = admission.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            if (i % 5 == 4) claim["patient"]!["nik"] = "3174011409970013";
            claims.Add(claim);
        }
        return claims;
    }

    private static string WithoutTime(JsonElement score)
    {
        var node = JsonNode.Parse(score.GetRawText())!.AsObject();
        node.Remove("scored_at");
        return node.ToJsonString();
    }

    private static string Importance(JsonElement score) => score.GetProperty("importance").GetRawText();
}
