using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Synthetic.Knowledge;

/// <summary>One diagnosis of the knowledge base, flattened into arrays for the per-claim loop.</summary>
internal sealed class DiagnosisModel
{
    public required int Index { get; init; }
    public required DiagnosisProfile Profile { get; init; }
    public required string[] Codes { get; init; }
    public required DiagnosisProcedure[] InpatientProcedures { get; init; }
    public required DiagnosisProcedure[] OutpatientProcedures { get; init; }
    public required DiagnosisDrug[] InpatientDrugs { get; init; }
    public required DiagnosisDrug[] OutpatientDrugs { get; init; }
    public required DiagnosisVitamin[] InpatientVitamins { get; init; }
    public required DiagnosisVitamin[] OutpatientVitamins { get; init; }
    public required DiagnosisLab[] Labs { get; init; }
    /// <summary>Inpatient INA-CBG codes by severity 1–3 (index 0 unused).</summary>
    public required string[] InpatientCbg { get; init; }
    public required string OutpatientCbg { get; init; }
    /// <summary>Tariffs: [severity 0–3][cell], severity 0 the outpatient code; cell = (class × 5 + region − 1) × 3 + care class − 1.</summary>
    public required long[][] Tariffs { get; init; }
    public DiagnosisModel[] Comorbidities { get; set; } = [];
    public ClinicalTables.ChronicCare? Chronic { get; init; }
    /// <summary>Procedures of the diagnosis's own list, for "is this expected" checks while adding extras.</summary>
    public required HashSet<string> ExpectedProcedures { get; init; }

    public string Icd10 => Profile.Icd10;
    public bool IsNeonatal => Profile.AgeMax == 0;
    public bool CanBeInpatient => Profile.InpatientShare > 0;
    public bool CanBeOutpatient => Profile.InpatientShare < 1;

    public bool Allows(Sex sex, int age) => Profile.AllowsSex(sex) && Profile.AllowsAge(age);

    public static int Cell(HospitalClass hospitalClass, int region, int careClass) =>
        ((int)hospitalClass * 5 + (region - 1)) * 3 + (careClass - 1);

    public long Tariff(int severity, HospitalClass hospitalClass, int region, int careClass) =>
        Tariffs[severity][Cell(hospitalClass, region, careClass)];

    public string CbgCode(int severity) => severity == 0 ? OutpatientCbg : InpatientCbg[severity];
}
