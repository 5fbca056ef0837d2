using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Domain.Tests.Reference;

/// <summary>Loading from copies of the catalogs, some removed or broken, to see laziness and error reports.</summary>
public class CatalogLoadingTests
{
    private static TempDirectory CopyOf(params string[] files)
    {
        var dir = new TempDirectory();
        foreach (var f in files) File.Copy(Path.Combine(ReferenceCatalog.Default.Directory, f), dir.File(f));
        return dir;
    }

    private static readonly string[] ClinicalFiles =
    [
        ReferenceFiles.Diagnoses, ReferenceFiles.DiagnosisProcedures, ReferenceFiles.DiagnosisDrugs, ReferenceFiles.DiagnosisVitamins,
        ReferenceFiles.DiagnosisLabs, ReferenceFiles.Drugs, ReferenceFiles.Vitamins, ReferenceFiles.LabTests, ReferenceFiles.InappropriatePairs,
    ];

    [Fact]
    public void AreasLoadWithoutTheVillageFilesWhichAreOnlyReadWhenAskedFor()
    {
        using var dir = CopyOf(ReferenceFiles.Provinces, ReferenceFiles.Regencies, ReferenceFiles.Districts);
        var catalog = ReferenceCatalog.Load(dir.Path);
        Assert.NotNull(catalog.Areas.FindDistrict("317401"));
        var e = Assert.Throws<FileNotFoundException>(() => catalog.Villages);
        Assert.EndsWith(ReferenceFiles.Villages, e.FileName);
    }

    [Fact]
    public void AMissingDirectoryIsReportedByPath()
    {
        using var temp = new TempDirectory();
        string dir = temp.File("absent");
        var e = Assert.Throws<DirectoryNotFoundException>(() => ReferenceCatalog.Load(dir));
        Assert.Contains(dir, e.Message);
    }

    [Fact]
    public void ABadValueInTheKnowledgeBaseNamesTheFileLineAndColumn()
    {
        using var dir = CopyOf(ClinicalFiles);
        string path = dir.File(ReferenceFiles.Diagnoses);
        var lines = File.ReadAllLines(path);
        lines[3] = lines[3].Replace(",1,1,1,any,", ",1,x,1,any,", StringComparison.Ordinal);   // J00's los_typical
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        var e = Assert.Throws<CsvFormatException>(() => ReferenceCatalog.Load(dir.Path).Clinical);
        Assert.Equal(path, e.File);
        Assert.Equal(4, e.Line);
        Assert.Equal("los_typical", e.ColumnName);
        Assert.StartsWith($"{path}:4, column 8 (los_typical):", e.Message);
    }

    [Fact]
    public void ADrugTheCatalogDoesNotListIsRejectedAtItsLine()
    {
        using var dir = CopyOf(ClinicalFiles);
        string path = dir.File(ReferenceFiles.DiagnosisDrugs);
        File.AppendAllText(path, "A09,Unobtainium,tablet,0.5,1,3,both,\n");
        int line = File.ReadAllLines(path).Length;
        var e = Assert.Throws<CsvFormatException>(() => ReferenceCatalog.Load(dir.Path).Clinical);
        Assert.Equal(line, e.Line);
        Assert.Equal("drug", e.ColumnName);
        Assert.Contains("Unobtainium", e.Message);
    }

    [Fact]
    public void ATariffTableWithAMissingCellIsRejected()
    {
        using var dir = CopyOf(ReferenceFiles.InaCbgGroups, ReferenceFiles.InaCbgTariffs);
        string path = dir.File(ReferenceFiles.InaCbgTariffs);
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith("K-4-17-I,A,1,1,", StringComparison.Ordinal));
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        var e = Assert.Throws<CsvFormatException>(() => ReferenceCatalog.Load(dir.Path).InaCbg);
        Assert.Contains("K-4-17-I", e.Message);
    }

    [Fact]
    public void LoadingFromManyThreadsBuildsEachPartOnce()
    {
        var catalog = ReferenceCatalog.Load(ReferenceCatalog.Default.Directory);
        var seen = new ClinicalCatalog[8];
        Parallel.For(0, seen.Length, i => seen[i] = catalog.Clinical);
        Assert.All(seen, c => Assert.Same(seen[0], c));
    }
}
