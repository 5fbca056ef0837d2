using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ClaimFraud.Serving.OpenApi;

// The request bodies of contract §1 and §3 as types, only so the OpenAPI document shows their schemas. The endpoints
// never bind them: they read the raw body and parse it with ClaimJson, which names every wrong field.

[Description("A hospital claim (contract §1). Times without an offset are read as Asia/Jakarta; money is whole rupiah.")]
public sealed class ClaimDocument
{
    [Description("1 to 64 letters, digits, '-', '_', '.'")]
    public required string ClaimId { get; init; }

    public required HospitalDocument Hospital { get; init; }

    public string? DoctorId { get; init; }

    public required PatientDocument Patient { get; init; }

    [Description("inpatient or outpatient")]
    public required string CareType { get; init; }

    [Description("1, 2 or 3")]
    public required int CareClass { get; init; }

    public required DateTimeOffset AdmissionAt { get; init; }

    public required DateTimeOffset DischargeAt { get; init; }

    [Description("at least one; exactly one primary")]
    public required IReadOnlyList<DiagnosisDocument> Diagnoses { get; init; }

    public IReadOnlyList<ProcedureDocument>? Procedures { get; init; }

    public IReadOnlyList<MedicationDocument>? Medications { get; init; }

    public IReadOnlyList<VitaminDocument>? Vitamins { get; init; }

    public IReadOnlyList<LabTestDocument>? LabTests { get; init; }

    public required InaCbgDocument InaCbg { get; init; }

    [Description("what the hospital billed (tarif RS), >= 0")]
    public required long HospitalTariff { get; init; }

    public DocumentsDocument? Documents { get; init; }
}

public sealed class HospitalDocument
{
    public required string Code { get; init; }

    public string? Name { get; init; }

    [JsonPropertyName("class"), Description("A, B, C or D")]
    public required string Class { get; init; }

    [Description("INA-CBG tariff region 1 to 5")]
    public required int TariffRegion { get; init; }
}

public sealed class PatientDocument
{
    [Description("16-digit NIK")]
    public required string Nik { get; init; }

    [Description("13 digits")]
    public string? BpjsNumber { get; init; }

    public string? Name { get; init; }

    [Description("M or F")]
    public required string Sex { get; init; }

    public required DateOnly BirthDate { get; init; }

    public AddressDocument? Address { get; init; }
}

public sealed class AddressDocument
{
    public string? Street { get; init; }

    public string? Village { get; init; }

    public string? District { get; init; }

    public string? City { get; init; }

    public string? Province { get; init; }

    public string? PostalCode { get; init; }
}

public sealed class DiagnosisDocument
{
    [JsonPropertyName("icd10")]
    public required string Icd10 { get; init; }

    public bool Primary { get; init; }
}

public sealed class ProcedureDocument
{
    [JsonPropertyName("icd9cm")]
    public required string Icd9cm { get; init; }

    public DateTimeOffset? At { get; init; }
}

public sealed class MedicationDocument
{
    public required string Name { get; init; }

    public string? Form { get; init; }

    public required double Quantity { get; init; }

    public required long UnitPrice { get; init; }
}

public sealed class VitaminDocument
{
    public required string Name { get; init; }

    public string? Dose { get; init; }

    public required double Quantity { get; init; }

    public required long UnitPrice { get; init; }
}

public sealed class LabTestDocument
{
    public required string Name { get; init; }

    public DateTimeOffset? At { get; init; }
}

public sealed class InaCbgDocument
{
    public required string Code { get; init; }

    public required long Tariff { get; init; }
}

public sealed class DocumentsDocument
{
    public SepDocumentBody? Sep { get; init; }

    public ResumeMedisDocument? ResumeMedis { get; init; }
}

public sealed class SepDocumentBody
{
    public string? Number { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public string? PatientName { get; init; }

    public string? BpjsNumber { get; init; }
}

public sealed class ResumeMedisDocument
{
    public string? PatientName { get; init; }

    public DateTimeOffset? AdmissionAt { get; init; }

    public DateTimeOffset? DischargeAt { get; init; }
}

[Description("Cloudera CML model-serving request. The key may also come as ?accessKey= or Authorization: Bearer.")]
public sealed class CmlRequestDocument
{
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; init; }

    [JsonPropertyName("request")]
    public required ClaimDocument Request { get; init; }
}

[Description("A verifier's decision. approved_amount only (and then required) with approve_partial.")]
public sealed class DecisionRequestDocument
{
    [Description("approve, approve_partial, decline, manual_review or request_document")]
    public required string Action { get; init; }

    public long? ApprovedAmount { get; init; }

    public string? Note { get; init; }

    [Description("who decided: a user id, not a person's name")]
    public required string Verifier { get; init; }
}
