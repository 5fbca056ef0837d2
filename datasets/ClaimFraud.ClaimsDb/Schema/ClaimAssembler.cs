using System.Data.Common;
using ClaimFraud.Domain.Claims;
using static ClaimFraud.ClaimsDb.Schema.DbValues;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>
/// Rebuilds contract claims from the result sets of <see cref="ClaimQueries"/>: the claims rows first, then one
/// result per child table in <see cref="ClaimTables.Children"/> order, each ordered by claim_id and seq.
/// </summary>
internal sealed class ClaimAssembler
{
    private sealed class Parts
    {
        public required Claim Head;
        public required ClaimLabel? Label;
        public readonly List<Diagnosis> Diagnoses = [];
        public readonly List<Procedure> Procedures = [];
        public readonly List<Medication> Medications = [];
        public readonly List<Vitamin> Vitamins = [];
        public readonly List<LabTest> LabTests = [];
    }

    private readonly Dictionary<string, Parts> _claims = new(StringComparer.Ordinal);

    public async Task ReadAllAsync(DbDataReader r, CancellationToken ct)
    {
        while (await r.ReadAsync(ct)) ReadClaimRow(r);
        foreach (var table in ClaimTables.Children)
        {
            if (!await r.NextResultAsync(ct))
                throw new InvalidOperationException($"The claim query returned no result for {table.Name}.");
            while (await r.ReadAsync(ct)) ReadChildRow(table, r);
        }
    }

    public LabeledClaim? Get(string claimId)
    {
        if (!_claims.TryGetValue(claimId, out var parts)) return null;
        var claim = parts.Head with
        {
            Diagnoses = parts.Diagnoses,
            Procedures = parts.Procedures,
            Medications = parts.Medications,
            Vitamins = parts.Vitamins,
            LabTests = parts.LabTests,
        };
        return new LabeledClaim(claim, parts.Label);
    }

    private void ReadClaimRow(DbDataReader r)
    {
        int k = 0;
        string claimId = r.GetString(k++);
        var hospital = new HospitalInfo
        {
            Code = r.GetString(k++),
            Name = String(r, k++),
            Class = Parse<HospitalClass>(r, k++, ClaimEnums.TryParseHospitalClass),
            TariffRegion = Int(r, k++),
        };
        string? doctorId = String(r, k++);
        string nik = r.GetString(k++);
        string? bpjs = String(r, k++);
        string? name = String(r, k++);
        var sex = Parse<Sex>(r, k++, ClaimEnums.TryParseSex);
        var birthDate = Date(r, k++);
        bool hasAddress = Bool(r, k++);
        var address = new Address
        {
            Street = String(r, k++),
            Village = String(r, k++),
            District = String(r, k++),
            City = String(r, k++),
            Province = String(r, k++),
            PostalCode = String(r, k++),
        };
        var careType = Parse<CareType>(r, k++, ClaimEnums.TryParseCareType);
        int careClass = Int(r, k++);
        var admission = RequiredTime(r, k, k + 1); k += 2;
        var discharge = RequiredTime(r, k, k + 1); k += 2;
        var inaCbg = new InaCbg(r.GetString(k), Long(r, k + 1)); k += 2;
        long hospitalTariff = Long(r, k++);
        bool hasDocuments = Bool(r, k++);
        bool hasSep = Bool(r, k++);
        var sep = new SepDocument
        {
            Number = String(r, k),
            IssuedAt = Time(r, k + 1, k + 2),
            PatientName = String(r, k + 3),
            BpjsNumber = String(r, k + 4),
        };
        k += 5;
        bool hasResume = Bool(r, k++);
        var resume = new ResumeMedis
        {
            PatientName = String(r, k),
            AdmissionAt = Time(r, k + 1, k + 2),
            DischargeAt = Time(r, k + 3, k + 4),
        };
        k += 5;
        bool? isFraud = NullableBool(r, k++);
        string? patterns = String(r, k++);

        var head = new Claim
        {
            ClaimId = claimId,
            Hospital = hospital,
            DoctorId = doctorId,
            Patient = new PatientInfo
            {
                Nik = nik,
                BpjsNumber = bpjs,
                Name = name,
                Sex = sex,
                BirthDate = birthDate,
                Address = hasAddress ? address : null,
            },
            CareType = careType,
            CareClass = careClass,
            AdmissionAt = admission,
            DischargeAt = discharge,
            Diagnoses = [],
            InaCbg = inaCbg,
            HospitalTariff = hospitalTariff,
            Documents = hasDocuments
                ? new ClaimDocuments { Sep = hasSep ? sep : null, ResumeMedis = hasResume ? resume : null }
                : null,
        };
        var label = isFraud is { } fraud
            ? new ClaimLabel(fraud, ClaimTables.ParsePatterns(patterns ?? "[]", claimId))
            : null;
        _claims[claimId] = new Parts { Head = head, Label = label };
    }

    private void ReadChildRow(TableShape table, DbDataReader r)
    {
        string claimId = r.GetString(0);
        if (!_claims.TryGetValue(claimId, out var parts))
            throw new InvalidOperationException($"{table.Name} returned a row for claim '{claimId}' that the claims result did not have.");
        int seq = Int(r, 1);
        int expected = table.Name switch
        {
            "claim_diagnoses" => parts.Diagnoses.Count,
            "claim_procedures" => parts.Procedures.Count,
            "claim_medications" => parts.Medications.Count,
            "claim_vitamins" => parts.Vitamins.Count,
            _ => parts.LabTests.Count,
        };
        // A gap means a list item was lost; fail loudly rather than hand back a shorter list.
        if (seq != expected)
            throw new InvalidDataException($"claim '{claimId}': {table.Name} has seq {seq} where {expected} was expected.");

        switch (table.Name)
        {
            case "claim_diagnoses":
                parts.Diagnoses.Add(new Diagnosis(r.GetString(2), Bool(r, 3)));
                break;
            case "claim_procedures":
                parts.Procedures.Add(new Procedure(r.GetString(2), Time(r, 3, 4)));
                break;
            case "claim_medications":
                parts.Medications.Add(new Medication { Name = r.GetString(2), Form = String(r, 3), Quantity = Double(r, 4), UnitPrice = Long(r, 5) });
                break;
            case "claim_vitamins":
                parts.Vitamins.Add(new Vitamin { Name = r.GetString(2), Dose = String(r, 3), Quantity = Double(r, 4), UnitPrice = Long(r, 5) });
                break;
            default:
                parts.LabTests.Add(new LabTest(r.GetString(2), Time(r, 3, 4)));
                break;
        }
    }

    private delegate bool TryParse<T>(string? s, out T value);

    private static T Parse<T>(DbDataReader r, int i, TryParse<T> parse) =>
        parse(r.GetString(i), out var value)
            ? value
            : throw new InvalidDataException($"Column {r.GetName(i)} holds a value the contract does not define.");
}
