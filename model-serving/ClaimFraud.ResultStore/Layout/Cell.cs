namespace ClaimFraud.ResultStore.Layout;

/// <summary>One cell of a row: family, qualifier, value bytes, and the store's timestamp (ms since epoch, 0 when not yet written).</summary>
internal sealed record Cell(string Family, string Qualifier, byte[] Value, long Timestamp = 0)
{
    public string Column => Family + ":" + Qualifier;
}

/// <summary>
/// The few wide-column operations the result logic needs, each atomic per row as HBase's are.
/// Column specs are a family ("d") or family:qualifier ("s:stamp").
/// </summary>
internal interface ICellTable
{
    /// <summary>Backend name for messages and health (no credentials).</summary>
    string Name { get; }

    /// <summary>Creates the table with <see cref="FraudResultLayout.Families"/> if missing; checks the families otherwise.</summary>
    Task EnsureTableAsync(CancellationToken ct);

    /// <summary>The latest version of each matching cell, sorted by family then qualifier; empty when none.</summary>
    Task<IReadOnlyList<Cell>> GetAsync(string rowKey, IReadOnlyList<string> columns, CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="puts"/> only if the current value of <paramref name="check"/>'s column equals its value,
    /// an empty value meaning "absent" (HBase checkAndMutate semantics). The check column must be among the puts.
    /// </summary>
    Task<bool> CheckAndPutAsync(string rowKey, IReadOnlyList<Cell> puts, Cell check, CancellationToken ct);

    /// <summary>Throws when the table cannot be reached.</summary>
    Task PingAsync(CancellationToken ct);
}
