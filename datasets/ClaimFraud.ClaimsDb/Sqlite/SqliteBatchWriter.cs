using ClaimFraud.ClaimsDb.Schema;
using ClaimFraud.Domain.Claims;
using Microsoft.Data.Sqlite;

namespace ClaimFraud.ClaimsDb.Sqlite;

/// <summary>
/// Writes batches with one prepared statement per table, reused row after row inside one transaction per batch
/// (SQLite runs in-process, so per-row statements cost no round trip). Same upsert rule as MySQL: the claims row is
/// updated in place (decisions kept), its list rows deleted and written anew.
/// </summary>
internal sealed class SqliteBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<TableShape, SqliteCommand> _inserts = [];
    private readonly Dictionary<TableShape, SqliteCommand> _deletes = [];
    private readonly object?[] _row = new object?[ClaimTables.MaxColumns];

    public SqliteBatchWriter(SqliteConnection connection)
    {
        _connection = connection;
        foreach (var table in ClaimTables.All)
        {
            var insert = connection.CreateCommand();
            var names = table.Columns.Select((_, i) => "@v" + i).ToArray();
            insert.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", names)})";
            if (!table.IsChild)
                insert.CommandText += " ON CONFLICT (claim_id) DO UPDATE SET " +
                    string.Join(", ", table.Columns.Skip(1).Select(c => $"{c} = excluded.{c}"));
            foreach (var name in names) insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            _inserts[table] = insert;

            if (table.IsChild)
            {
                var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM {table.Name} WHERE claim_id = @id";
                delete.Parameters.Add(new SqliteParameter { ParameterName = "@id" });
                _deletes[table] = delete;
            }
        }
    }

    /// <summary>Stores one batch as one transaction: all of it or none.</summary>
    public void Write(IReadOnlyList<LabeledClaim> batch, CancellationToken ct)
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        foreach (var cmd in _inserts.Values.Concat(_deletes.Values)) cmd.Transaction = tx;
        foreach (var claim in batch)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var table in ClaimTables.All)
            {
                if (table.IsChild)
                {
                    var delete = _deletes[table];
                    delete.Parameters[0].Value = claim.Claim.ClaimId;
                    delete.ExecuteNonQuery();
                }
                var insert = _inserts[table];
                var values = _row.AsSpan(0, table.Columns.Length);
                int rows = table.RowCount(claim.Claim);
                for (int i = 0; i < rows; i++)
                {
                    table.Fill(claim, i, values);
                    for (int k = 0; k < values.Length; k++) insert.Parameters[k].Value = values[k] ?? DBNull.Value;
                    insert.ExecuteNonQuery();
                }
            }
        }
        tx.Commit();
    }

    public void Dispose()
    {
        foreach (var cmd in _inserts.Values.Concat(_deletes.Values)) cmd.Dispose();
    }
}
