using MySql.Data.MySqlClient;

namespace ClaimFraud.ClaimsDb.MySql;

internal static class MySqlSession
{
    /// <summary>
    /// Opens a connection with the session settings the store relies on:
    /// <list type="bullet">
    /// <item>character_set_results = utf8mb4. MySql.Data 8.0.16 asks for results in each column's own character set and
    /// does not know the name MariaDB 10.6+ gives utf8 ('utf8mb3'): the first warning (which it fetches with SHOW WARNINGS)
    /// or information_schema read then throws and leaves the connection out of step with the server.</item>
    /// <item>time_zone UTC, so created_at defaults are UTC.</item>
    /// <item>foreign_key_checks on, whatever an earlier user of this pooled connection set (the bulk loader turns them off).</item>
    /// <item>strict mode, so a value that does not fit fails instead of being truncated. The server's other sql_mode
    /// flags are kept, in particular NO_BACKSLASH_ESCAPES, which MySql.Data reads at open to decide how to escape values.</item>
    /// </list>
    /// </summary>
    public static Task<MySqlConnection> OpenAsync(string connectionString, CancellationToken ct) => OpenAsync(connectionString, bulkLoad: false, ct);

    public static async Task<MySqlConnection> OpenAsync(string connectionString, bool bulkLoad, CancellationToken ct)
    {
        var connection = new MySqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText =
                "SET character_set_results = utf8mb4, time_zone = '+00:00', foreign_key_checks = " + (bulkLoad ? "0" : "1") + ", " +
                "SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')";
            await cmd.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
