using MySql.Data.MySqlClient;

namespace ClaimFraud.ClaimsDb.MySql;

/// <summary>Where the MySQL/MariaDB claims database is and how long to wait for it.</summary>
/// <param name="ConnectionString">A MySql.Data connection string naming the database; the character set is forced to utf8mb4.</param>
public sealed record MySqlClaimStoreOptions(string ConnectionString)
{
    /// <summary>How long a migration waits for another process's migration to finish.</summary>
    public TimeSpan MigrationLockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most bytes one command of the bulk loader's INSERT path carries (a batch is one command when it fits; new
    /// claims go by LOAD DATA, which has no such limit). Kept well under the server's max_allowed_packet (4 MiB on old
    /// MySQL, 16 MiB on MariaDB); at least 64 KiB. A claim row longer than this (very long lists) goes alone in its command.
    /// </summary>
    public int MaxCommandBytes { get; init; } = 2 << 20;

    /// <summary>
    /// The bulk loader's connection: as <see cref="EffectiveConnectionString"/> plus AllowLoadLocalInfile, which lets the
    /// server ask this client for a file. Only the loader's own connection has it, and it only ever loads the files it
    /// has just written (MySqlLoadDataWriter); readers never do.
    /// </summary>
    internal string BulkLoadConnectionString() =>
        new MySqlConnectionStringBuilder(EffectiveConnectionString()) { AllowLoadLocalInfile = true }.ConnectionString;

    internal string EffectiveConnectionString()
    {
        var builder = new MySqlConnectionStringBuilder(ConnectionString)
        {
            // Names carry emoji and scripts outside the BMP; anything less than utf8mb4 would mangle them.
            CharacterSet = "utf8mb4",
        };
        // The store sets its session up again on every open (MySqlSession), so the pool's reset round trip (about 1 ms,
        // on by default in MySql.Data 8.0) would buy nothing.
        builder.ConnectionReset = false;
        if (MaxCommandBytes < 64 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxCommandBytes), MaxCommandBytes, "Must be at least 64 KiB so that any single claim row fits in one command.");
        if (string.IsNullOrEmpty(builder.Database))
            throw new ArgumentException("The MySQL connection string must name a database (Database=…).", nameof(ConnectionString));
        return builder.ConnectionString;
    }
}
