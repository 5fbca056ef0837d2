using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Features.Tests.Support;

/// <summary>
/// A legitimate claim that fires no rule (acute diarrhoea, A09, three days at a class C hospital, everything as the
/// knowledge base expects), to be varied with <c>with</c> one fact at a time.
/// </summary>
internal static class Claims
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2024, 3, day, hour, minute, 0, Wib);

    public static readonly DateOnly BirthDate = new(1985, 6, 20);

    public static readonly string ValidNik = Nik.Encode("317401", Sex.M, BirthDate, 12);

    public static Claim Legitimate(string id = "CLM-LEGIT-001") => new()
    {
        ClaimId = id,
        Hospital = new HospitalInfo { Code = "0301R002", Name = "RS Sehat Sentosa", Class = HospitalClass.C, TariffRegion = 1 },
        DoctorId = "DPJP-0042",
        Patient = new PatientInfo
        {
            Nik = ValidNik,
            BpjsNumber = "0001234567890",
            Name = "Budi Santoso",
            Sex = Sex.M,
            BirthDate = BirthDate,
        },
        CareType = CareType.Inpatient,
        CareClass = 3,
        AdmissionAt = At(4, 9),
        DischargeAt = At(6, 11),
        Diagnoses = [new Diagnosis("A09", true)],
        Procedures = [new Procedure("90.59", At(4, 10)), new Procedure("99.18", At(4, 11))],
        Medications =
        [
            new Medication { Name = "Oralit", Form = "sachet", Quantity = 12, UnitPrice = 1000 },
            new Medication { Name = "Paracetamol", Form = "tablet", Quantity = 9, UnitPrice = 300 },
        ],
        Vitamins = [new Vitamin { Name = "Zinc", Dose = "20 mg", Quantity = 3, UnitPrice = 800 }],
        LabTests = [new LabTest("Darah lengkap", At(4, 10, 30))],
        InaCbg = new InaCbg("K-4-17-I", 1_296_200),
        HospitalTariff = 1_360_000,
        Documents = new ClaimDocuments
        {
            Sep = new SepDocument { Number = "0301R0020324V000123", IssuedAt = At(4, 9, 30), PatientName = "Budi Santoso", BpjsNumber = "0001234567890" },
            ResumeMedis = new ResumeMedis { PatientName = "BUDI SANTOSO", AdmissionAt = At(4, 9), DischargeAt = At(6, 11) },
        },
    };

    public static Claim WithSep(this Claim c, Func<SepDocument, SepDocument> change) =>
        c with { Documents = c.Documents! with { Sep = change(c.Documents!.Sep!) } };

    public static Claim WithResume(this Claim c, Func<ResumeMedis, ResumeMedis> change) =>
        c with { Documents = c.Documents! with { ResumeMedis = change(c.Documents!.ResumeMedis!) } };

    public static Claim WithPatient(this Claim c, Func<PatientInfo, PatientInfo> change) => c with { Patient = change(c.Patient) };
}
