using ClaimFraud.Kernel.Display;

namespace ClaimFraud.Kernel.Execution;

/// <summary>What running one cell produced.</summary>
public abstract record ExecutionOutcome;

/// <summary>The cell ran; <paramref name="Result"/> is its trailing expression, formatted, if it had one.</summary>
public sealed record ExecutionSucceeded(MimeBundle? Result) : ExecutionOutcome;

/// <summary>
/// The cell did not compile, threw, or was interrupted. <paramref name="Traceback"/> lines name
/// positions as "line L" of the cell itself.
/// </summary>
public sealed record ExecutionFailed(string ErrorName, string ErrorValue, IReadOnlyList<string> Traceback) : ExecutionOutcome
{
    public const string CompilationError = "CompilationError";
    public const string Interrupted = "Interrupted";
}
