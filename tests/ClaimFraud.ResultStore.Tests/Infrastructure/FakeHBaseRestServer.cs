using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.ResultStore.Tests.Infrastructure;

/// <summary>
/// An in-process stand-in for the HBase REST gateway (Stargate), on Kestrel at 127.0.0.1, implementing exactly the calls
/// the store makes, as the HBase reference guide and the gateway's model classes document them:
/// <list type="bullet">
/// <item>GET /&lt;table&gt;/schema → 200 {"name","ColumnSchema":[{"name","VERSIONS",…}]} or 404;</item>
/// <item>PUT /&lt;table&gt;/schema with a TableSchema → 201 (create or replace);</item>
/// <item>GET /&lt;table&gt;/&lt;row&gt;[/&lt;col&gt;(,&lt;col&gt;)*] → 200 {"Row":[{"key","Cell":[{"column","timestamp","$"}]}]} with the
/// latest version of each cell, or 404 when nothing matches;</item>
/// <item>PUT /&lt;table&gt;/&lt;row&gt;?check=put → one row, new cells first, the check cell last; 200 applied, 304 check failed.</item>
/// </list>
/// It is strict where HBase is: malformed JSON or base64, unknown members, a wrong content type, more than one row in a
/// check-and-put or a check column not among the puts are 400/415; unknown tables and families 404. Anything else is 501,
/// so a client that strays from these calls fails loudly. Cells keep versions (ms timestamps) up to the family's VERSIONS.
/// </summary>
public sealed class FakeHBaseRestServer : IAsyncDisposable
{
    private const string Json = "application/json";
    private readonly WebApplication _app;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly List<Fault> _faults = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly (string User, string Password)? _credentials;
    private long _lastTimestamp;

    private FakeHBaseRestServer(WebApplication app, (string, string)? credentials)
    {
        _app = app;
        _credentials = credentials;
    }

    public string BaseUrl { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>Runs on the server, under its lock, before a check-and-put is evaluated: lets a test slip in a rival write.</summary>
    public Action<FakeHBaseRestServer, string, string>? BeforeCheckAndPut { get; set; }

    public static async Task<FakeHBaseRestServer> StartAsync(int port = 0, string? user = null, string? password = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new FakeHBaseRestServer(app, user is null ? null : (user, password ?? ""));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var uri = new Uri(address);
        server.Port = uri.Port;
        server.BaseUrl = $"http://127.0.0.1:{uri.Port}/";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---- what tests may inspect or arrange (server side, no HTTP) ----

    public sealed record RecordedRequest(string Method, string Target, int Status, byte[] Body);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_sync) return [.. _requests]; }
    }

    public int SchemaPuts => Requests.Count(r => r.Method == "PUT" && r.Target.EndsWith("/schema", StringComparison.Ordinal));

    /// <summary>The next <paramref name="count"/> requests matching <paramref name="when"/> get this answer instead.</summary>
    public void AnswerNext(int count, int status, string? body = null, string contentType = "text/plain",
        Func<string, string, bool>? when = null, TimeSpan delay = default, string? retryAfter = null)
    {
        lock (_sync) _faults.Add(new Fault(when ?? ((_, _) => true), status, body, contentType, delay, retryAfter) { Remaining = count });
    }

    public void CreateTable(string name, params (string Family, int Versions)[] families)
    {
        lock (_sync) _tables[name] = new Table(families.ToDictionary(f => f.Family, f => f.Versions, StringComparer.Ordinal));
    }

    public void DropTable(string name)
    {
        lock (_sync) _tables.Remove(name);
    }

    public IReadOnlyDictionary<string, int>? FamiliesOf(string table)
    {
        lock (_sync) return _tables.TryGetValue(table, out var t) ? new Dictionary<string, int>(t.Families) : null;
    }

    public IReadOnlyList<string> RowKeys(string table)
    {
        lock (_sync) return _tables.TryGetValue(table, out var t) ? [.. t.Rows.Keys.Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>(family, qualifier) → versions newest first, for one row.</summary>
    public IReadOnlyDictionary<(string Family, string Qualifier), IReadOnlyList<(long Ts, byte[] Value)>> Row(string table, string rowKey)
    {
        lock (_sync)
        {
            if (!_tables.TryGetValue(table, out var t) || !t.Rows.TryGetValue(rowKey, out var row)) return new Dictionary<(string, string), IReadOnlyList<(long, byte[])>>();
            return row.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(long, byte[])>)[.. kv.Value]);
        }
    }

    /// <summary>A plain put of one cell, server side (what another writer's successful put would leave).</summary>
    public void PutCellDirectly(string table, string rowKey, string family, string qualifier, byte[] value)
    {
        lock (_sync) Apply(_tables[table], rowKey, [(family, qualifier, value, (long?)null)]);
    }

    // ---- the gateway ----

    private sealed record Fault(Func<string, string, bool> When, int Status, string? Body, string ContentType, TimeSpan Delay, string? RetryAfter)
    {
        public int Remaining { get; set; }
    }

    private sealed class Table(Dictionary<string, int> families)
    {
        public Dictionary<string, int> Families { get; } = families;
        public Dictionary<string, Dictionary<(string Family, string Qualifier), List<(long Ts, byte[] Value)>>> Rows { get; } = new(StringComparer.Ordinal);
    }

    private readonly record struct Answer(int Status, string? Body = null, string ContentType = "text/plain", string? RetryAfter = null);

    private async Task HandleAsync(HttpContext ctx)
    {
        string method = ctx.Request.Method;
        string target = ctx.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();

        Fault? fault = null;
        Answer answer;
        lock (_sync)
        {
            fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.When(method, target));
            if (fault is not null) fault.Remaining--;
        }
        if (fault is not null)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                try { await Task.Delay(fault.Delay, ctx.RequestAborted); }
                catch (OperationCanceledException) { return; }
            }
            answer = new Answer(fault.Status, fault.Body, fault.ContentType, fault.RetryAfter);
        }
        else
        {
            lock (_sync) answer = Route(ctx.Request, method, target, body);
        }

        lock (_sync) _requests.Add(new RecordedRequest(method, target, answer.Status, body));
        ctx.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null) ctx.Response.Headers.RetryAfter = answer.RetryAfter;
        if (answer.Status == 401) ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"hbase\"";
        if (answer.Body is not null && answer.Status != 304)
        {
            ctx.Response.ContentType = answer.ContentType;
            await ctx.Response.WriteAsync(answer.Body);
        }
    }

    private Answer Route(HttpRequest request, string method, string target, byte[] body)
    {
        if (_credentials is { } cred)
        {
            string expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{cred.User}:{cred.Password}"));
            if (request.Headers.Authorization.ToString() != expected) return new Answer(401, "Unauthorized\r\n");
        }

        int q = target.IndexOf('?');
        string path = q < 0 ? target : target[..q];
        string query = q < 0 ? "" : target[(q + 1)..];
        var segments = path.TrimStart('/').Split('/');
        if (segments.Length < 2 || segments.Any(s => s.Length == 0)) return NotImplemented(method, target);
        string table = Decode(segments[0]);

        if (segments.Length == 2 && segments[1] == "schema" && query.Length == 0)
        {
            return method switch
            {
                "GET" => GetSchema(request, table),
                "PUT" => PutSchema(request, table, body),
                _ => NotImplemented(method, target),
            };
        }
        if (segments.Length is 2 or 3)
        {
            string row = Decode(segments[1]);
            if (method == "GET" && query.Length == 0)
                return GetRow(request, table, row, segments.Length == 3 ? segments[2].Split(',').Select(Decode).ToList() : []);
            if (method == "PUT" && segments.Length == 2 && query == "check=put")
                return CheckAndPut(request, table, row, body);
        }
        return NotImplemented(method, target);
    }

    private static Answer NotImplemented(string method, string target) =>
        new(501, $"The fake gateway does not implement {method} {target}\r\n");

    private Answer GetSchema(HttpRequest request, string tableName)
    {
        if (!AcceptsJson(request)) return new Answer(406, "Not acceptable\r\n");
        if (!_tables.TryGetValue(tableName, out var table)) return new Answer(404, "Not found\r\n");
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("name", tableName);
            w.WriteStartArray("ColumnSchema");
            foreach (var (family, versions) in table.Families.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("name", family);
                w.WriteString("BLOOMFILTER", "ROW");
                w.WriteString("VERSIONS", versions.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("IS_META", "false");
            w.WriteEndObject();
        }
        return new Answer(200, Encoding.UTF8.GetString(buffer.ToArray()), Json);
    }

    private Answer PutSchema(HttpRequest request, string tableName, byte[] body)
    {
        if (!IsJson(request)) return new Answer(415, "Unsupported media type\r\n");
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return BadRequest("schema is not an object");
            bool sawColumns = false;
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name == "ColumnSchema")
                {
                    if (p.Value.ValueKind != JsonValueKind.Array) return BadRequest("ColumnSchema is not an array");
                    sawColumns = true;
                    foreach (var col in p.Value.EnumerateArray())
                    {
                        if (col.ValueKind != JsonValueKind.Object) return BadRequest("a ColumnSchema entry is not an object");
                        string? name = null;
                        int versions = 1;
                        foreach (var a in col.EnumerateObject())
                        {
                            // Attributes are the table descriptor's string-valued settings; structures are not.
                            if (a.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) return BadRequest($"attribute {a.Name} is not a scalar");
                            if (a.Name == "name") name = a.Value.ValueKind == JsonValueKind.String ? a.Value.GetString() : null;
                            else if (a.Name == "VERSIONS" && !(int.TryParse(a.Value.ToString(), out versions) && versions >= 1))
                                return BadRequest("VERSIONS is not a positive integer");
                        }
                        if (string.IsNullOrEmpty(name) || name.Contains(':')) return BadRequest("a column family has no valid name");
                        families[name] = versions;
                    }
                }
                else if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    return BadRequest($"table attribute {p.Name} is not a scalar");
                }
            }
            if (!sawColumns || families.Count == 0) return BadRequest("no column families");
        }
        catch (JsonException) { return BadRequest("malformed JSON"); }

        // As the gateway does, an existing table is replaced: families not listed are dropped with their data.
        if (_tables.TryGetValue(tableName, out var existing))
        {
            foreach (var row in existing.Rows.Values)
                foreach (var key in row.Keys.Where(k => !families.ContainsKey(k.Family)).ToList()) row.Remove(key);
            existing.Families.Clear();
            foreach (var f in families) existing.Families[f.Key] = f.Value;
        }
        else
        {
            _tables[tableName] = new Table(families);
        }
        return new Answer(201);
    }

    private Answer GetRow(HttpRequest request, string tableName, string rowKey, List<string> columns)
    {
        if (!AcceptsJson(request)) return new Answer(406, "Not acceptable\r\n");
        if (!_tables.TryGetValue(tableName, out var table)) return new Answer(404, "Not found\r\n");
        var wanted = new List<(string Family, string? Qualifier)>();
        foreach (var c in columns)
        {
            int colon = c.IndexOf(':');
            var family = colon < 0 ? c : c[..colon];
            if (!table.Families.ContainsKey(family)) return new Answer(404, "Not found\r\nNoSuchColumnFamilyException\r\n");
            wanted.Add((family, colon < 0 ? null : c[(colon + 1)..]));
        }
        if (!table.Rows.TryGetValue(rowKey, out var row)) return new Answer(404, "Not found\r\n");
        var cells = row
            .Where(kv => kv.Value.Count > 0 && (wanted.Count == 0 || wanted.Any(w => w.Family == kv.Key.Family && (w.Qualifier is null || w.Qualifier == kv.Key.Qualifier))))
            .OrderBy(kv => kv.Key.Family, StringComparer.Ordinal).ThenBy(kv => kv.Key.Qualifier, StringComparer.Ordinal)
            .ToList();
        if (cells.Count == 0) return new Answer(404, "Not found\r\n");

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("Row");
            w.WriteStartObject();
            w.WriteBase64String("key", Encoding.UTF8.GetBytes(rowKey));
            w.WriteStartArray("Cell");
            foreach (var (key, versions) in cells)
            {
                var latest = versions[0];
                w.WriteStartObject();
                w.WriteBase64String("column", Encoding.UTF8.GetBytes($"{key.Family}:{key.Qualifier}"));
                w.WriteNumber("timestamp", latest.Ts);
                w.WriteBase64String("$", latest.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return new Answer(200, Encoding.UTF8.GetString(buffer.ToArray()), Json);
    }

    private Answer CheckAndPut(HttpRequest request, string tableName, string urlRow, byte[] body)
    {
        if (!IsJson(request)) return new Answer(415, "Unsupported media type\r\n");
        if (ParseCellSet(body, out var rows) is { } problem) return BadRequest(problem);
        if (rows.Count != 1) return BadRequest("Number of rows specified is not 1.");
        var (key, cells) = rows[0];
        string rowKey = key ?? urlRow;
        if (cells.Count <= 1) return BadRequest("Either row key is null or no data found for columns specified.");
        if (!_tables.TryGetValue(tableName, out var table)) return new Answer(404, "Not found\r\nTableNotFoundException\r\n");

        var check = cells[^1];
        var checkParts = SplitColumn(check.Column);
        if (checkParts is not { } cp || cp.Qualifier.Length == 0) return BadRequest("Column incorrectly specified.");
        var puts = new List<(string Family, string Qualifier, byte[] Value, long? Ts)>();
        bool checkColumnPut = false;
        foreach (var cell in cells.Take(cells.Count - 1))
        {
            if (SplitColumn(cell.Column) is not { } parts) return BadRequest("column is not family:qualifier");
            if (!table.Families.ContainsKey(parts.Family)) return new Answer(404, "Not found\r\nNoSuchColumnFamilyException\r\n");
            puts.Add((parts.Family, parts.Qualifier, cell.Value, cell.Timestamp));
            checkColumnPut |= cell.Column == check.Column;
        }
        if (!checkColumnPut) return BadRequest("The column to put and check do not match.");
        if (!table.Families.ContainsKey(cp.Family)) return new Answer(404, "Not found\r\nNoSuchColumnFamilyException\r\n");

        BeforeCheckAndPut?.Invoke(this, tableName, rowKey);

        byte[] current = table.Rows.TryGetValue(rowKey, out var row) && row.TryGetValue((cp.Family, cp.Qualifier), out var versions) && versions.Count > 0
            ? versions[0].Value
            : [];
        // checkAndMutate: an empty expected value matches an absent or empty cell; otherwise the bytes must be equal.
        bool matches = check.Value.Length == 0 ? current.Length == 0 : current.AsSpan().SequenceEqual(check.Value);
        if (!matches) return new Answer(304);
        Apply(table, rowKey, puts);
        return new Answer(200);
    }

    private void Apply(Table table, string rowKey, List<(string Family, string Qualifier, byte[] Value, long? Ts)> puts)
    {
        long now = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastTimestamp);
        _lastTimestamp = now;
        if (!table.Rows.TryGetValue(rowKey, out var row)) table.Rows[rowKey] = row = [];
        foreach (var (family, qualifier, value, ts) in puts)
        {
            if (!row.TryGetValue((family, qualifier), out var versions)) row[(family, qualifier)] = versions = [];
            long stamp = ts ?? now;
            versions.RemoveAll(v => v.Ts == stamp);
            versions.Add((stamp, value));
            versions.Sort((a, b) => b.Ts.CompareTo(a.Ts));
            int keep = table.Families[family];
            if (versions.Count > keep) versions.RemoveRange(keep, versions.Count - keep);
        }
    }

    private sealed record WireCell(string Column, byte[] Value, long? Timestamp);

    /// <summary>Parses {"Row":[{"key":b64,"Cell":[{"column":b64,"timestamp":n,"$":b64}]}]}; returns the problem, or null.</summary>
    private static string? ParseCellSet(byte[] body, out List<(string? Key, List<WireCell> Cells)> rows)
    {
        rows = [];
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException) { return "malformed JSON"; }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return "cell set is not an object";
            foreach (var p in root.EnumerateObject())
                if (p.Name != "Row") return $"unknown member {p.Name}";
            if (!root.TryGetProperty("Row", out var rowArray) || rowArray.ValueKind != JsonValueKind.Array) return "no Row array";
            foreach (var r in rowArray.EnumerateArray())
            {
                if (r.ValueKind != JsonValueKind.Object) return "a Row is not an object";
                string? key = null;
                var cells = new List<WireCell>();
                foreach (var p in r.EnumerateObject())
                {
                    switch (p.Name)
                    {
                        case "key":
                            if (p.Value.ValueKind != JsonValueKind.String || !p.Value.TryGetBytesFromBase64(out var k)) return "row key is not base64";
                            key = Encoding.UTF8.GetString(k);
                            break;
                        case "Cell":
                            if (p.Value.ValueKind != JsonValueKind.Array) return "Cell is not an array";
                            foreach (var c in p.Value.EnumerateArray())
                            {
                                if (ParseCell(c, out var cell) is { } problem) return problem;
                                cells.Add(cell!);
                            }
                            break;
                        default:
                            return $"unknown member {p.Name}";
                    }
                }
                rows.Add((key, cells));
            }
            return null;
        }
    }

    private static string? ParseCell(JsonElement c, out WireCell? cell)
    {
        cell = null;
        if (c.ValueKind != JsonValueKind.Object) return "a Cell is not an object";
        string? column = null;
        byte[]? value = null;
        long? ts = null;
        foreach (var p in c.EnumerateObject())
        {
            switch (p.Name)
            {
                case "column":
                    if (p.Value.ValueKind != JsonValueKind.String || !p.Value.TryGetBytesFromBase64(out var col)) return "column is not base64";
                    column = Encoding.UTF8.GetString(col);
                    break;
                case "$":
                    if (p.Value.ValueKind != JsonValueKind.String || !p.Value.TryGetBytesFromBase64(out value)) return "cell value is not base64";
                    break;
                case "timestamp":
                    if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt64(out long t)) return "timestamp is not an integer";
                    ts = t;
                    break;
                default:
                    return $"unknown member {p.Name}";
            }
        }
        if (column is null) return "Column found to be null.";
        if (value is null) return "a cell has no value ($)";
        cell = new WireCell(column, value, ts);
        return null;
    }

    private static (string Family, string Qualifier)? SplitColumn(string column)
    {
        int colon = column.IndexOf(':');
        return colon <= 0 ? null : (column[..colon], column[(colon + 1)..]);
    }

    private static Answer BadRequest(string why) => new(400, $"Bad request: {why}\r\n");

    private static bool IsJson(HttpRequest r) =>
        r.ContentType is { } t && t.Split(';')[0].Trim().Equals(Json, StringComparison.OrdinalIgnoreCase);

    private static bool AcceptsJson(HttpRequest r) =>
        r.Headers.Accept.Any(a => a is not null && a.Contains(Json, StringComparison.OrdinalIgnoreCase));

    // The gateway decodes path parts with java.net.URLDecoder, which also reads '+' as a space.
    private static string Decode(string part) => WebUtility.UrlDecode(part);
}
