using System.Globalization;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Table;
using ClaimFraud.Features.Tests.Support;

namespace ClaimFraud.Features.Tests;

public sealed class FeatureTableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("features-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<LabeledClaim> Labelled(int seed, int count) =>
        new RandomClaims(seed, patients: 100, hospitals: 5).Take(count)
            .Select((c, i) => new LabeledClaim(c, new ClaimLabel(i % 3 == 0, i % 3 == 0 ? ["overcharging", "upcoding"] : [])))
            .ToList();

    [Fact]
    public void RowsComeInAdmissionOrderWithTiesByClaimId()
    {
        var first = Claims.Legitimate("CLM-B");
        var tie = Claims.Legitimate("CLM-A");
        var earliest = Claims.Legitimate("CLM-Z") with { AdmissionAt = first.AdmissionAt.AddHours(-1) };

        var rows = FeatureTable.Build([new(first, null), new(tie, null), new(earliest, null)], Catalog.Evidence);

        Assert.Equal(["CLM-Z", "CLM-A", "CLM-B"], rows.Select(r => r.ClaimId));
        // Overlapping stays of one patient at one hospital: each later row sees the earlier ones as duplicates.
        Assert.Equal([0f, 1f, 2f], rows.Select(r => r.Features[(int)FeatureId.DuplicateClaimCount]));
    }

    [Fact]
    public void LabelsRideAlongButNeverChangeFeatures()
    {
        var claims = Labelled(21, 300);
        var flipped = claims.Select(c => c with { Label = new ClaimLabel(!c.Label!.IsFraud, ["cloning"]) }).ToList();

        var rows = FeatureTable.Build(claims, Catalog.Evidence);
        var rowsFlipped = FeatureTable.Build(flipped, Catalog.Evidence);

        Assert.Equal(rows.Select(r => r.Features), rowsFlipped.Select(r => r.Features));
        Assert.Equal(rows.Select(r => !r.IsFraud), rowsFlipped.Select(r => r.IsFraud));
        var one = rows.First(r => r.IsFraud == true);
        Assert.Equal(["overcharging", "upcoding"], one.Patterns);
    }

    [Fact]
    public void ARepeatedClaimIdIsRefusedByName()
    {
        var claims = new List<LabeledClaim> { new(Claims.Legitimate("CLM-X"), null), new(Claims.Legitimate("CLM-X") with { HospitalTariff = 5 }, null) };
        var e = Assert.Throws<InvalidDataException>(() => FeatureTable.Build(claims, Catalog.Evidence));
        Assert.Contains("CLM-X", e.Message);
    }

    [Fact]
    public void TheCsvHasTheSchemasHeaderAndRoundTripsValues()
    {
        var rows = FeatureTable.Build(Labelled(22, 200), Catalog.Evidence);
        string path = Path.Combine(_dir, "features.csv");

        FeatureTableCsv.Write(path, rows, FeatureSchema.Current);

        var lines = File.ReadAllLines(path);
        Assert.Equal(["claim_id", .. FeatureSchema.Current.Names, "is_fraud", "patterns"], lines[0].Split(','));
        Assert.Equal(rows.Count + 1, lines.Length);
        for (int r = 0; r < rows.Count; r++)
        {
            var fields = lines[r + 1].Split(',');
            Assert.Equal(rows[r].ClaimId, fields[0]);
            for (int i = 0; i < FeatureSchema.Current.Count; i++)
            {
                float expected = rows[r].Features[i];
                if (float.IsNaN(expected)) Assert.Equal("", fields[i + 1]);
                else Assert.Equal(expected, float.Parse(fields[i + 1], CultureInfo.InvariantCulture));
            }
            Assert.Equal(rows[r].IsFraud == true ? "1" : "0", fields[^2]);
            Assert.Equal(string.Join(';', rows[r].Patterns), fields[^1]);
        }
    }

    [Fact]
    public void UnlabelledRowsHaveNoLabelColumns()
    {
        var rows = FeatureTable.Build([new(Claims.Legitimate(), null)], Catalog.Evidence);
        string path = Path.Combine(_dir, "unlabelled.csv");
        FeatureTableCsv.Write(path, rows, FeatureSchema.Current);
        Assert.Equal(FeatureSchema.Current.Count + 1, File.ReadLines(path).First().Split(',').Length);
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileAndNoPartialFile()
    {
        string path = Path.Combine(_dir, "table.csv");
        File.WriteAllText(path, "old content\n");
        var good = FeatureTable.Build([new(Claims.Legitimate(), null)], Catalog.Evidence);
        var bad = good.Append(good[0] with { ClaimId = "CLM-SHORT", Features = new float[3] }).ToList();

        var e = Assert.Throws<ArgumentException>(() => FeatureTableCsv.Write(path, bad, FeatureSchema.Current));

        Assert.Contains("CLM-SHORT", e.Message);
        Assert.Equal("old content\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }
}
