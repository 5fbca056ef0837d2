using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClaimFraud.ResultStore.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>
/// The serving app in process, wired for one test: its own temp folder for the SQLite claims database, result store and
/// outbox; the API key <see cref="ApiKey"/>; the committed model (or <paramref name="modelsRoot"/>); every log line
/// captured in <see cref="Logs"/>. Settings passed in override these (configuration keys as in the README).
/// </summary>
internal sealed class ClaimFraudApplication : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-5f0c2a9e41b7d3c8";

    private readonly TempDirectory _data = new("serving");
    private readonly Dictionary<string, string?> _settings;

    /// <param name="kestrel">Serve on a real Kestrel socket (loopback, free port) instead of the in-memory test server,
    /// for what only a real connection shows: streaming both ways at once, Kestrel's own body limit.</param>
    public ClaimFraudApplication(string? modelsRoot = null, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        if (kestrel) UseKestrel(0);
        _settings = new Dictionary<string, string?>
        {
            ["Auth:ApiKey"] = ApiKey,
            ["Model:Root"] = modelsRoot ?? TestModels.RepositoryModels,
            // In the repository's folder, the committed model rather than the newest (see TestModels.CommittedVersion).
            ["Model:Version"] = modelsRoot is null ? TestModels.CommittedVersion : "latest",
            ["Model:ReloadDebounce"] = "00:00:00.200",
            ["Model:PollInterval"] = "00:00:00",
            ["ClaimSource:SqlitePath"] = _data.File("claims.db"),
            ["ResultStore:Sqlite:Path"] = _data.File("fraud_result.db"),
            ["ResultStore:Outbox:Directory"] = _data.File("outbox"),
            ["ResultStore:Outbox:RetryInitialDelay"] = "00:00:00.100",
            ["ResultStore:Outbox:RetryMaxDelay"] = "00:00:00.500",
            ["ResultStore:Outbox:BypassAfterFailure"] = "00:00:00.200",
            ["Serving:ReplicaId"] = "test-replica",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>This app's private data folder (SQLite files, outbox).</summary>
    public string DataDirectory => _data.Path;

    public string ClaimsDatabasePath => _settings["ClaimSource:SqlitePath"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        });
    }

    /// <summary>A client that sends the right key.</summary>
    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>
    /// A plain client with the key for an app made with kestrel: true, without the factory's redirect handler (which
    /// reads a request body whole before sending it, so nothing could stream).
    /// </summary>
    public HttpClient CreateStreamingClient()
    {
        using var factoryClient = CreateClient();
        var client = new HttpClient { BaseAddress = factoryClient.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    public OutboxResultStore Outbox => Services.GetRequiredService<OutboxResultStore>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>Reading answers in tests.</summary>
internal static class Responses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: not JSON: {text}"); }
    }

    /// <summary>The response's status, failing with its body when it is not <paramref name="expected"/>.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, int expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
            throw new Xunit.Sdk.XunitException($"expected {expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string[] Codes(this JsonElement score) =>
        [.. score.GetProperty("rule_violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()!)];

    public static string[] ErrorFields(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object value) =>
        client.PostAsJsonAsync(path, value);
}
