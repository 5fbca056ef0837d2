using static ClaimFraud.Features.Schema.FeatureKind;

namespace ClaimFraud.Features.Schema;

/// <summary>Names, kinds and meanings of the features in <see cref="FeatureId"/> order.</summary>
internal static class CurrentFeatures
{
    private const string NoDx = "NaN when no diagnosis of the claim is in the clinical knowledge base";
    private const string Never = "never missing";
    private const string NoHistory = "0 without earlier claims";

    public static IEnumerable<FeatureDefinition> Definitions
    {
        get
        {
            var rows = Rows();
            if (rows.Length != Enum.GetValues<FeatureId>().Length)
                throw new InvalidOperationException("CurrentFeatures and FeatureId disagree on the number of features.");
            for (int i = 0; i < rows.Length; i++)
            {
                var (id, name, kind, missing, description, whenMissing) = rows[i];
                if ((int)id != i) throw new InvalidOperationException($"Feature {id} is listed at position {i}.");
                yield return new FeatureDefinition(name, i, kind, missing, description, whenMissing);
            }
        }
    }

    private static (FeatureId Id, string Name, FeatureKind Kind, bool MayBeMissing, string Description, string WhenMissing)[] Rows() =>
    [
        (FeatureId.TindakanValidityScore, "tindakan_validity_score", Numeric, true,
            "share of the claim's procedures that fit its diagnoses: listed as expected for one of them in the knowledge base, or general for them (general_procedures.csv: ECG, chest x-ray, IV line, …)",
            "1 when there are no procedures; " + NoDx),
        (FeatureId.ObatValidityScore, "obat_validity_score", Numeric, true,
            "share of the claim's known drugs (in the drug catalog) appropriate for any of its diagnoses",
            "1 when there are no medications; NaN when no drug is in the catalog or " + NoDx[9..]),
        (FeatureId.VitaminRelevanceScore, "vitamin_relevance_score", Numeric, true,
            "share of the claim's known vitamins/supplements relevant to any of its diagnoses",
            "1 when there are no vitamins; NaN when no vitamin is in the catalog or " + NoDx[9..]),
        (FeatureId.BiayaAnomalyScore, "biaya_anomaly_score", Numeric, true,
            "ln(hospital_tariff / expected cost); expected cost = what the primary diagnosis's usual INA-CBG group (at the claimed severity) costs, at the claim's own price level: ina_cbg.tariff × catalog(diagnosis group) / catalog(claimed group) for the hospital class, region and care class; ina_cbg.tariff when either group is unknown",
            "NaN when ina_cbg.tariff is 0 and neither group is in the catalog"),
        (FeatureId.RuleViolationFlag, "rule_violation_flag", Binary, false,
            "1 when any rule of severity medium or higher fired (rules never see labels)", Never),

        (FeatureId.TariffRatio, "tariff_ratio", Numeric, true, "hospital_tariff / ina_cbg.tariff (seed 003)", "NaN when ina_cbg.tariff is 0"),
        (FeatureId.TariffDiffPercentage, "tariff_diff_percentage", Numeric, true, "100 × (hospital_tariff − ina_cbg.tariff) / ina_cbg.tariff", "NaN when ina_cbg.tariff is 0"),
        (FeatureId.TariffPerDay, "tariff_per_day", Numeric, false, "hospital_tariff / los_days, rupiah", Never),
        (FeatureId.LosDays, "los_days", Numeric, false, "length of stay as the contract counts it (calendar days, both ends; outpatient 1)", Never),
        (FeatureId.NumProcedures, "num_procedures", Numeric, false, "number of procedures", Never),
        (FeatureId.ProcedureIntensity, "procedure_intensity", Numeric, false, "procedures per LOS day", Never),
        (FeatureId.ProviderClaimsCount, "provider_claims_count", Numeric, false, "the hospital's claims admitted on earlier days (all history)", NoHistory),
        (FeatureId.ProviderHighCostRate, "provider_high_cost_rate", Numeric, true,
            "share of the hospital's claims admitted on earlier days with tariff_ratio > 1.3", "NaN when the hospital has no earlier claims"),

        (FeatureId.HospitalClass, "hospital_class", Categorical, false, "hospital class A=0, B=1, C=2, D=3", Never),
        (FeatureId.CareClass, "care_class", Categorical, false, "care (room) class 1, 2 or 3", Never),
        (FeatureId.CareType, "care_type", Binary, false, "1 inpatient, 0 outpatient", Never),
        (FeatureId.Icd10Chapter, "icd10_chapter", Categorical, true, "ICD-10 chapter 1..22 of the primary diagnosis, from the WHO letter ranges", "NaN when the code fits no chapter"),
        (FeatureId.InaCbgSeverity, "ina_cbg_severity", Categorical, false, "severity of the claimed INA-CBG code: 1..3 for I..III, 0 for outpatient (0) or an unreadable code", Never),
        (FeatureId.Sex, "sex", Binary, false, "0 male, 1 female", Never),
        (FeatureId.AgeBand, "age_band", Categorical, false, "age at admission: 0–4 → 0, 5–14 → 1, 15–44 → 2, 45–64 → 3, 65+ → 4", Never),

        (FeatureId.DxSeverity, "dx_severity", Categorical, true, "usual severity of the primary diagnosis in the knowledge base: 1 mild, 2 moderate, 3 severe", NoDx),
        (FeatureId.LosVsExpected, "los_vs_expected", Numeric, true, "los_days / the diagnosis's typical LOS (inpatient stays only)", NoDx + " or for outpatient visits"),
        (FeatureId.LosOverMax, "los_over_max", Numeric, true, "max(0, los_days − the largest usual maximum LOS of the claim's known diagnoses); 0 for outpatient visits", NoDx),
        (FeatureId.InpatientForOutpatientDx, "inpatient_for_outpatient_dx", Binary, true, "1 when an inpatient stay's primary diagnosis is usually treated as outpatient", NoDx),
        (FeatureId.NumDiagnoses, "num_diagnoses", Numeric, false, "number of diagnoses", Never),
        (FeatureId.NumMajorProcedures, "num_major_procedures", Numeric, false, "procedures the knowledge base marks major, plus ICD-9-CM operations (chapters 01–86) it does not list; general procedures never count", "never missing"),
        (FeatureId.MajorProcedureMismatchCount, "major_procedure_mismatch_count", Numeric, true, "major procedures not appropriate for any diagnosis", NoDx),
        (FeatureId.InappropriatePairCount, "inappropriate_pair_count", Numeric, false, "(diagnosis, procedure/drug/vitamin) pairs the knowledge base lists as inappropriate, unless another diagnosis on the claim justifies the item", "0 when nothing is known"),
        (FeatureId.ProceduresVsTypical, "procedures_vs_typical", Numeric, true, "num_procedures / the typical number of procedures of the known diagnoses (Σ probability × usual count, at least 1)", NoDx),
        (FeatureId.DrugCostTotal, "drug_cost_total", Numeric, false, "Σ quantity × unit_price over medications, rupiah", Never),
        (FeatureId.DrugCostShare, "drug_cost_share", Numeric, true, "drug_cost_total / hospital_tariff", "NaN when hospital_tariff is 0"),
        (FeatureId.DrugCostPerDay, "drug_cost_per_day", Numeric, false, "drug_cost_total / los_days", Never),
        (FeatureId.MaxDrugQtyPerDayRatio, "max_drug_qty_per_day_ratio", Numeric, true, "max over known drugs of (quantity / supply days) / the drug's plausible maximum per day; supply days = LOS (inpatient) or 7 (outpatient), or the longer course the knowledge base lists for the drug and diagnosis (30-day chronic refills)", "NaN when no drug is in the catalog"),
        (FeatureId.MaxDrugPriceRatio, "max_drug_price_ratio", Numeric, true, "max over known drugs of unit_price / the catalog's maximum unit price (of the claimed form; the highest over forms when the form is unknown)", "NaN when no drug is in the catalog"),
        (FeatureId.VitaminCostTotal, "vitamin_cost_total", Numeric, false, "Σ quantity × unit_price over vitamins, rupiah", Never),
        (FeatureId.CbgTariffVsHospitalLevel, "cbg_tariff_vs_hospital_level", Numeric, true,
            "ina_cbg.tariff / the catalog tariff for that code, hospital class, region and care class, divided by the same ratio's geometric mean over the hospital's claims admitted in the 90 days before this admission's day: 1 when the claim is priced like the hospital's other claims, whatever tariff table (year, region) they all use; about 1.2–1.5 when it carries the tariff of a better care class or a higher severity",
            "NaN when the code is not in the catalog, ina_cbg.tariff is 0, or the hospital has fewer than 5 such earlier claims"),
        (FeatureId.CbgSeverityVsDx, "cbg_severity_vs_dx", Numeric, true, "claimed INA-CBG severity minus the primary diagnosis's usual severity (inpatient)", NoDx + ", for outpatient codes or unreadable severity"),
        (FeatureId.TariffPerDayVsExpected, "tariff_per_day_vs_expected", Numeric, true, "tariff_per_day / expected cost per day, where expected cost per day = the expected cost of biaya_anomaly_score / min(los_days, the diagnosis group's typical LOS) (a short stay is not made expensive by dividing a per-episode tariff)", "NaN when the expected cost is unknown"),

        (FeatureId.SepHoursAfterAdmission, "sep_hours_after_admission", Numeric, true, "hours from admission_at to the SEP's issued_at (negative: issued before)", "NaN without an SEP issue time"),
        (FeatureId.SepHoursAfterDischarge, "sep_hours_after_discharge", Numeric, true, "hours from discharge_at to the SEP's issued_at (positive: issued after discharge)", "NaN without an SEP issue time"),
        (FeatureId.LabsOutsideStay, "labs_outside_stay", Numeric, false, "lab tests dated before the day before admission or after the discharge date (Jakarta calendar)", "0 when no lab has a time"),
        (FeatureId.ProceduresOutsideStay, "procedures_outside_stay", Numeric, false, "procedures dated before the day before admission or after the discharge date (Jakarta calendar)", "0 when no procedure has a time"),
        (FeatureId.NameSimilarityMin, "name_similarity_min", Numeric, true,
            "lowest pairwise similarity (1 − Levenshtein / longer length) of the normalised patient names on the claim, SEP and resume (case, punctuation and titles such as dr./H./Hj./Tn./Ny./S.Kom removed, binti→bin)",
            "NaN when fewer than two names are present"),
        (FeatureId.ResumeDatesMismatch, "resume_dates_mismatch", Binary, true, "1 when the resume medis's admission or discharge date differs from the claim's (Jakarta calendar)", "NaN without resume dates"),
        (FeatureId.SepBpjsMismatch, "sep_bpjs_mismatch", Binary, true, "1 when the SEP's BPJS number differs from the patient's", "NaN when either number is absent"),
        (FeatureId.NikValid, "nik_valid", Binary, false, "1 when the NIK decodes and its district code exists in the Kemendagri list", Never),
        (FeatureId.NikConsistent, "nik_consistent", Binary, true, "1 when the decoded NIK agrees with patient sex and birth date", "NaN when the NIK does not decode"),

        (FeatureId.PatientClaims30d, "patient_claims_30d", Numeric, false, "the patient's earlier claims admitted in the 30 days before this admission", NoHistory),
        (FeatureId.PatientClaims365d, "patient_claims_365d", Numeric, false, "the patient's earlier claims admitted in the 365 days before this admission", NoHistory),
        (FeatureId.DaysSinceLastDischarge, "days_since_last_discharge", Numeric, true, "days from the patient's latest earlier discharge to this admission (negative when the stays overlap)", "NaN without earlier claims"),
        (FeatureId.ReadmissionSameDx30d, "readmission_same_dx_30d", Binary, false, "1 when an inpatient stay follows an earlier inpatient discharge of the same patient with the same ICD-10 category within 30 days", NoHistory),
        (FeatureId.DuplicateClaimCount, "duplicate_claim_count", Numeric, false, "the patient's earlier claims at the same hospital whose stay overlaps this one or has the same dates", NoHistory),
        (FeatureId.RoomClassAboveUsual, "room_class_above_usual", Numeric, true, "the patient's usual care class (most frequent over earlier claims, outpatient ones included: the class is the participant's) minus this claim's class, when positive, else 0", "NaN for outpatient claims or without earlier claims"),
        (FeatureId.HospitalHighCostRate90d, "hospital_high_cost_rate_90d", Numeric, true, "share of the hospital's claims admitted in the 90 days before this admission's day with tariff_ratio > 1.3", "NaN without such claims"),
        (FeatureId.DoctorHighCostRate90d, "doctor_high_cost_rate_90d", Numeric, true, "the same for the doctor (doctor_id)", "NaN without doctor_id or earlier claims of the doctor"),
        (FeatureId.HospitalLosVsPeers, "hospital_los_vs_peers", Numeric, true, "the hospital's mean los_vs_expected over the 90 days before this admission's day minus all hospitals' mean", "NaN when either mean has no claims"),
        (FeatureId.CloneCount30d, "clone_count_30d", Numeric, false, "other patients' claims at the same hospital in the 30 days before with the identical clinical fingerprint (diagnoses, procedure set, drug names and quantities, LOS) and hospital_tariff within ±5%; only stays with ≥ 2 procedures and drugs (visits: ≥ 3) are fingerprinted", NoHistory),
        (FeatureId.TariffRatioVsHospital, "tariff_ratio_vs_hospital", Numeric, true,
            "tariff_ratio / its geometric mean over the hospital's claims admitted in the 90 days before this admission's day: the bill against the package relative to how this hospital usually bills (its markup and price level cancel out)",
            "NaN when ina_cbg.tariff is 0 or the hospital has fewer than 10 such earlier claims"),
        (FeatureId.ItemsHoursOutsideStay, "items_hours_outside_stay", Numeric, false,
            "the most hours any lab test or procedure is dated before admission_at or after discharge_at (clock time, no allowance: the rules' calendar-day tolerance hides a few hours, this does not)",
            "0 when every timed item is inside the stay or none has a time"),
        (FeatureId.MaxDrugQtyVsUsual, "max_drug_qty_vs_usual", Numeric, true,
            "max over drugs a known diagnosis of the claim lists of quantity / the usual quantity there (daily quantity × the listed course, else the stay for inpatients and one day for visits; an inpatient course counts at most LOS + 3 days)",
            "NaN when no drug of the claim is listed for its known diagnoses"),
        (FeatureId.LosVsGroupTypical, "los_vs_group_typical", Numeric, true,
            "los_days / the typical LOS of the claimed INA-CBG group (inpatient): severity II and III groups are priced for longer stays, so a short stay under a severe code reads low",
            "NaN for outpatient claims or when the code is not in the catalog"),

        (FeatureId.HasSep, "has_sep", Binary, false, "1 when the claim carries documents.sep (a number, issue time, name or card number)", Never),
        (FeatureId.HasResume, "has_resume", Binary, false, "1 when the claim carries documents.resume_medis (a name or a date)", Never),
        (FeatureId.DrugsItemised, "drugs_itemised", Binary, false, "1 when medications or vitamins are listed (0: the drug bill is not itemised, so the drug features say nothing)", Never),
        (FeatureId.LabsItemised, "labs_itemised", Binary, false, "1 when lab_tests are listed (0: labs not itemised, so labs_outside_stay says nothing)", Never),
    ];
}
