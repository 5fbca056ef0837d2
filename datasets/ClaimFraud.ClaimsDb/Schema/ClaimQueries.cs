using System.Data.Common;
using System.Text;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>
/// Reading claims back, in SQL both MySQL and SQLite accept. Every value travels as a parameter; only column and
/// table names from <see cref="ClaimTables"/> and generated parameter names are ever put into the text.
/// </summary>
internal static class ClaimQueries
{
    /// <summary>The most ids one query binds, well inside both databases' parameter limits.</summary>
    private const int IdsPerQuery = 500;

    public static async Task<LabeledClaim?> ReadOneAsync(DbConnection connection, string claimId, CancellationToken ct)
    {
        // An id the loader would refuse cannot be stored; not asking also keeps non-ASCII text away from the ASCII key
        // column, which MySQL answers with "illegal mix of collations" rather than "no rows".
        if (ClaimValidator.ClaimIdProblem(claimId) is not null) return null;
        var claims = await ReadManyAsync(connection, [claimId], ct);
        return claims.Count == 1 ? claims[0] : null;
    }

    /// <summary>The stored claims among <paramref name="claimIds"/>, in the order given; ids not stored are left out.</summary>
    public static async Task<IReadOnlyList<LabeledClaim>> ReadManyAsync(DbConnection connection, IReadOnlyList<string> claimIds, CancellationToken ct)
    {
        var result = new List<LabeledClaim>(claimIds.Count);
        for (int start = 0; start < claimIds.Count; start += IdsPerQuery)
        {
            var ids = claimIds.Skip(start).Take(IdsPerQuery).Distinct(StringComparer.Ordinal).ToList();
            await using var cmd = connection.CreateCommand();
            var inList = new StringBuilder();
            for (int i = 0; i < ids.Count; i++)
            {
                if (i > 0) inList.Append(", ");
                inList.Append("@id").Append(i);
                AddParameter(cmd, "@id" + i, ids[i]);
            }
            var sql = new StringBuilder();
            sql.Append("SELECT ").Append(ClaimTables.Claims.ColumnList).Append(" FROM claims WHERE claim_id IN (").Append(inList).Append(")");
            cmd.CommandText = sql.ToString();

            var assembler = new ClaimAssembler();
            await using (var reader = await cmd.ExecuteReaderAsync(ct)) await assembler.ReadAllAsync(reader, ct);
            for (int i = start; i < Math.Min(start + IdsPerQuery, claimIds.Count); i++)
                if (assembler.Get(claimIds[i]) is { } claim) result.Add(claim);
        }
        return result;
    }

    public static async Task<IReadOnlyList<LabeledClaim>> ReadPatientHistoryAsync(
        DbConnection connection, string nik, DateTimeOffset before, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nik);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || !Nik.IsSixteenDigits(nik)) return [];
        var ids = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            // Ties on admission time break on claim_id so the order is the same on every call.
            cmd.CommandText =
                "SELECT claim_id FROM claims WHERE patient_nik = @nik AND admission_at < @before " +
                "ORDER BY admission_at DESC, claim_id DESC LIMIT @limit";
            AddParameter(cmd, "@nik", nik);
            AddParameter(cmd, "@before", DbValues.Utc(before));
            AddParameter(cmd, "@limit", limit);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        }
        return await ReadManyAsync(connection, ids, ct);
    }

    public static async Task<long> CountAsync(DbConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM claims";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void AddParameter(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
