using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>
/// A stand-in for an OpenAI-compatible chat API on Kestrel at 127.0.0.1: POST /v1/chat/completions answers a
/// chat.completion object (id, object, created, model, choices[{index, message{role, content}, finish_reason}], usage)
/// with <see cref="Reply"/>, after <see cref="Delay"/>, or with <see cref="FailWith"/> as the status. Request bodies are kept.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private FakeChatServer(WebApplication app) => _app = app;

    public string Reply { get; set; } = "Penjelasan dari model: klaim ini perlu diinvestigasi.";

    public TimeSpan Delay { get; set; }

    public int? FailWith { get; set; }

    /// <summary>Base URL to configure as Explanation:Endpoint.</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = $"http://127.0.0.1:{new Uri(address).Port}/v1";
        return server;
    }

    private async Task CompleteAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(body);
        string model = JsonDocument.Parse(body).RootElement.GetProperty("model").GetString() ?? "";
        if (Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        if (FailWith is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error" } });
            return;
        }
        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Reply }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
