using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimFraud.Domain.Claims;
using static ClaimFraud.ClaimsDb.Schema.DbValues;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>Writes row <paramref name="index"/> of a table for one claim into <paramref name="row"/> (one value per column, null for NULL).</summary>
internal delegate void RowFiller(LabeledClaim claim, int index, Span<object?> row);

/// <summary>One table of the claim schema: its columns in the order the writers and readers use, and how a claim fills it.</summary>
internal sealed record TableShape(string Name, string[] Columns, Func<Claim, int> RowCount, RowFiller Fill, bool IsChild)
{
    public string ColumnList { get; } = string.Join(", ", Columns);
}

/// <summary>
/// The mapping between a contract claim and its rows (Migrations/*/V001__claims.sql, lists as JSON columns since
/// V003__claim_lists_as_json.sql), written once for both database kinds. Column order here is the order values are written and read in, so the two must change together.
/// </summary>
internal static class ClaimTables
{
    private static readonly JsonSerializerOptions PatternJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly TableShape Claims = new("claims",
    [
        "claim_id", "hospital_code", "hospital_name", "hospital_class", "hospital_tariff_region", "doctor_id",
        "patient_nik", "patient_bpjs_number", "patient_name", "patient_sex", "patient_birth_date",
        "address_present", "address_street", "address_village", "address_district", "address_city", "address_province", "address_postal_code",
        "care_type", "care_class",
        "admission_at", "admission_offset_min", "discharge_at", "discharge_offset_min",
        "ina_cbg_code", "ina_cbg_tariff", "hospital_tariff",
        "documents_present",
        "sep_present", "sep_number", "sep_issued_at", "sep_issued_offset_min", "sep_patient_name", "sep_bpjs_number",
        "resume_present", "resume_patient_name", "resume_admission_at", "resume_admission_offset_min", "resume_discharge_at", "resume_discharge_offset_min",
        "label_is_fraud", "label_patterns",
        "diagnoses", "procedures", "medications", "vitamins", "lab_tests",
    ], _ => 1, FillClaim, IsChild: false);

    /// <summary>Every table the loader writes: only the claims row since V003 (lists are JSON columns of it).</summary>
    public static readonly IReadOnlyList<TableShape> All = [Claims];

    /// <summary>Tables whose rows hang off a claims row and are rewritten with it; none since V003.</summary>
    public static readonly IReadOnlyList<TableShape> Children = [];

    public static int MaxColumns { get; } = All.Max(t => t.Columns.Length);

    private static void FillClaim(LabeledClaim lc, int _, Span<object?> row)
    {
        var c = lc.Claim;
        var p = c.Patient;
        var a = p.Address;
        var sep = c.Documents?.Sep;
        var rm = c.Documents?.ResumeMedis;
        int k = 0;
        row[k++] = c.ClaimId;
        row[k++] = c.Hospital.Code;
        row[k++] = c.Hospital.Name;
        row[k++] = c.Hospital.Class.ToContract();
        row[k++] = c.Hospital.TariffRegion;
        row[k++] = c.DoctorId;
        row[k++] = p.Nik;
        row[k++] = p.BpjsNumber;
        row[k++] = p.Name;
        row[k++] = p.Sex.ToContract();
        row[k++] = Date(p.BirthDate);
        row[k++] = Flag(a is not null);
        row[k++] = a?.Street;
        row[k++] = a?.Village;
        row[k++] = a?.District;
        row[k++] = a?.City;
        row[k++] = a?.Province;
        row[k++] = a?.PostalCode;
        row[k++] = c.CareType.ToContract();
        row[k++] = c.CareClass;
        row[k++] = Utc(c.AdmissionAt);
        row[k++] = OffsetMinutes(c.AdmissionAt);
        row[k++] = Utc(c.DischargeAt);
        row[k++] = OffsetMinutes(c.DischargeAt);
        row[k++] = c.InaCbg.Code;
        row[k++] = c.InaCbg.Tariff;
        row[k++] = c.HospitalTariff;
        row[k++] = Flag(c.Documents is not null);
        row[k++] = Flag(sep is not null);
        row[k++] = sep?.Number;
        row[k++] = Utc(sep?.IssuedAt);
        row[k++] = OffsetMinutes(sep?.IssuedAt);
        row[k++] = sep?.PatientName;
        row[k++] = sep?.BpjsNumber;
        row[k++] = Flag(rm is not null);
        row[k++] = rm?.PatientName;
        row[k++] = Utc(rm?.AdmissionAt);
        row[k++] = OffsetMinutes(rm?.AdmissionAt);
        row[k++] = Utc(rm?.DischargeAt);
        row[k++] = OffsetMinutes(rm?.DischargeAt);
        row[k++] = lc.Label is { } label ? Flag(label.IsFraud) : null;
        row[k++] = lc.Label is { } l ? JsonSerializer.Serialize(l.Patterns, PatternJson) : null;
        row[k++] = ClaimListJson.Diagnoses(c.Diagnoses);
        row[k++] = ClaimListJson.Procedures(c.Procedures);
        row[k++] = ClaimListJson.Medications(c.Medications);
        row[k++] = ClaimListJson.Vitamins(c.Vitamins);
        row[k++] = ClaimListJson.LabTests(c.LabTests);
    }

    /// <summary>Reads the patterns column written by <see cref="FillClaim"/>.</summary>
    public static IReadOnlyList<string> ParsePatterns(string json, string claimId) =>
        JsonSerializer.Deserialize<string[]>(json, PatternJson)
        ?? throw new InvalidDataException($"claim '{claimId}': label_patterns is JSON null instead of an array.");
}
