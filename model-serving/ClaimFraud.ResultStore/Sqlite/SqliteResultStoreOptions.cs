using ClaimFraud.ResultStore.Layout;

namespace ClaimFraud.ResultStore.Sqlite;

/// <summary>The local store used when no HBase is configured. Binds from configuration section <c>ResultStore:Sqlite</c>.</summary>
public sealed class SqliteResultStoreOptions
{
    /// <summary>Database file; its directory is created. Relative paths resolve against the working directory.</summary>
    public string Path { get; set; } = "data/fraud_result.db";

    /// <summary>SQL table holding the cells.</summary>
    public string Table { get; set; } = FraudResultLayout.DefaultTable;

    /// <summary>How long a write waits for another writer's lock before the store counts as unavailable.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Same row keys as HBase so data can move between the two; see <see cref="FraudResultRowKey"/>.</summary>
    public int SaltBuckets { get; set; } = FraudResultRowKey.DefaultBuckets;

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(Path)) p.Add("Path is required");
        if (string.IsNullOrEmpty(Table) || !(char.IsAsciiLetter(Table[0]) || Table[0] == '_') || !Table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            p.Add("Table must be a plain SQL identifier (letters, digits, '_')");
        if (BusyTimeout < TimeSpan.FromSeconds(1)) p.Add("BusyTimeout must be at least 1 second");
        if (SaltBuckets is < 1 or > FraudResultRowKey.MaxBuckets) p.Add($"SaltBuckets must be 1 to {FraudResultRowKey.MaxBuckets}");
        return p;
    }
}
