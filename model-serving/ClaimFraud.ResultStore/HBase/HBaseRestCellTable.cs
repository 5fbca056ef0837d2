using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClaimFraud.ResultStore.Layout;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.ResultStore.HBase;

/// <summary>
/// The four REST calls the store makes, with retries: GET and PUT /&lt;table&gt;/schema, GET /&lt;table&gt;/&lt;row&gt;/&lt;columns&gt;,
/// and PUT /&lt;table&gt;/&lt;row&gt;?check=put. Every call is idempotent (reads, or writes guarded by a check), so any of them
/// may be retried after a timeout without knowing whether the gateway applied it.
/// </summary>
internal sealed partial class HBaseRestCellTable : ICellTable
{
    private const string Json = "application/json";

    private readonly HttpClient _http;
    private readonly HBaseRestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Uri _base;
    private readonly AuthenticationHeaderValue? _auth;
    private readonly string _table;

    public HBaseRestCellTable(HttpClient http, HBaseRestOptions options, TimeProvider time, ILogger log)
    {
        _http = http;
        _options = options;
        _time = time;
        _log = log;
        string baseUrl = options.BaseUrl!.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        _base = new Uri(baseUrl, UriKind.Absolute);
        _table = Uri.EscapeDataString(options.Table);
        if (!string.IsNullOrEmpty(options.UserName))
            _auth = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.UserName}:{options.Password}")));
        Name = $"HBase REST {_base.GetLeftPart(UriPartial.Authority)}{_base.AbsolutePath}{options.Table}";
    }

    public string Name { get; }

    public async Task EnsureTableAsync(CancellationToken ct)
    {
        string path = $"{_table}/schema";
        using (var existing = await SendAsync(HttpMethod.Get, path, null, ct).ConfigureAwait(false))
        {
            if (existing.StatusCode == HttpStatusCode.OK)
            {
                var families = CellSetJson.ReadSchemaFamilies(await ReadBodyAsync(existing, $"GET {path}", ct).ConfigureAwait(false), $"GET {path}");
                var missing = FraudResultLayout.Families.Except(families, StringComparer.Ordinal).ToList();
                // PUT/POST on an existing table's schema disables it while altering; that is an operator's decision, not ours.
                if (missing.Count > 0)
                    throw new ResultStoreException(
                        $"HBase table '{_options.Table}' exists without column families {string.Join(", ", missing)}; add them with the hbase shell (alter)");
                return;
            }
            if (existing.StatusCode != HttpStatusCode.NotFound) throw await UnexpectedAsync(existing, $"GET {path}", ct).ConfigureAwait(false);
        }

        var body = CellSetJson.WriteSchema(_options.Table, FraudResultLayout.Families);
        using var created = await SendAsync(HttpMethod.Put, path, body, ct).ConfigureAwait(false);
        // 201 created; 200 replaced; 304 another instance created it between our GET and PUT.
        if (created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.NotModified)
        {
            LogTableCreated(_log, _options.Table, (int)created.StatusCode);
            return;
        }
        throw await UnexpectedAsync(created, $"PUT {path}", ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Cell>> GetAsync(string rowKey, IReadOnlyList<string> columns, CancellationToken ct)
    {
        string path = RowPath(rowKey);
        if (columns.Count > 0) path += "/" + string.Join(",", columns.Select(Uri.EscapeDataString));
        using var response = await SendAsync(HttpMethod.Get, path, null, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        if (response.StatusCode != HttpStatusCode.OK) throw await UnexpectedAsync(response, $"GET {path}", ct).ConfigureAwait(false);
        var body = await ReadBodyAsync(response, $"GET {path}", ct).ConfigureAwait(false);
        return CellSetJson.ReadRow(body, rowKey, $"GET {path}");
    }

    public async Task<bool> CheckAndPutAsync(string rowKey, IReadOnlyList<Cell> puts, Cell check, CancellationToken ct)
    {
        string path = RowPath(rowKey) + "?check=put";
        // The gateway takes the last cell as the check (column + expected value) and the others as the put.
        var body = CellSetJson.WriteRow(rowKey, [.. puts, check]);
        using var response = await SendAsync(HttpMethod.Put, path, body, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK) return true;
        if (response.StatusCode == HttpStatusCode.NotModified) return false;
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new TableMissingException(
                $"HBase REST answered PUT {path} with 404: table '{_options.Table}' or one of its column families is missing");
        throw await UnexpectedAsync(response, $"PUT {path}", ct).ConfigureAwait(false);
    }

    public async Task PingAsync(CancellationToken ct)
    {
        string path = $"{_table}/schema";
        using var response = await SendAsync(HttpMethod.Get, path, null, ct, attempts: 1).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new ResultStoreException($"HBase table '{_options.Table}' does not exist yet");
        if (response.StatusCode != HttpStatusCode.OK) throw await UnexpectedAsync(response, $"GET {path}", ct).ConfigureAwait(false);
    }

    private string RowPath(string rowKey) => $"{_table}/{Uri.EscapeDataString(rowKey)}";

    /// <summary>
    /// Sends with retries on connection failures, timeouts and transient statuses (429, 5xx, 509 "retry later").
    /// Returns any other answer for the caller to interpret; throws <see cref="ResultStoreUnavailableException"/> when out of attempts.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken ct, int? attempts = null)
    {
        int maxAttempts = attempts ?? _options.MaxAttempts;
        string what = $"{method} {path}";
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(_base, path));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
            if (_auth is not null) request.Headers.Authorization = _auth;
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.RequestTimeout);
            string failure;
            Exception? cause = null;
            TimeSpan? retryAfter = null;
            try
            {
                HttpResponseMessage response;
                try { response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false); }
                // The serving launchers complete socket I/O inline on the runtime's few socket event threads
                // (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1; model-serving/README.md, Performance), and without this hop
                // whatever follows an HBase call (outbox files, SQLite, retries) would run there and hold up every
                // connection those threads serve.
                finally { await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding); }
                if (!IsTransient(response.StatusCode)) return response;
                failure = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                retryAfter = response.Headers.RetryAfter?.Delta;
                response.Dispose();
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                failure = $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s";
                cause = e;
            }
            catch (HttpRequestException e)
            {
                failure = e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}";
                cause = e;
            }

            if (attempt >= maxAttempts)
                throw new ResultStoreUnavailableException($"HBase REST {what} failed after {attempt} attempt(s): {failure}", cause);
            var delay = Backoff(attempt, retryAfter);
            LogRetry(_log, what, attempt, failure, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        double ms = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var delay = TimeSpan.FromMilliseconds(Math.Min(ms, _options.RetryMaxDelay.TotalMilliseconds));
        if (retryAfter is { } ra && ra > delay) delay = ra < _options.RetryMaxDelay ? ra : _options.RetryMaxDelay;
        return delay;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status is 429 or 509 || ((int)status >= 500 && (int)status <= 599);

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is not null && !type.Equals(Json, StringComparison.OrdinalIgnoreCase))
            throw new ResultStoreFormatException(
                $"HBase REST answered {what} with Content-Type {type}, not {Json} (is BaseUrl the REST gateway, and the Knox login accepted?)");
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    private static async Task<ResultStoreException> UnexpectedAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        string detail = "";
        try
        {
            // HBase's own error text (e.g. "Bad request: ..."), cut short; never our cell values.
            var text = (await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Trim();
            if (text.Length > 0) detail = ": " + (text.Length > 200 ? text[..200] + "…" : text);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException) { }

        int code = (int)response.StatusCode;
        string hint = code switch
        {
            401 => " (credentials rejected: check ResultStore:HBase:UserName/Password)",
            403 => " (the user may not access this table)",
            400 => " (the gateway rejected the request)",
            _ => "",
        };
        return new ResultStoreException($"HBase REST answered {what} with {code} {response.ReasonPhrase}{hint}{detail}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HBase table {Table} created (HTTP {Status})")]
    private static partial void LogTableCreated(ILogger logger, string table, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HBase REST {What} attempt {Attempt} failed ({Failure}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string what, int attempt, string failure, double delayMs);
}
