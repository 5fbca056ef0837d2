namespace ClaimFraud.Synthetic.Knowledge;

/// <summary>
/// Small clinical tables the reference catalogs do not hold (yet): which diagnoses keep company on one claim,
/// how chronic patients come back, and rough procedure charges for what fraud adds to a bill. Every code here
/// is a diagnosis of datasets/reference/diagnoses.csv; codes missing from the catalog are skipped at load.
/// </summary>
internal static class ClinicalTables
{
    /// <summary>Secondary diagnoses that commonly accompany a primary one (comorbidities and complications), most likely first.</summary>
    public static readonly Dictionary<string, string[]> Comorbidities = new(StringComparer.Ordinal)
    {
        ["E11"] = ["I10", "E78", "N18", "I25", "L03"],
        ["I10"] = ["E11", "E78", "I11", "I25"],
        ["I11"] = ["I10", "E11", "I50", "E78"],
        ["I25"] = ["I10", "E11", "E78", "I50"],
        ["I50"] = ["I10", "I11", "E11", "N18", "I25"],
        ["I21"] = ["I10", "E11", "E78", "I50"],
        ["I63"] = ["I10", "E11", "E78", "I11"],
        ["I64"] = ["I10", "E11", "E78"],
        ["N18"] = ["I10", "E11", "D64", "I50"],
        ["J44"] = ["I50", "I10", "J18"],
        ["J18"] = ["E11", "I10", "J44", "E86"],
        ["J15"] = ["E11", "I10", "J44", "E86"],
        ["A41"] = ["N18", "E11", "J18", "E86", "D64"],
        ["A09"] = ["E86"],
        ["A91"] = ["E86"],
        ["A01"] = ["E86"],
        ["K92"] = ["D64", "K25"],
        ["K25"] = ["D64", "K29"],
        ["C50"] = ["D64"],
        ["A15"] = ["E11", "D64"],
        ["A16"] = ["E11", "D64"],
        ["S72"] = ["I10", "E11"],
        ["O14"] = ["I10"],
        ["O82"] = ["O14", "D64"],
        ["P07"] = ["P59"],
        ["N40"] = ["N39", "I10"],
        ["K80"] = ["E11", "I10"],
        ["H25"] = ["E11", "I10"],
        ["M17"] = ["I10", "E11"],
        ["L03"] = ["E11"],
        ["D64"] = ["N18", "K92"],
        ["G40"] = ["S06"],
    };

    /// <summary>How a chronic patient returns: days between visits and the chance each visit is followed by another.</summary>
    public sealed record ChronicCare(int MinDays, int MaxDays, double Continue);

    /// <summary>
    /// Programme (PRB) and treatment-course diagnoses that bring the same patient back: monthly control and
    /// refills, monthly dialysis claims, chemotherapy cycles, the TB course, physiotherapy series.
    /// </summary>
    public static readonly Dictionary<string, ChronicCare> Chronic = new(StringComparer.Ordinal)
    {
        ["E11"] = new(26, 35, 0.75),
        ["I10"] = new(26, 35, 0.72),
        ["N18"] = new(27, 32, 0.8),
        ["I25"] = new(26, 35, 0.65),
        ["I11"] = new(26, 35, 0.65),
        ["I50"] = new(26, 40, 0.6),
        ["E78"] = new(26, 40, 0.55),
        ["F20"] = new(26, 35, 0.7),
        ["C50"] = new(19, 24, 0.8),
        ["A15"] = new(26, 33, 0.75),
        ["A16"] = new(26, 33, 0.75),
        ["J44"] = new(28, 60, 0.5),
        ["J45"] = new(30, 75, 0.4),
        ["G40"] = new(28, 62, 0.55),
        ["M54"] = new(6, 9, 0.55),
        ["M17"] = new(6, 14, 0.5),
    };

    /// <summary>Rough charge ranges (rupiah) for procedures fraud adds to a bill; by ICD-9-CM prefix, most specific first.</summary>
    public static readonly (string Prefix, long Min, long Max)[] ProcedureCharges =
    [
        ("36.1", 6_000_000, 15_000_000),
        ("47.0", 3_000_000, 8_000_000),
        ("74.1", 4_000_000, 9_000_000),
        ("96.7", 1_000_000, 4_000_000),
        ("99.04", 300_000, 900_000),
        ("39.95", 700_000, 1_100_000),
        ("93.94", 40_000, 150_000),
        ("87.03", 600_000, 1_500_000),
        ("88.91", 1_200_000, 3_000_000),
        ("88.72", 300_000, 900_000),
        ("45.1", 800_000, 2_500_000),
    ];

    /// <summary>Charge range for any procedure: the table above, else operations (ICD-9-CM 00–86) vs diagnostic and therapeutic ones (87–99).</summary>
    public static (long Min, long Max) ChargeRange(string icd9cm, bool isMajor)
    {
        foreach (var (prefix, min, max) in ProcedureCharges)
            if (icd9cm.StartsWith(prefix, StringComparison.Ordinal)) return (min, max);
        int chapter = (icd9cm[0] - '0') * 10 + (icd9cm[1] - '0');
        if (isMajor) return (2_500_000, 9_000_000);
        return chapter <= 86 ? (400_000, 2_500_000) : (50_000, 600_000);
    }
}
