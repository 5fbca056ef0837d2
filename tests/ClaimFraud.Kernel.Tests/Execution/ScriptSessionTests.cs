using ClaimFraud.Kernel.Display;
using ClaimFraud.Kernel.Execution;

namespace ClaimFraud.Kernel.Tests.Execution;

/// <summary>One warmed-up session shared by the tests of this class (they run one after another).</summary>
public sealed class SharedSession
{
    public ScriptSession Session { get; } = new(new ScriptSessionOptions(null, Path.GetTempPath(), "test"));
}

public class ScriptSessionTests(SharedSession shared) : IClassFixture<SharedSession>
{
    private readonly ScriptSession _session = shared.Session;
    private int _count = 100;

    private async Task<(ExecutionOutcome Outcome, RecordingSink Sink)> Run(string code, CancellationToken token = default)
    {
        var sink = new RecordingSink();
        var outcome = await _session.ExecuteAsync(code, ++_count, sink, token);
        return (outcome, sink);
    }

    private static MimeBundle Result(ExecutionOutcome outcome) =>
        Assert.IsType<ExecutionSucceeded>(outcome).Result ?? throw new Xunit.Sdk.XunitException("The cell had no result.");

    [Fact]
    public async Task VariablesAndTypesFromOneCellAreUsableInTheNext()
    {
        await Run("record Bed(string Ward, int Count);\nvar beds = new Bed(\"ICU\", 8);");

        var (outcome, _) = await Run("beds.Count * 2");

        Assert.Equal("16", Result(outcome).Text);
    }

    [Fact]
    public async Task ACellEndingInAStatementHasNoResult()
    {
        var (outcome, _) = await Run("var quiet = 1;");

        Assert.Null(Assert.IsType<ExecutionSucceeded>(outcome).Result);
    }

    [Fact]
    public async Task ConsoleOutputGoesToTheCellsStreams()
    {
        var (_, sink) = await Run("Console.WriteLine(\"to out\"); Console.Error.Write(\"to err\");");

        Assert.Equal("to out\n", sink.Text("stdout"));
        Assert.Equal("to err", sink.Text("stderr"));
    }

    [Fact]
    public async Task OutputIsSentWhileTheCellStillRuns()
    {
        var sink = new RecordingSink();
        var run = _session.ExecuteAsync("Console.WriteLine(\"early\"); Thread.Sleep(2500); Console.WriteLine(\"late\");", ++_count, sink, default);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!sink.Text("stdout").Contains("early") && DateTime.UtcNow < deadline) await Task.Delay(20);
        var seenBeforeEnd = !run.IsCompleted && sink.Text("stdout") == "early\n";
        await run;

        Assert.True(seenBeforeEnd, "'early' should arrive before the cell finished and before 'late'.");
        Assert.Equal("early\nlate\n", sink.Text("stdout"));
    }

    [Fact]
    public async Task DisplaySendsARichBundleAndItsHandleCanUpdateIt()
    {
        var (outcome, sink) = await Run("var shown = display(new[] { new { Code = \"A09\" } });\nshown.Update(svg(\"<svg/>\"));");

        Assert.IsType<ExecutionSucceeded>(outcome);
        var events = sink.Events.ToList();
        Assert.Equal(["display", "update"], events.Select(e => e.Kind));
        Assert.Contains("<th>Code</th>", events[0].Bundle!.Data[MimeBundle.HtmlType]);
        Assert.Equal("<svg/>", events[1].Bundle!.Data[MimeBundle.SvgType]);
        Assert.Equal(events[0].Name, events[1].Name);
    }

    [Fact]
    public async Task ATrailingSequenceOfNamedTuplesKeepsTheNamesAsColumnHeaders()
    {
        var (outcome, _) = await Run("new[] { 3, 1 }.Select(n => (Ward: $\"W{n}\", Beds: n))");

        Assert.Contains("<th>Ward</th><th>Beds</th>", Result(outcome).Data[MimeBundle.HtmlType]);
    }

    [Fact]
    public async Task ACompileErrorInALaterCellReportsTheLineWithinThatCell()
    {
        await Run("var first = 1;\nvar second = 2;\nvar third = 3;");

        var (outcome, _) = await Run("var ok = first;\n\nvar broken = notDeclared + 1;");

        var error = Assert.IsType<ExecutionFailed>(outcome);
        Assert.Equal(ExecutionFailed.CompilationError, error.ErrorName);
        Assert.StartsWith("line 3, column 14: error CS0103", error.ErrorValue);
    }

    [Fact]
    public async Task ALoopInTheCellDoesNotShiftCompileErrorColumns()
    {
        var (outcome, _) = await Run("for (var i = 0; i < 2; i++) { var x = missingName; }");

        Assert.StartsWith("line 1, column 39: error CS0103", Assert.IsType<ExecutionFailed>(outcome).ErrorValue);
    }

    [Fact]
    public async Task ARuntimeExceptionNamesTheCellLineAndTheSessionGoesOn()
    {
        await Run("var kept = 7;");

        var (failed, _) = await Run("int Divide(int a, int b) => a / b;\nvar zero = 0;\nDivide(1, zero)");
        var (after, _) = await Run("kept + 1");

        var error = Assert.IsType<ExecutionFailed>(failed);
        Assert.Equal("DivideByZeroException", error.ErrorName);
        Assert.Contains(error.Traceback, line => line.Contains("at Divide in cell") && line.EndsWith("line 1"));
        Assert.Contains(error.Traceback, line => line.EndsWith("line 3"));
        Assert.Equal("8", Result(after).Text);
    }

    [Fact]
    public async Task VariablesAssignedBeforeAnExceptionKeepTheirValues()
    {
        await Run("var assignedFirst = \"kept\";\nthrow new InvalidOperationException(\"boom\");");

        var (after, _) = await Run("assignedFirst");

        Assert.Equal("kept", Result(after).Text);
    }

    [Fact]
    public async Task AnInterruptStopsAnEndlessLoopAndTheSessionStaysUsable()
    {
        await Run("var beforeLoop = \"still here\";");
        using var interrupt = new CancellationTokenSource();
        var sink = new RecordingSink();

        var running = _session.ExecuteAsync("long spins = 0;\nConsole.WriteLine(\"spinning\");\nwhile (true) { spins++; }", ++_count, sink, interrupt.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!sink.Text("stdout").Contains("spinning") && DateTime.UtcNow < deadline) await Task.Delay(20);
        await interrupt.CancelAsync();
        var stopped = await running;
        var (after, _) = await Run("beforeLoop");

        Assert.Contains("spinning", sink.Text("stdout"));
        Assert.Equal("The cell was interrupted.", Assert.IsType<ExecutionFailed>(stopped).ErrorValue);
        Assert.Equal(ExecutionFailed.Interrupted, Assert.IsType<ExecutionFailed>(stopped).ErrorName);
        Assert.Equal("still here", Result(after).Text);
    }

    [Fact]
    public async Task ACellThatIgnoresTheInterruptIsAbandonedAfterTheGracePeriod()
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var (stopped, _) = await Run("Thread.Sleep(30_000);", interrupt.Token);

        var error = Assert.IsType<ExecutionFailed>(stopped);
        Assert.Equal(ExecutionFailed.Interrupted, error.ErrorName);
        Assert.Contains("abandoned", error.ErrorValue);
    }

    [Fact]
    public async Task CellsCanAwaitAtTopLevel()
    {
        var (outcome, _) = await Run("await Task.Delay(10);\nawait Task.FromResult(\"awaited\")");

        Assert.Equal("awaited", Result(outcome).Text);
    }

    [Fact]
    public async Task CompletionOffersMembersOfAVariablesType()
    {
        await Run("var wards = new List<string> { \"ICU\" };");

        var result = await _session.CompleteAsync("wards.Cou", 9);

        Assert.Contains(result.Items, i => i.Text == "Count" && i.Kind == "property");
        Assert.Equal(6, result.CursorStart);
        Assert.Equal(9, result.CursorEnd);
    }

    [Fact]
    public async Task CompletionOffersVariablesFromEarlierCellsAndTheDisplayHelper()
    {
        await Run("var claimTotal = 3;");

        var variables = await _session.CompleteAsync("claimT", 6);
        var helpers = await _session.CompleteAsync("disp", 4);

        Assert.Contains(variables.Items, i => i.Text == "claimTotal");
        Assert.Contains(helpers.Items, i => i.Text == "display");
    }

    [Fact]
    public void IsCompleteTellsOpenBlocksFromFinishedAndBrokenCode()
    {
        Assert.Equal("incomplete", _session.IsComplete("if (true) {").Status);
        Assert.Equal("    ", _session.IsComplete("if (true) {").Indent);
        Assert.Equal("complete", _session.IsComplete("var a = 1;").Status);
        Assert.Equal("invalid", _session.IsComplete("var a = ;").Status);
    }
}
