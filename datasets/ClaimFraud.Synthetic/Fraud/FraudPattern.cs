using ClaimFraud.Synthetic.Claims;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.People;
using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Fraud;

/// <summary>How strongly a pattern is planted on one claim; drawn per claim so no fixed multiplier exists.</summary>
internal enum Strength { Subtle, Moderate, Blatant }

/// <summary>How a pattern relates to other claims.</summary>
internal enum PatternShape
{
    /// <summary>Changes the claim it is planted on.</summary>
    Single,
    /// <summary>The claim is a legitimate first part; the labelled claim follows later (unbundling, readmission).</summary>
    FollowUp,
    /// <summary>The claim is a legitimate original; a labelled copy with the same dates follows at once (repeat billing).</summary>
    SameDayCopy,
    /// <summary>The claim copies a recent claim of another patient (cloning).</summary>
    Clone,
}

/// <summary>What a pattern sees while it is planted: the knowledge base, helpers, this claim's random stream and strength.</summary>
internal sealed class FraudContext
{
    public required GeneratorKnowledge Knowledge { get; init; }
    public required PatientGenerator Patients { get; init; }
    /// <summary>Names for altered documents, a stream of their own so patients' names do not depend on fraud.</summary>
    public required PersonNames Names { get; init; }
    public Rng Rng { get; set; } = null!;
    public Strength Strength { get; set; }
    /// <summary>A choice made while preparing the plan that the pattern needs again when applying it.</summary>
    public object? State { get; set; }

    public double ByStrength(double subtleMin, double subtleMax, double moderateMin, double moderateMax, double blatantMin, double blatantMax) =>
        Strength switch
        {
            Strength.Subtle => Rng.Uniform(subtleMin, subtleMax),
            Strength.Moderate => Rng.Uniform(moderateMin, moderateMax),
            _ => Rng.Uniform(blatantMin, blatantMax),
        };

    public int CountByStrength(int subtleMin, int subtleMax, int moderateMin, int moderateMax, int blatantMin, int blatantMax) =>
        Strength switch
        {
            Strength.Subtle => Rng.Between(subtleMin, subtleMax),
            Strength.Moderate => Rng.Between(moderateMin, moderateMax),
            _ => Rng.Between(blatantMin, blatantMax),
        };
}

/// <summary>
/// One fraud pattern. <see cref="Prepare"/> constrains the plan before the claim's content is drawn (a forced
/// diagnosis, an inpatient stay); <see cref="Apply"/> plants the pattern on the drawn claim and labels it.
/// </summary>
internal abstract class FraudPattern
{
    public abstract string Name { get; }

    /// <summary>Relative share among fraudulent claims.</summary>
    public abstract double Weight { get; }

    public virtual PatternShape Shape => PatternShape.Single;

    /// <summary>Whether the pattern can ride along on a claim chosen for another one (it needs no plan changes).</summary>
    public virtual bool CanAccompany => false;

    /// <summary>Whether the pattern can be planted given the plan as it stands (patient, hospital, fixed fields).</summary>
    public virtual bool Fits(ClaimPlan plan, FraudContext ctx) => true;

    public virtual void Prepare(ClaimPlan plan, FraudContext ctx) { }

    /// <summary>Whether the drawn claim can take the pattern (for accompanying patterns, checked after drawing).</summary>
    public virtual bool AppliesTo(ClaimDraft draft) => true;

    public abstract void Apply(ClaimDraft draft, FraudContext ctx);

    /// <summary>Whether the drawn claim lists drugs or vitamins (added lines on an unlisted bill would make "listed" itself a sign).</summary>
    protected static bool HasDrugLines(ClaimDraft draft) => draft.Record.DrugsItemised && draft.Medications.Count + draft.Vitamins.Count > 0;

    /// <summary>The plan's record shape (complete when none was drawn).</summary>
    protected static ClaimRecord RecordOf(ClaimPlan plan) => plan.Record ?? ClaimRecord.Complete;

    /// <summary>
    /// Adds a charge to the bill with a little markup of its own. One addition is capped at a multiple of the
    /// INA-CBG tariff that grows with strength: an outpatient visit paid Rp 165,000 does not get a Rp 3 million
    /// drug line, whatever the items would cost.
    /// </summary>
    protected static void Charge(ClaimDraft draft, FraudContext ctx, double amount)
    {
        double cap = draft.CbgTariff * ctx.ByStrength(0.1, 0.35, 0.35, 1.0, 1.0, 3.0);
        draft.ExtraCharges += (long)(Math.Min(amount, cap) * ctx.Rng.Uniform(1.0, 1.3));
    }
}
