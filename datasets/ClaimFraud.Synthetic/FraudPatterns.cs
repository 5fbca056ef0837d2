namespace ClaimFraud.Synthetic;

/// <summary>One fraud pattern the generator can plant: its label name (snake_case, as in <c>label.patterns</c>) and what it does to a claim.</summary>
public sealed record FraudPatternInfo(string Name, string Description, string Source);

/// <summary>Every fraud pattern the generator labels, with a one-line description each (for notebooks and reports).</summary>
public static class FraudPatterns
{
    public const string InappropriateProcedure = "inappropriate_procedure";
    public const string InappropriateDrug = "inappropriate_drug";
    public const string IrrelevantVitamin = "irrelevant_vitamin";
    public const string Overcharging = "overcharging";
    public const string Upcoding = "upcoding";
    public const string UnnecessaryProcedures = "unnecessary_procedures";
    public const string ExtendedStay = "extended_stay";
    public const string HospitalFraud = "hospital_fraud";
    public const string SepAfterDischarge = "sep_after_discharge";
    public const string LabOutsideStay = "lab_outside_stay";
    public const string NameMismatch = "name_mismatch";
    public const string PhantomBilling = "phantom_billing";
    public const string InflatedDrugBill = "inflated_drug_bill";
    public const string Unbundling = "unbundling";
    public const string RepeatBilling = "repeat_billing";
    public const string RoomClassUpgrade = "room_class_upgrade";
    public const string Readmission = "readmission";
    public const string Cloning = "cloning";
    public const string IdentityFraud = "identity_fraud";

    /// <summary>All patterns in a fixed order.</summary>
    public static IReadOnlyList<FraudPatternInfo> All { get; } =
    [
        new(InappropriateProcedure, "A procedure the diagnosis does not call for, from the catalog's inappropriate pairs (e.g. A09 diarrhoea + 99.04 blood transfusion, I10 + 93.94 nebulizer), billed on top.", "seed 000"),
        new(InappropriateDrug, "A drug the diagnosis does not call for, from the catalog's inappropriate pairs (e.g. J00/J06 common cold + Ceftriaxone injection, J45 asthma + a gastrointestinal drug), billed on top.", "seed 000"),
        new(IrrelevantVitamin, "Vitamins with no indication for the diagnosis, often high dose (e.g. K29 gastritis + Vitamin C 1000 mg), billed on top.", "seed 000"),
        new(Overcharging, "Hospital tariff raised well above the INA-CBG tariff (×1.15–1.3 subtle, ×1.3–1.8 moderate, ×2–3.5 blatant, drawn per claim).", "seed 003"),
        new(Upcoding, "INA-CBG severity raised to II/III without supporting evidence (short stay, no comorbidity, few procedures) and the higher tariff claimed, or a mild diagnosis billed with a major procedure (J00 + 47.09 appendectomy, L03 + 36.10 heart surgery).", "seeds 003, 004"),
        new(UnnecessaryProcedures, "Extra procedures the diagnosis does not need, with the bill raised accordingly.", "seed 003"),
        new(ExtendedStay, "Length of stay well beyond the diagnosis' usual maximum, with the bill raised for the extra days.", "seed 003"),
        new(HospitalFraud, "A few hospitals (chosen by seed) overcharge systematically on a large share of their claims, mostly through a few of their doctors.", "seed 003"),
        new(SepAfterDischarge, "The SEP (eligibility letter) is issued hours or days after the patient was discharged.", "seed 004"),
        new(LabOutsideStay, "A lab test dated before admission or after discharge.", "seed 004"),
        new(NameMismatch, "The SEP or resume medis names someone else, or a changed name (an added 'bin/binti …', a different first name), not merely different case.", "seed 004"),
        new(PhantomBilling, "Services that did not happen: resume medis dates that disagree with the claimed stay, or procedures dated outside the stay, with their cost billed.", "Permenkes 16/2019"),
        new(InflatedDrugBill, "Drug quantities far above what the stay needs and/or unit prices above the catalog range.", "Permenkes 16/2019"),
        new(Unbundling, "One episode split into two claims: this claim is the second part, admitted the day of or after the previous discharge at the same hospital with the same diagnosis (only the second part is labelled).", "Permenkes 16/2019"),
        new(RepeatBilling, "The same stay billed again: same patient, hospital and dates under a new claim id, with small changes (only the copy is labelled).", "Permenkes 16/2019"),
        new(RoomClassUpgrade, "Care class above the patient's entitlement (the BPJS class on record), billed at the higher class' tariff; or the entitled class on the claim with the better class's INA-CBG tariff claimed.", "Permenkes 16/2019"),
        new(Readmission, "A planned or fake readmission of the same patient for the same diagnosis within days of discharge, billed as a new episode (only the readmission is labelled).", "Permenkes 16/2019"),
        new(Cloning, "A copy of another patient's recent claim at the same hospital (same procedures, drugs and amounts) under a different patient.", "Permenkes 16/2019"),
        new(IdentityFraud, "A NIK that does not decode, names a district that does not exist, or disagrees with the patient's sex or birth date; or an SEP carrying another BPJS number.", "Permenkes 16/2019"),
    ];

    /// <summary>Whether <paramref name="name"/> is one of the generator's pattern names.</summary>
    public static bool IsKnown(string name)
    {
        foreach (var p in All) if (p.Name == name) return true;
        return false;
    }
}
