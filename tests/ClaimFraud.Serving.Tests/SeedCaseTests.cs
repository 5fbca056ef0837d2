using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>Seed 003's four test cases through /predict, each the first claim the app sees (fixtures/seed003/README).</summary>
public sealed class SeedCaseTests
{
    [Theory]
    [InlineData("normal.json", "low", "APPROVE")]
    [InlineData("overcharging.json", "high", "DETAILED_REVIEW")]
    [InlineData("excessive-procedures.json", "high", "DETAILED_REVIEW")]
    [InlineData("extended-stay.json", "medium", "STANDARD_REVIEW")]
    public async Task SeedThreesCasesComeBackAtTheirLevelsThroughPredict(string fixture, string level, string recommendation)
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateAuthorizedClient();
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "seed003", fixture));

        var score = await (await client.PostAsync("/predict", TestClaims.Json(json))).ExpectAsync(200);

        string detail = $"{fixture}: fraud_score {score.GetProperty("fraud_score")}, components {score.GetProperty("components")}";
        Assert.True(level == score.GetProperty("risk_level").GetString(), detail);
        Assert.Equal(recommendation, score.GetProperty("recommendation").GetString());
    }
}
