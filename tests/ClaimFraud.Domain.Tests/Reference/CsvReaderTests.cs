using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Domain.Tests.Reference;

public class CsvReaderTests
{
    private static List<CsvRecord> Parse(string text) => CsvReader.Parse(text, "test.csv").ToList();

    [Fact]
    public void QuotedFieldsKeepEmbeddedCommasAndDoubledQuotes()
    {
        var records = Parse("code,title\nA00.0,\"Cholera due to vibrio, biovar \"\"eltor\"\"\"\nB,plain\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["A00.0", "Cholera due to vibrio, biovar \"eltor\""], records[1].Fields);
        Assert.Equal(["B", "plain"], records[2].Fields);
    }

    [Fact]
    public void AQuotedLineBreakStaysInTheFieldAndLaterRecordsKeepTheirLineNumbers()
    {
        var records = Parse("a,b\n\"two\nlines\",x\nlast,y\n");
        Assert.Equal("two\nlines", records[1].Fields[0]);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void EmptyFieldsTrailingCommasCrlfAndABomAreRead()
    {
        var records = Parse("\uFEFFa,b,c\r\n,,\r\n1,\"\",3");
        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["", "", ""], records[1].Fields);
        Assert.Equal(["1", "", "3"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void AnUnterminatedQuoteIsReportedWithTheLineWhereItOpened()
    {
        var e = Assert.Throws<CsvFormatException>(() => Parse("a,b\nok,row\nbad,\"never closed\nmore\n"));
        Assert.Equal("test.csv", e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.StartsWith("test.csv:3, column 2:", e.Message);
    }

    [Fact]
    public void AQuoteInsideAnUnquotedFieldIsABrokenRowNamingItsLineAndField()
    {
        var e = Assert.Throws<CsvFormatException>(() => Parse("name,x\nSoka\"an,1\n"));
        Assert.Equal(2, e.Line);
        Assert.Equal(1, e.Column);
    }

    [Fact]
    public void TextAfterAClosingQuoteIsAnError()
    {
        var e = Assert.Throws<CsvFormatException>(() => Parse("a,b\n1,\"x\"y\n"));
        Assert.Equal(2, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Contains("after a closing quote", e.Message);
    }

    [Fact]
    public void ARowWithTheWrongNumberOfFieldsIsReportedAsFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n4,5\n");
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Read(path, "a"));
        Assert.Equal(path, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(3, e.Column);
        Assert.StartsWith($"{path}:3, column 3:", e.Message);
    }

    [Fact]
    public void AValueThatIsNotANumberNamesTheFileLineAndColumnName()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.csv");
        File.WriteAllText(path, "code,los\nA09,3\nA01,three\n");
        var table = CsvTable.Read(path, "code", "los");
        var e = Assert.Throws<CsvFormatException>(() => table.Rows.Select(r => r.Int("los")).ToList());
        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Equal("los", e.ColumnName);
        Assert.Contains("three", e.Message);
    }

    [Fact]
    public void AMissingFileIsReportedByName()
    {
        using var dir = new TempDirectory();
        string path = dir.File("absent.csv");
        var e = Assert.Throws<FileNotFoundException>(() => CsvReader.ReadFile(path));
        Assert.Equal(path, e.FileName);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void AMissingRequiredColumnIsNamed()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.csv");
        File.WriteAllText(path, "code\nA09\n");
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Read(path, "code", "name"));
        Assert.Equal(1, e.Line);
        Assert.Equal("name", e.ColumnName);
    }
}

/// <summary>A fresh directory per test under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "claimfraud-reference-tests", System.IO.Path.GetRandomFileName());
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* best effort: a leftover temp folder is harmless */ }
    }
}
