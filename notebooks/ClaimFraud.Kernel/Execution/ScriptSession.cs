using System.Collections.Concurrent;
using System.Runtime.Loader;
using ClaimFraud.Kernel.Display;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace ClaimFraud.Kernel.Execution;

/// <summary>Settings of one <see cref="ScriptSession"/>.</summary>
/// <param name="RepoRoot">Repository whose projects <c>#r "ProjectName"</c> finds; null disables that.</param>
/// <param name="WorkingDirectory">Base folder for relative <c>#r</c>/<c>#load</c> paths.</param>
/// <param name="DisplayIdPrefix">Makes display ids unique across kernel processes.</param>
/// <param name="AllowProjectBuilds">Whether <c>#r "ProjectName"</c> may run <c>dotnet build</c>.</param>
public sealed record ScriptSessionOptions(
    string? RepoRoot,
    string WorkingDirectory,
    string DisplayIdPrefix = "display",
    bool AllowProjectBuilds = true)
{
    /// <summary>How long an interrupted cell may take to stop before it is abandoned.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows shown for a sequence result unless display(value, maxRows) says otherwise.</summary>
    public int DisplayMaxRows { get; init; } = MimeFormatter.DefaultMaxRows;
}

/// <summary>
/// A C# scripting session: each cell is a Roslyn submission continuing the state of the last
/// one that ran, so variables, types and <c>#r</c> references carry over. Calls must not overlap
/// (the kernel runs one request at a time); a cell abandoned after an interrupt keeps running
/// on its own thread without touching the session.
/// </summary>
public sealed class ScriptSession
{
    public static readonly string[] DefaultImports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text",
        "System.Threading", "System.Threading.Tasks", "ClaimFraud.Kernel",
    ];

    internal static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static readonly ConcurrentBag<KernelReferenceResolver> Resolvers = [];
    private static int _resolvingHooked;

    private readonly ScriptSessionOptions _settings;
    private readonly ScriptOptions _options;
    private readonly ScriptOptions _analysisOptions;
    private readonly CellGlobals _globals;
    private readonly Task<ScriptState<object>> _initial;
    private readonly ConcurrentDictionary<string, int> _cellFiles = new(StringComparer.Ordinal);
    private ScriptState<object>? _state;
    private int _submissions;

    public ScriptSession(ScriptSessionOptions settings)
    {
        _settings = settings;
        ConsoleRouting.EnsureInstalled();
        var projects = settings.RepoRoot is null ? null : new ProjectLibraries(settings.RepoRoot, settings.AllowProjectBuilds);
        var resolver = new KernelReferenceResolver(projects, settings.WorkingDirectory, line => Console.Error.WriteLine(line));
        HookDependencyProbing(resolver);
        // Completion and inspection compile too, but must never start a build.
        var analysisProjects = settings.RepoRoot is null ? null : new ProjectLibraries(settings.RepoRoot, allowBuild: false);
        var analysisResolver = new KernelReferenceResolver(analysisProjects, settings.WorkingDirectory, _ => { });

        _options = BaseOptions(settings.WorkingDirectory).WithMetadataResolver(resolver);
        _analysisOptions = BaseOptions(settings.WorkingDirectory).WithMetadataResolver(analysisResolver)
            .WithFilePath(Path.Combine(settings.WorkingDirectory, "completion.csx"));
        _globals = new CellGlobals(settings.RepoRoot, settings.DisplayIdPrefix);
        _initial = Task.Run(StartAsync);
    }

    public ScriptSessionOptions Settings => _settings;

    /// <summary>Names of the variables cells have declared so far.</summary>
    public IReadOnlyList<string> VariableNames =>
        _state?.Variables.Select(v => v.Name).Distinct().ToList() ?? [];

    /// <summary>Completes when the compiler has warmed up (the first compile takes seconds).</summary>
    public Task WarmUpAsync() => _initial;

    /// <summary>
    /// Compiles and runs one cell. Output goes to <paramref name="sink"/> while it runs; the
    /// trailing expression's value comes back formatted. Cancelling <paramref name="interrupt"/>
    /// stops the cell at its next loop iteration, or abandons it after the grace period.
    /// </summary>
    public async Task<ExecutionOutcome> ExecuteAsync(string code, int executionCount, ICellOutputSink sink, CancellationToken interrupt)
    {
        var previous = _state ?? await _initial.ConfigureAwait(false);
        var cellFile = Path.Combine(_settings.WorkingDirectory, $"cell-{Interlocked.Increment(ref _submissions)}.csx");
        _cellFiles[cellFile] = executionCount;

        var output = new CellOutput(sink);
        var context = new CellContext(output, interrupt, _settings.DisplayMaxRows);
        var run = Task.Factory.StartNew(
            () =>
            {
                context.Enter();
                return RunAsync(previous, code, cellFile, interrupt);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();

        var finished = await FinishesInTimeAsync(run, interrupt).ConfigureAwait(false);
        output.Complete();
        if (!finished)
        {
            return CellErrors.Interrupted(
                $"The cell did not stop within {_settings.InterruptGrace.TotalSeconds:0.#} s of the interrupt; it was abandoned " +
                "and may still run in the background. Variables keep their values from before this cell.");
        }
        var (outcome, state) = await run.ConfigureAwait(false);
        if (state is not null) _state = state;
        return outcome;
    }

    public IsCompleteResult IsComplete(string code) => CodeAssist.IsComplete(code);

    public async Task<CompletionResult> CompleteAsync(string code, int cursor)
    {
        var previous = _state ?? await _initial.ConfigureAwait(false);
        return CodeAssist.Complete(previous.Script, code, cursor, _analysisOptions, VariableNames);
    }

    public async Task<string?> InspectAsync(string code, int cursor)
    {
        var previous = _state ?? await _initial.ConfigureAwait(false);
        return CodeAssist.Inspect(previous.Script, code, cursor, _analysisOptions);
    }

    private async Task<(ExecutionOutcome Outcome, ScriptState<object>? State)> RunAsync(
        ScriptState<object> previous, string code, string cellFile, CancellationToken interrupt)
    {
        try
        {
            return await CompileAndRunAsync(previous, code, cellFile, interrupt).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return (CellErrors.Interrupted("The cell was interrupted before it ran."), null);
        }
    }

    private async Task<(ExecutionOutcome Outcome, ScriptState<object>? State)> CompileAndRunAsync(
        ScriptState<object> previous, string code, string cellFile, CancellationToken interrupt)
    {
        var options = _options.WithFilePath(cellFile);
        var checkedCode = InterruptCheckRewriter.Rewrite(code, ParseOptions);
        var script = previous.Script.ContinueWith(checkedCode, options);
        var diagnostics = script.Compile(interrupt);
        if (HasErrors(diagnostics))
        {
            if (ReferenceEquals(checkedCode, code) || checkedCode == code) return (CellErrors.FromDiagnostics(diagnostics), null);
            // Report positions in the code as typed; if only the inserted checks broke it, run it without them.
            script = previous.Script.ContinueWith(code, options);
            diagnostics = script.Compile(interrupt);
            if (HasErrors(diagnostics)) return (CellErrors.FromDiagnostics(diagnostics), null);
        }

        ScriptState<object> state;
        try
        {
            state = await script.RunFromAsync(previous, _ => true, interrupt).ConfigureAwait(false);
        }
        catch (CompilationErrorException e)
        {
            return (CellErrors.FromDiagnostics(e.Diagnostics), null);
        }

        if (state.Exception is { } exception)
        {
            if (exception is OperationCanceledException && interrupt.IsCancellationRequested)
                return (CellErrors.Interrupted("The cell was interrupted."), state);
            return (CellErrors.FromException(exception, CellOfFile), state);
        }

        var (hasValue, resultType) = TrailingExpression(script.GetCompilation());
        if (!hasValue || state.ReturnValue is DisplayHandle) return (new ExecutionSucceeded(null), state);
        try
        {
            var bundle = MimeFormatter.Format(state.ReturnValue, _settings.DisplayMaxRows, TupleNames(resultType));
            return (new ExecutionSucceeded(bundle), state);
        }
        catch (Exception e) when (e is OperationCanceledException && interrupt.IsCancellationRequested)
        {
            return (CellErrors.Interrupted("The cell was interrupted while its result was being shown."), state);
        }
        catch (Exception e)
        {
            return (CellErrors.FromException(e, CellOfFile), state);
        }
    }

    private async Task<bool> FinishesInTimeAsync(Task run, CancellationToken interrupt)
    {
        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = interrupt.Register(() => interrupted.TrySetResult()).ConfigureAwait(false);
        if (await Task.WhenAny(run, interrupted.Task).ConfigureAwait(false) == run) return true;
        return await Task.WhenAny(run, Task.Delay(_settings.InterruptGrace, CancellationToken.None)).ConfigureAwait(false) == run;
    }

    private int? CellOfFile(string file) => _cellFiles.TryGetValue(file, out var count) ? count : null;

    private async Task<ScriptState<object>> StartAsync()
    {
        var state = await CSharpScript.RunAsync<object>("", _options.WithFilePath(Path.Combine(_settings.WorkingDirectory, "start.csx")), _globals, typeof(CellGlobals))
            .ConfigureAwait(false);
        // Compile and emit one typical expression now so the first real cell waits less;
        // the result is thrown away and the session continues from the empty state.
        await state.Script.ContinueWith("System.Linq.Enumerable.Range(0, 3).Select(i => $\"{i}\").ToList()", _analysisOptions)
            .RunFromAsync(state).ConfigureAwait(false);
        return state;
    }

    private static bool HasErrors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    private static ScriptOptions BaseOptions(string workingDirectory) =>
        ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(CellGlobals).Assembly)
            .WithImports(DefaultImports)
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(workingDirectory))
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithAllowUnsafe(true);

    // The runtime's own assemblies (not the kernel's dependencies) are what cells compile against.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return trusted
            .Where(path => path.Length > 0 && Path.GetDirectoryName(path) == runtimeFolder)
            .Where(path => IsFrameworkName(Path.GetFileNameWithoutExtension(path)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    private static bool IsFrameworkName(string name) =>
        name is "System" or "netstandard" or "mscorlib" or "Microsoft.CSharp" or "Microsoft.VisualBasic.Core"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);

    // A cell has a value when it ends in an expression without ';' that is not void.
    private static (bool HasValue, ITypeSymbol? Type) TrailingExpression(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var last = tree.GetRoot().ChildNodes().LastOrDefault() as Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax;
        if (last?.Statement is not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement)
            return (false, null);
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is null || type.SpecialType == SpecialType.System_Void ? (false, null) : (true, type);
    }

    private static IReadOnlyList<string>? TupleNames(ITypeSymbol? resultType)
    {
        var element = resultType switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol named when IsEnumerableOfT(named) => named.TypeArguments[0],
            not null => resultType.AllInterfaces.FirstOrDefault(IsEnumerableOfT)?.TypeArguments[0],
            _ => null,
        };
        return element is INamedTypeSymbol { IsTupleType: true } tuple ? tuple.TupleElements.Select(e => e.Name).ToList() : null;
    }

    private static bool IsEnumerableOfT(INamedTypeSymbol type) =>
        type.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    // Dependencies of #r'd dlls that the scripting loader does not find are looked up next to them.
    private static void HookDependencyProbing(KernelReferenceResolver resolver)
    {
        Resolvers.Add(resolver);
        if (Interlocked.Exchange(ref _resolvingHooked, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            foreach (var folder in Resolvers.SelectMany(r => r.ProbeFolders).Distinct())
            {
                var candidate = Path.Combine(folder, name.Name + ".dll");
                if (File.Exists(candidate)) return context.LoadFromAssemblyPath(candidate);
            }
            return null;
        };
    }
}
