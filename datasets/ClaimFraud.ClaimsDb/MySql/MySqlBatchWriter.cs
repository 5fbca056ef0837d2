using System.Data;
using System.Text;
using ClaimFraud.ClaimsDb.Schema;
using ClaimFraud.Domain.Claims;
using MySql.Data.MySqlClient;

namespace ClaimFraud.ClaimsDb.MySql;

/// <summary>
/// The bulk loader's INSERT path: what <see cref="MySqlLoadDataWriter"/> falls back to when a batch holds stored
/// claim_ids or the server refuses LOAD DATA LOCAL. Turns one batch into multi-row statements (usually one command, so
/// one round trip) run as one transaction: the claims rows as an upsert (INSERT … ON DUPLICATE KEY UPDATE, so a reloaded
/// claim keeps its row and its verifier decisions, and its lists, which are columns of that row since V003, are
/// replaced whole). Rows of any <see cref="ClaimTables.Children"/> table are deleted and inserted anew.
/// Values are written by <see cref="SqlLiteral"/> (see there why that is injection-safe); statements are split
/// so no command exceeds <see cref="MySqlClaimStoreOptions.MaxCommandBytes"/>.
/// </summary>
internal sealed class MySqlBatchWriter(int maxCommandBytes)
{
    private static readonly string ClaimsUpsertSuffix =
        " ON DUPLICATE KEY UPDATE " + string.Join(", ", ClaimTables.Claims.Columns.Skip(1).Select(c => $"{c} = VALUES({c})"));

    private readonly object?[] _values = new object?[ClaimTables.MaxColumns];
    private readonly StringBuilder _row = new(4096);
    private readonly StringBuilder _sql = new(1 << 20);
    private List<string> _commands = [];

    /// <summary>The command texts that store <paramref name="batch"/>, in order. Touches no connection, so it can run while the previous batch commits.</summary>
    public IReadOnlyList<string> Prepare(IReadOnlyList<LabeledClaim> batch)
    {
        _commands = [];
        _sql.Clear();
        WriteTable(ClaimTables.Claims, batch, ClaimsUpsertSuffix);
        // Deleting children of claims that were not stored finds nothing and costs a few index probes; asking which exist would cost a round trip.
        foreach (var table in ClaimTables.Children) DeleteChildren(table, batch);
        foreach (var table in ClaimTables.Children) WriteTable(table, batch, "");
        EndCommand();
        return _commands;
    }

    /// <summary>Runs one prepared batch as one transaction: all of it is stored or none.</summary>
    public static void Commit(MySqlConnection connection, IReadOnlyList<string> commands, CancellationToken ct)
    {
        using var tx = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        foreach (var text in commands)
        {
            ct.ThrowIfCancellationRequested();
            using var cmd = new MySqlCommand(text, connection, tx);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private void WriteTable(TableShape table, IReadOnlyList<LabeledClaim> batch, string suffix)
    {
        var values = _values.AsSpan(0, table.Columns.Length);
        string head = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ";
        int tail = suffix.Length + 2;
        bool open = false;
        foreach (var claim in batch)
        {
            int rows = table.RowCount(claim.Claim);
            for (int i = 0; i < rows; i++)
            {
                table.Fill(claim, i, values);
                _row.Clear().Append(open ? ",(" : "(");
                for (int k = 0; k < values.Length; k++)
                {
                    if (k > 0) _row.Append(',');
                    SqlLiteral.Append(_row, values[k]);
                }
                _row.Append(')');

                if (open && _sql.Length + _row.Length + tail > maxCommandBytes)
                {
                    _sql.Append(suffix).Append(";\n");
                    EndCommand();
                    open = false;
                    _row[0] = ' ';
                }
                if (!open)
                {
                    if (_sql.Length > 0 && _sql.Length + head.Length + _row.Length + tail > maxCommandBytes) EndCommand();
                    _sql.Append(head);
                    open = true;
                }
                _sql.Append(_row);
            }
        }
        if (open) _sql.Append(suffix).Append(";\n");
    }

    private void DeleteChildren(TableShape table, IReadOnlyList<LabeledClaim> batch)
    {
        _row.Clear().Append("DELETE FROM ").Append(table.Name).Append(" WHERE claim_id IN (");
        for (int i = 0; i < batch.Count; i++)
        {
            if (i > 0) _row.Append(',');
            SqlLiteral.Append(_row, batch[i].Claim.ClaimId);
        }
        _row.Append(");\n");
        if (_sql.Length > 0 && _sql.Length + _row.Length > maxCommandBytes) EndCommand();
        _sql.Append(_row);
    }

    private void EndCommand()
    {
        if (_sql.Length == 0) return;
        _commands.Add(_sql.ToString());
        _sql.Clear();
    }
}
