using ClaimFraud.ClaimsDb.Schema;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>The JSON list columns of the claims row (since V003): exact round trip, and loud failure on anything else.</summary>
public class ClaimListJsonTests
{
    [Fact]
    public void ListsReadBackExactlyIncludingOffsetsMicrosecondsAndAwkwardText()
    {
        var at = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(-330)).AddTicks(9_999_990);
        var procedures = new List<Procedure> { new("99.18", at), new("96.04", null), new("90.59", at.ToOffset(TimeSpan.FromHours(14))) };
        var medications = new List<Medication>
        {
            new() { Name = "a\"b\\c\td\ne\u0001f 😀 Nur'aini", Form = null, Quantity = 0.1 + 0.2, UnitPrice = long.MaxValue },
            new() { Name = "", Form = "", Quantity = double.Epsilon, UnitPrice = long.MinValue },
            new() { Name = "x", Form = "tablet", Quantity = -0.0, UnitPrice = 0 },
        };

        var procJson = ClaimListJson.Procedures(procedures);
        var medJson = ClaimListJson.Medications(medications);

        Assert.Equal(procedures, ClaimListJson.ReadProcedures(procJson, "c"));
        var back = ClaimListJson.ReadMedications(medJson, "c");
        Assert.Equal(medications, back);
        Assert.True(double.IsNegative(back[2].Quantity));
        Assert.Contains("\"at\":\"2024-02-29T23:59:59.999999-05:30\"", procJson);
        Assert.Contains("\"at\":\"2024-10-10T08:00:00+07:00\"", ClaimListJson.LabTests([new LabTest("CRP", new DateTimeOffset(2024, 10, 10, 8, 0, 0, TimeSpan.FromHours(7)))]));
        Assert.Equal("[]", ClaimListJson.LabTests([]));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[{\"icd10\":\"A09\"}]")]
    [InlineData("[{\"icd10\":null,\"primary\":true}]")]
    [InlineData("[{\"icd10\":\"A09\",\"primary\":1}]")]
    [InlineData("[{\"icd10\":\"A09\",\"primary\":true}")]
    public void ADamagedListIsAnErrorNamingTheClaimAndColumnNotAShorterList(string json)
    {
        var e = Assert.Throws<InvalidDataException>(() => ClaimListJson.ReadDiagnoses(json, "CLM-1"));

        Assert.Contains("CLM-1", e.Message);
        Assert.Contains("diagnoses", e.Message);
    }
}
