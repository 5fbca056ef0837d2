using ClaimFraud.Synthetic.Providers;
using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>Innocuous oddities of a claim's content that real legitimate claims have at small rates.</summary>
[Flags]
internal enum ClaimQuirks
{
    None = 0,
    /// <summary>A usually-outpatient diagnosis admitted for a day or two because the patient is elderly or very young.</summary>
    AdmitOutpatientDiagnosis = 1 << 0,
    /// <summary>A severity III stay that runs well past the usual maximum (complications).</summary>
    LongComplicatedStay = 1 << 1,
    /// <summary>A drug the knowledge base does not list for the diagnoses (symptomatic or for an uncoded complaint).</summary>
    OffListDrug = 1 << 2,
    /// <summary>A supportive vitamin or supplement the diagnoses do not list.</summary>
    OffListVitamin = 1 << 3,
    /// <summary>An imaging procedure beyond the diagnosis's usual work-up (a CT after a fall, an echocardiogram).</summary>
    ExtraImaging = 1 << 4,
    /// <summary>A typing error in the name on the SEP or the resume.</summary>
    NameTypo = 1 << 5,
    /// <summary>The resume dates the stay a day off (written the next morning, or counting the emergency-room evening).</summary>
    ResumeDateSlip = 1 << 6,
    /// <summary>A bill well above the package for costly care: an operation (implants), expensive drugs, a long or severity III stay.</summary>
    BillAboveTariff = 1 << 7,
    /// <summary>A bill well below the package (a short, simple case).</summary>
    BillBelowTariff = 1 << 8,
    /// <summary>The birth date on the claim defaulted to 1 January or 1 July of the birth year (the NIK keeps the real one).</summary>
    BirthDateDefaulted = 1 << 9,
    /// <summary>
    /// A mild or moderate stay that runs a few days past the usual maximum for reasons the diagnosis does not show:
    /// an elderly patient recovering slowly, waiting for a referral bed or for family to fetch them. Real LOS has a
    /// long tail, so a long stay alone is a "medium" signal (seed 003, seed 004), not proof.
    /// </summary>
    SlowRecovery = 1 << 10,
}

/// <summary>
/// What one claim's extract carries of the optional parts (documents, itemised lists, identifiers) and which innocuous
/// oddities its content has. Drawn before the claim's content and before any fraud is chosen, from the claim's own
/// stream, so fraud and legitimate claims are equally sparse; a pattern that needs a part is chosen only where it is.
/// </summary>
internal sealed record ClaimRecord
{
    public bool Sep { get; init; } = true;
    public bool Resume { get; init; } = true;
    public bool DrugsItemised { get; init; } = true;
    public bool LabsItemised { get; init; } = true;
    public bool Address { get; init; } = true;
    public bool BpjsNumber { get; init; } = true;
    public bool DoctorId { get; init; } = true;
    /// <summary>Whether the extract lists secondary diagnoses (some list the primary only).</summary>
    public bool SecondaryDiagnoses { get; init; } = true;
    public ClaimQuirks Quirks { get; init; }

    /// <summary>Every part present, no oddity.</summary>
    public static readonly ClaimRecord Complete = new();

    public bool Has(ClaimQuirks quirk) => (Quirks & quirk) != 0;

    public static ClaimRecord Draw(RecordHabits h, Rng rng)
    {
        var quirks = ClaimQuirks.None;
        if (rng.Chance(0.08)) quirks |= ClaimQuirks.AdmitOutpatientDiagnosis;
        if (rng.Chance(0.12)) quirks |= ClaimQuirks.LongComplicatedStay;
        if (rng.Chance(0.15)) quirks |= ClaimQuirks.OffListDrug;
        if (rng.Chance(0.06)) quirks |= ClaimQuirks.OffListVitamin;
        if (rng.Chance(0.06)) quirks |= ClaimQuirks.ExtraImaging;
        if (rng.Chance(0.02)) quirks |= ClaimQuirks.NameTypo;
        if (rng.Chance(0.02)) quirks |= ClaimQuirks.ResumeDateSlip;
        double bill = rng.NextDouble();
        if (bill < 0.15) quirks |= ClaimQuirks.BillAboveTariff;
        else if (bill < 0.19) quirks |= ClaimQuirks.BillBelowTariff;
        if (rng.Chance(0.01)) quirks |= ClaimQuirks.BirthDateDefaulted;
        if (rng.Chance(0.07)) quirks |= ClaimQuirks.SlowRecovery;
        return new ClaimRecord
        {
            Sep = rng.Chance(h.Sep),
            Resume = rng.Chance(h.Resume),
            DrugsItemised = rng.Chance(h.DrugsItemised),
            LabsItemised = rng.Chance(h.LabsItemised),
            Address = rng.Chance(h.Address),
            BpjsNumber = rng.Chance(h.BpjsNumber),
            DoctorId = rng.Chance(h.DoctorId),
            SecondaryDiagnoses = rng.Chance(h.SecondaryDiagnoses),
            Quirks = quirks,
        };
    }

    /// <summary>The record of a claim copied from another (repeat billing, cloning): the copied lists keep their itemisation; documents and identifiers are the copy's own.</summary>
    public ClaimRecord CopiedAs(RecordHabits h, Rng rng) =>
        Draw(h, rng) with { DrugsItemised = DrugsItemised, LabsItemised = LabsItemised, SecondaryDiagnoses = SecondaryDiagnoses, Quirks = ClaimQuirks.None };
}
