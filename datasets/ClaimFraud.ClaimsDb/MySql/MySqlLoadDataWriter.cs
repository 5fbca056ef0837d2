using System.Data;
using System.Globalization;
using System.Text;
using ClaimFraud.ClaimsDb.Schema;
using ClaimFraud.Domain.Claims;
using MySql.Data.MySqlClient;

namespace ClaimFraud.ClaimsDb.MySql;

/// <summary>
/// The bulk loader's fast path: each batch goes to the server as tab-separated files through
/// <c>LOAD DATA LOCAL INFILE</c>, which the server parses at about half the CPU of multi-row INSERT text and which
/// MySql.Data sends without scanning it for parameters (most of the client's time with INSERT text).
/// <para>
/// LOAD DATA LOCAL cannot stop on a duplicate key: the server skips the row with a warning (IGNORE). So a batch
/// commits only when the server stored exactly its rows without any warning; otherwise (a claim_id already stored,
/// or any value the server had to adjust) the transaction is rolled back and the batch is stored again by
/// <see cref="MySqlBatchWriter"/> (strict INSERT … ON DUPLICATE KEY UPDATE), so a reload replaces and nothing is dropped
/// or altered silently. A server with local_infile off gets the INSERT path for the whole load.
/// </para>
/// <para>
/// Files live in a private folder for the load, two per table (one batch is written while the previous one loads),
/// and are deleted with it. MySql.Data 8.0 can only send files, not streams.
/// </para>
/// </summary>
internal sealed class MySqlLoadDataWriter : IDisposable
{
    /// <summary>Server errors that mean LOAD DATA LOCAL is switched off (MariaDB 10.6+: 4166; older MariaDB and MySQL 5.7: 1148; MySQL 8: 3948).</summary>
    private static readonly HashSet<int> LocalInfileRefused = [4166, 1148, 3948];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _folder;
    private readonly MySqlBatchWriter _fallback;
    private readonly object?[] _values = new object?[ClaimTables.MaxColumns];
    private readonly StringBuilder _field = new(256);
    private int _slot;
    private volatile bool _localInfileOff;

    public MySqlLoadDataWriter(int maxCommandBytes)
    {
        _fallback = new MySqlBatchWriter(maxCommandBytes);
        // A folder only this user can read: the files hold patient data until the batch is stored.
        _folder = Directory.CreateTempSubdirectory("claimfraud-load-").FullName;
        if (!SqlLiteral.IsPlain(_folder))
        {
            Directory.Delete(_folder, recursive: true);
            throw new InvalidOperationException(
                $"The temporary folder path has characters LOAD DATA cannot be given safely; set TMPDIR to a path of letters, digits and '/-_.'.");
        }
    }

    /// <summary>One batch written to its files, ready to load; touches no connection.</summary>
    public sealed record Prepared(LabeledClaim[] Claims, IReadOnlyList<(TableShape Table, string File, int Rows)> Files);

    public Prepared Prepare(IReadOnlyList<LabeledClaim> batch)
    {
        var claims = batch.ToArray();
        if (_localInfileOff) return new Prepared(claims, []);
        int slot = _slot;
        _slot ^= 1;
        var files = new List<(TableShape, string, int)>(ClaimTables.All.Count);
        foreach (var table in ClaimTables.All)
        {
            string path = Path.Combine(_folder, $"{table.Name}.{slot}.tsv");
            files.Add((table, path, WriteFile(table, claims, path)));
        }
        return new Prepared(claims, files);
    }

    /// <summary>Stores one prepared batch as one transaction: all of it or none.</summary>
    public void Commit(MySqlConnection connection, Prepared prepared, CancellationToken ct)
    {
        if (prepared.Files.Count > 0 && !_localInfileOff && TryLoad(connection, prepared, ct)) return;
        MySqlBatchWriter.Commit(connection, _fallback.Prepare(prepared.Claims), ct);
    }

    private bool TryLoad(MySqlConnection connection, Prepared prepared, CancellationToken ct)
    {
        int warnings = 0;
        void Count(object sender, MySqlInfoMessageEventArgs e) => warnings += e.errors.Length;
        connection.InfoMessage += Count;
        try
        {
            using var tx = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            foreach (var (table, file, rows) in prepared.Files)
            {
                ct.ThrowIfCancellationRequested();
                if (rows == 0) continue;
                using var cmd = new MySqlCommand(LoadStatement(table, file), connection, tx);
                int stored = cmd.ExecuteNonQuery();
                if (stored != rows || warnings > 0)
                {
                    tx.Rollback();
                    return false;
                }
            }
            tx.Commit();
            return true;
        }
        catch (MySqlException e) when (LocalInfileRefused.Contains(e.Number))
        {
            _localInfileOff = true;
            return false;
        }
        finally
        {
            connection.InfoMessage -= Count;
        }
    }

    /// <summary>
    /// Separators as hex literals so the statement means the same with or without NO_BACKSLASH_ESCAPES; the path is
    /// plain (checked in the constructor) and ours.
    /// </summary>
    private static string LoadStatement(TableShape table, string file) =>
        $"LOAD DATA LOCAL INFILE '{file}' IGNORE INTO TABLE {table.Name} CHARACTER SET utf8mb4 " +
        $"FIELDS TERMINATED BY X'09' ESCAPED BY X'5C' LINES TERMINATED BY X'0A' ({table.ColumnList})";

    private int WriteFile(TableShape table, LabeledClaim[] claims, string path)
    {
        var values = _values.AsSpan(0, table.Columns.Length);
        int count = 0;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        using var writer = new StreamWriter(stream, Utf8, 1 << 16);
        foreach (var claim in claims)
        {
            int rows = table.RowCount(claim.Claim);
            for (int i = 0; i < rows; i++)
            {
                table.Fill(claim, i, values);
                for (int k = 0; k < values.Length; k++)
                {
                    if (k > 0) writer.Write('\t');
                    WriteField(writer, values[k]);
                }
                writer.Write('\n');
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// One field as LOAD DATA reads it with ESCAPED BY '\': NULL is \N; in text the escape character, the field and line
    /// separators, carriage return and NUL are escaped, so every other character arrives as it is.
    /// </summary>
    private void WriteField(StreamWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write("\\N");
                break;
            case string s:
                if (s.AsSpan().IndexOfAny("\\\t\n\r\0") < 0)
                {
                    writer.Write(s);
                    break;
                }
                _field.Clear();
                foreach (char c in s)
                {
                    switch (c)
                    {
                        case '\\': _field.Append("\\\\"); break;
                        case '\t': _field.Append("\\t"); break;
                        case '\n': _field.Append("\\n"); break;
                        case '\r': _field.Append("\\r"); break;
                        case '\0': _field.Append("\\0"); break;
                        default: _field.Append(c); break;
                    }
                }
                writer.Write(_field);
                break;
            case int i:
                writer.Write(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                writer.Write(l.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"No LOAD DATA form for {value.GetType().Name}.", nameof(value));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* already gone, or a file still open by a failed load: the OS cleans temp */ }
    }
}
