using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Claims;
using ClaimFraud.Synthetic.People;

namespace ClaimFraud.Synthetic.Fraud;

/// <summary>Seed 004: the SEP is issued after the patient went home (hours to days).</summary>
internal sealed class SepAfterDischargePattern : FraudPattern
{
    public override string Name => FraudPatterns.SepAfterDischarge;
    public override double Weight => 5;
    public override bool CanAccompany => true;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => RecordOf(plan).Sep;

    public override bool AppliesTo(ClaimDraft draft) => draft.Record.Sep;

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        double hours = ctx.ByStrength(1, 12, 12, 48, 48, 240);
        draft.SepIssuedAt = draft.DischargeAt.AddMinutes(Math.Floor(hours * 60));
        draft.Label(Name);
    }
}

/// <summary>Seed 004: a lab test dated before admission or after discharge.</summary>
internal sealed class LabOutsideStayPattern : FraudPattern
{
    public override string Name => FraudPatterns.LabOutsideStay;
    public override double Weight => 5;
    public override bool CanAccompany => true;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => RecordOf(plan).LabsItemised;

    public override bool AppliesTo(ClaimDraft draft) => draft.Record.LabsItemised && draft.LabTests.Count > 0;

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var rng = ctx.Rng;
        int count = ctx.CountByStrength(1, 1, 1, 1, 1, 2);
        for (int i = 0; i < count; i++)
        {
            string name = draft.Diagnosis.Labs.Length > 0 && rng.Chance(0.7)
                ? rng.Pick(draft.Diagnosis.Labs).Lab.Name
                : rng.Pick(ctx.Knowledge.LabTests).Name;
            double hours = ctx.ByStrength(2, 12, 12, 72, 72, 240);
            var at = rng.Chance(0.7) ? draft.DischargeAt.AddMinutes(Math.Floor(hours * 60)) : draft.AdmissionAt.AddMinutes(-Math.Floor(hours * 60));
            draft.LabTests.Add(new LabTest(name, at));
            var lab = ctx.Knowledge.Catalog.Clinical.FindLabTest(name);
            if (lab is not null) Charge(draft, ctx, rng.Uniform(lab.PriceMin, lab.PriceMax));
        }
        draft.LabTests.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
        draft.Label(Name);
    }
}

/// <summary>
/// Seed 004: the SEP or resume medis names someone else or a changed name: an added or dropped "bin/binti …",
/// another given name, or another person altogether. Never just a difference of case.
/// </summary>
internal sealed class NameMismatchPattern : FraudPattern
{
    public override string Name => FraudPatterns.NameMismatch;
    public override double Weight => 5;
    public override bool CanAccompany => true;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => RecordOf(plan) is { Sep: true } or { Resume: true };

    public override bool AppliesTo(ClaimDraft draft) => draft.Record is { Sep: true } or { Resume: true };

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var p = draft.Patient;
        var rng = ctx.Rng;
        var names = ctx.Names;
        string changed;
        switch (ctx.Strength)
        {
            case Strength.Subtle:
                // The seed's case: "Ahmad Fauzi" on one document, "Ahmad Fauzi bin Abdullah" on the other.
                changed = p.UsesPatronymic ? StripPatronymic(p.Name) : p.Name + " " + PersonNames.Patronymic(p.Sex, p.FatherName);
                break;
            case Strength.Moderate:
                int space = p.Name.IndexOf(' ');
                string rest = space < 0 ? "" : p.Name[space..];
                changed = OtherThan(names.FirstName(p.Sex) + rest, p.Name, names, p.Sex);
                break;
            default:
                changed = OtherThan(names.FullName(p.Sex, rng.NextDouble()), p.Name, names, p.Sex);
                break;
        }
        if (rng.Chance(0.3)) changed = changed.ToUpperInvariant();
        // The changed name goes on a document the claim carries.
        bool onSep = draft.Record.Sep && (!draft.Record.Resume || rng.Chance(0.6));
        if (onSep) draft.SepName = changed;
        else draft.ResumeName = changed;
        draft.Label(Name);
    }

    private static string StripPatronymic(string name)
    {
        int at = name.IndexOf(" bin", StringComparison.Ordinal);
        return at > 0 ? name[..at] : name + " Saputra";
    }

    private static string OtherThan(string candidate, string original, PersonNames names, Sex sex)
    {
        for (int i = 0; i < 8 && string.Equals(candidate, original, StringComparison.OrdinalIgnoreCase); i++)
            candidate = names.FullName(sex, 0.5);
        return string.Equals(candidate, original, StringComparison.OrdinalIgnoreCase) ? original + " " + names.LastName(sex) : candidate;
    }
}

/// <summary>
/// Permenkes 16/2019 (identity misuse): a NIK that does not decode, names a district that does not exist, or
/// disagrees with the patient's sex or birth date; or an SEP carrying another member's card number.
/// </summary>
internal sealed class IdentityFraudPattern : FraudPattern
{
    public override string Name => FraudPatterns.IdentityFraud;
    public override double Weight => 3;
    public override bool CanAccompany => true;

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var rng = ctx.Rng;
        var info = draft.PatientInfo;
        string nik = info.Nik;
        int variant = ctx.Strength switch
        {
            Strength.Subtle => rng.Chance(0.5) ? 0 : 1,
            Strength.Moderate => rng.Chance(0.5) ? 1 : 2,
            _ => rng.Chance(0.5) ? 3 : 4,
        };
        // Another member's card on the SEP shows only when the claim carries both the SEP and the patient's card number.
        if (variant == 0 && !(draft.Record.Sep && draft.Record.BpjsNumber)) variant = 1;
        switch (variant)
        {
            case 0:
                draft.SepBpjsNumber = ctx.Patients.OtherBpjsNumber(draft.Patient.Index, rng.Next(1_000_000));
                break;
            case 1:
                // A birth date that is not the patient's, still a well-formed NIK.
                var other = info.BirthDate.AddDays(rng.Chance(0.5) ? rng.Between(1, 20) : -rng.Between(1, 20));
                draft.PatientInfo = info with { Nik = Domain.Claims.Nik.Encode(nik[..6], info.Sex, other, int.Parse(nik.AsSpan(12, 4), provider: null)) };
                break;
            case 2:
                // The other sex's day encoding (±40): the NIK says woman for a man or the reverse.
                var flipped = info.Sex == Sex.M ? Sex.F : Sex.M;
                draft.PatientInfo = info with { Nik = Domain.Claims.Nik.Encode(nik[..6], flipped, info.BirthDate, int.Parse(nik.AsSpan(12, 4), provider: null)) };
                break;
            case 3:
                // A date part no NIK can have: day 00 or 32–40, or month 00/13+.
                string bad = rng.Chance(0.5)
                    ? string.Concat(nik.AsSpan(0, 6), rng.Chance(0.5) ? "00" : rng.Between(32, 40).ToString("D2", null), nik.AsSpan(8))
                    : string.Concat(nik.AsSpan(0, 8), rng.Between(13, 99).ToString("D2", null), nik.AsSpan(10));
                draft.PatientInfo = info with { Nik = bad };
                break;
            default:
                draft.PatientInfo = info with { Nik = UnknownDistrict(ctx, rng) + nik[6..] };
                break;
        }
        draft.Label(Name);
    }

    /// <summary>A 6-digit code in a real province that names no district of the catalog.</summary>
    private static string UnknownDistrict(FraudContext ctx, Randomness.Rng rng)
    {
        var districts = ctx.Knowledge.Areas.DistrictCodes;
        for (int attempt = 0; ; attempt++)
        {
            string province = rng.Pick(ctx.Knowledge.Areas.Districts).ProvinceCode;
            string code = province + rng.Between(attempt < 20 ? 40 : 0, 99).ToString("D2", null) + rng.Between(1, 99).ToString("D2", null);
            if (!districts.Contains(code) && ctx.Knowledge.Catalog.Areas.FindDistrict(code) is null) return code;
        }
    }
}
