using System.Globalization;
using ClaimFraud.ResultStore.Layout;
using Microsoft.Data.Sqlite;

namespace ClaimFraud.ResultStore.Sqlite;

/// <summary>
/// HBase's cell model in one SQLite table <c>(row_key, family, qualifier, ts, value)</c>, WAL journal, synchronous=FULL
/// so a committed write survives power loss. Check-and-put is a BEGIN IMMEDIATE transaction.
/// </summary>
internal sealed class SqliteCellTable : ICellTable
{
    private readonly string _connectionString;
    private readonly string _table;
    private readonly string _path;
    private readonly TimeProvider _time;

    public SqliteCellTable(SqliteResultStoreOptions options, TimeProvider time)
    {
        _path = System.IO.Path.GetFullPath(options.Path);
        _table = options.Table;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout runs out.
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        Name = $"SQLite {_path}";
    }

    public string Name { get; }

    public string FilePath => _path;

    public Task EnsureTableAsync(CancellationToken ct) => RunAsync(() =>
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        using var c = Open();
        var mode = Scalar(c, "PRAGMA journal_mode=WAL;") as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new ResultStoreException($"{Name}: could not switch to WAL journal (got '{mode}')");
        Execute(c, $"""
            CREATE TABLE IF NOT EXISTS {_table} (
                row_key   TEXT    NOT NULL,
                family    TEXT    NOT NULL,
                qualifier TEXT    NOT NULL,
                ts        INTEGER NOT NULL,
                value     BLOB    NOT NULL,
                PRIMARY KEY (row_key, family, qualifier)
            ) WITHOUT ROWID;
            """);
        return true;
    });

    public Task<IReadOnlyList<Cell>> GetAsync(string rowKey, IReadOnlyList<string> columns, CancellationToken ct) => RunAsync<IReadOnlyList<Cell>>(() =>
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        var where = new List<string>();
        for (int i = 0; i < columns.Count; i++)
        {
            int colon = columns[i].IndexOf(':');
            if (colon < 0)
            {
                where.Add($"family = $f{i}");
                cmd.Parameters.AddWithValue($"$f{i}", columns[i]);
            }
            else
            {
                where.Add($"(family = $f{i} AND qualifier = $q{i})");
                cmd.Parameters.AddWithValue($"$f{i}", columns[i][..colon]);
                cmd.Parameters.AddWithValue($"$q{i}", columns[i][(colon + 1)..]);
            }
        }
        cmd.CommandText = $"SELECT family, qualifier, ts, value FROM {_table} WHERE row_key = $row"
            + (where.Count > 0 ? " AND (" + string.Join(" OR ", where) + ")" : "")
            + " ORDER BY family, qualifier;";
        cmd.Parameters.AddWithValue("$row", rowKey);
        var cells = new List<Cell>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) cells.Add(new Cell(r.GetString(0), r.GetString(1), (byte[])r.GetValue(3), r.GetInt64(2)));
        return cells;
    });

    public Task<bool> CheckAndPutAsync(string rowKey, IReadOnlyList<Cell> puts, Cell check, CancellationToken ct) => RunAsync(() =>
    {
        if (!puts.Any(p => p.Column == check.Column))
            throw new ArgumentException($"check column {check.Column} is not among the cells put", nameof(check));
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: false);
        using (var get = c.CreateCommand())
        {
            get.Transaction = tx;
            get.CommandText = $"SELECT value FROM {_table} WHERE row_key = $row AND family = $f AND qualifier = $q;";
            get.Parameters.AddWithValue("$row", rowKey);
            get.Parameters.AddWithValue("$f", check.Family);
            get.Parameters.AddWithValue("$q", check.Qualifier);
            var current = get.ExecuteScalar() as byte[] ?? [];
            // HBase: an empty expected value matches an absent (or empty) cell.
            if (!current.AsSpan().SequenceEqual(check.Value)) return false;
        }
        long ts = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using (var put = c.CreateCommand())
        {
            put.Transaction = tx;
            put.CommandText = $"INSERT OR REPLACE INTO {_table} (row_key, family, qualifier, ts, value) VALUES ($row, $f, $q, $ts, $v);";
            var f = put.Parameters.Add("$f", SqliteType.Text);
            var q = put.Parameters.Add("$q", SqliteType.Text);
            var v = put.Parameters.Add("$v", SqliteType.Blob);
            put.Parameters.AddWithValue("$row", rowKey);
            put.Parameters.AddWithValue("$ts", ts);
            foreach (var cell in puts)
            {
                f.Value = cell.Family;
                q.Value = cell.Qualifier;
                v.Value = cell.Value;
                put.ExecuteNonQuery();
            }
        }
        tx.Commit();
        return true;
    });

    public Task PingAsync(CancellationToken ct) => RunAsync(() =>
    {
        using var c = Open();
        var n = Convert.ToInt64(Scalar(c, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{_table}';"), CultureInfo.InvariantCulture);
        if (n == 0) throw new ResultStoreException($"{Name}: table {_table} does not exist yet");
        return true;
    });

    /// <summary>Closes this file's pooled connections (so the file can be moved or deleted).</summary>
    public void ClearPool()
    {
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        try
        {
            c.Open();
            Execute(c, "PRAGMA synchronous=FULL;");
            return c;
        }
        catch { c.Dispose(); throw; }
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    /// <summary>SQLite calls are synchronous underneath; failures that another moment may cure become "unavailable".</summary>
    private Task<T> RunAsync<T>(Func<T> work)
    {
        try { return Task.FromResult(work()); }
        catch (SqliteException e) when (IsTransient(e))
        {
            return Task.FromException<T>(new ResultStoreUnavailableException($"{Name}: {e.Message}", e));
        }
        catch (IOException e)
        {
            return Task.FromException<T>(new ResultStoreUnavailableException($"{Name}: {e.Message}", e));
        }
        catch (UnauthorizedAccessException e)
        {
            return Task.FromException<T>(new ResultStoreUnavailableException($"{Name}: {e.Message}", e));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    // BUSY, LOCKED, IOERR, FULL, CANTOPEN, READONLY (e.g. a volume remounted read-only).
    internal static bool IsTransient(SqliteException e) => (e.SqliteErrorCode & 0xFF) is 5 or 6 or 10 or 13 or 14 or 8;
}
