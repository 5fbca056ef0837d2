using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClaimFraud.ResultStore.Tests.Infrastructure;

namespace ClaimFraud.ResultStore.Tests;

/// <summary>The fake gateway is only worth testing against if it refuses what HBase refuses; raw HTTP here, no store.</summary>
public sealed class FakeHBaseRestServerTests : IAsyncLifetime
{
    private FakeHBaseRestServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _server = await FakeHBaseRestServer.StartAsync();
        _http.BaseAddress = new Uri(_server.BaseUrl);
        _server.CreateTable("t", ("cf", 3));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static string CellSet(string row, params (string Column, string Value)[] cells) =>
        $$"""{"Row":[{"key":"{{B64(row)}}","Cell":[{{string.Join(",", cells.Select(c => $$"""{"column":"{{B64(c.Column)}}","$":"{{B64(c.Value)}}"}"""))}}]}]}""";

    private Task<HttpResponseMessage> Put(string target, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return _http.PutAsync(target, content);
    }

    private Task<HttpResponseMessage> Get(string target)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Accept.ParseAdd("application/json");
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task CheckAndPutAppliesWhenTheCheckCellMatchesAndAnswers304WhenItDoesNot()
    {
        var first = await Put("/t/r1?check=put", CellSet("r1", ("cf:a", "1"), ("cf:a", "")));
        var again = await Put("/t/r1?check=put", CellSet("r1", ("cf:a", "2"), ("cf:a", "")));
        var matched = await Put("/t/r1?check=put", CellSet("r1", ("cf:a", "2"), ("cf:a", "1")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotModified, HttpStatusCode.OK], new[] { first.StatusCode, again.StatusCode, matched.StatusCode });
        var versions = _server.Row("t", "r1")[("cf", "a")];
        Assert.Equal("2", Encoding.UTF8.GetString(versions[0].Value));
        Assert.True(versions.Count <= 3);
    }

    [Fact]
    public async Task MalformedJsonIsA400()
    {
        var r = await Put("/t/r1?check=put", """{"Row":[{"key":""");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task BadBase64IsA400()
    {
        var r = await Put("/t/r1?check=put", """{"Row":[{"key":"cjE=","Cell":[{"column":"Y2Y6YQ==","$":"***"},{"column":"Y2Y6YQ==","$":""}]}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("not base64", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownMembersAreA400()
    {
        var r = await Put("/t/r1?check=put", """{"Row":[{"key":"cjE=","cells":[]}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task ACheckColumnThatIsNotAmongThePutsIsA400()
    {
        var r = await Put("/t/r1?check=put", CellSet("r1", ("cf:a", "1"), ("cf:b", "")));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("do not match", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MoreThanOneRowInACheckAndPutIsA400()
    {
        string one = CellSet("r1", ("cf:a", "1"), ("cf:a", ""));
        string two = one.Replace("]}]}", "]},{\"key\":\"" + B64("r2") + "\",\"Cell\":[]}]}");
        var r = await Put("/t/r1?check=put", two);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task AnUnknownFamilyOrTableIsA404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Put("/t/r1?check=put", CellSet("r1", ("zz:a", "1"), ("zz:a", "")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/nope/schema")).StatusCode);
    }

    [Fact]
    public async Task AMissingRowIsA404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/t/absent")).StatusCode);
    }

    [Fact]
    public async Task AReadReturnsTheLatestVersionWithItsTimestampInTheDocumentedShape()
    {
        await Put("/t/r1?check=put", CellSet("r1", ("cf:a", "old"), ("cf:a", "")));
        await Put("/t/r1?check=put", CellSet("r1", ("cf:a", "new"), ("cf:a", "old")));

        var body = await (await Get("/t/r1/cf")).Content.ReadAsStringAsync();

        Assert.Matches("^\\{\"Row\":\\[\\{\"key\":\"" + B64("r1") + "\",\"Cell\":\\[\\{\"column\":\"" + B64("cf:a") + "\",\"timestamp\":\\d+,\"\\$\":\"" + B64("new") + "\"\\}\\]\\}\\]\\}$", body);
    }

    [Fact]
    public async Task AWrongContentTypeIsA415AndAMissingAcceptIsA406()
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Put("/t/r1?check=put", CellSet("r1", ("cf:a", "1"), ("cf:a", "")), "text/xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await _http.GetAsync("/t/schema")).StatusCode);
    }

    [Fact]
    public async Task CallsTheStoreDoesNotMakeAreNotImplemented()
    {
        Assert.Equal(HttpStatusCode.NotImplemented, (await Put("/t/r1", CellSet("r1", ("cf:a", "1")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotImplemented, (await _http.DeleteAsync("/t/r1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotImplemented, (await Get("/t/r1?v=3")).StatusCode);
    }

    [Fact]
    public async Task ASchemaWithoutColumnFamiliesIsA400()
    {
        var r = await Put("/u/schema", """{"name":"u","ColumnSchema":[]}""");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Null(_server.FamiliesOf("u"));
    }
}
