using ClaimFraud.Kernel.Execution;

namespace ClaimFraud.Kernel.Tests.Execution;

public class InterruptCheckRewriterTests
{
    private const string Check = "global::ClaimFraud.Kernel.KernelInterrupt.Check();";

    [Fact]
    public void EveryKindOfLoopGetsACheckAtTheTopOfItsBody()
    {
        var code = "while (a) { x(); }\ndo y(); while (b);\nfor (;;) z();\nforeach (var i in s) { }\nforeach (var (k, v) in d) w();";

        var rewritten = InterruptCheckRewriter.Rewrite(code, ScriptSession.ParseOptions);

        Assert.Equal(5, rewritten.Split(Check).Length - 1);
    }

    [Fact]
    public void RewritingKeepsEveryStatementOnItsOriginalLine()
    {
        var code = "var n = 0;\nwhile (n < 3)\n    n++;\nfor (var i = 0; i < 2; i++)\n{\n    Console.WriteLine(i);\n}\nvar last = n;";

        var rewritten = InterruptCheckRewriter.Rewrite(code, ScriptSession.ParseOptions);

        var before = code.Split('\n');
        var after = rewritten.Split('\n');
        Assert.Equal(before.Length, after.Length);
        for (var line = 0; line < before.Length; line++) Assert.Equal(Bare(before[line]), Bare(after[line]));
        Assert.Contains("n++", after[2]);
        Assert.Contains(Check, after[2]);
        Assert.Contains("var last = n;", after[7]);
    }

    // A line's code without the inserted check, braces and spacing.
    private static string Bare(string line) =>
        new(line.Replace(Check, "").Where(c => !char.IsWhiteSpace(c) && c is not ('{' or '}')).ToArray());

    [Fact]
    public void CodeWithoutLoopsIsReturnedUnchanged()
    {
        const string code = "var a = 1;\nConsole.WriteLine(a);";

        Assert.Same(code, InterruptCheckRewriter.Rewrite(code, ScriptSession.ParseOptions));
    }
}
