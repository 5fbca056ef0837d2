namespace ClaimFraud.Kernel.Execution;

/// <summary>
/// The cell a piece of code runs for. It is an AsyncLocal, so tasks, timers and threads a
/// cell starts keep writing to that cell's output even after another cell began.
/// </summary>
internal sealed class CellContext(CellOutput output, CancellationToken token, int displayMaxRows)
{
    private static readonly AsyncLocal<CellContext?> CurrentCell = new();

    public static CellContext? Current => CurrentCell.Value;

    public CellOutput Output { get; } = output;
    public CancellationToken Token { get; } = token;
    public int DisplayMaxRows { get; } = displayMaxRows;

    public void Enter()
    {
        CurrentCell.Value = this;
        KernelInterrupt.Enter(Token);
    }
}
