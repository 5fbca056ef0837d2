using System.Globalization;

namespace ClaimFraud.Domain.Reference;

/// <summary>A CSV file with a header row, read whole; rows give typed access whose errors name file, line and column.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, string[] header, List<CsvRecord> records)
    {
        File = file;
        Header = header;
        Records = records;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (!_columns.TryAdd(header[i], i))
                throw new CsvFormatException(file, 1, i + 1, header[i], "the column name appears twice in the header");
        }
    }

    public string File { get; }
    public string[] Header { get; }
    public List<CsvRecord> Records { get; }

    /// <summary>Reads <paramref name="path"/>, checks the header has every required column and every record has as many fields as the header.</summary>
    public static CsvTable Read(string path, params string[] requiredColumns)
    {
        using var records = CsvReader.ReadFile(path).GetEnumerator();
        if (!records.MoveNext()) throw new CsvFormatException(path, 1, 0, null, "the file is empty (a header row is required)");
        var header = records.Current.Fields;
        var rows = new List<CsvRecord>();
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.Length != header.Length)
                throw new CsvFormatException(path, record.Line, Math.Min(record.Fields.Length, header.Length) + 1, null,
                    $"expected {header.Length} fields as in the header, found {record.Fields.Length}");
            rows.Add(record);
        }
        var table = new CsvTable(path, header, rows);
        foreach (var column in requiredColumns)
        {
            if (!table._columns.ContainsKey(column))
                throw new CsvFormatException(path, 1, 0, column, $"the header has no column '{column}'");
        }
        return table;
    }

    public int Count => Records.Count;

    public IEnumerable<CsvRow> Rows
    {
        get
        {
            foreach (var record in Records) yield return new CsvRow(this, record);
        }
    }

    public int IndexOf(string column) =>
        _columns.TryGetValue(column, out int i) ? i : throw new InvalidOperationException($"{File}: no column '{column}'.");
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
internal readonly struct CsvRow(CsvTable table, CsvRecord record)
{
    public int Line => record.Line;
    public string File => table.File;

    /// <summary>The field as written (may be empty).</summary>
    public string Raw(string column) => record.Fields[table.IndexOf(column)];

    /// <summary>A required, non-blank text field.</summary>
    public string Text(string column)
    {
        string value = Raw(column);
        if (string.IsNullOrWhiteSpace(value)) throw Error(column, "a value is required here");
        return value;
    }

    /// <summary>A text field whose blank value means "none".</summary>
    public string? Optional(string column)
    {
        string value = Raw(column);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public int Int(string column, int min = int.MinValue, int max = int.MaxValue)
    {
        string value = Text(column);
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
            throw Error(column, $"expected a whole number, found '{value}'");
        if (n < min || n > max) throw Error(column, $"{n} is outside {min}..{max}");
        return n;
    }

    public int? OptionalInt(string column, int min = int.MinValue, int max = int.MaxValue) =>
        Optional(column) is null ? null : Int(column, min, max);

    public long Long(string column, long min = long.MinValue, long max = long.MaxValue)
    {
        string value = Text(column);
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
            throw Error(column, $"expected a whole number, found '{value}'");
        if (n < min || n > max) throw Error(column, $"{n} is outside {min}..{max}");
        return n;
    }

    public double Double(string column, double min = double.MinValue, double max = double.MaxValue)
    {
        string value = Text(column);
        if (!double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double x)
            || !double.IsFinite(x))
            throw Error(column, $"expected a number, found '{value}'");
        if (x < min || x > max) throw Error(column, $"{value} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
        return x;
    }

    public double? OptionalDouble(string column, double min = double.MinValue, double max = double.MaxValue) =>
        Optional(column) is null ? null : Double(column, min, max);

    /// <summary>A 0/1 flag.</summary>
    public bool Flag(string column) => Raw(column) switch
    {
        "1" => true,
        "0" => false,
        var other => throw Error(column, $"expected 0 or 1, found '{other}'"),
    };

    /// <summary>One of a fixed set of words.</summary>
    public T Choice<T>(string column, IReadOnlyDictionary<string, T> choices)
    {
        string value = Raw(column);
        if (choices.TryGetValue(value, out var result)) return result;
        throw Error(column, $"expected one of {string.Join(", ", choices.Keys)}, found '{value}'");
    }

    /// <summary>A semicolon-separated list (blank means empty), each item trimmed.</summary>
    public IReadOnlyList<string> List(string column)
    {
        string value = Raw(column);
        if (string.IsNullOrWhiteSpace(value)) return [];
        var items = value.Split(';', StringSplitOptions.TrimEntries);
        if (Array.Exists(items, string.IsNullOrEmpty)) throw Error(column, $"an empty item in the list '{value}'");
        return items;
    }

    public CsvFormatException Error(string column, string problem)
    {
        int index = table.IndexOf(column);
        return new CsvFormatException(table.File, record.Line, index + 1, column, problem);
    }
}
