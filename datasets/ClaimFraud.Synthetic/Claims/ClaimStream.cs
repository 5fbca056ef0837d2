using System.Globalization;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Synthetic.Fraud;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.People;
using ClaimFraud.Synthetic.Providers;
using ClaimFraud.Synthetic.Randomness;
using Hospital = ClaimFraud.Synthetic.Providers.Hospital;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>
/// Produces the claims of one dataset day by day across the period, in admission-time order. Each day takes the
/// visits scheduled for it (chronic returns, readmissions, fraud follow-ups), then fresh visits up to the day's
/// share of the total; the day's claims are sorted by admission time, numbered and given SEP numbers.
/// Memory stays flat: a bounded patient pool, at most one scheduled visit per patient, a small window of recent
/// claims for cloning, and one day's claims at a time.
/// </summary>
internal sealed partial class ClaimStream
{
    private const int RecentCapacity = 1024;
    private static readonly TimeSpan Jakarta = StayCalendar.JakartaOffset;

    private readonly GeneratorOptions _options;
    private readonly GeneratorKnowledge _k;
    private readonly Hospital[] _hospitals;
    private readonly Dictionary<string, (Hospital[] Hospitals, double[] Weights)> _byProvince = new(StringComparer.Ordinal);
    private readonly PatientGenerator _patientGenerator;
    private readonly ClaimBuilder _builder;
    private readonly FraudPlanner _planner;
    private readonly FraudContext _fraud;
    private readonly SepNumbers _sep;
    private readonly OverchargingPattern _overcharging = new();
    private readonly Patient?[] _pool;
    private readonly PriorityQueue<ScheduledVisit, (long Ticks, long Order)> _schedule = new();
    private readonly ClaimDraft[] _recent = new ClaimDraft[RecentCapacity];
    private readonly List<ClaimDraft> _day = [];
    private readonly double _neonatalShare;
    private readonly double[] _neonatalWeights;
    private int _recentCount;
    private long _emitted;
    private long _slot;
    private long _scheduleOrder;
    private long _newborns;

    public ClaimStream(GeneratorOptions options, ReferenceCatalog catalog)
    {
        _options = options;
        _k = GeneratorKnowledge.For(catalog);
        _hospitals = HospitalGenerator.Generate(_k, options);
        foreach (var group in _hospitals.GroupBy(h => h.ProvinceCode))
        {
            var list = group.ToArray();
            var weights = new double[list.Length];
            double sum = 0;
            for (int i = 0; i < list.Length; i++) weights[i] = sum += list[i].Volume;
            _byProvince[group.Key] = (list, weights);
        }
        _patientGenerator = new PatientGenerator(_k, options, _hospitals);
        _builder = new ClaimBuilder(_k);
        _planner = new FraudPlanner(options, _hospitals);
        _fraud = new FraudContext
        {
            Knowledge = _k,
            Patients = _patientGenerator,
            Names = new PersonNames(SeedMix.DeriveInt(options.Seed, SeedStream.AlteredNames)),
        };
        _sep = new SepNumbers(new Rng(SeedMix.Derive(options.Seed, SeedStream.Sep)));
        long poolSize = Math.Max(1, Math.Min(options.Claims / 2, options.MaxPatients));
        _pool = new Patient?[poolSize];

        double all = 0, neonatal = 0;
        foreach (var d in _k.Diagnoses) all += d.Profile.FrequencyWeight;
        _neonatalWeights = new double[_k.Neonatal.Length];
        for (int i = 0; i < _k.Neonatal.Length; i++) _neonatalWeights[i] = neonatal += _k.Neonatal[i].Profile.FrequencyWeight;
        _neonatalShare = neonatal / Math.Max(1e-9, all + neonatal);
    }

    public IEnumerable<LabeledClaim> Run()
    {
        long total = _options.Claims;
        if (total == 0) yield break;
        int days = _options.PeriodDays;
        var cumulative = DayWeights(days);
        long previousTarget = 0;
        for (int d = 0; d < days && _emitted < total; d++)
        {
            var date = _options.PeriodStart.AddDays(d);
            bool last = d == days - 1;
            long target = last ? total : (long)Math.Round(total * cumulative[d] / cumulative[^1]);
            _day.Clear();
            TakeScheduled(date, Math.Max(1, (int)Math.Ceiling(0.6 * (target - previousTarget))));
            long fresh = (last ? total : target) - _emitted - _day.Count;
            for (long i = 0; i < fresh && _emitted + _day.Count < total; i++) FreshVisit(date);
            previousTarget = target;

            _day.Sort(static (a, b) => a.AdmissionAt != b.AdmissionAt ? a.AdmissionAt.CompareTo(b.AdmissionAt) : a.Sequence.CompareTo(b.Sequence));
            foreach (var draft in _day) yield return Finalise(draft);
        }
        _day.Clear();
    }

    /// <summary>Weekdays are busier than weekends, and volume grows a little over the period (membership growth).</summary>
    private double[] DayWeights(int days)
    {
        var cumulative = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++)
        {
            var day = _options.PeriodStart.AddDays(d).DayOfWeek;
            double w = day == DayOfWeek.Sunday ? 0.5 : day == DayOfWeek.Saturday ? 0.75 : 1.0;
            sum += w * (1 + 0.1 * d / Math.Max(1, days));
            cumulative[d] = sum;
        }
        return cumulative;
    }

    private void TakeScheduled(DateOnly date, int returnVisitCap)
    {
        var endOfDay = new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, Jakarta).AddDays(1);
        int returnVisits = 0;
        while (_schedule.TryPeek(out var visit, out _) && visit.AdmissionAt < endOfDay)
        {
            _schedule.Dequeue();
            visit.Patient.HasPendingVisit = false;
            bool fraud = visit.Kind == SlotKind.FraudFollowUp;
            bool room = _emitted + _day.Count < _options.Claims;
            // Return visits beyond the day's cap are dropped (patients miss visits) so they never crowd out new ones.
            bool keep = room && (fraud || returnVisits < returnVisitCap) && visit.Patient.BusyUntil <= visit.AdmissionAt;
            if (!keep)
            {
                if (fraud) _planner.Withdraw();
                continue;
            }
            if (!fraud) returnVisits++;
            var rng = SlotRng();
            if (fraud) FollowUpVisit(visit, rng);
            else BaseVisit(visit.Plan, rng, date);
        }
    }

    private void FreshVisit(DateOnly date)
    {
        var rng = SlotRng();
        ClaimPlan plan;
        if (_k.Neonatal.Length > 0 && rng.Chance(_neonatalShare))
        {
            var hospital = _patientGenerator.PickHospital(rng);
            var dx = _k.Neonatal[DoctorGenerator.Pick(_neonatalWeights, rng)];
            var baby = _patientGenerator.CreateNewborn(_pool.Length + _newborns++, date.AddDays(-rng.Between(0, 20)), hospital);
            plan = new ClaimPlan { Patient = baby, Hospital = hospital, Day = date, Diagnosis = dx, CareType = CareType.Inpatient, Kind = SlotKind.Fresh };
        }
        else
        {
            var patient = PickPatient(date, rng);
            plan = new ClaimPlan { Patient = patient, Hospital = PickHospital(patient, rng), Day = date, Kind = SlotKind.Fresh };
        }
        BaseVisit(plan, rng, date);
    }

    /// <summary>A fresh visit or a return visit: maybe fraudulent, then possibly the start of a later visit.</summary>
    private void BaseVisit(ClaimPlan plan, Rng rng, DateOnly date)
    {
        // The record's shape comes first, from the slot's own stream: fraud is then chosen among patterns whose trace
        // the record can carry, and legitimate and fraudulent claims are equally sparse.
        plan.Record ??= DrawRecord(plan.Hospital);
        _fraud.Rng = new Rng(SeedMix.Derive(_options.Seed, SeedStream.Fraud, _slot));
        var decision = _planner.Decide(plan, _fraud);
        if (decision?.Primary is CloningPattern cloning)
        {
            if (TryClone(cloning, decision, plan, date)) return;
            // No recent claim to copy (the start of the period): the slot keeps its fraud with a single-claim pattern.
            decision = new FraudDecision { Primary = _overcharging, Strength = decision.Strength };
        }
        if (decision is not null) _planner.Prepare(decision, plan, _fraud);

        var draft = _builder.Build(plan, rng);
        Add(draft);

        if (decision is not null)
        {
            switch (decision.Primary)
            {
                case FollowUpPattern followUp:
                    var admission = followUp.FollowUpAdmission(draft, _fraud);
                    // Today's schedule is already taken: a same-day follow-up (after a one-day stay) moves to tomorrow.
                    if (StayCalendar.JakartaDate(admission) <= date) admission = ClaimBuilder.At(date.AddDays(1), rng.Between(7 * 60, 11 * 60));
                    if (StayCalendar.JakartaDate(admission) <= _options.PeriodEnd && !draft.Patient.HasPendingVisit)
                    {
                        var next = followUp.FollowUpPlan(draft, admission, _fraud);
                        Schedule(new ScheduledVisit { Patient = draft.Patient, AdmissionAt = admission, Kind = SlotKind.FraudFollowUp, Plan = next, Pattern = followUp });
                        _planner.Promise();
                    }
                    else Fallback(draft);
                    break;
                case RepeatBillingPattern repeat:
                    if (_emitted + _day.Count < _options.Claims)
                    {
                        _fraud.Strength = decision.Strength;
                        var copy = repeat.Copy(draft, _fraud);
                        _planner.Promise();
                        Add(copy);
                    }
                    else Fallback(draft);
                    break;
                default:
                    _planner.Apply(decision, draft, _fraud);
                    break;
            }
        }
        ScheduleContinuation(draft, rng);
    }

    /// <summary>The labelled second stay of an unbundled episode or a fake readmission.</summary>
    private void FollowUpVisit(ScheduledVisit visit, Rng rng)
    {
        visit.Plan.Record ??= DrawRecord(visit.Plan.Hospital);
        var draft = _builder.Build(visit.Plan, rng);
        draft.Label(visit.Pattern!.Name);
        Add(draft);
    }

    /// <summary>When a two-claim pattern cannot complete (period or budget end), the claim carries a single-claim pattern instead.</summary>
    private void Fallback(ClaimDraft draft)
    {
        _fraud.Strength = FraudPlanner.DrawStrength(_fraud.Rng);
        _overcharging.Apply(draft, _fraud);
    }

    /// <summary>Copies a recent legitimate claim of this slot's hospital for this slot's patient (a hospital clones its own claims).</summary>
    private bool TryClone(CloningPattern cloning, FraudDecision decision, ClaimPlan plan, DateOnly date)
    {
        if (_recentCount == 0 || plan.Patient.BusyUntil > ClaimBuilder.At(date, 0)) return false;
        var rng = _fraud.Rng;
        int age = ClaimBuilder.AgeOn(plan.Patient, date);
        int start = rng.Next(_recentCount);
        for (int i = 0; i < _recentCount; i++)
        {
            var template = _recent[(start + i) % _recentCount];
            if (template.Hospital != plan.Hospital || template.IsFraud || template.Patient == plan.Patient) continue;
            // A copy is only a visible clone when the copied content is specific enough to fingerprint.
            if (!CloningPattern.IsDistinctive(template)) continue;
            if (template.Diagnosis.IsNeonatal || !template.Diagnosis.Allows(plan.Patient.Sex, age)) continue;
            _fraud.Strength = decision.Strength;
            Add(cloning.Clone(template, plan.Patient, date, plan.Record ?? ClaimRecord.Complete, _fraud));
            return true;
        }
        return false;
    }

    private void Schedule(ScheduledVisit visit)
    {
        visit.Patient.HasPendingVisit = true;
        _schedule.Enqueue(visit, (visit.AdmissionAt.UtcTicks, _scheduleOrder++));
    }

    private void Add(ClaimDraft draft)
    {
        draft.Sequence = _day.Count;
        _day.Add(draft);
        if (draft.DischargeAt > draft.Patient.BusyUntil) draft.Patient.BusyUntil = draft.DischargeAt;
    }

    private Rng SlotRng() => new(SeedMix.Derive(_options.Seed, SeedStream.Claims, _slot++));

    /// <summary>The current slot's record shape (which optional parts its extract carries), from a stream of its own.</summary>
    private ClaimRecord DrawRecord(Hospital hospital) =>
        ClaimRecord.Draw(hospital.Records, new Rng(SeedMix.Derive(_options.Seed, SeedStream.ClaimRecords, _slot)));

    /// <summary>A pool member not in hospital and without a visit already planned; the pool fills lazily in a fixed order.</summary>
    private Patient PickPatient(DateOnly date, Rng rng)
    {
        var dayStart = ClaimBuilder.At(date, 0);
        Patient? candidate = null;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            long index = (long)(rng.NextDouble() * _pool.Length);
            candidate = _pool[index] ??= _patientGenerator.Create(index);
            if (!candidate.HasPendingVisit && candidate.BusyUntil < dayStart) return candidate;
        }
        return candidate!;
    }

    /// <summary>Most visits are at the patient's home hospital, the rest at another hospital of the province.</summary>
    private Hospital PickHospital(Patient patient, Rng rng)
    {
        if (rng.Chance(0.85)) return patient.Home;
        var (list, weights) = _byProvince[patient.Home.ProvinceCode];
        return list[DoctorGenerator.Pick(weights, rng)];
    }

    private LabeledClaim Finalise(ClaimDraft draft)
    {
        long sequence = ++_emitted;
        var local = draft.AdmissionAt.ToOffset(Jakarta);
        string claimId = string.Create(CultureInfo.InvariantCulture, $"CLM-{local.Year:D4}{local.Month:D2}-{sequence:D8}");
        string sep = draft.SepSource?.SepNumber ?? _sep.Issue(draft.Hospital, draft.SepIssuedAt);
        draft.SepNumber = sep;
        var claim = draft.ToClaim(claimId, sep);
        var label = draft.IsFraud ? new ClaimLabel(true, draft.Patterns.ToArray()) : ClaimLabel.Legitimate;
        _planner.Count(draft);
        _recent[(int)((sequence - 1) % RecentCapacity)] = draft;
        if (_recentCount < RecentCapacity) _recentCount++;
        return new LabeledClaim(claim, label);
    }
}
