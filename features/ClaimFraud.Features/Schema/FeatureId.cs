namespace ClaimFraud.Features.Schema;

/// <summary>
/// The features in vector order. The numeric value is the index into the vector; <see cref="FeatureSchema.Current"/>
/// lists the same names, kinds and meanings. Appending is a schema change (a new hash), reordering too.
/// </summary>
public enum FeatureId
{
    // Seed 000: the curated feature set of the original design.
    TindakanValidityScore,
    ObatValidityScore,
    VitaminRelevanceScore,
    BiayaAnomalyScore,
    RuleViolationFlag,

    // Seed 003: tariff, clinical intensity and provider features.
    TariffRatio,
    TariffDiffPercentage,
    TariffPerDay,
    LosDays,
    NumProcedures,
    ProcedureIntensity,
    ProviderClaimsCount,
    ProviderHighCostRate,

    // Categoricals as small integers.
    HospitalClass,
    CareClass,
    CareType,
    Icd10Chapter,
    InaCbgSeverity,
    Sex,
    AgeBand,

    // Clinical meaning.
    DxSeverity,
    LosVsExpected,
    LosOverMax,
    InpatientForOutpatientDx,
    NumDiagnoses,
    NumMajorProcedures,
    MajorProcedureMismatchCount,
    InappropriatePairCount,
    ProceduresVsTypical,
    DrugCostTotal,
    DrugCostShare,
    DrugCostPerDay,
    MaxDrugQtyPerDayRatio,
    MaxDrugPriceRatio,
    VitaminCostTotal,
    CbgTariffVsHospitalLevel,
    CbgSeverityVsDx,
    TariffPerDayVsExpected,

    // Documents and identity.
    SepHoursAfterAdmission,
    SepHoursAfterDischarge,
    LabsOutsideStay,
    ProceduresOutsideStay,
    NameSimilarityMin,
    ResumeDatesMismatch,
    SepBpjsMismatch,
    NikValid,
    NikConsistent,

    // Point-in-time history.
    PatientClaims30d,
    PatientClaims365d,
    DaysSinceLastDischarge,
    ReadmissionSameDx30d,
    DuplicateClaimCount,
    RoomClassAboveUsual,
    HospitalHighCostRate90d,
    DoctorHighCostRate90d,
    HospitalLosVsPeers,
    CloneCount30d,
    TariffRatioVsHospital,
    ItemsHoursOutsideStay,
    MaxDrugQtyVsUsual,
    LosVsGroupTypical,

    // Which optional parts the claim carries: real extracts often lack documents or itemised lists, so absence is
    // stated outright rather than left for the model to guess from NaNs.
    HasSep,
    HasResume,
    DrugsItemised,
    LabsItemised,
}
