namespace ClaimFraud.Domain.Claims;

/// <summary>A hospital claim as contract §1 describes it (one inpatient stay or outpatient visit).</summary>
public sealed record Claim
{
    public required string ClaimId { get; init; }
    public required HospitalInfo Hospital { get; init; }
    public string? DoctorId { get; init; }
    public required PatientInfo Patient { get; init; }
    public required CareType CareType { get; init; }
    public required int CareClass { get; init; }
    public required DateTimeOffset AdmissionAt { get; init; }
    public required DateTimeOffset DischargeAt { get; init; }
    public required IReadOnlyList<Diagnosis> Diagnoses { get; init; }
    public IReadOnlyList<Procedure> Procedures { get; init; } = [];
    public IReadOnlyList<Medication> Medications { get; init; } = [];
    public IReadOnlyList<Vitamin> Vitamins { get; init; } = [];
    public IReadOnlyList<LabTest> LabTests { get; init; } = [];
    public required InaCbg InaCbg { get; init; }
    /// <summary>What the hospital billed (tarif RS), whole rupiah.</summary>
    public required long HospitalTariff { get; init; }
    public ClaimDocuments? Documents { get; init; }

    /// <summary>The primary diagnosis; validation guarantees exactly one on an accepted claim.</summary>
    public Diagnosis? PrimaryDiagnosis
    {
        get
        {
            // Indexed, not foreach: called several times a score, and an interface enumerator would allocate each time.
            var diagnoses = Diagnoses;
            for (int i = 0; i < diagnoses.Count; i++) if (diagnoses[i].Primary) return diagnoses[i];
            return diagnoses.Count > 0 ? diagnoses[0] : null;
        }
    }

    /// <summary>Length of stay as the contract counts it: calendar days from admission to discharge date, both included; an outpatient visit is 1.</summary>
    public int LosDays => StayCalendar.LosDays(CareType, AdmissionAt, DischargeAt);
}

public sealed record HospitalInfo
{
    public required string Code { get; init; }
    public string? Name { get; init; }
    public required HospitalClass Class { get; init; }
    /// <summary>INA-CBG tariff region 1 to 5.</summary>
    public required int TariffRegion { get; init; }
}

public sealed record PatientInfo
{
    public required string Nik { get; init; }
    public string? BpjsNumber { get; init; }
    public string? Name { get; init; }
    public required Sex Sex { get; init; }
    public required DateOnly BirthDate { get; init; }
    public Address? Address { get; init; }
}

public sealed record Address
{
    public string? Street { get; init; }
    public string? Village { get; init; }
    public string? District { get; init; }
    public string? City { get; init; }
    public string? Province { get; init; }
    public string? PostalCode { get; init; }
}

public sealed record Diagnosis(string Icd10, bool Primary);

public sealed record Procedure(string Icd9Cm, DateTimeOffset? At);

public sealed record Medication
{
    public required string Name { get; init; }
    public string? Form { get; init; }
    public required double Quantity { get; init; }
    public required long UnitPrice { get; init; }
}

public sealed record Vitamin
{
    public required string Name { get; init; }
    public string? Dose { get; init; }
    public required double Quantity { get; init; }
    public required long UnitPrice { get; init; }
}

public sealed record LabTest(string Name, DateTimeOffset? At);

public sealed record InaCbg(string Code, long Tariff);

public sealed record ClaimDocuments
{
    public SepDocument? Sep { get; init; }
    public ResumeMedis? ResumeMedis { get; init; }
}

/// <summary>Surat Eligibilitas Peserta: the eligibility letter BPJS issues at admission.</summary>
public sealed record SepDocument
{
    public string? Number { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public string? PatientName { get; init; }
    public string? BpjsNumber { get; init; }
}

/// <summary>Resume medis: the discharge summary the hospital writes.</summary>
public sealed record ResumeMedis
{
    public string? PatientName { get; init; }
    public DateTimeOffset? AdmissionAt { get; init; }
    public DateTimeOffset? DischargeAt { get; init; }
}
