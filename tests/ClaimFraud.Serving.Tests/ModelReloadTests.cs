using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimFraud.Serving.Models;
using ClaimFraud.Serving.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.Serving.Tests;

/// <summary>New versions are picked up without a restart; damaged or mismatched ones are refused while the old one serves on.</summary>
public sealed class ModelReloadTests
{
    [Fact]
    public async Task PublishingANewVersionIsServedWithoutARestart()
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        await using var app = new ClaimFraudApplication(modelsRoot: root);
        using var client = app.CreateAuthorizedClient();
        Assert.Equal("claim-fraud-xgb-1.0.0", await ServedVersionAsync(client));

        TestModels.Publish(root, "1.1.0");
        await WaitForVersionAsync(client, "claim-fraud-xgb-1.1.0");

        var score = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);
        Assert.Equal("claim-fraud-xgb-1.1.0", score.GetProperty("model_version").GetString());
        Assert.True(app.Logs.Contains(LogLevel.Information, "Serving model claim-fraud-xgb-1.1.0"));
    }

    [Fact]
    public async Task TheReloadEndpointLoadsANewVersionAtOnce()
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        await using var app = new ClaimFraudApplication(modelsRoot: root, settings: new Dictionary<string, string?> { ["Model:Watch"] = "false" });
        using var client = app.CreateAuthorizedClient();

        var unchanged = await (await client.PostAsync("/model/reload", null)).ExpectAsync(200);
        TestModels.Publish(root, "1.0.1");
        var loaded = await (await client.PostAsync("/model/reload", null)).ExpectAsync(200);

        Assert.Equal("unchanged", unchanged.GetProperty("status").GetString());
        Assert.Equal("loaded", loaded.GetProperty("status").GetString());
        Assert.Equal("claim-fraud-xgb-1.0.1", loaded.GetProperty("model_version").GetString());
        Assert.Equal("claim-fraud-xgb-1.0.0", loaded.GetProperty("previous_version").GetString());
        Assert.Equal("claim-fraud-xgb-1.0.1", await ServedVersionAsync(client));
    }

    public static TheoryData<string, string> BrokenVersions => new()
    {
        { nameof(TestModels.DamageModelFile), "does not match its manifest" },
        { nameof(TestModels.ReplaceModelWithGarbage), "not a model XGBoost can load" },
        { nameof(TestModels.OtherFeatureSchema), "different feature schema" },
    };

    [Theory]
    [MemberData(nameof(BrokenVersions))]
    public async Task ABrokenNewVersionIsRefusedWithAClearLogLineAndThePreviousKeepsServing(string damage, string reason)
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        await using var app = new ClaimFraudApplication(modelsRoot: root, settings: new Dictionary<string, string?> { ["Model:Watch"] = "false" });
        using var client = app.CreateAuthorizedClient();
        Action<JsonObject, byte[]> change = damage switch
        {
            nameof(TestModels.DamageModelFile) => TestModels.DamageModelFile,
            nameof(TestModels.ReplaceModelWithGarbage) => TestModels.ReplaceModelWithGarbage,
            _ => TestModels.OtherFeatureSchema,
        };
        TestModels.Publish(root, "2.0.0", change);

        var refused = await (await client.PostAsync("/model/reload", null)).ExpectAsync(409);
        var score = await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Contains(reason, refused.GetProperty("problem").GetString());
        Assert.Equal("claim-fraud-xgb-1.0.0", refused.GetProperty("model_version").GetString());
        Assert.Equal("claim-fraud-xgb-1.0.0", score.GetProperty("model_version").GetString());
        Assert.Equal("claim-fraud-xgb-1.0.0", await ServedVersionAsync(client));
        var line = Assert.Single(app.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith("Refused model claim-fraud-xgb-2.0.0", StringComparison.Ordinal));
        Assert.Contains(reason, line.Message);
        Assert.Contains("Still serving claim-fraud-xgb-1.0.0", line.Message);
    }

    [Fact]
    public async Task TheWatcherRefusesADamagedVersionOnceAndStillLoadsTheNextGoodOne()
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        await using var app = new ClaimFraudApplication(modelsRoot: root);
        using var client = app.CreateAuthorizedClient();

        TestModels.Publish(root, "1.1.0", TestModels.DamageModelFile);
        await WaitUntilAsync(() => app.Logs.Contains(LogLevel.Error, "Refused model claim-fraud-xgb-1.1.0"));
        Assert.Equal("claim-fraud-xgb-1.0.0", await ServedVersionAsync(client));

        TestModels.Publish(root, "1.2.0");
        await WaitForVersionAsync(client, "claim-fraud-xgb-1.2.0");

        Assert.Single(app.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("claim-fraud-xgb-1.1.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AtStartADamagedNewestVersionFallsBackToTheNewestGoodOne()
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        TestModels.Publish(root, "1.1.0", TestModels.OtherFeatureSchema);
        await using var app = new ClaimFraudApplication(modelsRoot: root);
        using var client = app.CreateAuthorizedClient();

        Assert.Equal("claim-fraud-xgb-1.0.0", await ServedVersionAsync(client));
        Assert.True(app.Logs.Contains(LogLevel.Error, "Refused model claim-fraud-xgb-1.1.0"));
    }

    [Fact]
    public async Task APinnedVersionIsServedEvenWhenNewerOnesExist()
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        TestModels.Publish(root, "1.1.0");
        await using var app = new ClaimFraudApplication(modelsRoot: root, settings: new Dictionary<string, string?> { ["Model:Version"] = "1.0.0" });
        using var client = app.CreateAuthorizedClient();

        Assert.Equal("claim-fraud-xgb-1.0.0", await ServedVersionAsync(client));
    }

    [Fact]
    public async Task RequestsInFlightDuringReloadsAllSucceed()
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        await using var app = new ClaimFraudApplication(modelsRoot: root, settings: new Dictionary<string, string?> { ["Model:Watch"] = "false" });
        using var client = app.CreateAuthorizedClient();

        var scoring = Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
            (int)(await client.PostAsync("/predict", TestClaims.Json(TestClaims.WithId($"CLM-R-{i}")))).StatusCode));
        for (int v = 1; v <= 5; v++)
        {
            TestModels.Publish(root, $"1.0.{v}");
            await (await client.PostAsync("/model/reload", null)).ExpectAsync(200);
        }
        var statuses = await scoring;

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal("claim-fraud-xgb-1.0.5", await ServedVersionAsync(client));
    }

    [Fact]
    public async Task AReplacedModelIsFreedOnlyAfterItsLastRequestEnds()
    {
        using var temp = new TempDirectory("models");
        var root = TestModels.CopyToFolder(temp, "1.0.0");
        await using var app = new ClaimFraudApplication(modelsRoot: root, settings: new Dictionary<string, string?> { ["Model:Watch"] = "false" });
        using var client = app.CreateAuthorizedClient();
        var host = app.Services.GetRequiredService<ModelHost>();

        var lease = host.Acquire();
        var old = lease.Generation!;
        TestModels.Publish(root, "1.0.1");
        await (await client.PostAsync("/model/reload", null)).ExpectAsync(200);

        Assert.NotSame(old, host.Current);
        Assert.False(old.IsDisposed);
        var scoredOnOld = old.Scorer.Score(TestClaims.Parse(TestClaims.CombinedFraud()), ClaimFraud.Features.History.HistorySnapshot.Empty);
        Assert.Equal("claim-fraud-xgb-1.0.0", scoredOnOld.Score.ModelVersion);
        lease.Dispose();
        Assert.True(old.IsDisposed);
        Assert.False(host.Current!.IsDisposed);
    }

    private static async Task<string?> ServedVersionAsync(HttpClient client) =>
        (await (await client.GetAsync("/model/info")).ExpectAsync(200)).GetProperty("model_version").GetString();

    private static async Task WaitForVersionAsync(HttpClient client, string version)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        string? seen = null;
        while (DateTime.UtcNow < until)
        {
            var response = await client.GetAsync("/model/info");
            if ((int)response.StatusCode == 200 && (seen = (await response.JsonAsync()).GetProperty("model_version").GetString()) == version) return;
            await Task.Delay(100);
        }
        Assert.Fail($"still serving {seen}, expected {version}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail("condition not met within 20 s");
            await Task.Delay(100);
        }
    }
}
