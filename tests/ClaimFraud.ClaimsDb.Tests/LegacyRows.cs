using System.Data.Common;
using ClaimFraud.ClaimsDb.Schema;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>
/// Writes claims the way stores before migration V003 did (one row per list item in claim_diagnoses, claim_procedures,
/// claim_medications, claim_vitamins and claim_lab_tests), so tests can check that V003 carries them over unchanged.
/// </summary>
internal static class LegacyRows
{
    private const int ListColumns = 5;

    public static async Task InsertAsync(DbConnection connection, LabeledClaim labeled)
    {
        var c = labeled.Claim;
        var values = new object?[ClaimTables.Claims.Columns.Length];
        ClaimTables.Claims.Fill(labeled, 0, values);
        // The claims row of V001: every column but the lists, which V003 added at the end.
        var columns = ClaimTables.Claims.Columns[..^ListColumns];
        await InsertAsync(connection, "claims", columns, values[..^ListColumns]);
        for (int i = 0; i < c.Diagnoses.Count; i++)
            await InsertAsync(connection, "claim_diagnoses", ["claim_id", "seq", "icd10", "is_primary"],
                [c.ClaimId, i, c.Diagnoses[i].Icd10, c.Diagnoses[i].Primary ? 1 : 0]);
        for (int i = 0; i < c.Procedures.Count; i++)
            await InsertAsync(connection, "claim_procedures", ["claim_id", "seq", "icd9cm", "performed_at", "performed_offset_min"],
                [c.ClaimId, i, c.Procedures[i].Icd9Cm, DbValues.Utc(c.Procedures[i].At), DbValues.OffsetMinutes(c.Procedures[i].At)]);
        for (int i = 0; i < c.Medications.Count; i++)
        {
            var m = c.Medications[i];
            await InsertAsync(connection, "claim_medications", ["claim_id", "seq", "name", "form", "quantity", "unit_price"],
                [c.ClaimId, i, m.Name, m.Form, m.Quantity, m.UnitPrice]);
        }
        for (int i = 0; i < c.Vitamins.Count; i++)
        {
            var v = c.Vitamins[i];
            await InsertAsync(connection, "claim_vitamins", ["claim_id", "seq", "name", "dose", "quantity", "unit_price"],
                [c.ClaimId, i, v.Name, v.Dose, v.Quantity, v.UnitPrice]);
        }
        for (int i = 0; i < c.LabTests.Count; i++)
            await InsertAsync(connection, "claim_lab_tests", ["claim_id", "seq", "name", "performed_at", "performed_offset_min"],
                [c.ClaimId, i, c.LabTests[i].Name, DbValues.Utc(c.LabTests[i].At), DbValues.OffsetMinutes(c.LabTests[i].At)]);
    }

    /// <summary>Claims whose lists hold what V003 must carry exactly: microseconds, negative and zero offsets, missing times, awkward numbers and text.</summary>
    public static IReadOnlyList<LabeledClaim> AwkwardClaims()
    {
        var example = Fixtures.CombinedFraud();
        var odd = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(-330)).AddTicks(9_999_990);
        var utc = new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.Zero).AddTicks(10);
        var claims = new List<LabeledClaim>
        {
            example,
            example with
            {
                Claim = example.Claim with
                {
                    ClaimId = "CLM-MIGRATE-ODD",
                    Diagnoses = [new Diagnosis("A09", true), new Diagnosis("Z99.9", false), new Diagnosis("A09", false)],
                    Procedures = [new Procedure("99.18", odd), new Procedure("96.04", null), new Procedure("90.59", utc)],
                    Medications =
                    [
                        new Medication { Name = "Nur'aini \"quoted\" \\ back\tslash 😀", Form = null, Quantity = 0.1 + 0.2, UnitPrice = long.MaxValue },
                        new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 1e-7, UnitPrice = 0 },
                        new Medication { Name = "Big", Form = "", Quantity = 123456789.12345679, UnitPrice = 1 },
                    ],
                    Vitamins = [new Vitamin { Name = "Vitamin C", Dose = null, Quantity = 1.0 / 3, UnitPrice = 2500 }],
                    LabTests = [new LabTest("Darah lengkap", null), new LabTest("CRP", odd)],
                },
            },
            example with
            {
                Claim = example.Claim with { ClaimId = "CLM-MIGRATE-EMPTY", Procedures = [], Medications = [], Vitamins = [], LabTests = [] },
                Label = new ClaimLabel(true, ["upcoding"]),
            },
        };
        return claims;
    }

    private static async Task InsertAsync(DbConnection connection, string table, string[] columns, object?[] values)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        for (int i = 0; i < columns.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i;
            p.Value = values[i] ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync();
    }
}
