using System.Runtime.CompilerServices;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Knowledge;
using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Schema;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Extraction;

/// <summary>
/// Turns a claim and its point-in-time history into the <see cref="FeatureSchema.Current"/> vector. Unknown codes,
/// hospitals and missing documents give the defined missing values (NaN or a documented neutral value), never an
/// exception. Thread-safe; allocation-free on the hot path once the catalog lookups are warm.
/// </summary>
public sealed partial class ClaimFeatureExtractor
{
    /// <summary>At most this many distinct known diagnoses of one claim take part in appropriateness checks.</summary>
    internal const int MaxKnownDiagnoses = 16;

    private readonly ClinicalIndex _index;

    public ClaimFeatureExtractor(ReferenceCatalog catalog) => _index = ClinicalIndex.For(catalog);

    public FeatureSchema Schema => FeatureSchema.Current;

    internal ClinicalIndex Index => _index;

    /// <summary>Writes the features of <paramref name="claim"/> into <paramref name="destination"/> (at least <see cref="FeatureSchema.Count"/> long).</summary>
    public void Extract(Claim claim, HistorySnapshot history, Span<float> destination)
    {
        var facts = ExtractCore(claim, history, destination);
        destination[(int)F.RuleViolationFlag] = RulePredicates.HasMediumOrAbove(RulePredicates.Fired(claim, history, destination, facts)) ? 1 : 0;
    }

    public float[] Extract(Claim claim, HistorySnapshot history)
    {
        var features = new float[FeatureSchema.Current.Count];
        Extract(claim, history, features);
        return features;
    }

    /// <summary>Every feature except rule_violation_flag (which needs the rules, which need the features); returns the facts the rules use.</summary>
    internal ClaimFacts ExtractCore(Claim claim, HistorySnapshot history, Span<float> f)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(history);
        if (f.Length < FeatureSchema.Current.Count)
            throw new ArgumentException($"The destination holds {f.Length} values; the schema has {FeatureSchema.Current.Count}.", nameof(f));
        f = f[..FeatureSchema.Current.Count];
        f[(int)F.RuleViolationFlag] = 0;

        var facts = new ClaimFacts();
        WriteTariffAndStay(claim, history, f);
        WriteCategoricals(claim, f);
        WriteClinical(claim, f, ref facts);
        WriteTariffLevel(claim, history, f, ref facts);
        WriteDocuments(claim, f);
        WriteIdentity(claim, f);
        WriteHistory(claim, history, f);
        WriteCompleteness(claim, f);
        return facts;
    }

    /// <summary>Internal facts only (for <see cref="RuleEngine.Evaluate"/> given someone else's features).</summary>
    internal ClaimFacts Facts(Claim claim, HistorySnapshot history)
    {
        Span<float> scratch = stackalloc float[FeatureSchema.Current.Count];
        var facts = new ClaimFacts();
        WriteClinical(claim, scratch, ref facts);
        WriteTariffLevel(claim, history, scratch, ref facts);
        return facts;
    }

    /// <summary>
    /// The claimed INA-CBG tariff measured at the hospital's own price level (its earlier claims' tariff over the catalog's),
    /// which cancels whatever table-wide factor separates its tariff table from the catalog's approximations; and, when
    /// it stands clearly above that level, whether it is the tariff of a better care class or a higher severity.
    /// </summary>
    private static void WriteTariffLevel(Claim claim, HistorySnapshot history, Span<float> f, ref ClaimFacts facts)
    {
        double level = history.HospitalCbgTariffClaims90d >= RuleThresholds.TariffLevelMinimumHistory ? history.HospitalCbgTariffLevel90d : double.NaN;
        double relative = facts.CbgTariffVsCatalog / level;
        Set(f, F.CbgTariffVsHospitalLevel, relative);
        facts.HigherLevelStep = 0;
        if (!(relative >= RuleThresholds.HigherLevelMinimumRatio) || facts.ClaimedGroup is not { Severity: >= 1 } group) return;
        int hc = (int)claim.Hospital.Class, region = claim.Hospital.TariffRegion, care = claim.CareClass;
        double own = group.Tariff(hc, region, care);
        if (own <= 0) return;
        double bestGap = Math.Log(1 + RuleThresholds.HigherLevelTolerance);
        for (int severity = group.Severity; severity <= 3; severity++)
        {
            if (group.Severities[severity] is not { } sibling) continue;
            for (int careClass = 1; careClass <= care; careClass++)
            {
                if (severity == group.Severity && careClass == care) continue;
                double step = sibling.Tariff(hc, region, careClass) / own;
                double gap = Math.Abs(Math.Log(relative / step));
                if (!(step > 1) || !(gap < bestGap)) continue;
                bestGap = gap;
                facts.HigherLevelStep = step;
                facts.HigherLevelCareClass = careClass;
                facts.HigherLevelSeverity = severity;
            }
        }
    }

    private static void WriteCompleteness(Claim claim, Span<float> f)
    {
        var sep = claim.Documents?.Sep;
        var resume = claim.Documents?.ResumeMedis;
        bool hasSep = sep is not null && (!string.IsNullOrWhiteSpace(sep.Number) || sep.IssuedAt is not null
            || !string.IsNullOrWhiteSpace(sep.PatientName) || !string.IsNullOrWhiteSpace(sep.BpjsNumber));
        bool hasResume = resume is not null && (!string.IsNullOrWhiteSpace(resume.PatientName) || resume.AdmissionAt is not null || resume.DischargeAt is not null);
        Set(f, F.HasSep, hasSep ? 1 : 0);
        Set(f, F.HasResume, hasResume ? 1 : 0);
        Set(f, F.DrugsItemised, claim.Medications.Count + claim.Vitamins.Count > 0 ? 1 : 0);
        Set(f, F.LabsItemised, claim.LabTests.Count > 0 ? 1 : 0);
    }

    /// <summary>ina_cbg.tariff over the catalog tariff of its code and cell (NaN when unknown), for the history's hospital tariff level.</summary>
    internal double CbgTariffVsCatalog(Claim claim)
    {
        var claimed = _index.Cbg(claim.InaCbg.Code);
        double catalog = claimed?.Tariff((int)claim.Hospital.Class, claim.Hospital.TariffRegion, claim.CareClass) ?? 0;
        return catalog > 0 && claim.InaCbg.Tariff > 0 ? claim.InaCbg.Tariff / catalog : double.NaN;
    }

    private static void WriteTariffAndStay(Claim claim, HistorySnapshot history, Span<float> f)
    {
        int los = claim.LosDays;
        double tariff = claim.HospitalTariff;
        double cbg = claim.InaCbg.Tariff;
        Set(f, F.TariffRatio, cbg > 0 ? tariff / cbg : double.NaN);
        Set(f, F.TariffDiffPercentage, cbg > 0 ? 100 * (tariff - cbg) / cbg : double.NaN);
        Set(f, F.TariffPerDay, tariff / los);
        Set(f, F.LosDays, los);
        Set(f, F.NumProcedures, claim.Procedures.Count);
        Set(f, F.ProcedureIntensity, (double)claim.Procedures.Count / los);
        Set(f, F.ProviderClaimsCount, history.HospitalClaimsCount);
        Set(f, F.ProviderHighCostRate, history.ProviderHighCostRate);
    }

    private static void WriteCategoricals(Claim claim, Span<float> f)
    {
        Set(f, F.HospitalClass, (int)claim.Hospital.Class);
        Set(f, F.CareClass, claim.CareClass);
        Set(f, F.CareType, claim.CareType == CareType.Inpatient ? 1 : 0);
        Span<char> code = stackalloc char[Text.MedicalCode.MaxLength];
        int chapter = Text.MedicalCode.Icd10Chapter(code[..Text.MedicalCode.Compact(claim.PrimaryDiagnosis?.Icd10 ?? "", code)]);
        Set(f, F.Icd10Chapter, chapter == 0 ? double.NaN : chapter);
        Set(f, F.InaCbgSeverity, Text.MedicalCode.InaCbgSeverity(claim.InaCbg.Code));
        Set(f, F.Sex, claim.Patient.Sex == Sex.F ? 1 : 0);
        int age = StayCalendar.AgeOn(claim.Patient.BirthDate, StayCalendar.JakartaDate(claim.AdmissionAt));
        Set(f, F.AgeBand, age switch { < 5 => 0, < 15 => 1, < 45 => 2, < 65 => 3, _ => 4 });
    }

    private static void WriteHistory(Claim claim, HistorySnapshot h, Span<float> f)
    {
        Set(f, F.PatientClaims30d, h.PatientClaims30d);
        Set(f, F.PatientClaims365d, h.PatientClaims365d);
        Set(f, F.DaysSinceLastDischarge, h.DaysSinceLastDischarge);
        Set(f, F.ReadmissionSameDx30d, h.SameDxReadmissionGapDays <= 30 ? 1 : 0);
        Set(f, F.DuplicateClaimCount, h.DuplicateClaimCount);
        Set(f, F.RoomClassAboveUsual,
            claim.CareType != CareType.Inpatient || h.UsualCareClass == 0 ? double.NaN : Math.Max(0, h.UsualCareClass - claim.CareClass));
        Set(f, F.HospitalHighCostRate90d, h.HospitalHighCostRate90d);
        Set(f, F.DoctorHighCostRate90d, h.DoctorHighCostRate90d);
        Set(f, F.HospitalLosVsPeers, h.HospitalLosVsExpected90d - h.AllHospitalsLosVsExpected90d);
        Set(f, F.CloneCount30d, h.CloneCount30d);
        double usualRatio = h.HospitalTariffRatioClaims90d >= RuleThresholds.TariffLevelMinimumHistory ? h.HospitalTariffRatio90d : double.NaN;
        Set(f, F.TariffRatioVsHospital, claim.InaCbg.Tariff > 0 ? (double)claim.HospitalTariff / claim.InaCbg.Tariff / usualRatio : double.NaN);
    }

    /// <summary>Stores a value as float; magnitudes beyond float's range are clamped so that only designed NaNs are non-finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Set(Span<float> f, FeatureId id, double value)
    {
        if (value > float.MaxValue) value = float.MaxValue;
        else if (value < float.MinValue) value = float.MinValue;
        f[(int)id] = (float)value;
    }
}
