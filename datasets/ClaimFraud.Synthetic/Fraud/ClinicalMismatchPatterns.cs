using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Claims;
using ClaimFraud.Synthetic.Knowledge;

namespace ClaimFraud.Synthetic.Fraud;

/// <summary>Seed 000: a procedure the diagnosis does not call for (diarrhoea + blood transfusion, hypertension + nebulizer), from the catalog's pairs.</summary>
internal sealed class InappropriateProcedurePattern : FraudPattern
{
    public override string Name => FraudPatterns.InappropriateProcedure;
    public override double Weight => 5;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => Choose(plan, ctx, probe: true) is not null;

    public override void Prepare(ClaimPlan plan, FraudContext ctx)
    {
        var misuse = Choose(plan, ctx, probe: false)!;
        plan.Diagnosis = misuse.Diagnosis;
        plan.AvoidSecondaryPrefixes = misuse.ExemptPrefixes;
        ctx.State = misuse;
    }

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var misuse = (ProcedureMisuse)ctx.State!;
        int times = ctx.CountByStrength(1, 1, 1, 2, 2, 3);
        string code = ctx.Rng.Pick(misuse.Codes);
        var (min, max) = ClinicalTables.ChargeRange(code, ctx.Knowledge.MajorProcedures.Contains(code));
        for (int i = 0; i < times; i++)
        {
            draft.Procedures.Add(new Procedure(code, ClaimBuilder.InsideStay(draft, ctx.Rng)));
            Charge(draft, ctx, ctx.Rng.Uniform(min, max));
        }
        draft.Label(Name);
    }

    private static ProcedureMisuse? Choose(ClaimPlan plan, FraudContext ctx, bool probe)
    {
        int age = ClaimBuilder.AgeOn(plan.Patient, plan.Day);
        ProcedureMisuse? chosen = null;
        int seen = 0;
        foreach (var m in ctx.Knowledge.ProcedureMisuses)
        {
            if (m.IsUpcodingSign || !m.Diagnosis.Allows(plan.Patient.Sex, age)) continue;
            if (plan.Diagnosis is { } fixedDx && fixedDx != m.Diagnosis) continue;
            if (probe) return m;
            // Reservoir sampling: a uniform choice without building a list.
            if (ctx.Rng.Next(++seen) == 0) chosen = m;
        }
        return chosen;
    }
}

/// <summary>Seed 000: a drug the diagnosis does not call for (common cold + ceftriaxone injection, asthma + gastric drugs), from the catalog's pairs.</summary>
internal sealed class InappropriateDrugPattern : FraudPattern
{
    public override string Name => FraudPatterns.InappropriateDrug;
    public override double Weight => 6;

    // The trace is an itemised drug: a record without drug lines cannot carry it.
    public override bool Fits(ClaimPlan plan, FraudContext ctx) => RecordOf(plan).DrugsItemised && Choose(plan, ctx, probe: true) is not null;

    public override bool AppliesTo(ClaimDraft draft) => HasDrugLines(draft);

    public override void Prepare(ClaimPlan plan, FraudContext ctx)
    {
        var misuse = Choose(plan, ctx, probe: false)!;
        plan.Diagnosis = misuse.Diagnosis;
        plan.AvoidSecondaryPrefixes = misuse.ExemptPrefixes;
        ctx.State = misuse;
    }

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        var misuse = (DrugMisuse)ctx.State!;
        int kinds = Math.Min(misuse.Drugs.Length, ctx.CountByStrength(1, 1, 1, 1, 1, 2));
        int start = ctx.Rng.Next(misuse.Drugs.Length), added = 0;
        for (int i = 0; i < misuse.Drugs.Length && added < kinds; i++)
        {
            var drug = misuse.Drugs[(start + i) % misuse.Drugs.Length];
            if (draft.Medications.Exists(m => m.Name == drug.Name && m.Form == drug.Form)) continue;
            double perDay = Math.Max(1, Math.Round(drug.MaxQuantityPerDay * ctx.Rng.Uniform(0.3, 0.8)));
            double quantity = Math.Max(1, Math.Round(perDay * draft.Los * ctx.ByStrength(0.8, 1.0, 1.0, 1.3, 1.2, 2.0)));
            long price = ClaimBuilder.Price(drug.UnitPriceMin, drug.UnitPriceMax, draft.Hospital, ctx.Rng);
            draft.Medications.Add(new Medication { Name = drug.Name, Form = drug.Form, Quantity = quantity, UnitPrice = price });
            Charge(draft, ctx, quantity * price);
            added++;
        }
        draft.Label(Name);
    }

    private static DrugMisuse? Choose(ClaimPlan plan, FraudContext ctx, bool probe)
    {
        int age = ClaimBuilder.AgeOn(plan.Patient, plan.Day);
        DrugMisuse? chosen = null;
        int seen = 0;
        foreach (var m in ctx.Knowledge.DrugMisuses)
        {
            if (!m.Diagnosis.Allows(plan.Patient.Sex, age)) continue;
            if (plan.Diagnosis is { } fixedDx && fixedDx != m.Diagnosis) continue;
            if (probe) return m;
            if (ctx.Rng.Next(++seen) == 0) chosen = m;
        }
        return chosen;
    }
}

/// <summary>
/// Seed 000: vitamins with no indication, often high dose: the catalog's pairs (gastritis + vitamin C 1000 mg …)
/// or, on other diagnoses, high-dose vitamins the diagnosis does not list.
/// </summary>
internal sealed class IrrelevantVitaminPattern : FraudPattern
{
    public override string Name => FraudPatterns.IrrelevantVitamin;
    public override double Weight => 4;

    public override bool Fits(ClaimPlan plan, FraudContext ctx) => RecordOf(plan).DrugsItemised;

    public override bool AppliesTo(ClaimDraft draft) => HasDrugLines(draft);

    public override void Prepare(ClaimPlan plan, FraudContext ctx)
    {
        ctx.State = null;
        if (plan.Diagnosis is not null || !ctx.Rng.Chance(0.65)) return;
        int age = ClaimBuilder.AgeOn(plan.Patient, plan.Day);
        VitaminMisuse? chosen = null;
        int seen = 0;
        foreach (var m in ctx.Knowledge.VitaminMisuses)
        {
            if (!m.Diagnosis.Allows(plan.Patient.Sex, age)) continue;
            if (ctx.Rng.Next(++seen) == 0) chosen = m;
        }
        if (chosen is null) return;
        plan.Diagnosis = chosen.Diagnosis;
        plan.AvoidSecondaryPrefixes = chosen.ExemptPrefixes;
        ctx.State = chosen;
    }

    public override void Apply(ClaimDraft draft, FraudContext ctx)
    {
        int kinds = ctx.CountByStrength(1, 1, 1, 2, 2, 3), added = 0;
        for (int attempt = 0; attempt < kinds * 6 && added < kinds; attempt++)
        {
            // The pair's own vitamin first, then any high-dose vitamin the diagnoses do not call for.
            var v = ctx.State is VitaminMisuse misuse && added == 0 && attempt < 3
                ? misuse.Vitamins[ctx.Rng.Next(misuse.Vitamins.Length)]
                : ctx.Rng.Pick(ctx.Knowledge.HighDoseVitamins);
            if (draft.Vitamins.Exists(x => x.Name == v.Name) || IsExpected(draft, v.Name)) continue;
            double days = Math.Max(draft.Los, ctx.Rng.Between(5, 30));
            double quantity = Math.Max(1, Math.Round(v.MaxQuantityPerDay * days * ctx.ByStrength(0.5, 0.8, 0.8, 1.0, 1.0, 1.5)));
            long price = ClaimBuilder.Price(v.UnitPriceMin, v.UnitPriceMax, draft.Hospital, ctx.Rng);
            draft.Vitamins.Add(new Vitamin { Name = v.Name, Dose = v.Dose, Quantity = quantity, UnitPrice = price });
            Charge(draft, ctx, quantity * price);
            added++;
        }
        draft.Label(Name);
    }

    private static bool IsExpected(ClaimDraft draft, string vitamin)
    {
        foreach (var dv in draft.Diagnosis.Profile.Vitamins) if (dv.Vitamin.Name == vitamin) return true;
        foreach (var s in draft.Secondaries)
            foreach (var dv in s.Profile.Vitamins) if (dv.Vitamin.Name == vitamin) return true;
        return false;
    }
}
