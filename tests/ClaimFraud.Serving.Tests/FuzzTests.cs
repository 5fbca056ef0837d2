using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>Nothing a caller sends gets a 5xx: thousands of seeded bad bodies against every endpoint that reads one.</summary>
public sealed class FuzzTests
{
    private const int Seed = 20261121;
    private const int BodiesPerEndpoint = 800;
    private const int MaxClaimBytes = 64 * 1024;

    private static readonly string Decision = new JsonObject { ["action"] = "approve_partial", ["approved_amount"] = 1000, ["note"] = "catatan", ["verifier"] = "v-01" }.ToJsonString();

    private static Dictionary<string, string?> Limits => new()
    {
        ["Limits:MaxClaimBytes"] = MaxClaimBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:MaxBatchBytes"] = (4 * MaxClaimBytes).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task MutatedAndRandomClaimsNeverGetAServerErrorFromPredict()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(settings: Limits);
        using var client = app.CreateAuthorizedClient();
        var fuzzer = new BodyFuzzer(Seed, TestClaims.CombinedFraudJson, TestClaims.Ordinary("CLM-F-1").ToJsonString());
        var failures = new List<string>();
        var seen = new HashSet<int>();

        for (int i = 0; i < BodiesPerEndpoint; i++)
        {
            var body = fuzzer.Next();
            var status = await PostAsync(client, "/predict", body.Bytes, "application/json");
            seen.Add(status);
            if (status is not (200 or 400)) failures.Add($"#{i} {body.Kind}: {status}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Contains(200, seen);
        Assert.Contains(400, seen);
    }

    [Fact]
    public async Task OversizeAndWrongTypeBodiesGet413And415NeverAServerError()
    {
        await using var app = new ClaimFraudApplication(settings: Limits);
        using var client = app.CreateAuthorizedClient();
        var random = new Random(Seed);
        var failures = new List<string>();

        for (int i = 0; i < 40; i++)
        {
            var huge = new byte[MaxClaimBytes + 1 + random.Next(200_000)];
            random.NextBytes(huge);
            foreach (var path in new[] { "/predict", "/model", "/claims/CLM-F-1/decision" })
            {
                var status = await PostAsync(client, path, huge, "application/json");
                if (status != 413) failures.Add($"{path} oversize #{i}: {status}");
            }
            var batch = new byte[4 * MaxClaimBytes + 1 + random.Next(100_000)];
            var batchStatus = await PostAsync(client, "/predict/batch", batch, "application/json");
            if (batchStatus != 413) failures.Add($"/predict/batch oversize #{i}: {batchStatus}");
        }
        string[] wrongTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "image/png"];
        foreach (var type in wrongTypes)
            foreach (var path in new[] { "/predict", "/predict/batch", "/model", "/claims/CLM-F-1/decision" })
            {
                var status = await PostAsync(client, path, Encoding.UTF8.GetBytes(TestClaims.CombinedFraudJson), type);
                if (status != 415) failures.Add($"{path} {type}: {status}");
            }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task MutatedBatchesNeverGetAServerErrorAsJsonOrNdjson()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(settings: Limits);
        using var client = app.CreateAuthorizedClient();
        var fuzzer = new BodyFuzzer(Seed + 1, TestClaims.CombinedFraudLine, TestClaims.Ordinary("CLM-F-2").ToJsonString());
        var random = new Random(Seed + 1);
        var failures = new List<string>();

        for (int i = 0; i < BodiesPerEndpoint / 4; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => fuzzer.Next()).ToArray();
            var array = Encoding.UTF8.GetBytes("[" + string.Join(",", parts.Select(p => Encoding.UTF8.GetString(p.Bytes))) + "]");
            var status = await PostAsync(client, "/predict/batch", array, "application/json");
            if (status is not (200 or 400)) failures.Add($"json #{i} {string.Join("+", parts.Select(p => p.Kind))}: {status}");

            var lines = parts.SelectMany(p => new[] { p.Bytes, "\n"u8.ToArray() }).SelectMany(b => b).ToArray();
            using var response = await client.PostAsync("/predict/batch", TestClaims.Bytes(lines, "application/x-ndjson"));
            if ((int)response.StatusCode != 200) { failures.Add($"ndjson #{i}: {(int)response.StatusCode}"); continue; }
            foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var element = JsonDocument.Parse(line).RootElement;
                if (element.TryGetProperty("status", out var s) && s.GetInt32() is not (400 or 413)) failures.Add($"ndjson #{i} line status {s}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task MutatedCmlRequestsNeverGetAServerError()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(settings: Limits);
        using var client = app.CreateAuthorizedClient();
        var envelope = new JsonObject { ["accessKey"] = ClaimFraudApplication.ApiKey, ["request"] = TestClaims.CombinedFraud() }.ToJsonString();
        var fuzzer = new BodyFuzzer(Seed + 2, envelope, TestClaims.CombinedFraudJson);
        var failures = new List<string>();
        var seen = new HashSet<int>();

        for (int i = 0; i < BodiesPerEndpoint; i++)
        {
            var body = fuzzer.Next();
            var status = await PostAsync(client, "/model", body.Bytes, "application/json", expectCmlShape: true);
            seen.Add(status);
            if (status is not (200 or 400)) failures.Add($"#{i} {body.Kind}: {status}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Contains(200, seen);
    }

    [Fact]
    public async Task MutatedDecisionsAndClaimIdsNeverGetAServerError()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(settings: Limits);
        using var client = app.CreateAuthorizedClient();
        var fuzzer = new BodyFuzzer(Seed + 3, Decision, new JsonObject { ["action"] = "decline", ["verifier"] = "v" }.ToJsonString());
        var random = new Random(Seed + 3);
        string[] ids = ["CLM-F-1", "CLM-F-2", "", "%20", "a%2Fb", new string('x', 65), "..", "ÄÖ", "%01", "CLM%0A1"];
        var failures = new List<string>();
        var seen = new HashSet<int>();

        for (int i = 0; i < BodiesPerEndpoint; i++)
        {
            var body = fuzzer.Next();
            var id = ids[random.Next(ids.Length)];
            var status = await PostAsync(client, $"/claims/{id}/decision", body.Bytes, "application/json");
            seen.Add(status);
            if (status is not (400 or 404 or 405)) failures.Add($"#{i} {body.Kind} id '{id}': {status}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Contains(400, seen);
        Assert.Contains(404, seen);
    }

    private static async Task<int> PostAsync(HttpClient client, string path, byte[] body, string contentType, bool expectCmlShape = false)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync(path, content);
        int status = (int)response.StatusCode;
        if (status >= 400 && expectCmlShape)
        {
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (answer.GetProperty("success").GetBoolean() || answer.GetProperty("errors").ValueKind != JsonValueKind.Object) return -status;
        }
        return status;
    }
}
