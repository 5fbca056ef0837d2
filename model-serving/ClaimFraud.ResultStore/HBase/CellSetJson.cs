using System.Text;
using System.Text.Json;
using ClaimFraud.ResultStore.Layout;

namespace ClaimFraud.ResultStore.HBase;

/// <summary>
/// The REST gateway's JSON cell-set format (HBase reference guide, "REST"; model classes CellSetModel/RowModel/CellModel):
/// <c>{"Row":[{"key":b64,"Cell":[{"column":b64("family:qualifier"),"timestamp":ms,"$":b64(value)}]}]}</c>,
/// every key, column and value base64-encoded.
/// </summary>
internal static class CellSetJson
{
    public static byte[] WriteRow(string rowKey, IEnumerable<Cell> cells)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("Row");
            w.WriteStartObject();
            w.WriteBase64String("key", Encoding.UTF8.GetBytes(rowKey));
            w.WriteStartArray("Cell");
            foreach (var c in cells)
            {
                w.WriteStartObject();
                w.WriteBase64String("column", Encoding.UTF8.GetBytes(c.Column));
                w.WriteBase64String("$", c.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The cells of <paramref name="rowKey"/> in a GET answer; throws <see cref="ResultStoreFormatException"/> saying what is off.</summary>
    public static List<Cell> ReadRow(byte[] body, string rowKey, string what)
    {
        ResultStoreFormatException Bad(string problem, Exception? e = null) =>
            new($"HBase REST answered {what} with a malformed cell set: {problem}", e);

        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException e) { throw Bad("the body is not JSON", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Row", out var rows) || rows.ValueKind != JsonValueKind.Array)
                throw Bad("expected an object with a \"Row\" array");
            var cells = new List<Cell>();
            int r = 0;
            foreach (var row in rows.EnumerateArray())
            {
                string at = $"Row[{r++}]";
                if (row.ValueKind != JsonValueKind.Object) throw Bad($"{at} is not an object");
                string key = Encoding.UTF8.GetString(Base64(row, "key", at, Bad));
                if (key != rowKey) throw Bad($"{at} is row '{key}', not the row asked for");
                if (!row.TryGetProperty("Cell", out var cellArray) || cellArray.ValueKind != JsonValueKind.Array)
                    throw Bad($"{at} has no \"Cell\" array");
                int i = 0;
                foreach (var cell in cellArray.EnumerateArray())
                {
                    string cat = $"{at}.Cell[{i++}]";
                    if (cell.ValueKind != JsonValueKind.Object) throw Bad($"{cat} is not an object");
                    string column = Encoding.UTF8.GetString(Base64(cell, "column", cat, Bad));
                    int colon = column.IndexOf(':');
                    if (colon <= 0) throw Bad($"{cat}.column '{column}' is not family:qualifier");
                    byte[] value = Base64(cell, "$", cat, Bad);
                    long ts = 0;
                    if (cell.TryGetProperty("timestamp", out var t) && !(t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out ts)))
                        throw Bad($"{cat}.timestamp is not an integer");
                    cells.Add(new Cell(column[..colon], column[(colon + 1)..], value, ts));
                }
            }
            return cells;
        }
    }

    private static byte[] Base64(JsonElement owner, string name, string at, Func<string, Exception?, ResultStoreFormatException> bad)
    {
        if (!owner.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.String)
            throw bad($"{at} has no \"{name}\" string", null);
        return e.TryGetBytesFromBase64(out var bytes) ? bytes : throw bad($"{at}.{name} is not base64", null);
    }

    /// <summary>Table schema for PUT /&lt;table&gt;/schema (TableSchemaModel/ColumnSchemaModel JSON; attribute values are strings).</summary>
    public static byte[] WriteSchema(string table, IEnumerable<string> families)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("name", table);
            w.WriteStartArray("ColumnSchema");
            foreach (var f in families)
            {
                w.WriteStartObject();
                w.WriteString("name", f);
                // One version per cell: results replace each other under check-and-put; decisions each get their own qualifier.
                w.WriteString("VERSIONS", "1");
                w.WriteString("BLOOMFILTER", "ROW");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The family names of a GET /&lt;table&gt;/schema answer.</summary>
    public static List<string> ReadSchemaFamilies(byte[] body, string what)
    {
        ResultStoreFormatException Bad(string problem, Exception? e = null) =>
            new($"HBase REST answered {what} with a malformed table schema: {problem}", e);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException e) { throw Bad("the body is not JSON", e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("ColumnSchema", out var cols) || cols.ValueKind != JsonValueKind.Array)
                throw Bad("expected an object with a \"ColumnSchema\" array");
            var names = new List<string>();
            foreach (var c in cols.EnumerateArray())
            {
                if (c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String)
                    throw Bad("a ColumnSchema entry has no \"name\" string");
                names.Add(n.GetString()!);
            }
            return names;
        }
    }
}
