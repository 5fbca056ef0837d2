using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaimFraud.Kernel.Execution;

/// <summary>
/// Puts <c>global::ClaimFraud.Kernel.KernelInterrupt.Check();</c> first in every loop body.
/// It adds no line breaks, so diagnostics and stack traces keep the cell's line numbers.
/// </summary>
internal sealed class InterruptCheckRewriter : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax CheckCall =
        SyntaxFactory.ParseStatement("global::ClaimFraud.Kernel.KernelInterrupt.Check();")
            .WithoutTrivia();

    public bool Changed { get; private set; }

    /// <summary>The code with checks inserted, or the same text when it has no loop or does not parse.</summary>
    public static string Rewrite(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return code;
        var rewriter = new InterruptCheckRewriter();
        var root = rewriter.Visit(tree.GetRoot());
        return rewriter.Changed ? root.ToFullString() : code;
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(WithCheck(visited.Statement));
    }

    private BlockSyntax WithCheck(StatementSyntax body)
    {
        Changed = true;
        if (body is BlockSyntax block)
        {
            return block.WithStatements(block.Statements.Insert(0, CheckCall));
        }
        // Keep the body's own trivia where it was so every token stays on its line.
        return SyntaxFactory.Block(CheckCall, body.WithoutTrivia())
            .WithLeadingTrivia(body.GetLeadingTrivia())
            .WithTrailingTrivia(body.GetTrailingTrivia());
    }
}
