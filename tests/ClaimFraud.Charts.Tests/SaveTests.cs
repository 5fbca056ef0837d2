using System.Text;

namespace ClaimFraud.Charts.Tests;

public sealed class SaveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("charts-save-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SaveWritesTheSvgAsUtf8WithoutLeavingTemporaryFiles()
    {
        var chart = SampleCharts.ByName["roc"]("Saved ≥ chart");
        var path = Path.Combine(_dir, "roc.svg");

        chart.Save(path);

        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
        Assert.Equal(chart.Svg, Encoding.UTF8.GetString(bytes));
        Assert.Equal(["roc.svg"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void SaveReplacesAnExistingFile()
    {
        var path = Path.Combine(_dir, "chart.svg");
        File.WriteAllText(path, "old");
        var chart = SampleCharts.ByName["bars"]("New");

        chart.Save(path);

        Assert.Equal(chart.Svg, File.ReadAllText(path));
    }

    [Fact]
    public void SavingIntoAMissingFolderFailsNamingTheFolderAndWritesNothing()
    {
        var missing = Path.Combine(_dir, "missing");

        var error = Assert.Throws<DirectoryNotFoundException>(() => SampleCharts.ByName["bars"]("x").Save(Path.Combine(missing, "a.svg")));

        Assert.Contains(missing, error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }
}
