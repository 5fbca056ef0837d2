using System.ClientModel;
using System.ClientModel.Primitives;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Scores;
using ClaimFraud.Serving.Options;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace ClaimFraud.Serving.Explanations;

/// <summary>
/// Asks an OpenAI-compatible chat model for the verifier's text (seed 000, stage 7: "Panggil ChatGPT untuk AI
/// Explanation"), given only <see cref="ExplanationFacts"/>. Any failure or a reply slower than Explanation:Timeout
/// returns null and the caller keeps the template text, so the score never depends on the chat model.
/// </summary>
internal sealed partial class ChatExplainer
{
    private const string Instructions =
        "Anda membantu verifikator klaim BPJS Kesehatan (JKN) di rumah sakit. Dari fakta JSON yang diberikan, tulis " +
        "penjelasan singkat (3 sampai 5 kalimat) dalam Bahasa Indonesia: seberapa berisiko klaim ini, temuan mana yang " +
        "paling penting dan mengapa, dan apa yang sebaiknya dilakukan verifikator. Gunakan hanya fakta yang diberikan; " +
        "jangan menebak identitas pasien atau fakta lain.";

    private readonly ChatClient _client;
    private readonly ExplanationOptions _options;
    private readonly ILogger _log;
    private int _failing;

    public ChatExplainer(IOptions<ExplanationOptions> options, ILogger<ChatExplainer> log)
    {
        _options = options.Value;
        _log = log;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(_options.Endpoint!),
            NetworkTimeout = _options.Timeout,
            // One attempt: a retry could not finish inside the timeout, and the template text is a fine answer.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        // Local OpenAI-compatible servers often need no key, but the client requires a non-empty credential.
        var key = string.IsNullOrEmpty(_options.ApiKey) ? "none" : _options.ApiKey;
        _client = new ChatClient(_options.Model!, new ApiKeyCredential(key), clientOptions);
    }

    /// <summary>The model's text, or null (timeout, error, empty reply): then use the template text.</summary>
    public async Task<string?> TryExplainAsync(Claim claim, ClaimScore score, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            ChatMessage[] messages = [new SystemChatMessage(Instructions), new UserChatMessage(ExplanationFacts.Write(claim, score))];
            ClientResult<ChatCompletion> completion;
            try { completion = await _client.CompleteChatAsync(messages, new ChatCompletionOptions { MaxOutputTokenCount = _options.MaxOutputTokens }, timeout.Token); }
            // Off the socket event thread the reply may have completed on (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 in
            // the serving launchers), so the rest of the request does not run there; see HBaseRestCellTable.SendAsync.
            finally { await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding); }
            var text = string.Concat(completion.Value.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)).Trim();
            if (text.Length == 0) return Failed("empty reply");
            if (Interlocked.Exchange(ref _failing, 0) == 1) LogRecovered(_log);
            return text;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return Failed(e is OperationCanceledException ? $"no reply within {_options.Timeout.TotalSeconds:0.#} s" : e.GetType().Name);
        }
    }

    private string? Failed(string why)
    {
        // One warning when the chat model starts failing, not one per claim.
        if (Interlocked.Exchange(ref _failing, 1) == 0) LogFallingBack(_log, why);
        else LogStillFailing(_log, why);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat explanation failed ({Why}); using the template text until it answers again")]
    private static partial void LogFallingBack(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chat explanation failed again ({Why})")]
    private static partial void LogStillFailing(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat explanation answers again")]
    private static partial void LogRecovered(ILogger logger);
}
