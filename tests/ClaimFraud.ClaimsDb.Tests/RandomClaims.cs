using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>
/// A deterministic source of deliberately awkward claims for round-trip tests: every optional field absent, present
/// or present-but-empty, lists from empty to long, times in several offsets with and without fractions, and text with
/// quotes, backslashes, tabs, newlines and characters outside the BMP. Claim <c>index</c> of a seed is always the same
/// claim, whatever else was built before it. Not realistic data; that is the synthetic generator's job.
/// </summary>
public static class RandomClaims
{
    private static readonly TimeSpan[] Offsets =
        [TimeSpan.FromHours(7), TimeSpan.FromHours(8), TimeSpan.FromHours(9), TimeSpan.Zero, new TimeSpan(5, 45, 0)];

    private static readonly string[] FirstNames =
        ["Ahmad", "Siti", "Nur'aini", "Dewi \"Ani\"", "Back\\slash", "Tab\there", "Ñoño", "王小明", "Putu 😀", "ꦱꦸꦒꦶ", "Line\nBreak", "", " padded ", "Budi", "Wayan"];

    private static readonly string[] LastNames =
        ["Fauzi", "D'Souza", "bin Abdullah", "O'Brien'; DROP TABLE claims; --", "\\x00\\", "Nul\0Char", "Rahayu", "Nguyễn", "Sitompul", "% _ *", "Quote\"End\"", "Carriage\rReturn", "Ø", "Tan"];

    private static readonly string[] Places =
        ["Jl. Kemang Raya No. 12", "Kota Jakarta Selatan", "Gang Mawar 3\tRT 01/RW 02", "Jl. \"Merdeka\" 45", "Kab. Sleman\\DIY", "Desa Sukamaju", "Banda Aceh", "Jayapura 🏝", ""];

    private static readonly string[] Icd10 = ["A09", "A09.0", "J00", "J06.9", "I10", "E11.9", "J45.901", "K29.7", "S72.00", "R50"];
    private static readonly string[] Icd9 = ["96.70", "99.04", "03.31", "93.90", "45.13", "47.09", "36.10", "87.44", "8952", "38.93"];
    private static readonly string[] Drugs = ["Paracetamol", "Omeprazole", "Oralit", "Amoxicillin", "Ceftriaxone", "Ranitidine", "Metformin 500 mg", "Salbutamol \"inhaler\""];
    private static readonly string[] Forms = ["tablet", "injection", "syrup", "inhaler", "sachet", ""];
    private static readonly string[] VitaminNames = ["Vitamin C", "Vitamin B complex", "Vitamin D 1000 IU", "Vitamin E", "Zinc"];
    private static readonly string[] Doses = ["1000 mg", "500 mg", "1 x 1", "2×1 tab", ""];
    private static readonly string[] Labs = ["Darah lengkap", "Gula darah puasa", "Urin lengkap", "Rontgen thorax", "HbA1c"];
    private static readonly string[] Cbgs = ["J-4-16-I", "A-4-14-I", "K-4-17-II", "Q-5-44-0", "I-4-12-III"];
    private static readonly string[] Patterns = ["upcoding", "phantom_billing", "vitamin_irrelevant", "sep_after_discharge", "pattern with 'quote'", "ünïcödé"];
    private static readonly string[] Districts = ["317401", "327301", "351501", "510302", "640101", "920101"];

    /// <summary>Claim number <paramref name="index"/> of the stream for <paramref name="seed"/>.</summary>
    public static LabeledClaim Build(int seed, int index)
    {
        var rng = new Random(Mix(seed, index));
        var admission = Instant(rng, new DateTime(2019, 1, 1), new DateTime(2025, 12, 31));
        var discharge = Shift(rng, admission, maxHours: 24 * 30);

        var diagnoses = new List<Diagnosis>();
        int diagnosisCount = 1 + rng.Next(6);
        int primary = rng.Next(diagnosisCount);
        for (int i = 0; i < diagnosisCount; i++) diagnoses.Add(new Diagnosis(Pick(rng, Icd10), i == primary));

        var claim = new Claim
        {
            ClaimId = $"RND-{seed}-{index:D7}",
            Hospital = new HospitalInfo
            {
                Code = "0301R" + rng.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                Name = Maybe(rng, 0.2, () => "RS " + Pick(rng, LastNames)),
                Class = (HospitalClass)rng.Next(4),
                TariffRegion = 1 + rng.Next(5),
            },
            DoctorId = Maybe(rng, 0.3, () => "DPJP-" + rng.Next(10000)),
            Patient = Patient(rng, index),
            CareType = rng.Next(3) == 0 ? CareType.Outpatient : CareType.Inpatient,
            CareClass = 1 + rng.Next(3),
            AdmissionAt = admission,
            DischargeAt = discharge,
            Diagnoses = diagnoses,
            Procedures = Several(rng, 0.4, 12, () => new Procedure(Pick(rng, Icd9), MaybeTime(rng, admission))),
            Medications = Several(rng, 0.3, 8, () => new Medication
            {
                Name = Pick(rng, Drugs),
                Form = Maybe(rng, 0.3, () => Pick(rng, Forms)),
                Quantity = Quantity(rng),
                UnitPrice = Money(rng),
            }),
            Vitamins = Several(rng, 0.5, 4, () => new Vitamin
            {
                Name = Pick(rng, VitaminNames),
                Dose = Maybe(rng, 0.3, () => Pick(rng, Doses)),
                Quantity = Quantity(rng),
                UnitPrice = Money(rng),
            }),
            LabTests = Several(rng, 0.4, 6, () => new LabTest(Pick(rng, Labs), MaybeTime(rng, admission))),
            InaCbg = new InaCbg(Pick(rng, Cbgs), Money(rng)),
            HospitalTariff = Money(rng),
            Documents = Documents(rng, admission),
        };
        return new LabeledClaim(claim, Label(rng));
    }

    public static IEnumerable<LabeledClaim> Stream(int seed, int count)
    {
        for (int i = 0; i < count; i++) yield return Build(seed, i);
    }

    private static PatientInfo Patient(Random rng, int index)
    {
        var sex = rng.Next(2) == 0 ? Sex.M : Sex.F;
        var birth = DateOnly.FromDayNumber(new DateOnly(1930, 1, 1).DayNumber + rng.Next(90 * 365));
        // Every 97th claim carries a name exactly at the 256-unit column limit, mixing multi-byte and astral characters.
        string? name = index % 97 == 0
            ? LongName(rng)
            : Maybe(rng, 0.15, () => rng.Next(4) == 0 ? Pick(rng, FirstNames) : Pick(rng, FirstNames) + " " + Pick(rng, LastNames));
        return new PatientInfo
        {
            Nik = Nik.Encode(Pick(rng, Districts), sex, birth, 1 + rng.Next(9999)),
            BpjsNumber = Maybe(rng, 0.2, () => Digits(rng, 13)),
            Name = name,
            Sex = sex,
            BirthDate = birth,
            Address = rng.NextDouble() < 0.2 ? null : new Address
            {
                Street = Maybe(rng, 0.25, () => Pick(rng, Places)),
                Village = Maybe(rng, 0.25, () => Pick(rng, Places)),
                District = Maybe(rng, 0.25, () => Pick(rng, Places)),
                City = Maybe(rng, 0.25, () => Pick(rng, Places)),
                Province = Maybe(rng, 0.25, () => Pick(rng, Places)),
                PostalCode = Maybe(rng, 0.25, () => Digits(rng, 5)),
            },
        };
    }

    private static string LongName(Random rng)
    {
        var units = new System.Text.StringBuilder();
        string[] pieces = ["é", "😀", "'", "\\", "\"", "a", "\t", "ß", "中"];
        while (units.Length < 256)
        {
            var piece = Pick(rng, pieces);
            if (units.Length + piece.Length > 256) piece = "z";
            units.Append(piece);
        }
        return units.ToString();
    }

    private static ClaimDocuments? Documents(Random rng, DateTimeOffset admission)
    {
        double roll = rng.NextDouble();
        if (roll < 0.25) return null;
        if (roll < 0.35) return new ClaimDocuments();
        return new ClaimDocuments
        {
            Sep = rng.NextDouble() < 0.3 ? null : new SepDocument
            {
                Number = Maybe(rng, 0.25, () => "0301R001" + Digits(rng, 11)),
                IssuedAt = MaybeTime(rng, admission),
                PatientName = Maybe(rng, 0.25, () => Pick(rng, FirstNames) + " " + Pick(rng, LastNames)),
                BpjsNumber = Maybe(rng, 0.25, () => Digits(rng, 13)),
            },
            ResumeMedis = rng.NextDouble() < 0.3 ? null : new ResumeMedis
            {
                PatientName = Maybe(rng, 0.25, () => Pick(rng, FirstNames)),
                AdmissionAt = MaybeTime(rng, admission),
                DischargeAt = MaybeTime(rng, admission),
            },
        };
    }

    private static ClaimLabel? Label(Random rng)
    {
        double roll = rng.NextDouble();
        if (roll < 0.3) return null;
        if (roll < 0.8) return ClaimLabel.Legitimate;
        var patterns = new List<string>();
        for (int i = rng.Next(4); i > 0; i--) patterns.Add(Pick(rng, Patterns));
        return new ClaimLabel(true, patterns);
    }

    /// <summary>Whole seconds, milliseconds or microseconds (the finest a DATETIME(6) holds), in one of the offsets.</summary>
    private static DateTimeOffset Instant(Random rng, DateTime from, DateTime to)
    {
        long seconds = rng.NextInt64((long)(to - from).TotalSeconds);
        long fraction = rng.Next(3) switch
        {
            0 => 0,
            1 => rng.Next(1000) * TimeSpan.TicksPerMillisecond,
            _ => rng.Next(1_000_000) * TimeSpan.TicksPerMicrosecond,
        };
        var utc = new DateTime(from.Ticks + seconds * TimeSpan.TicksPerSecond + fraction, DateTimeKind.Utc);
        return new DateTimeOffset(utc).ToOffset(Pick(rng, Offsets));
    }

    private static DateTimeOffset Shift(Random rng, DateTimeOffset start, int maxHours)
    {
        long micros = rng.NextInt64((long)maxHours * 3600 * 1_000_000);
        return start.AddTicks(micros * TimeSpan.TicksPerMicrosecond).ToOffset(Pick(rng, Offsets));
    }

    private static DateTimeOffset? MaybeTime(Random rng, DateTimeOffset near) =>
        rng.NextDouble() < 0.3 ? null : Shift(rng, near.AddDays(-2), maxHours: 24 * 20);

    /// <summary>Integers, halves, and doubles using all 53 bits, so a store that rounds through decimal text would fail.</summary>
    private static double Quantity(Random rng) => rng.Next(5) switch
    {
        0 => rng.Next(1, 100),
        1 => rng.Next(1, 40) / 2.0,
        2 => rng.NextDouble() * 100,
        3 => 0.1 + 0.2,
        _ => rng.NextDouble() * 1e-6,
    };

    private static long Money(Random rng) => rng.Next(10) switch
    {
        0 => 0,
        1 => long.MaxValue,
        _ => rng.NextInt64(1, 50_000_000_000),
    };

    private static IReadOnlyList<T> Several<T>(Random rng, double emptyChance, int max, Func<T> item)
    {
        if (rng.NextDouble() < emptyChance) return [];
        var list = new List<T>();
        for (int i = 1 + rng.Next(max); i > 0; i--) list.Add(item());
        return list;
    }

    private static string? Maybe(Random rng, double nullChance, Func<string> value) => rng.NextDouble() < nullChance ? null : value();

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    private static string Digits(Random rng, int n) => string.Create(n, rng, static (span, r) =>
    {
        for (int i = 0; i < span.Length; i++) span[i] = (char)('0' + r.Next(10));
    });

    /// <summary>SplitMix64 of (seed, index): a stable per-claim seed (string.GetHashCode and HashCode differ per process).</summary>
    private static int Mix(int seed, int index)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
