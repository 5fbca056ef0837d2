using System.Text.Json.Nodes;

namespace ClaimFraud.Kernel.Tests.Jupyter;

/// <summary>The kernel as Debian's jupyter_client sees it (one kernel run shared by these tests).</summary>
public class JupyterClientTests(JupyterClientDriver driver) : IClassFixture<JupyterClientDriver>
{
    private JsonNode Result(string name) =>
        driver.Results[name] ?? throw new Xunit.Sdk.XunitException($"The driver recorded no '{name}'.");

    private IEnumerable<JsonNode> Outputs(string name, string type) =>
        Result(name)["outputs"]!.AsArray().Where(o => o!["type"]!.GetValue<string>() == type)!;

    private string Reply(string name, string field) => Result(name)["reply"]![field]!.ToString();

    [Fact]
    public void KernelInfoDescribesCSharpAndProtocolFivePointThree()
    {
        var info = Result("kernel_info");
        var language = info["language_info"]!;

        Assert.Equal("5.3", info["protocol_version"]!.GetValue<string>());
        Assert.Equal("csharp", language["name"]!.GetValue<string>());
        Assert.Equal(".cs", language["file_extension"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", language["mimetype"]!.GetValue<string>());
        Assert.Equal("csharp", language["pygments_lexer"]!.GetValue<string>());
    }

    [Fact]
    public void TheHeartbeatEchoesWhatItIsSent()
    {
        Assert.Equal("ping-123", Result("heartbeat").GetValue<string>());
    }

    [Fact]
    public void StateCarriesFromCellToCellAndTheTrailingExpressionIsTheResult()
    {
        var result = Assert.Single(Outputs("state_2", "execute_result"));

        Assert.Equal("42", result["content"]!["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("ok", Reply("state_2", "status"));
        Assert.Equal(int.Parse(Reply("state_1", "execution_count")) + 1, int.Parse(Reply("state_2", "execution_count")));
    }

    [Fact]
    public void EveryRequestIsWrappedInBusyAndIdleWithTheInputEchoed()
    {
        var types = Result("state_1")["outputs"]!.AsArray().Select(o => o!["type"]!.GetValue<string>()).ToList();

        Assert.Equal(["status", "execute_input", "status"], types);
        Assert.Equal("busy", Result("state_1")["outputs"]![0]!["content"]!["execution_state"]!.GetValue<string>());
        Assert.True(Result("state_1")["reply_parent"]!.GetValue<bool>());
    }

    [Fact]
    public void ConsoleOutputStreamsWhileTheCellRuns()
    {
        var streams = Outputs("stream", "stream").ToList();

        var first = Assert.Single(streams, s => s["content"]!["text"]!.GetValue<string>() == "first\n");
        var second = Assert.Single(streams, s => s["content"]!["text"]!.GetValue<string>() == "second\n");
        Assert.Equal("stdout", first["content"]!["name"]!.GetValue<string>());
        Assert.Equal("stderr", second["content"]!["name"]!.GetValue<string>());
        // "first" left the kernel before the cell's 1.5 s sleep ended, not with the final flush.
        Assert.True(second["at"]!.GetValue<double>() - first["at"]!.GetValue<double>() > 0.5);
    }

    [Fact]
    public void DisplaySendsAnHtmlTableAndAnSvgImageEachWithPlainText()
    {
        var displays = Outputs("display", "display_data").Select(d => d["content"]!["data"]!).ToList();

        Assert.Equal(2, displays.Count);
        Assert.Contains("<th>Id</th><th>Amount</th>", displays[0]["text/html"]!.GetValue<string>());
        Assert.Contains("showing 20 of 30 rows", displays[0]["text/html"]!.GetValue<string>());
        Assert.NotNull(displays[0]["text/plain"]);
        Assert.StartsWith("<svg", displays[1]["image/svg+xml"]!.GetValue<string>());
        Assert.NotNull(displays[1]["text/plain"]);
    }

    [Fact]
    public void AResultWithToSvgIsAnSvgExecuteResult()
    {
        var data = Assert.Single(Outputs("svg_result", "execute_result"))["content"]!["data"]!;

        Assert.Contains("<rect/>", data["image/svg+xml"]!.GetValue<string>());
        Assert.NotNull(data["text/plain"]);
    }

    [Fact]
    public void ACompileErrorComesBackWithTheLineInItsOwnCell()
    {
        var error = Assert.Single(Outputs("compile_error", "error"))["content"]!;

        Assert.Equal("error", Reply("compile_error", "status"));
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.StartsWith("line 3, column 14: error CS0103", error["evalue"]!.GetValue<string>());
        Assert.Contains("undefinedThing", Reply("compile_error", "evalue"));
    }

    [Fact]
    public void ARuntimeErrorNamesTheExceptionAndTheCellLine()
    {
        var error = Assert.Single(Outputs("runtime_error", "error"))["content"]!;

        Assert.Equal("DivideByZeroException", error["ename"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), line => line!.GetValue<string>().EndsWith("line 3"));
    }

    [Fact]
    public void TheSessionKeepsItsStateAfterFailedCells()
    {
        var result = Assert.Single(Outputs("after_errors", "execute_result"));

        Assert.Equal("42", result["content"]!["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void ACellCanReferenceADllByAbsolutePath()
    {
        var result = Assert.Single(Outputs("reference", "execute_result"));

        Assert.Equal("hello, kernel", result["content"]!["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void IsCompleteDistinguishesOpenValidAndInvalidCode()
    {
        var answers = Result("is_complete");

        Assert.Equal("incomplete", answers["if (total > 0) {"]!["status"]!.GetValue<string>());
        Assert.Equal("complete", answers["total++;"]!["status"]!.GetValue<string>());
        Assert.Equal("invalid", answers["var = ;"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void CompletionOffersMembersAndSessionVariablesWithTheRangeToReplace()
    {
        var member = Result("complete_member");
        var variable = Result("complete_variable");

        Assert.Contains(member["matches"]!.AsArray(), m => m!.GetValue<string>() == "ToString");
        Assert.Equal(6, member["cursor_start"]!.GetValue<int>());
        Assert.Equal(11, member["cursor_end"]!.GetValue<int>());
        Assert.Contains(variable["matches"]!.AsArray(), m => m!.GetValue<string>() == "total");
    }

    [Fact]
    public void CommInfoIsAnsweredWithNoComms()
    {
        Assert.Equal("ok", Result("comm_info")["status"]!.GetValue<string>());
        Assert.Empty(Result("comm_info")["comms"]!.AsObject());
    }

    [Fact]
    public void AMessageSignedWithAnotherKeyIsIgnoredAndTheKernelKeepsWorking()
    {
        Assert.False(Result("forged_answered").GetValue<bool>());
        Assert.Equal("ok", Result("after_forged").GetValue<string>());
    }

    [Fact]
    public void InterruptStopsAnEndlessLoopAndTheSessionContinues()
    {
        var after = Assert.Single(Outputs("after_interrupt", "execute_result"));

        Assert.Equal("error", Reply("interrupt", "status"));
        Assert.Equal("Interrupted", Reply("interrupt", "ename"));
        Assert.Equal("42", after["content"]!["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void RestartStartsAFreshSession()
    {
        Assert.Equal("error", Reply("after_restart_old", "status"));
        Assert.Contains("CS0103", Reply("after_restart_old", "evalue"));
        Assert.Equal("2", Assert.Single(Outputs("after_restart_new", "execute_result"))["content"]!["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void ShutdownEndsTheProcessWithoutBeingKilled()
    {
        Assert.False(Result("alive_after_shutdown").GetValue<bool>());
        // jupyter_client kills a kernel that is still alive after 5 s; ours leaves well before.
        Assert.True(Result("shutdown_seconds").GetValue<double>() < 4.5);
    }
}
