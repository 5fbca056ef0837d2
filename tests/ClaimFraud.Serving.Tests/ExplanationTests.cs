using System.Text.Json;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>The optional chat model for the verifier's text (OpenAI-compatible), against a local fake of its API.</summary>
public sealed class ExplanationTests
{
    private static Dictionary<string, string?> ChatSettings(FakeChatServer chat, string timeout = "00:00:05") => new()
    {
        ["Explanation:Endpoint"] = chat.Endpoint,
        ["Explanation:Model"] = "fake-model",
        ["Explanation:ApiKey"] = "chat-secret",
        ["Explanation:Timeout"] = timeout,
    };

    [Fact]
    public async Task AConfiguredChatModelWritesTheExplanation()
    {
        TestModels.Committed();
        await using var chat = await FakeChatServer.StartAsync();
        await using var app = new ClaimFraudApplication(settings: ChatSettings(chat));
        using var client = app.CreateAuthorizedClient();

        var score = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        Assert.Equal(chat.Reply, score.GetProperty("explanation").GetString());
        var request = JsonDocument.Parse(Assert.Single(chat.Requests)).RootElement;
        Assert.Equal("fake-model", request.GetProperty("model").GetString());
        Assert.Equal(2, request.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task TheChatModelIsToldCodesAmountsAndFindingsButNoPersonalData()
    {
        TestModels.Committed();
        await using var chat = await FakeChatServer.StartAsync();
        await using var app = new ClaimFraudApplication(settings: ChatSettings(chat));
        using var client = app.CreateAuthorizedClient();

        await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        var sent = Assert.Single(chat.Requests);
        foreach (var personal in new[] { TestClaims.Nik, TestClaims.PatientName, TestClaims.BpjsNumber, "1997-09-14", "Kemang", "0301R0011024Y999999", "CLM-2025-COMBINED-001", "DPJP-0123" })
            Assert.DoesNotContain(personal, sent);
        foreach (var fact in new[] { "TIMELINE_SEP_AFTER_DISCHARGE", "J-4-16-I", "8500000", "47.09", "Ceftriaxone" })
            Assert.Contains(fact, sent);
    }

    [Fact]
    public async Task ASlowChatModelFallsBackToTheTemplateText()
    {
        TestModels.Committed();
        await using var chat = await FakeChatServer.StartAsync();
        chat.Delay = TimeSpan.FromSeconds(30);
        await using var app = new ClaimFraudApplication(settings: ChatSettings(chat, timeout: "00:00:00.500"));
        using var client = app.CreateAuthorizedClient();

        var score = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        Assert.StartsWith("Risiko kritis", score.GetProperty("explanation").GetString());
        Assert.Single(chat.Requests);
        Assert.True(app.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "Chat explanation failed"));
    }

    [Fact]
    public async Task AFailingChatModelFallsBackToTheTemplateText()
    {
        TestModels.Committed();
        await using var chat = await FakeChatServer.StartAsync();
        chat.FailWith = 500;
        await using var app = new ClaimFraudApplication(settings: ChatSettings(chat));
        using var client = app.CreateAuthorizedClient();

        var score = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        Assert.StartsWith("Risiko kritis", score.GetProperty("explanation").GetString());
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task BatchesUseTheTemplateTextUnlessAskedOtherwise()
    {
        TestModels.Committed();
        await using var chat = await FakeChatServer.StartAsync();
        await using var app = new ClaimFraudApplication(settings: ChatSettings(chat));
        using var client = app.CreateAuthorizedClient();

        var scores = await (await client.PostAsync("/predict/batch", TestClaims.Json("[" + TestClaims.CombinedFraudJson + "]"))).ExpectAsync(200);

        Assert.StartsWith("Risiko", scores[0].GetProperty("explanation").GetString());
        Assert.Empty(chat.Requests);
    }
}
