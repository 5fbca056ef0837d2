using System.Data.Common;
using ClaimFraud.Domain.Claims;
using static ClaimFraud.ClaimsDb.Schema.DbValues;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>
/// Rebuilds contract claims from the claims rows <see cref="ClaimQueries"/> returns: the flat columns plus the
/// lists, which since V003 are JSON columns of the same row (<see cref="ClaimListJson"/>).
/// </summary>
internal sealed class ClaimAssembler
{
    private readonly Dictionary<string, LabeledClaim> _claims = new(StringComparer.Ordinal);

    public async Task ReadAllAsync(DbDataReader r, CancellationToken ct)
    {
        while (await r.ReadAsync(ct)) ReadClaimRow(r);
    }

    public LabeledClaim? Get(string claimId) => _claims.TryGetValue(claimId, out var claim) ? claim : null;

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
        var diagnoses = ClaimListJson.ReadDiagnoses(r.GetString(k++), claimId);
        var procedures = ClaimListJson.ReadProcedures(r.GetString(k++), claimId);
        var medications = ClaimListJson.ReadMedications(r.GetString(k++), claimId);
        var vitamins = ClaimListJson.ReadVitamins(r.GetString(k++), claimId);
        var labTests = ClaimListJson.ReadLabTests(r.GetString(k++), claimId);

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
            Diagnoses = diagnoses,
            Procedures = procedures,
            Medications = medications,
            Vitamins = vitamins,
            LabTests = labTests,
            InaCbg = inaCbg,
            HospitalTariff = hospitalTariff,
            Documents = hasDocuments
                ? new ClaimDocuments { Sep = hasSep ? sep : null, ResumeMedis = hasResume ? resume : null }
                : null,
        };
        var label = isFraud is { } fraud
            ? new ClaimLabel(fraud, ClaimTables.ParsePatterns(patterns ?? "[]", claimId))
            : null;
        _claims[claimId] = new LabeledClaim(head, label);
    }

    private delegate bool TryParse<T>(string? s, out T value);

    private static T Parse<T>(DbDataReader r, int i, TryParse<T> parse) =>
        parse(r.GetString(i), out var value)
            ? value
            : throw new InvalidDataException($"Column {r.GetName(i)} holds a value the contract does not define.");
}
