using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ClaimFraud.Kernel.Execution;

/// <summary>Turns compiler diagnostics and exceptions into Jupyter errors that point at cell lines.</summary>
internal static partial class CellErrors
{
    public static ExecutionFailed FromDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(Describe)
            .ToList();
        if (lines.Count == 0) lines.Add("The cell did not compile.");
        return new ExecutionFailed(ExecutionFailed.CompilationError, lines[0], lines);
    }

    public static string Describe(Diagnostic diagnostic)
    {
        var message = $"error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        if (!diagnostic.Location.IsInSource) return message;
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"line {position.Line + 1}, column {position.Character + 1}: {message}";
    }

    public static ExecutionFailed Interrupted(string detail) =>
        new(ExecutionFailed.Interrupted, detail, [$"{ExecutionFailed.Interrupted}: {detail}"]);

    /// <summary>An exception thrown by a cell; frames in cells read "in cell N, line L".</summary>
    public static ExecutionFailed FromException(Exception exception, Func<string, int?> cellOfFile)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        if (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        var traceback = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current != exception) traceback.Add(" ---> inner exception:");
            traceback.Add($"{current.GetType().FullName}: {current.Message}");
            traceback.AddRange(Frames(current, cellOfFile));
        }
        return new ExecutionFailed(exception.GetType().Name, exception.Message, traceback);
    }

    private static IEnumerable<string> Frames(Exception exception, Func<string, int?> cellOfFile)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var file = frame.GetFileName();
            if (file is not null && cellOfFile(file) is { } cell)
            {
                var name = CellMethodName(method);
                yield return name == "cell"
                    ? $"   at cell {cell}, line {frame.GetFileLineNumber()}"
                    : $"   at {name} in cell {cell}, line {frame.GetFileLineNumber()}";
                continue;
            }
            var typeName = method?.DeclaringType?.FullName ?? "";
            if (IsPlumbing(typeName)) continue;
            var location = file is null ? "" : $" in {Path.GetFileName(file)}:line {frame.GetFileLineNumber()}";
            yield return $"   at {typeName}.{method?.Name}{location}";
        }
    }

    // Frames of the scripting engine and the async machinery say nothing about the cell.
    private static bool IsPlumbing(string typeName) =>
        typeName.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal)
        || typeName.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal)
        || typeName.StartsWith("System.Runtime.ExceptionServices.", StringComparison.Ordinal)
        || typeName.StartsWith("System.Threading.ExecutionContext", StringComparison.Ordinal)
        || typeName.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal)
        || typeName.StartsWith("ClaimFraud.Kernel.Execution.", StringComparison.Ordinal);

    private static string CellMethodName(MethodBase? method)
    {
        if (method is null) return "cell";
        var type = SubmissionPrefix().Replace(method.DeclaringType?.FullName ?? "", "").Replace('+', '.');
        var name = method.Name;
        if (LocalFunction().Match(type + "." + name) is { Success: true } local) return local.Groups[1].Value;
        if ((type + name).Contains("<<Initialize>>", StringComparison.Ordinal) || type.Length == 0 && name == "<Initialize>") return "cell";
        if (name.Contains("b__", StringComparison.Ordinal)) return "lambda";
        type = CompilerGenerated().Replace(type, "").Trim('.');
        return type.Length == 0 ? name : $"{type}.{name}";
    }

    [GeneratedRegex(@"^Submission#\d+\.?")]
    private static partial Regex SubmissionPrefix();

    [GeneratedRegex(@"g__([A-Za-z_][A-Za-z0-9_]*)\|")]
    private static partial Regex LocalFunction();

    [GeneratedRegex(@"\.?<[^>]*>[A-Za-z0-9_]*__[A-Za-z0-9_|]*")]
    private static partial Regex CompilerGenerated();
}
