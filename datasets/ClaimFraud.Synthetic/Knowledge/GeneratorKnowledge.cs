using System.Runtime.CompilerServices;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Synthetic.Knowledge;

/// <summary>A known-inappropriate item resolved to concrete things a claim can carry.</summary>
internal sealed record ProcedureMisuse(DiagnosisModel Diagnosis, string[] Codes, string[] ExemptPrefixes, bool IsUpcodingSign);

internal sealed record DrugMisuse(DiagnosisModel Diagnosis, DrugEntry[] Drugs, string[] ExemptPrefixes);

internal sealed record VitaminMisuse(DiagnosisModel Diagnosis, VitaminEntry[] Vitamins, string[] ExemptPrefixes);

/// <summary>
/// The reference catalogs reshaped for generation: arrays, precomputed tariffs and weight tables, so the
/// per-claim loop does no lookups by string and no LINQ. Built once per <see cref="ReferenceCatalog"/>.
/// </summary>
internal sealed class GeneratorKnowledge
{
    private static readonly ConditionalWeakTable<ReferenceCatalog, GeneratorKnowledge> Cache = new();

    public const int MaxAge = 100;

    public required ReferenceCatalog Catalog { get; init; }
    public required DiagnosisModel[] Diagnoses { get; init; }
    public required DiagnosisModel[] Neonatal { get; init; }
    /// <summary>Cumulative diagnosis weights per [sex][age 0–100] over <see cref="Diagnoses"/> (neonatal ones excluded).</summary>
    public required double[][][] CumulativeWeights { get; init; }
    /// <summary>As <see cref="CumulativeWeights"/>, over the diagnoses that can be treated as inpatients only.</summary>
    public required double[][][] CumulativeInpatientWeights { get; init; }
    public required AreaModel Areas { get; init; }
    public required Hospital[] Hospitals { get; init; }
    public required Dictionary<string, int> TariffRegions { get; init; }
    public required ProcedureMisuse[] ProcedureMisuses { get; init; }
    public required DrugMisuse[] DrugMisuses { get; init; }
    public required VitaminMisuse[] VitaminMisuses { get; init; }
    /// <summary>Non-major procedures some diagnosis calls for and that are not general: the pool unnecessary procedures are drawn from.</summary>
    public required string[] RoutineProcedures { get; init; }
    /// <summary>Procedures done for any diagnosis (general_procedures.csv).</summary>
    public required GeneralProcedure[] GeneralProcedures { get; init; }
    /// <summary>Codes of <see cref="GeneralProcedures"/>, for "is this general" checks.</summary>
    public required HashSet<string> GeneralCodes { get; init; }
    /// <summary>Diagnostic imaging (ICD-9-CM 87–88) some diagnosis calls for, not general: a legitimate extra work-up.</summary>
    public required string[] ImagingProcedures { get; init; }
    /// <summary>Every (diagnosis, drug) row: a drug off the claim's own list is drawn from here, dosed as its own row says.</summary>
    public required DiagnosisDrug[] AllDrugRows { get; init; }
    /// <summary>(name, form) of the drugs the catalog marks expensive.</summary>
    public required HashSet<(string Name, string Form)> ExpensiveDrugs { get; init; }
    /// <summary>Vitamin rows at ordinary doses: supportive supplements a diagnosis does not list.</summary>
    public required DiagnosisVitamin[] SupportiveVitaminRows { get; init; }
    public required VitaminEntry[] HighDoseVitamins { get; init; }
    public required LabTestEntry[] LabTests { get; init; }
    public required HashSet<string> MajorProcedures { get; init; }

    public static GeneratorKnowledge For(ReferenceCatalog catalog) => Cache.GetValue(catalog, Build);

    public DiagnosisModel? Find(string icd10)
    {
        foreach (var d in Diagnoses) if (d.Icd10 == icd10) return d;
        foreach (var d in Neonatal) if (d.Icd10 == icd10) return d;
        return null;
    }

    private static GeneratorKnowledge Build(ReferenceCatalog catalog)
    {
        var clinical = catalog.Clinical;
        var icd9 = catalog.Icd9Cm;
        var cbg = catalog.InaCbg;

        var models = new List<DiagnosisModel>();
        foreach (var p in clinical.Diagnoses)
        {
            var tariffs = new long[4][];
            bool complete = true;
            for (int sev = 0; sev <= 3; sev++)
            {
                string code = sev == 0 ? p.InaCbgOutpatient : p.InaCbgInpatientCode(sev);
                tariffs[sev] = new long[60];
                for (int hc = 0; hc < 4; hc++)
                    for (int region = 1; region <= 5; region++)
                        for (int care = 1; care <= 3; care++)
                        {
                            long? t = cbg.Tariff(code, (HospitalClass)hc, region, care);
                            if (t is null) complete = false;
                            else tariffs[sev][DiagnosisModel.Cell((HospitalClass)hc, region, care)] = t.Value;
                        }
            }
            if (!complete || p.CommonCodes.Count == 0) continue;

            bool Usable(DiagnosisProcedure dp) => IsClaimableProcedure(icd9, dp.Icd9Cm);
            models.Add(new DiagnosisModel
            {
                Index = models.Count,
                Profile = p,
                Codes = [.. p.CommonCodes],
                InpatientProcedures = p.Procedures.Where(x => x.Setting != CareSetting.Outpatient && Usable(x)).ToArray(),
                OutpatientProcedures = p.Procedures.Where(x => x.Setting != CareSetting.Inpatient && Usable(x)).ToArray(),
                InpatientDrugs = p.Drugs.Where(x => x.Setting != CareSetting.Outpatient).ToArray(),
                OutpatientDrugs = p.Drugs.Where(x => x.Setting != CareSetting.Inpatient).ToArray(),
                InpatientVitamins = p.Vitamins.Where(x => x.Setting != CareSetting.Outpatient).ToArray(),
                OutpatientVitamins = p.Vitamins.Where(x => x.Setting != CareSetting.Inpatient).ToArray(),
                Labs = [.. p.Labs],
                InpatientCbg = ["", p.InaCbgInpatientCode(1), p.InaCbgInpatientCode(2), p.InaCbgInpatientCode(3)],
                OutpatientCbg = p.InaCbgOutpatient,
                Tariffs = tariffs,
                Chronic = ClinicalTables.Chronic.GetValueOrDefault(p.Icd10),
                ExpectedProcedures = p.Procedures.Select(x => x.Icd9Cm).ToHashSet(StringComparer.Ordinal),
            });
        }
        var byCode = models.ToDictionary(m => m.Icd10, StringComparer.Ordinal);
        foreach (var m in models)
        {
            if (ClinicalTables.Comorbidities.TryGetValue(m.Icd10, out var codes))
                m.Comorbidities = codes.Where(byCode.ContainsKey).Select(c => byCode[c]).ToArray();
        }
        var regular = models.Where(m => !m.IsNeonatal).ToArray();
        var neonatal = models.Where(m => m.IsNeonatal).ToArray();

        var cumulative = WeightTables(regular, inpatientOnly: false);
        var cumulativeInpatient = WeightTables(regular, inpatientOnly: true);

        var pairs = clinical.InappropriatePairs;
        var procedureMisuses = new List<ProcedureMisuse>();
        var drugMisuses = new List<DrugMisuse>();
        var vitaminMisuses = new List<VitaminMisuse>();
        foreach (var pair in pairs)
        {
            // Pairs name a category ("J00") or a dotted code; the generator plants them on diagnoses it models.
            string category = pair.Icd10Prefix.Length >= 3 ? pair.Icd10Prefix[..3] : pair.Icd10Prefix;
            if (!byCode.TryGetValue(category, out var dx)) continue;
            string[] exempt = [.. pair.ExemptIfDiagnosis];
            switch (pair.Kind)
            {
                case ItemKind.Procedure:
                    var codes = icd9.Under(pair.Item).Where(e => IsClaimableProcedure(icd9, e.Code)).Select(e => e.Code).ToArray();
                    if (codes.Length > 0)
                        procedureMisuses.Add(new ProcedureMisuse(dx, codes, exempt, pair.Rule == "MEDICAL_UPCODING_SUSPICION"));
                    break;
                case ItemKind.Drug:
                    var drugs = clinical.Drugs.Where(d => d.Name == pair.Item && (pair.Detail is null || d.Form == pair.Detail)).ToArray();
                    if (drugs.Length > 0) drugMisuses.Add(new DrugMisuse(dx, drugs, exempt));
                    break;
                case ItemKind.Vitamin:
                    var vitamins = clinical.Vitamins.Where(v => v.Name == pair.Item && (pair.Detail is null || v.Dose == pair.Detail)).ToArray();
                    if (vitamins.Length > 0) vitaminMisuses.Add(new VitaminMisuse(dx, vitamins, exempt));
                    break;
            }
        }

        var general = GeneralProcedureTable.Load(catalog.Directory, code => IsClaimableProcedure(icd9, code));
        var generalCodes = general.Select(g => g.Icd9Cm).ToHashSet(StringComparer.Ordinal);
        var routine = models.SelectMany(m => m.Profile.Procedures).Where(p => !p.IsMajor && IsClaimableProcedure(icd9, p.Icd9Cm) && !generalCodes.Contains(p.Icd9Cm))
            .Select(p => p.Icd9Cm).Distinct().Order(StringComparer.Ordinal).ToArray();
        var imaging = routine.Where(c => c.StartsWith("87.", StringComparison.Ordinal) || c.StartsWith("88.", StringComparison.Ordinal)).ToArray();
        var major = models.SelectMany(m => m.Profile.Procedures).Where(p => p.IsMajor).Select(p => p.Icd9Cm).ToHashSet(StringComparer.Ordinal);

        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in catalog.TariffRegions.All) regions[r.ProvinceCode] = r.Region;
        var areas = AreaModel.Build(catalog);
        var hospitals = catalog.Hospitals.All
            .Where(h => h.Type == "RSU" && h.TariffClass is not null && regions.ContainsKey(h.ProvinceCode) && areas.ByProvince.ContainsKey(h.ProvinceCode))
            .ToArray();

        return new GeneratorKnowledge
        {
            Catalog = catalog,
            Diagnoses = regular,
            Neonatal = neonatal,
            CumulativeWeights = cumulative,
            CumulativeInpatientWeights = cumulativeInpatient,
            Areas = areas,
            Hospitals = hospitals,
            TariffRegions = regions,
            ProcedureMisuses = [.. procedureMisuses],
            DrugMisuses = [.. drugMisuses],
            VitaminMisuses = [.. vitaminMisuses],
            RoutineProcedures = routine,
            GeneralProcedures = general,
            GeneralCodes = generalCodes,
            ImagingProcedures = imaging,
            AllDrugRows = [.. models.SelectMany(m => m.Profile.Drugs)],
            ExpensiveDrugs = clinical.Drugs.Where(d => d.IsExpensive).Select(d => (d.Name, d.Form)).ToHashSet(),
            SupportiveVitaminRows = [.. models.SelectMany(m => m.Profile.Vitamins).Where(v => !v.Vitamin.IsHighDose)],
            HighDoseVitamins = clinical.Vitamins.Where(v => v.IsHighDose).ToArray(),
            LabTests = [.. clinical.LabTests],
            MajorProcedures = major,
        };
    }

    private static double[][][] WeightTables(DiagnosisModel[] diagnoses, bool inpatientOnly)
    {
        var tables = new double[2][][];
        for (int s = 0; s < 2; s++)
        {
            tables[s] = new double[MaxAge + 1][];
            for (int age = 0; age <= MaxAge; age++)
            {
                var c = new double[diagnoses.Length];
                double sum = 0;
                for (int i = 0; i < diagnoses.Length; i++)
                {
                    var m = diagnoses[i];
                    if (m.Allows((Sex)s, age) && (!inpatientOnly || m.CanBeInpatient)) sum += m.Profile.FrequencyWeight * AgeAffinity(m, age);
                    c[i] = sum;
                }
                tables[s][age] = c;
            }
        }
        return tables;
    }

    /// <summary>Codes a classic INA-CBG claim can carry: valid (not a header), not an iDRG IM extension, in the contract's shape.</summary>
    private static bool IsClaimableProcedure(Icd9CmCatalog icd9, string code) =>
        icd9.Find(code) is { IsValid: true, IsIndonesianModification: false } && Icd9CmShape.IsWellFormed(code);

    /// <summary>Chronic, age-related diseases become more common with age above their minimum; others are flat.</summary>
    private static double AgeAffinity(DiagnosisModel m, int age)
    {
        if (m.Profile.AgeMin < 18 || (m.Profile.Chapter is not ("IX" or "IV") && m.Profile.AgeMin < 30)) return 1.0;
        double ramp = (age - m.Profile.AgeMin + 5) / 30.0;
        return Math.Clamp(ramp, 0.15, 1.6);
    }
}
