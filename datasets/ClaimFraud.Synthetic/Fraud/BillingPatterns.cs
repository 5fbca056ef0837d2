using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Claims;
using ClaimFraud.Synthetic.Knowledge;

namespace ClaimFraud.Synthetic.Fraud;

/// <summary>Seed 003: the hospital bills well above the INA-CBG tariff.</summary>
internal sealed class OverchargingPattern : FraudPattern
{
    public override string Name => FraudPatterns.Overcharging;
    public override double Weight => 12;
    public override bool CanAccompany => true;

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        draft.Ratio *= ctx.ByStrength(1.15, 1.3, 1.3, 1.8, 2.0, 3.5);
        draft.Label(Name);
    }
}

/// <summary>
/// Seeds 003/004: a higher INA-CBG severity than the evidence supports (short stay, no comorbidity, few procedures),
/// billed at the higher tariff; or a mild diagnosis carrying a major operation (common cold + appendectomy).
/// </summary>
internal sealed class UpcodingPattern : FraudPattern
{
    private sealed record MajorProcedureScheme(ProcedureMisuse Misuse);

    public override string Name => FraudPatterns.Upcoding;
    public override double Weight => 11;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) =>
        plan.CareType is null or CareType.Inpatient && (plan.Diagnosis is null || plan.Diagnosis.CanBeInpatient);

    public override void Prepare(ClaimPlan plan, FraudContext ctx)
    {
        ctx.State = null;
        if (plan.Diagnosis is null && ctx.Rng.Chance(0.3) && ChooseScheme(plan, ctx) is { } misuse)
        {
            plan.Diagnosis = misuse.Diagnosis;
            plan.ForceInpatient = true;
            plan.Los = ctx.Rng.Between(2, 4);
            plan.AvoidSecondaryPrefixes = misuse.ExemptPrefixes;
            plan.EvidenceSeverity = 1;
            ctx.State = new MajorProcedureScheme(misuse);
            return;
        }
        plan.RequireInpatient = true;
        plan.EvidenceSeverity = 1;
        plan.NoSecondaryDiagnoses = ctx.Rng.Chance(0.8);
    }

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        if (ctx.State is MajorProcedureScheme scheme)
        {
            int operations = ctx.CountByStrength(1, 1, 1, 2, 2, 3);
            for (int i = 0; i < operations; i++)
            {
                string code = ctx.Rng.Pick(scheme.Misuse.Codes);
                draft.Procedures.Add(new Procedure(code, ClaimBuilder.InsideStay(draft, ctx.Rng, 0.1, 0.7)));
                var (min, max) = ClinicalTables.ChargeRange(code, isMajor: true);
                Charge(draft, ctx, ctx.Rng.Uniform(min, max));
            }
            draft.ClaimedSeverity = ctx.Strength == Strength.Subtle ? 2 : ctx.Rng.Chance(0.5) ? 2 : 3;
            draft.Label(Name);
            // An outpatient-only diagnosis kept for days is also a stay beyond its usual maximum.
            if (draft.Los > draft.Diagnosis.Profile.LosMax) draft.Label(FraudPatterns.ExtendedStay);
            return;
        }
        // Trim the evidence to a mild case: the stay no longer than typical, few procedures.
        int typical = Math.Max(draft.Diagnosis.Profile.LosMin, draft.Diagnosis.Profile.LosTypical);
        if (draft.Los > typical) ShortenStay(draft, typical);
        draft.ClaimedSeverity = ctx.Strength switch
        {
            Strength.Subtle => 2,
            Strength.Moderate => ctx.Rng.Chance(0.6) ? 2 : 3,
            _ => 3,
        };
        draft.Label(Name);
    }

    private static void ShortenStay(ClaimDraft d, int los)
    {
        var day = DateOnly.FromDateTime(d.AdmissionAt.DateTime).AddDays(los - 1);
        var newDischarge = los == 1
            ? d.AdmissionAt.AddMinutes(Math.Min(360, 23 * 60 + 55 - d.AdmissionAt.Hour * 60 - d.AdmissionAt.Minute))
            : ClaimBuilder.At(day, d.DischargeAt.Hour * 60 + d.DischargeAt.Minute);
        if (newDischarge <= d.AdmissionAt) return;
        StayEdits.MoveDischarge(d, newDischarge, los);
    }

    private static ProcedureMisuse? ChooseScheme(ClaimPlan plan, FraudContext ctx)
    {
        int age = ClaimBuilder.AgeOn(plan.Patient, plan.Day);
        ProcedureMisuse? chosen = null;
        int seen = 0;
        foreach (var m in ctx.Knowledge.ProcedureMisuses)
        {
            if (!m.IsUpcodingSign || !m.Diagnosis.Allows(plan.Patient.Sex, age)) continue;
            if (ctx.Rng.Next(++seen) == 0) chosen = m;
        }
        return chosen;
    }
}

/// <summary>Seed 003: procedures the diagnosis does not need, billed on top.</summary>
internal sealed class UnnecessaryProceduresPattern : FraudPattern
{
    public override string Name => FraudPatterns.UnnecessaryProcedures;
    public override double Weight => 8;
    public override bool CanAccompany => true;

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var pool = ctx.Knowledge.RoutineProcedures;
        int wanted = ctx.CountByStrength(1, 2, 2, 4, 4, 8), added = 0;
        for (int attempt = 0; attempt < wanted * 5 && added < wanted; attempt++)
        {
            string code = ctx.Rng.Pick(pool);
            if (IsExpected(draft, code)) continue;
            draft.Procedures.Add(new Procedure(code, ClaimBuilder.InsideStay(draft, ctx.Rng)));
            var (min, max) = ClinicalTables.ChargeRange(code, isMajor: false);
            Charge(draft, ctx, ctx.Rng.Uniform(min, max));
            added++;
        }
        draft.Procedures.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
        draft.Label(Name);
    }

    private static bool IsExpected(ClaimDraft d, string code)
    {
        if (d.Diagnosis.ExpectedProcedures.Contains(code)) return true;
        foreach (var s in d.Secondaries) if (s.ExpectedProcedures.Contains(code)) return true;
        return false;
    }
}

/// <summary>Seed 003: a stay well beyond the diagnosis's usual maximum, with the extra days billed.</summary>
internal sealed class ExtendedStayPattern : FraudPattern
{
    public override string Name => FraudPatterns.ExtendedStay;
    public override double Weight => 8;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) =>
        plan.CareType is null or CareType.Inpatient && (plan.Diagnosis is null || plan.Diagnosis.CanBeInpatient);

    public override void Prepare(ClaimPlan plan, FraudContext ctx)
    {
        plan.RequireInpatient = true;
        plan.EvidenceSeverity ??= ctx.Rng.Chance(0.75) ? 1 : 2;
    }

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var p = draft.Diagnosis.Profile;
        int max = Math.Max(p.LosMax, 2);
        int los = (int)Math.Ceiling(max * ctx.ByStrength(1.2, 1.5, 1.5, 2.2, 2.2, 3.5));
        los = Math.Max(los, max + 2);
        int extraDays = los - draft.Los;
        if (extraDays <= 0) { draft.Label(Name); return; }
        var day = DateOnly.FromDateTime(draft.AdmissionAt.DateTime).AddDays(los - 1);
        StayEdits.MoveDischarge(draft, ClaimBuilder.At(day, ctx.Rng.Between(8 * 60, 17 * 60)), los);
        // Drugs given for the whole stay grow with it; the bill adds room and care for the extra days.
        StayEdits.ScaleStayDrugs(draft, (double)los / Math.Max(1, los - extraDays));
        double perDay = draft.CbgTariff / (double)Math.Max(1, p.LosTypical);
        Charge(draft, ctx, perDay * extraDays * ctx.Rng.Uniform(0.5, 0.9));
        draft.Label(Name);
    }
}

/// <summary>Seed 003: a few "bad" hospitals overcharge systematically, mostly through a few doctors.</summary>
internal sealed class HospitalFraudPattern : FraudPattern
{
    public override string Name => FraudPatterns.HospitalFraud;
    public override double Weight => 0; // planted through the bad hospitals' own rate, never drawn as a pattern

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => plan.Hospital.IsBad;

    public override void Prepare(ClaimPlan plan, FraudContext ctx)
    {
        var bad = plan.Hospital.BadDoctors;
        if (bad.Length > 0 && ctx.Rng.Chance(0.7)) plan.DoctorIndex = bad[ctx.Rng.Next(bad.Length)];
    }

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        draft.Ratio *= draft.Hospital.BadLevel * Math.Exp(ctx.Rng.Normal(0, 0.12));
        draft.Label(Name);
    }
}

/// <summary>Permenkes 16/2019: drug quantities far above what the stay needs, or unit prices above the catalog range.</summary>
internal sealed class InflatedDrugBillPattern : FraudPattern
{
    public override string Name => FraudPatterns.InflatedDrugBill;
    public override double Weight => 6;
    public override bool CanAccompany => true;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => RecordOf(plan).DrugsItemised;

    public override bool AppliesTo(ClaimDraft draft) => draft.Record.DrugsItemised && draft.Medications.Count > 0;

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        int count = Math.Min(draft.Medications.Count, ctx.CountByStrength(1, 1, 1, 2, 2, 3));
        int start = ctx.Rng.Next(draft.Medications.Count);
        for (int i = 0; i < count; i++)
        {
            int index = (start + i) % draft.Medications.Count;
            var m = draft.Medications[index];
            var drug = ctx.Knowledge.Catalog.Clinical.FindDrug(m.Name, m.Form);
            double quantity = m.Quantity;
            long price = m.UnitPrice;
            bool raisePrice = drug is not null && ctx.Rng.Chance(0.4);
            if (!raisePrice || ctx.Rng.Chance(0.5))
                quantity = Math.Min(100_000, Math.Round(quantity * ctx.ByStrength(1.8, 2.5, 2.5, 4, 4, 10)));
            if (raisePrice)
                price = (long)Math.Round(drug!.UnitPriceMax * ctx.ByStrength(1.2, 1.6, 1.6, 2.5, 2.5, 4) / 10.0) * 10;
            draft.Medications[index] = m with { Quantity = quantity, UnitPrice = price };
            Charge(draft, ctx, quantity * price - m.Quantity * m.UnitPrice);
        }
        draft.Label(Name);
    }
}

/// <summary>Permenkes 16/2019: a care class above the patient's entitlement, billed at that class's tariff.</summary>
internal sealed class RoomClassUpgradePattern : FraudPattern
{
    public override string Name => FraudPatterns.RoomClassUpgrade;
    public override double Weight => 5;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) =>
        plan.Patient.Entitlement > 1 && plan.CareType is null or CareType.Inpatient && (plan.Diagnosis is null || plan.Diagnosis.CanBeInpatient);

    public override void Prepare(ClaimPlan plan, FraudContext ctx)
    {
        plan.RequireInpatient = true;
        int entitled = plan.Patient.Entitlement;
        int upgraded = entitled == 3 && ctx.Rng.Chance(0.35) ? 1 : entitled - 1;
        // Most bill the better class openly; some keep the entitled class on the claim and claim the better class's tariff.
        if (ctx.Rng.Chance(0.35)) ctx.State = upgraded;
        else plan.CareClass = upgraded;
    }

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        if (ctx.State is int tariffClass) draft.TariffCareClass = tariffClass;
        draft.Label(Name);
    }
}

/// <summary>
/// Permenkes 16/2019: services that did not happen, left visible: a resume medis whose dates cover less than the
/// billed stay, or procedures dated outside the stay; their cost is billed.
/// </summary>
internal sealed class PhantomBillingPattern : FraudPattern
{
    public override string Name => FraudPatterns.PhantomBilling;
    public override double Weight => 5;
    public override bool CanAccompany => true;

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var rng = ctx.Rng;
        // The resume variant needs a resume on the claim to disagree with it.
        if (draft.CareType == CareType.Inpatient && draft.Los >= 3 && draft.Record.Resume && rng.Chance(0.5))
        {
            // The resume medis records the real, shorter stay; the claim bills phantom days.
            int phantom = Math.Min(draft.Los - 1, ctx.CountByStrength(1, 1, 1, 2, 2, 4));
            int front = rng.Next(phantom + 1);
            draft.ResumeAdmissionAt = draft.AdmissionAt.AddDays(front).AddHours(rng.Between(0, 3));
            draft.ResumeDischargeAt = draft.DischargeAt.AddDays(-(phantom - front));
            if (draft.ResumeDischargeAt <= draft.ResumeAdmissionAt) draft.ResumeDischargeAt = draft.ResumeAdmissionAt.AddHours(rng.Between(4, 20));
            double perDay = draft.CbgTariff / (double)Math.Max(1, draft.Diagnosis.Profile.LosTypical);
            Charge(draft, ctx, perDay * phantom * rng.Uniform(0.6, 1.0));
        }
        else
        {
            // Procedures billed on days the patient was not in hospital.
            int count = ctx.CountByStrength(1, 1, 1, 2, 2, 3);
            var expected = draft.CareType == CareType.Inpatient ? draft.Diagnosis.InpatientProcedures : draft.Diagnosis.OutpatientProcedures;
            for (int i = 0; i < count; i++)
            {
                string code = expected.Length > 0 && rng.Chance(0.6) ? rng.Pick(expected).Icd9Cm : rng.Pick(ctx.Knowledge.RoutineProcedures);
                double hours = ctx.ByStrength(6, 30, 24, 96, 72, 240);
                double minutes = Math.Floor(hours * 60);
                var at = rng.Chance(0.75) ? draft.DischargeAt.AddMinutes(minutes) : draft.AdmissionAt.AddMinutes(-minutes);
                draft.Procedures.Add(new Procedure(code, at));
                var (min, max) = ClinicalTables.ChargeRange(code, ctx.Knowledge.MajorProcedures.Contains(code));
                Charge(draft, ctx, rng.Uniform(min, max));
            }
            draft.Procedures.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
        }
        draft.Label(Name);
    }
}
