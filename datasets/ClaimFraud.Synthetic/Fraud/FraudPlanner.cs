using ClaimFraud.Synthetic.Claims;
using ClaimFraud.Synthetic.Providers;
using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Fraud;

/// <summary>The fraud chosen for one slot: a main pattern and any accompanying ones, each with its strength.</summary>
internal sealed class FraudDecision
{
    public required FraudPattern Primary { get; init; }
    public required Strength Strength { get; init; }
    public List<(FraudPattern Pattern, Strength Strength)> Extras { get; } = [];
    public object? State { get; set; }
}

/// <summary>
/// Decides which slots carry fraud and which pattern, keeping the labelled share at the configured rate: patterns
/// whose labelled claim comes later (follow-ups, copies) are counted when scheduled, and bad hospitals take a
/// larger share of their own claims (hospital_fraud) while the others take correspondingly less.
/// </summary>
internal sealed class FraudPlanner
{
    private readonly FraudPattern[] _patterns;
    private readonly FraudPattern[] _companions;
    private readonly HospitalFraudPattern _hospitalFraud = new();
    private readonly OverchargingPattern _fallback = new();
    private readonly double _rate;
    private readonly double _badShare;
    private readonly double _twoClaimScale;
    private long _emitted;
    private long _fraudEmitted;
    private long _fraudPending;
    private long _derivedFraud;

    public FraudPlanner(GeneratorOptions options, Hospital[] hospitals)
    {
        _patterns =
        [
            new OverchargingPattern(), new UpcodingPattern(), new UnnecessaryProceduresPattern(), new ExtendedStayPattern(),
            new InappropriateProcedurePattern(), new InappropriateDrugPattern(), new IrrelevantVitaminPattern(),
            new SepAfterDischargePattern(), new LabOutsideStayPattern(), new NameMismatchPattern(), new PhantomBillingPattern(),
            new InflatedDrugBillPattern(), new RoomClassUpgradePattern(), new IdentityFraudPattern(),
            new UnbundlingPattern(), new ReadmissionPattern(), new RepeatBillingPattern(), new CloningPattern(),
        ];
        _companions = Array.FindAll(_patterns, p => p.CanAccompany);
        _rate = options.FraudRate;

        double total = 0, bad = 0;
        foreach (var h in hospitals)
        {
            total += h.Volume;
            if (h.IsBad) bad += h.Volume;
        }
        _badShare = total > 0 ? bad / total : 0;

        // Two-claim patterns add a legitimate first claim per labelled one; at high fraud rates they must shrink
        // or the rate becomes unreachable (at 100% there is no legitimate claim to pair with).
        double all = 0, twoClaim = 0;
        foreach (var p in _patterns)
        {
            all += p.Weight;
            if (p.Shape is PatternShape.FollowUp or PatternShape.SameDayCopy) twoClaim += p.Weight;
        }
        double share = twoClaim / all;
        _twoClaimScale = _rate <= 0 ? 1 : Math.Clamp((1 - _rate) / (_rate * share) * 0.5, 0, 1);
    }

    /// <summary>Whether this slot carries fraud, and which; null for a legitimate claim.</summary>
    public FraudDecision? Decide(ClaimPlan plan, FraudContext ctx)
    {
        if (_rate <= 0) return null;
        var rng = ctx.Rng;
        double p = BaseProbability();
        double pBad = Math.Min(p + (1 - p) * 0.4, _badShare > 0 ? 0.4 * p / _badShare : 1);
        double pOther = _badShare < 1 ? Math.Max(0, (p - _badShare * pBad) / (1 - _badShare)) : p;
        bool bad = plan.Hospital.IsBad;
        double slotP = bad ? pBad : pOther;
        if (!rng.Chance(slotP)) return null;

        FraudDecision? decision = null;
        if (bad && rng.Chance((pBad - pOther) / Math.Max(1e-9, pBad)))
            decision = new FraudDecision { Primary = _hospitalFraud, Strength = Strength.Moderate };
        else if (PickPattern(plan, ctx) is { } pattern)
            decision = new FraudDecision { Primary = pattern, Strength = DrawStrength(rng) };
        if (decision is null) return null;

        if (decision.Primary.Shape == PatternShape.Single && rng.Chance(decision.Primary == _hospitalFraud ? 0.35 : 0.2))
        {
            double u = rng.NextDouble();
            int extras = u < 0.6 ? 1 : u < 0.88 ? 2 : 3;
            for (int i = 0; i < extras * 3 && decision.Extras.Count < extras; i++)
            {
                var c = rng.Pick(_companions);
                if (c == decision.Primary || (decision.Primary == _hospitalFraud && c is OverchargingPattern)) continue;
                if (decision.Extras.Exists(e => e.Pattern == c)) continue;
                decision.Extras.Add((c, DrawStrength(rng)));
            }
        }
        return decision;
    }

    public void Prepare(FraudDecision decision, ClaimPlan plan, FraudContext ctx)
    {
        ctx.Strength = decision.Strength;
        ctx.State = null;
        decision.Primary.Prepare(plan, ctx);
        decision.State = ctx.State;
    }

    /// <summary>Plants the main pattern, then the accompanying ones that fit the drawn claim.</summary>
    public void Apply(FraudDecision decision, ClaimDraft draft, FraudContext ctx)
    {
        ctx.Strength = decision.Strength;
        ctx.State = decision.State;
        // A pattern whose trace the drawn claim cannot carry (no lab line to date outside the stay, no drug line to
        // inflate) gives way to overcharging: adding the missing line would make "has a list" a fraud signal.
        var primary = decision.Primary.AppliesTo(draft) ? decision.Primary : _fallback;
        primary.Apply(draft, ctx);
        foreach (var (pattern, strength) in decision.Extras)
        {
            if (!pattern.AppliesTo(draft) || primary == _fallback && pattern is OverchargingPattern) continue;
            ctx.Strength = strength;
            ctx.State = null;
            pattern.Apply(draft, ctx);
        }
    }

    /// <summary>Bookkeeping: a labelled claim is promised for later (follow-up or copy).</summary>
    public void Promise() => _fraudPending++;

    /// <summary>A promised claim will not come (the budget or period ran out).</summary>
    public void Withdraw() => _fraudPending--;

    public void Count(ClaimDraft emitted)
    {
        _emitted++;
        if (!emitted.IsFraud) return;
        _fraudEmitted++;
        if (emitted.Kind is SlotKind.FraudFollowUp or SlotKind.Copy)
        {
            _derivedFraud++;
            _fraudPending--;
        }
    }

    public static Strength DrawStrength(Rng rng)
    {
        double u = rng.NextDouble();
        return u < 0.35 ? Strength.Subtle : u < 0.75 ? Strength.Moderate : Strength.Blatant;
    }

    /// <summary>
    /// The chance a base slot carries fraud. In steady state labelled claims are rate × all, and derived ones
    /// (follow-ups, copies) take no base slot, so a base slot needs rate / (1 − derived share). A small correction
    /// toward the target absorbs decisions that found no fitting pattern.
    /// </summary>
    private double BaseProbability()
    {
        const double prior = 50;
        double derivedShare = (_derivedFraud + prior * _rate * 0.1 * _twoClaimScale) / (_emitted + prior);
        double p = _rate / Math.Max(1e-9, 1 - derivedShare);
        double gap = (_rate * (_emitted + 1) - _fraudEmitted - _fraudPending) / (_emitted + 200.0);
        return Math.Clamp(p + gap, 0, 1);
    }

    private FraudPattern? PickPattern(ClaimPlan plan, FraudContext ctx)
    {
        double total = 0;
        Span<double> weights = stackalloc double[_patterns.Length];
        for (int i = 0; i < _patterns.Length; i++)
        {
            var pattern = _patterns[i];
            double w = pattern.Weight;
            if (pattern.Shape is PatternShape.FollowUp or PatternShape.SameDayCopy) w *= _twoClaimScale;
            weights[i] = w > 0 && pattern.Fits(plan, ctx) ? w : 0;
            total += weights[i];
        }
        if (total <= 0) return null;
        double u = ctx.Rng.NextDouble() * total;
        for (int i = 0; i < _patterns.Length; i++)
        {
            u -= weights[i];
            if (u < 0 && weights[i] > 0) return _patterns[i];
        }
        for (int i = _patterns.Length - 1; i >= 0; i--) if (weights[i] > 0) return _patterns[i];
        return null;
    }
}
