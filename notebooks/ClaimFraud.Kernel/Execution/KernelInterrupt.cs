namespace ClaimFraud.Kernel;

/// <summary>
/// Cooperative interruption for cell code. The kernel inserts <see cref="Check"/> at the top
/// of every loop body in a cell, so an interrupt stops even <c>while (true) { }</c>; long
/// library calls can take <see cref="Token"/> instead.
/// </summary>
public static class KernelInterrupt
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>The token of the cell this code runs for (flows into tasks and threads it starts).</summary>
    public static CancellationToken Token => Current.Value;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell was interrupted.</summary>
    public static void Check()
    {
        var token = Current.Value;
        if (token.IsCancellationRequested) throw new OperationCanceledException("The cell was interrupted.", token);
    }

    internal static void Enter(CancellationToken token) => Current.Value = token;
}
