using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace ClaimFraud.Kernel.Execution;

/// <summary>Answer to is_complete_request: "complete", "incomplete" (with an indent) or "invalid".</summary>
public sealed record IsCompleteResult(string Status, string Indent = "");

/// <summary>One completion candidate and its kind (method, property, local, class, keyword…).</summary>
public sealed record CompletionItem(string Text, string Kind);

/// <summary>Answer to complete_request; offsets are UTF-16 indexes into the cell's code.</summary>
public sealed record CompletionResult(IReadOnlyList<CompletionItem> Items, int CursorStart, int CursorEnd);

/// <summary>Completion, inspection and completeness checks from the compiler's semantic model.</summary>
internal static class CodeAssist
{
    private const int MaxItems = 500;

    private static readonly string[] Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
        "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit",
        "in", "int", "interface", "internal", "is", "lock", "long", "nameof", "namespace", "new", "null", "object",
        "operator", "out", "override", "params", "private", "protected", "public", "readonly", "record", "ref",
        "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
        "var", "virtual", "void", "volatile", "when", "where", "while", "with", "yield",
    ];

    public static IsCompleteResult IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ScriptSession.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return new IsCompleteResult("incomplete", NextIndent(code));
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new IsCompleteResult("invalid")
            : new IsCompleteResult("complete");
    }

    public static CompletionResult Complete(Script previous, string code, int cursor, ScriptOptions options, IReadOnlyList<string> variables)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && IsIdentifierPart(code[start - 1])) start--;
        var prefix = code[start..cursor];
        IEnumerable<CompletionItem> candidates;
        try
        {
            candidates = Candidates(previous, code, start, options);
        }
        catch (Exception)
        {
            // The semantic model is best effort: fall back to the session's variable names.
            candidates = variables.Select(v => new CompletionItem(v, "variable"));
        }
        var items = candidates
            .Where(c => c.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(c => c.Text)
            .OrderBy(c => c.Text.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(MaxItems)
            .ToList();
        return new CompletionResult(items, start, cursor);
    }

    public static string? Inspect(Script previous, string code, int cursor, ScriptOptions options)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (model, root) = Analyze(previous, code, options);
        var position = cursor > 0 && (cursor == code.Length || !IsIdentifierPart(code[cursor])) ? cursor - 1 : cursor;
        var token = root.FindToken(position);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var symbol = model.GetSymbolInfo(node).Symbol
                ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault()
                ?? model.GetDeclaredSymbol(node);
            if (symbol is null) continue;
            var format = SymbolDisplayFormat.MinimallyQualifiedFormat;
            return symbol switch
            {
                ILocalSymbol local => $"(variable) {local.Type.ToDisplayString(format)} {local.Name}",
                IFieldSymbol field => $"({(field.ContainingType?.IsScriptClass == true ? "variable" : "field")}) {field.Type.ToDisplayString(format)} {field.Name}",
                IParameterSymbol parameter => $"(parameter) {parameter.Type.ToDisplayString(format)} {parameter.Name}",
                _ => $"({symbol.Kind.ToString().ToLowerInvariant()}) {symbol.ToDisplayString(format)}",
            };
        }
        return null;
    }

    private static IEnumerable<CompletionItem> Candidates(Script previous, string code, int start, ScriptOptions options)
    {
        var (model, root) = Analyze(previous, code, options);
        var dot = start - 1;
        if (dot >= 0 && code[dot] == '.')
        {
            var receiver = ReceiverOf(root.FindToken(dot).Parent);
            if (receiver is null) return [];
            var symbol = model.GetSymbolInfo(receiver).Symbol;
            IEnumerable<ISymbol> members = symbol switch
            {
                INamespaceSymbol ns => model.LookupNamespacesAndTypes(start, ns),
                ITypeSymbol type => model.LookupStaticMembers(start, type),
                _ => model.GetTypeInfo(receiver).Type is { } instanceType
                    ? model.LookupSymbols(start, instanceType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
                    : [],
            };
            return members.Where(IsNameable).Select(ToItem);
        }
        return model.LookupSymbols(start).Where(IsNameable).Select(ToItem)
            .Concat(Keywords.Select(k => new CompletionItem(k, "keyword")));
    }

    private static (SemanticModel Model, SyntaxNode Root) Analyze(Script previous, string code, ScriptOptions options)
    {
        var compilation = previous.ContinueWith(code, options).GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree.GetRoot());
    }

    private static ExpressionSyntax? ReceiverOf(SyntaxNode? node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        QualifiedNameSyntax qualified => qualified.Left,
        MemberBindingExpressionSyntax binding => binding.Parent?.Parent is ConditionalAccessExpressionSyntax conditional
            ? conditional.Expression
            : (binding.Parent as ConditionalAccessExpressionSyntax)?.Expression,
        _ => null,
    };

    private static bool IsNameable(ISymbol symbol) =>
        symbol.CanBeReferencedByName && !symbol.Name.StartsWith('<') && symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor };

    private static CompletionItem ToItem(ISymbol symbol) => new(symbol.Name, symbol switch
    {
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        ILocalSymbol => "variable",
        IParameterSymbol => "parameter",
        IEventSymbol => "event",
        INamespaceSymbol => "namespace",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol => "class",
        _ => "text",
    });

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string NextIndent(string code)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var last = lines.LastOrDefault(l => l.Trim().Length > 0) ?? "";
        var indent = last[..(last.Length - last.TrimStart().Length)];
        return last.TrimEnd().EndsWith('{') || last.TrimEnd().EndsWith('(') ? indent + "    " : indent;
    }
}
