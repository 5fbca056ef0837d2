using System.Globalization;
using System.Text;
using ClaimFraud.Domain.IO;
using ClaimFraud.Features.Schema;

namespace ClaimFraud.Features.Table;

/// <summary>
/// The curated feature table as CSV: <c>claim_id</c>, the schema's features in order, then <c>is_fraud</c> (0/1) and
/// <c>patterns</c> (';'-separated) when any row is labelled. A missing value (NaN) is an empty field; floats use the
/// invariant culture with round-trip precision. Written atomically: readers see the old file or the whole new one.
/// </summary>
public static class FeatureTableCsv
{
    public static void Write(string path, IReadOnlyList<FeatureRow> rows, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(schema);
        for (int r = 0; r < rows.Count; r++)
            if (rows[r].Features.Length != schema.Count)
                throw new ArgumentException($"Row {r} ({rows[r].ClaimId}) has {rows[r].Features.Length} features; the schema has {schema.Count}.", nameof(rows));
        bool labelled = rows.Any(r => r.IsFraud is not null);

        using var file = AtomicFile.Create(path);
        using (var w = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            w.Write("claim_id");
            foreach (var name in schema.Names) { w.Write(','); w.Write(name); }
            if (labelled) w.Write(",is_fraud,patterns");
            w.WriteLine();
            Span<char> number = stackalloc char[32];
            foreach (var row in rows)
            {
                w.Write(Quote(row.ClaimId));
                foreach (float v in row.Features)
                {
                    w.Write(',');
                    if (float.IsNaN(v)) continue;
                    v.TryFormat(number, out int n, "R", CultureInfo.InvariantCulture);
                    w.Write(number[..n]);
                }
                if (labelled)
                {
                    w.Write(',');
                    if (row.IsFraud is { } f) w.Write(f ? '1' : '0');
                    w.Write(',');
                    w.Write(Quote(string.Join(';', row.Patterns)));
                }
                w.WriteLine();
            }
        }
        file.Commit();
    }

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.</summary>
    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
