using Microsoft.Data.Sqlite;

namespace ClaimFraud.ClaimsDb.Sqlite;

/// <summary>Where the embedded claims database lives: a file (created when missing, WAL mode) or a named in-memory database.</summary>
public sealed record SqliteClaimStoreOptions
{
    private SqliteClaimStoreOptions(string dataSource, bool inMemory)
    {
        DataSource = dataSource;
        InMemory = inMemory;
    }

    /// <summary>The file path, or the in-memory database's name.</summary>
    public string DataSource { get; }

    public bool InMemory { get; }

    /// <summary>How long a command waits for another connection's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A database file at <paramref name="path"/>; its folder is created when missing.</summary>
    public static SqliteClaimStoreOptions File(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteClaimStoreOptions(Path.GetFullPath(path), inMemory: false);
    }

    /// <summary>
    /// A private in-memory database shared by the store's connections (shared cache), gone when the store is disposed.
    /// Stores made with the same <paramref name="name"/> in one process see the same data.
    /// </summary>
    public static SqliteClaimStoreOptions Memory(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new SqliteClaimStoreOptions(name, inMemory: true);
    }

    internal string ConnectionString() => new SqliteConnectionStringBuilder
    {
        DataSource = DataSource,
        Mode = InMemory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
        Cache = InMemory ? SqliteCacheMode.Shared : SqliteCacheMode.Default,
        ForeignKeys = true,
        DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
        Pooling = true,
    }.ToString();
}
