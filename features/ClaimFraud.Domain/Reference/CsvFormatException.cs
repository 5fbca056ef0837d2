namespace ClaimFraud.Domain.Reference;

/// <summary>A CSV file that is not well formed, or whose value cannot be read: names the file, line and column.</summary>
public sealed class CsvFormatException : FormatException
{
    public CsvFormatException(string file, int line, int column, string? columnName, string problem)
        : base(Describe(file, line, column, columnName, problem))
    {
        File = file;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Problem = problem;
    }

    /// <summary>The file (path or source name) the problem is in.</summary>
    public string File { get; }

    /// <summary>1-based physical line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based field number within the record; 0 when the problem is not about one field.</summary>
    public int Column { get; }

    /// <summary>The header name of the column, when known.</summary>
    public string? ColumnName { get; }

    public string Problem { get; }

    private static string Describe(string file, int line, int column, string? columnName, string problem)
    {
        string where = column > 0
            ? columnName is null ? $", column {column}" : $", column {column} ({columnName})"
            : columnName is null ? "" : $", column {columnName}";
        return $"{file}:{line}{where}: {problem}";
    }
}
