using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimFraud.Serving.Tests.Infrastructure;

namespace ClaimFraud.Serving.Tests;

/// <summary>The claims the flow tests read, in a MariaDB database of this class's own (the test command's server).</summary>
public sealed class ClaimsDatabaseFixture : IAsyncLifetime
{
    public MariaDbDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await MariaDbDatabase.CreateAsync(
    [
        TestClaims.Parse(TestClaims.WithId("CLM-DB-FRAUD")),
        TestClaims.Parse(TestClaims.Ordinary("CLM-DB-PLAIN")),
        TestClaims.Parse(TestClaims.Ordinary("CLM-DB-UNSCORED")),
        TestClaims.Parse(TestClaims.Ordinary("CLM-DB-DECIDE")),
    ]);

    public async Task DisposeAsync()
    {
        if (Database is not null) await Database.DisposeAsync();
    }
}

/// <summary>Seed 000 stage 7 end to end against a real MariaDB: claim id in, score out and stored, decisions beside it.</summary>
public sealed class ClaimsFlowTests(ClaimsDatabaseFixture fixture) : IClassFixture<ClaimsDatabaseFixture>
{
    private ClaimFraudApplication App() => new(settings: new Dictionary<string, string?> { ["ClaimSource:MySql"] = fixture.Database.ConnectionString });

    [Fact]
    public async Task ScoringAClaimByIdReadsItFromMySqlStoresTheResultAndReturnsTheScore()
    {
        TestModels.Committed();
        await using var app = App();
        using var client = app.CreateAuthorizedClient();

        var response = await client.PostAsync("/claims/CLM-DB-FRAUD/score", null);
        var score = await response.ExpectAsync(200);
        var stored = await (await client.GetAsync("/claims/CLM-DB-FRAUD/fraud-result")).ExpectAsync(200);

        Assert.Equal("stored", response.Headers.GetValues("X-Result-Store").Single());
        Assert.Equal("CLM-DB-FRAUD", score.GetProperty("claim_id").GetString());
        Assert.Equal("critical", score.GetProperty("risk_level").GetString());
        foreach (var code in TestClaims.CombinedFraudCodes) Assert.Contains(code, score.Codes());
        Assert.Equal(score.GetRawText(), stored.GetRawText());
    }

    [Fact]
    public async Task ScoringTheSameClaimByIdOrByBodyGivesTheSameScore()
    {
        TestModels.Committed();
        await using var byId = App();
        await using var byBody = new ClaimFraudApplication();
        using var idClient = byId.CreateAuthorizedClient();
        using var bodyClient = byBody.CreateAuthorizedClient();

        var a = await (await idClient.PostAsync("/claims/CLM-DB-PLAIN/score", null)).ExpectAsync(200);
        var b = await (await bodyClient.PostAsync("/predict", TestClaims.Json(TestClaims.Ordinary("CLM-DB-PLAIN")))).ExpectAsync(200);

        Assert.Equal(b.GetProperty("fraud_score").GetDouble(), a.GetProperty("fraud_score").GetDouble());
        Assert.Equal(b.GetProperty("rule_violations").GetRawText(), a.GetProperty("rule_violations").GetRawText());
        Assert.Equal(b.GetProperty("importance").GetRawText(), a.GetProperty("importance").GetRawText());
    }

    [Fact]
    public async Task AnUnknownClaimIdIs404AndAMalformedOneIs400()
    {
        await using var app = App();
        using var client = app.CreateAuthorizedClient();

        var unknown = await (await client.PostAsync("/claims/CLM-NOT-THERE/score", null)).ExpectAsync(404);
        var malformed = await (await client.PostAsync("/claims/" + Uri.EscapeDataString("bad id!") + "/score", null)).ExpectAsync(400);
        var noResult = await (await client.GetAsync("/claims/CLM-DB-UNSCORED/fraud-result")).ExpectAsync(404);

        Assert.Contains("CLM-NOT-THERE", unknown.GetProperty("detail").GetString());
        Assert.Equal(["claim_id"], malformed.ErrorFields());
        Assert.Contains("score it first", noResult.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DecisionsAreStoredBesideTheResultAndTheHistoryIsKept()
    {
        TestModels.Committed();
        await using var app = App();
        using var client = app.CreateAuthorizedClient();
        await (await client.PostAsync("/claims/CLM-DB-DECIDE/score", null)).ExpectAsync(200);

        var first = await (await client.PostAsync("/claims/CLM-DB-DECIDE/decision",
            TestClaims.Json(new JsonObject { ["action"] = "manual_review", ["note"] = "cek resume medis", ["verifier"] = "verifikator-07" }))).ExpectAsync(201);
        var second = await (await client.PostAsync("/claims/CLM-DB-DECIDE/decision",
            TestClaims.Json(new JsonObject { ["action"] = "approve_partial", ["approved_amount"] = 3_200_000, ["note"] = "", ["verifier"] = "verifikator-07" }))).ExpectAsync(201);
        var history = await (await client.GetAsync("/claims/CLM-DB-DECIDE/decisions")).ExpectAsync(200);

        Assert.Equal("stored", first.GetProperty("outcome").GetString());
        Assert.Equal("manual_review", first.GetProperty("decision").GetProperty("action").GetString());
        Assert.Single(first.GetProperty("history").EnumerateArray());
        Assert.Equal(3_200_000, second.GetProperty("decision").GetProperty("approved_amount").GetDecimal());
        Assert.Equal(["manual_review", "approve_partial"], second.GetProperty("history").EnumerateArray().Select(d => d.GetProperty("action").GetString()!).ToArray());
        Assert.Equal(second.GetProperty("history").GetRawText(), history.GetProperty("decisions").GetRawText());
        Assert.False(first.GetProperty("decision").TryGetProperty("approved_amount", out _));
    }

    [Fact]
    public async Task AWrongDecisionIs400NamingEveryWrongField()
    {
        TestModels.Committed();
        await using var app = App();
        using var client = app.CreateAuthorizedClient();
        await (await client.PostAsync("/claims/CLM-DB-FRAUD/score", null)).ExpectAsync(200);

        var problem = await (await client.PostAsync("/claims/CLM-DB-FRAUD/decision", TestClaims.Json(new JsonObject
        {
            ["action"] = "approve",
            ["approved_amount"] = 12.5,
            ["note"] = 7,
            ["decided_at"] = "2020-01-01",
        }))).ExpectAsync(400);

        var fields = problem.ErrorFields();
        Assert.Contains("approved_amount", fields);
        Assert.Contains("note", fields);
        Assert.Contains("verifier", fields);
        Assert.Contains("decided_at", fields);
        Assert.DoesNotContain("action", fields);
    }

    [Fact]
    public async Task ADecisionOnAClaimWithoutAStoredResultIs404()
    {
        await using var app = App();
        using var client = app.CreateAuthorizedClient();

        var problem = await (await client.PostAsync("/claims/CLM-DB-UNSCORED/decision",
            TestClaims.Json(new JsonObject { ["action"] = "decline", ["verifier"] = "verifikator-01" }))).ExpectAsync(404);

        Assert.Equal("No fraud result", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ReadyIsGreenWithMySqlUpAndNamesIt()
    {
        TestModels.Committed();
        await using var app = App();
        using var client = app.CreateClient();

        var ready = await (await client.GetAsync("/ready")).ExpectAsync(200);

        var source = ready.GetProperty("checks").GetProperty("claim_source");
        Assert.StartsWith("mysql ", source.GetProperty("data").GetProperty("backend").GetString());
        Assert.DoesNotContain("Password", ready.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
