namespace ClaimFraud.Domain.Reference;

/// <summary>File names of the catalogs in a reference directory (datasets/reference).</summary>
public static class ReferenceFiles
{
    public const string Provinces = "provinces.csv";
    public const string Regencies = "regencies.csv";
    public const string Districts = "districts.csv";
    public const string Villages = "villages.csv";
    public const string VillagePostalCodes = "village_postal_codes.csv";
    public const string Icd10 = "icd10.csv";
    public const string Icd9Cm = "icd9cm_procedures.csv";
    public const string Hospitals = "hospitals.csv";
    public const string ProvinceTariffRegions = "provinces_tariff_region.csv";
    public const string Diagnoses = "diagnoses.csv";
    public const string DiagnosisProcedures = "diagnosis_procedures.csv";
    public const string DiagnosisDrugs = "diagnosis_drugs.csv";
    public const string DiagnosisVitamins = "diagnosis_vitamins.csv";
    public const string DiagnosisLabs = "diagnosis_labs.csv";
    public const string Drugs = "drugs.csv";
    public const string Vitamins = "vitamins.csv";
    public const string LabTests = "lab_tests.csv";
    public const string InappropriatePairs = "inappropriate_pairs.csv";
    public const string InaCbgGroups = "ina_cbg_groups.csv";
    public const string InaCbgTariffs = "ina_cbg_tariffs.csv";

    public static IReadOnlyList<string> All { get; } =
    [
        Provinces, Regencies, Districts, Villages, VillagePostalCodes, Icd10, Icd9Cm, Hospitals, ProvinceTariffRegions,
        Diagnoses, DiagnosisProcedures, DiagnosisDrugs, DiagnosisVitamins, DiagnosisLabs, Drugs, Vitamins, LabTests,
        InappropriatePairs, InaCbgGroups, InaCbgTariffs,
    ];
}
