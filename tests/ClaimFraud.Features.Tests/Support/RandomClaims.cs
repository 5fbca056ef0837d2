using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Features.Tests.Support;

/// <summary>
/// Seeded random claims for property tests and benchmarks (same seed, same claims): mostly plausible JKN claims,
/// mixed with what other generators and real data throw at a scorer — unknown ICD codes, placeholder INA-CBG codes,
/// unknown hospitals and drugs, missing documents, empty lists, outpatient visits spanning days, zero and extreme
/// amounts, dates outside the stay, odd names. Every claim would pass the contract's validation.
/// </summary>
public sealed class RandomClaims(int seed, int patients = 2_000, int hospitals = 40)
{
    private static readonly string[] KnownDx = ["A09", "A09.0", "J06.9", "J00", "I10", "E11.9", "J45", "K29.7", "L03.1", "J18.9", "A91", "A01.0", "I21.9", "N18.5", "K35.8", "O80", "O82.0", "S72.00", "C50.9", "M54.50", "H25.9", "P07.1", "F20.0", "A41.9", "E78.5", "K30"];
    private static readonly string[] UnknownDx = ["Z00.0", "R51", "B34.9", "T14.1", "X59", "U07.1", "Q21.0", "A000", "j00", "H10.9"];
    private static readonly string[] Procedures = ["90.59", "99.18", "38.93", "89.52", "87.44", "93.94", "93.96", "99.21", "99.04", "47.09", "47.01", "36.10", "36.07", "74.1", "73.59", "79.35", "88.72", "88.76", "88.01", "45.13", "39.95", "13.41", "96.71", "99.83", "93.39", "86.04", "9670", "03.31", "00.66", "57.94"];
    private static readonly string[] Drugs = ["Paracetamol", "Oralit", "ORS", "Ceftriaxone", "Seftriakson", "Amoxicillin", "Omeprazole", "Amlodipine", "Metformin", "Ranitidine", "Salbutamol", "Meropenem", "Ringer lactate", "Albumin 20%", "Insulin glargine", "Obat Herbal X", "Vitamin C", "Ketorolac", "Trastuzumab", "Unknownazole"];
    private static readonly string?[] Forms = ["tablet", "injection", "injeksi", "sachet", "capsule", "infusion", "nebule", null, "pen", "syrup", "weird form"];
    private static readonly string[] Vitamins = ["Vitamin C", "Vitamin B complex", "Vitamin D", "Vitamin E", "Zinc", "Asam folat", "Curcuma", "Multivitamin", "Vitamin X-Tra"];
    private static readonly string?[] Doses = ["1000 mg", "250 mg", "500 mg", "20 mg", "5000 IU", "1000 IU", "400 IU", "1 tablet", null, "1.000 mg"];
    private static readonly string[] Labs = ["Darah lengkap", "DL", "Elektrolit", "Gula darah", "Fungsi hati", "Lab Unknown"];
    private static readonly string[] Cbg = ["K-4-17-I", "K-4-17-II", "K-4-17-III", "J-4-16-I", "J-4-16-III", "U-4-13-I", "Q-5-42-0", "Q-5-44-0", "I-4-17-I", "E-4-10-II", "O-6-10-I", "CBG-001", "X-0-00-X", "A-9-99-I", "  j-4-16-i "];
    private static readonly string[] Names = ["Ahmad Fauzi", "Siti Aminah", "Hj. Siti Aminah, S.Pd", "dr. Budi Santoso, Sp.PD", "Made Wirawan", "Nur Aisyah binti Hasan", "Tn. Yohanes Pattinama", "Ny. Rina", "Ma'ruf Amin", "Ákos Ütő", "  ", "A", "Muhammad Rizky Pratama Putra Wijaya Kusuma Negara"];
    private static readonly string[] Districts = ["317401", "317402", "327301", "110101", "999999", "000000", "320101"];

    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _start = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private long _next;

    public Claim Next()
    {
        var r = _random;
        long n = _next++;
        bool inpatient = r.NextDouble() < 0.6;
        var admission = _start.AddMinutes(r.Next(0, 365 * 24 * 60));
        // Outpatient visits sometimes carry multi-day dates (another generator's habit); inpatient stays 1–30 days, rarely 60.
        int days = inpatient ? (r.NextDouble() < 0.02 ? r.Next(30, 61) : r.Next(0, 12)) : (r.NextDouble() < 0.1 ? r.Next(1, 5) : 0);
        var discharge = admission.AddDays(days).AddMinutes(r.Next(0, 600));
        // A patient keeps sex and birth date across claims, so histories see repeat patients.
        int patient = r.Next(patients);
        var sex = patient % 2 == 0 ? Sex.M : Sex.F;
        var birth = new DateOnly(1930, 1, 1).AddDays(patient * 7919 % 34_000);

        var diagnoses = new List<Diagnosis> { new(Pick(r.NextDouble() < 0.8 ? KnownDx : UnknownDx), true) };
        for (int i = r.Next(0, 4); i > 0; i--) diagnoses.Add(new Diagnosis(Pick(r.NextDouble() < 0.7 ? KnownDx : UnknownDx), false));
        if (r.NextDouble() < 0.5) diagnoses.Reverse();

        long cbgTariff = r.NextDouble() switch { < 0.03 => 0, < 0.05 => r.NextInt64(1, 1000), < 0.07 => 1_000_000_000_000, _ => r.NextInt64(150_000, 15_000_000) };
        double ratio = r.NextDouble() < 0.8 ? Math.Max(0, 1 + 0.15 * Normal(r)) : r.NextDouble() * 4;
        long hospitalTariff = r.NextDouble() < 0.02 ? 0 : r.NextDouble() < 0.01 ? long.MaxValue / 4 : (long)(cbgTariff * ratio);

        return new Claim
        {
            ClaimId = $"RND-{seed}-{n:D7}",
            Hospital = new HospitalInfo
            {
                Code = r.NextDouble() < 0.9 ? $"{r.Next(hospitals):D4}R001" : "UNKNOWN",
                Class = (HospitalClass)r.Next(4),
                TariffRegion = r.Next(1, 6),
            },
            DoctorId = r.NextDouble() < 0.8 ? $"DPJP-{r.Next(200):D4}" : null,
            Patient = new PatientInfo
            {
                Nik = Nik(r, patient, sex, birth),
                BpjsNumber = r.NextDouble() < 0.8 ? $"{patient:D13}" : null,
                Name = r.NextDouble() < 0.9 ? Pick(Names) : null,
                Sex = sex,
                BirthDate = birth,
            },
            CareType = inpatient ? CareType.Inpatient : CareType.Outpatient,
            CareClass = r.Next(1, 4),
            AdmissionAt = admission,
            DischargeAt = discharge,
            Diagnoses = diagnoses,
            Procedures = List(r, r.NextDouble() < 0.3 ? 0 : r.NextDouble() < 0.05 ? r.Next(10, 40) : r.Next(1, 6),
                () => new Procedure(Pick(Procedures), r.NextDouble() < 0.2 ? null : Around(r, admission, discharge))),
            Medications = List(r, r.NextDouble() < 0.2 ? 0 : r.Next(1, 8), () => new Medication
            {
                Name = Pick(Drugs),
                Form = Pick(Forms),
                Quantity = r.NextDouble() switch { < 0.02 => 0, < 0.04 => 100_000, < 0.1 => r.NextDouble() * 3, _ => r.Next(1, 60) },
                UnitPrice = r.NextDouble() switch { < 0.02 => 0, < 0.03 => 1_000_000_000_000, _ => r.NextInt64(100, 200_000) },
            }),
            Vitamins = List(r, r.NextDouble() < 0.6 ? 0 : r.Next(1, 4), () => new Vitamin
            {
                Name = Pick(Vitamins),
                Dose = Pick(Doses),
                Quantity = r.Next(0, 40),
                UnitPrice = r.NextInt64(0, 10_000),
            }),
            LabTests = List(r, r.NextDouble() < 0.4 ? 0 : r.Next(1, 6), () => new LabTest(Pick(Labs), r.NextDouble() < 0.1 ? null : Around(r, admission, discharge))),
            InaCbg = new InaCbg(Pick(Cbg), cbgTariff),
            HospitalTariff = hospitalTariff,
            Documents = r.NextDouble() < 0.25 ? null : new ClaimDocuments
            {
                Sep = r.NextDouble() < 0.2 ? null : new SepDocument
                {
                    Number = r.NextDouble() < 0.9 ? $"0301R001{r.Next(10000):D4}V{r.Next(1_000_000):D6}" : null,
                    IssuedAt = r.NextDouble() < 0.1 ? null : Around(r, admission, discharge),
                    PatientName = r.NextDouble() < 0.8 ? Pick(Names) : null,
                    BpjsNumber = r.NextDouble() < 0.7 ? $"{(r.NextDouble() < 0.9 ? patient : r.Next(patients)):D13}" : null,
                },
                ResumeMedis = r.NextDouble() < 0.2 ? null : new ResumeMedis
                {
                    PatientName = r.NextDouble() < 0.8 ? Pick(Names) : null,
                    AdmissionAt = r.NextDouble() < 0.9 ? admission.AddDays(r.NextDouble() < 0.1 ? -1 : 0) : null,
                    DischargeAt = r.NextDouble() < 0.9 ? discharge.AddDays(r.NextDouble() < 0.1 ? 2 : 0) : null,
                },
            },
        };
    }

    public IEnumerable<Claim> Take(int count)
    {
        for (int i = 0; i < count; i++) yield return Next();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static List<T> List<T>(Random r, int count, Func<T> make)
    {
        var list = new List<T>(count);
        for (int i = 0; i < count; i++) list.Add(make());
        return list;
    }

    /// <summary>A time usually inside the stay, sometimes days before or after it.</summary>
    private static DateTimeOffset Around(Random r, DateTimeOffset from, DateTimeOffset to)
    {
        double span = Math.Max(60, (to - from).TotalMinutes);
        double offset = r.NextDouble() < 0.85 ? r.NextDouble() * span : (r.NextDouble() - 0.5) * 10 * 24 * 60;
        return from.AddMinutes(offset);
    }

    private string Nik(Random r, int patient, Sex sex, DateOnly birth)
    {
        double x = r.NextDouble();
        if (x < 0.05) return r.NextInt64(0, 10_000_000_000_000_000).ToString("D16");
        var district = Districts[patient % Districts.Length];
        // Mostly consistent; sometimes another sex or birth date than the claim says.
        var nikSex = x < 0.1 ? (sex == Sex.M ? Sex.F : Sex.M) : sex;
        var nikBirth = x is >= 0.1 and < 0.15 ? birth.AddDays(3) : birth;
        return ClaimFraud.Domain.Claims.Nik.Encode(district, nikSex, nikBirth, patient % 9999 + 1);
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
