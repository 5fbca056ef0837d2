namespace ClaimFraud.Features.Rules;

/// <summary>The stable rule codes (contract §2 requires the first thirteen; the rest cover more Permenkes fraud types).</summary>
public static class RuleCodes
{
    public const string TimelineSepAfterDischarge = "TIMELINE_SEP_AFTER_DISCHARGE";
    public const string TimelineLabOutsideTreatment = "TIMELINE_LAB_OUTSIDE_TREATMENT";
    public const string PatientNameMismatch = "PATIENT_NAME_MISMATCH";
    public const string MedicalUpcodingSuspicion = "MEDICAL_UPCODING_SUSPICION";
    public const string TariffExtremeOvercharging = "TARIFF_EXTREME_OVERCHARGING";
    public const string LosExtendedStay = "LOS_EXTENDED_STAY";
    public const string ProceduresExcessive = "PROCEDURES_EXCESSIVE";
    public const string TariffHighDailyCost = "TARIFF_HIGH_DAILY_COST";
    public const string ClinicalProcedureMismatch = "CLINICAL_PROCEDURE_MISMATCH";
    public const string ClinicalDrugMismatch = "CLINICAL_DRUG_MISMATCH";
    public const string VitaminIrrelevant = "VITAMIN_IRRELEVANT";
    public const string NikInvalid = "NIK_INVALID";
    public const string NikMismatch = "NIK_MISMATCH";

    public const string TariffOvercharging = "TARIFF_OVERCHARGING";
    public const string TimelineProcedureOutsideTreatment = "TIMELINE_PROCEDURE_OUTSIDE_TREATMENT";
    public const string SepBpjsNumberMismatch = "SEP_BPJS_NUMBER_MISMATCH";
    public const string ResumeDatesMismatch = "RESUME_DATES_MISMATCH";
    public const string DuplicateClaim = "DUPLICATE_CLAIM";
    public const string ReadmissionSameDiagnosis = "READMISSION_SAME_DIAGNOSIS";
    public const string RoomClassAboveUsual = "ROOM_CLASS_ABOVE_USUAL";
    public const string InaCbgTariffMismatch = "INA_CBG_TARIFF_MISMATCH";
    public const string InaCbgTariffHigherLevel = "INA_CBG_TARIFF_HIGHER_LEVEL";
    public const string InaCbgSeverityUnsupported = "INA_CBG_SEVERITY_UNSUPPORTED";
    public const string DrugQuantityInflated = "DRUG_QUANTITY_INFLATED";
    public const string DrugPriceInflated = "DRUG_PRICE_INFLATED";
    public const string ClonedClaimSuspicion = "CLONED_CLAIM_SUSPICION";
    public const string ProviderHighCostPattern = "PROVIDER_HIGH_COST_PATTERN";
}

/// <summary>
/// The numbers the rules compare against, in one place (features/README.md explains each). Rules read the float
/// feature vector, so ratio thresholds are compared as floats: a tariff of exactly 1.3 × INA-CBG fires at 1.3.
/// </summary>
public static class RuleThresholds
{
    /// <summary>Seed 003: a claim is high-cost above 1.3 × the INA-CBG tariff ("30–80% higher").</summary>
    public const double OverchargingRatio = 1.3;
    /// <summary>Seed 004's extreme case is 2.66×; 2× is where the seed's "extreme overcharging" starts.</summary>
    public const double ExtremeOverchargingRatio = 2.0;
    /// <summary>Tariff per day at least twice the diagnosis's expected per-day cost.</summary>
    public const double HighDailyCostRatio = 2.0;
    /// <summary>Claimed INA-CBG tariff at least 1.5 × the catalog's (the catalog tariffs are approximations, so only large gaps count).</summary>
    public const double CbgTariffOverCatalogRatio = 1.5;
    /// <summary>Earlier claims of the hospital (90 days) before its usual tariff level or bill ratio counts as known.</summary>
    public const int TariffLevelMinimumHistory = 10;
    /// <summary>A claimed tariff this far above the hospital's usual level is checked against the group's higher levels.</summary>
    public const double HigherLevelMinimumRatio = 1.12;
    /// <summary>How close (relative) the claimed tariff must be to a higher level's tariff to count as that level's.</summary>
    public const double HigherLevelTolerance = 0.06;
    /// <summary>Quantity per supply day, or unit price, above 1.5 × the catalog's plausible maximum.</summary>
    public const double DrugInflationRatio = 1.5;
    /// <summary>Procedures at least this many and at least twice the diagnosis's typical count (and more than the knowledge base can justify).</summary>
    public const int ExcessiveProceduresMinimum = 4;
    /// <summary>Without a known diagnosis: at least this many procedures at two or more per day.</summary>
    public const int ExcessiveProceduresUnknownDx = 8;
    public const double ExcessiveIntensityUnknownDx = 2.0;
    /// <summary>A readmission with the same diagnosis within a week of discharge (legitimate readmissions exist, hence medium).</summary>
    public const double ReadmissionDays = 7;
    /// <summary>Earlier inpatient stays needed before a "usual" class means anything.</summary>
    public const int RoomClassMinimumHistory = 2;
    /// <summary>Hospital high-cost share over 90 days, with at least this many claims.</summary>
    public const double ProviderHighCostShare = 0.5;
    public const int ProviderHighCostMinimumClaims = 20;
    /// <summary>At least two procedures and at most half of them expected for the (all known) diagnoses.</summary>
    public const double ProcedureValidityMaximum = 0.5;
}
