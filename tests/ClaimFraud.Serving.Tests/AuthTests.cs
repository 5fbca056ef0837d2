using System.Net;
using System.Net.Http.Headers;
using ClaimFraud.Serving.Auth;
using ClaimFraud.Serving.Options;
using ClaimFraud.Serving.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.Serving.Tests;

public sealed class AuthTests
{
    public static TheoryData<string, string> KeyedEndpoints => new()
    {
        { "POST", "/predict" },
        { "POST", "/predict/batch" },
        { "POST", "/claims/CLM-1/score" },
        { "GET", "/claims/CLM-1/fraud-result" },
        { "POST", "/claims/CLM-1/decision" },
        { "GET", "/claims/CLM-1/decisions" },
        { "POST", "/model/reload" },
    };

    [Theory]
    [MemberData(nameof(KeyedEndpoints))]
    public async Task AKeyedEndpointWithoutTheKeyIs401ProblemDetails(string method, string path)
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = TestClaims.Json(TestClaims.CombinedFraudJson) });

        var problem = await response.ExpectAsync(401);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("Bearer not-the-key")]
    [InlineData("Bearer " + ClaimFraudApplication.ApiKey + "x")]
    [InlineData("Basic " + ClaimFraudApplication.ApiKey)]
    [InlineData(ClaimFraudApplication.ApiKey)]
    [InlineData("Bearer ")]
    public async Task AWrongKeyIs401(string authorization)
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = TestClaims.Json(TestClaims.CombinedFraudJson) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        await (await client.SendAsync(request)).ExpectAsync(401);
    }

    [Fact]
    public async Task TheKeyIsAcceptedWhateverTheCaseOfTheBearerWord()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = TestClaims.Json(TestClaims.CombinedFraudJson) };
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + ClaimFraudApplication.ApiKey);

        await (await client.SendAsync(request)).ExpectAsync(200);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    [InlineData("/model/info")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/index.html")]
    public async Task TheOpenEndpointsNeedNoKey(string path)
    {
        await using var app = new ClaimFraudApplication();
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((int)response.StatusCode < 500 || path is "/ready" or "/model/info", $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task WithAuthExplicitlyDisabledNoKeyIsNeededAndAWarningIsLogged()
    {
        TestModels.Committed();
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Auth:ApiKey"] = null, ["Auth:Disabled"] = "true" });
        using var client = app.CreateClient();

        await (await client.PostAsync("/predict", TestClaims.Json(TestClaims.CombinedFraudJson))).ExpectAsync(200);

        Assert.True(app.Logs.Contains(LogLevel.Warning, "Authentication is OFF"));
    }

    [Fact]
    public void WithoutAConfiguredKeyARandomOneIsMadeAndOnlyItIsAccepted()
    {
        var configuration = new ConfigurationBuilder().Build();
        var a = new ApiKeys(Microsoft.Extensions.Options.Options.Create(new AuthOptions()), configuration);
        var b = new ApiKeys(Microsoft.Extensions.Options.Options.Create(new AuthOptions()), configuration);

        Assert.NotNull(a.GeneratedKey);
        Assert.Equal(48, a.GeneratedKey!.Length);
        Assert.NotEqual(a.GeneratedKey, b.GeneratedKey);
        Assert.True(a.IsValid(a.GeneratedKey));
        Assert.False(a.IsValid(b.GeneratedKey!));
        Assert.False(a.IsValid(""));
    }

    [Fact]
    public void TheEnvironmentVariableKeyIsUsedWhenAuthApiKeyIsNotSet()
    {
        var keys = KeysFromVariable("from-the-environment-123");

        Assert.Null(keys.GeneratedKey);
        Assert.True(keys.IsValid("from-the-environment-123"));
        Assert.False(keys.IsValid("from-the-environment-12"));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(513)]
    public void AnEnvironmentKeyOutsideSixteenToFiveHundredTwelveCharactersIsRefusedNamingTheVariable(int length)
    {
        string key = new('k', length);
        var e = Assert.Throws<InvalidOperationException>(() => KeysFromVariable(key));

        Assert.Contains(AuthOptions.KeyVariable, e.Message);
        Assert.Contains($"it has {length}", e.Message);
        Assert.DoesNotContain(key, e.Message);
    }

    [Theory]
    [InlineData(" leading-space-key-0123")]
    [InlineData("trailing-space-key-0123 ")]
    [InlineData("                    ")]
    public void AnEnvironmentKeyThatBeginsOrEndsWithWhiteSpaceIsRefused(string key)
    {
        // A bearer token is trimmed before it is compared, so such a key could never be presented.
        var e = Assert.Throws<InvalidOperationException>(() => KeysFromVariable(key));

        Assert.Contains("white space", e.Message);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(512)]
    public void EnvironmentKeysOfTheBoundaryLengthsAreAcceptedAndMatchOnlyThemselves(int length)
    {
        string key = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));
        var keys = KeysFromVariable(key);

        Assert.True(keys.IsValid(key));
        Assert.False(keys.IsValid(key[..^1] + "!"));
        Assert.False(keys.IsValid(key + "a"));
    }

    public static TheoryData<string> UnusableConfiguredKeys => new() { new string('k', AuthOptions.MaxKeyChars + 1), "configured-key-with-a-space-at-the-end " };

    [Theory]
    [MemberData(nameof(UnusableConfiguredKeys))]
    public async Task AnUnusableConfiguredKeyStopsTheAppAtStartNamingTheSetting(string key)
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Auth:ApiKey"] = key });

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Auth:ApiKey must", e.ToString());
        Assert.DoesNotContain(key, e.ToString());
    }

    [Fact]
    public async Task AShortConfiguredKeyStopsTheAppAtStartNamingTheSetting()
    {
        await using var app = new ClaimFraudApplication(settings: new Dictionary<string, string?> { ["Auth:ApiKey"] = "short" });

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Auth:ApiKey", e.ToString());
    }

    /// <summary>The key as the app reads it when only <see cref="AuthOptions.KeyVariable"/> is set.</summary>
    private static ApiKeys KeysFromVariable(string key) =>
        new(Microsoft.Extensions.Options.Options.Create(new AuthOptions()),
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuthOptions.KeyVariable] = key }).Build());
}
