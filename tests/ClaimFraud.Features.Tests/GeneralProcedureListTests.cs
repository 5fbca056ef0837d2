using ClaimFraud.Domain.Reference;
using ClaimFraud.Features.Tests.Support;

namespace ClaimFraud.Features.Tests;

/// <summary>general_procedures.csv is read with the catalogs: a missing file or a bad row is an error naming where.</summary>
public sealed class GeneralProcedureListTests : IDisposable
{
    private static readonly string[] Needed =
    [
        ReferenceFiles.Diagnoses, ReferenceFiles.DiagnosisProcedures, ReferenceFiles.DiagnosisDrugs, ReferenceFiles.DiagnosisVitamins,
        ReferenceFiles.DiagnosisLabs, ReferenceFiles.Drugs, ReferenceFiles.Vitamins, ReferenceFiles.LabTests, ReferenceFiles.InappropriatePairs,
        ReferenceFiles.InaCbgGroups, ReferenceFiles.InaCbgTariffs, ReferenceFiles.Provinces, ReferenceFiles.Regencies, ReferenceFiles.Districts,
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("claimfraud-general-").FullName;

    public GeneralProcedureListTests()
    {
        foreach (var f in Needed) File.Copy(Path.Combine(Catalog.Reference.Directory, f), Path.Combine(_dir, f));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheShippedListHasOnlyClaimableNonOperativeCodes()
    {
        var icd9 = Catalog.Reference.Icd9Cm;
        var rows = CsvReader.ReadFile(Path.Combine(Catalog.Reference.Directory, "general_procedures.csv")).Skip(1).ToList();
        Assert.NotEmpty(rows);
        var major = Catalog.Reference.Clinical.Diagnoses.SelectMany(d => d.Procedures).Where(p => p.IsMajor).Select(p => p.Icd9Cm).ToHashSet();
        Assert.All(rows, r =>
        {
            Assert.True(icd9.Find(r.Fields[0]) is { IsValid: true, IsIndonesianModification: false }, r.Fields[0]);
            Assert.DoesNotContain(r.Fields[0], major);
        });
    }

    [Fact]
    public void AMissingListIsReportedByItsFileName()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new ClaimEvidence(ReferenceCatalog.Load(_dir)));
        Assert.Contains("general_procedures.csv", e.Message);
    }

    [Fact]
    public void ARowWithoutAnIcd9CmCodeIsReportedWithItsLineAndColumn()
    {
        File.WriteAllText(Path.Combine(_dir, "general_procedures.csv"),
            "icd9cm,applies_to,inpatient_probability,outpatient_probability,name_en,name_id,notes\n89.52,,0.1,0.1,ECG,EKG,\nECG,,0.1,0.1,ECG,EKG,\n");
        var e = Assert.Throws<CsvFormatException>(() => new ClaimEvidence(ReferenceCatalog.Load(_dir)));
        Assert.Equal(3, e.Line);
        Assert.Equal("icd9cm", e.ColumnName);
        Assert.EndsWith("general_procedures.csv", e.File);
    }
}
