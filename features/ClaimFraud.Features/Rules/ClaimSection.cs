namespace ClaimFraud.Features.Rules;

/// <summary>The parts of a claim contract §2 lets suspicious_sections name.</summary>
public static class ClaimSection
{
    public const string Patient = "patient";
    public const string Sep = "sep";
    public const string Admission = "admission";
    public const string Diagnoses = "diagnoses";
    public const string Procedures = "procedures";
    public const string Medications = "medications";
    public const string Vitamins = "vitamins";
    public const string LabTests = "lab_tests";
    public const string Tariff = "tariff";
    public const string Provider = "provider";

    /// <summary>All sections in the contract's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Patient, Sep, Admission, Diagnoses, Procedures, Medications, Vitamins, LabTests, Tariff, Provider];
}
