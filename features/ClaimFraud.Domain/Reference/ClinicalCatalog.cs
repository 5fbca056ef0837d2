using System.Collections.Frozen;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Domain.Reference;

/// <summary>
/// The clinical knowledge base: diagnosis profiles with their expected procedures, drugs, vitamins and labs;
/// the drug, vitamin and lab catalogs; known-inappropriate pairs. Names are matched after
/// <see cref="MedicalCodes.NormalizeName"/> and through each entry's aliases ("ORS" → Oralit).
/// </summary>
public sealed class ClinicalCatalog
{
    private readonly FrozenDictionary<string, DiagnosisProfile> _diagnoses;
    private readonly FrozenDictionary<string, string> _drugNames;      // normalized name or alias → normalized canonical name
    private readonly FrozenDictionary<string, DrugEntry[]> _drugForms; // normalized canonical name → forms, primary first
    private readonly FrozenDictionary<string, string> _vitaminNames;
    private readonly FrozenDictionary<string, VitaminEntry[]> _vitaminDoses;
    private readonly FrozenDictionary<string, LabTestEntry> _labs;     // normalized name or alias → lab
    private readonly FrozenDictionary<string, InappropriatePair[]> _pairsByCategory;

    private ClinicalCatalog(Parts parts)
    {
        Diagnoses = parts.Diagnoses;
        Drugs = parts.Drugs;
        Vitamins = parts.Vitamins;
        LabTests = parts.Labs;
        InappropriatePairs = parts.Pairs;
        _diagnoses = parts.Diagnoses.ToFrozenDictionary(d => d.Icd10, StringComparer.Ordinal);
        _drugNames = parts.DrugNames.ToFrozenDictionary(StringComparer.Ordinal);
        _drugForms = parts.Drugs.GroupBy(d => MedicalCodes.NormalizeName(d.Name)).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _vitaminNames = parts.VitaminNames.ToFrozenDictionary(StringComparer.Ordinal);
        _vitaminDoses = parts.Vitamins.GroupBy(v => MedicalCodes.NormalizeName(v.Name)).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _labs = parts.LabNames.ToFrozenDictionary(StringComparer.Ordinal);
        _pairsByCategory = parts.Pairs.GroupBy(p => p.Icd10Prefix[..3]).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<DiagnosisProfile> Diagnoses { get; }
    public IReadOnlyList<DrugEntry> Drugs { get; }
    public IReadOnlyList<VitaminEntry> Vitamins { get; }
    public IReadOnlyList<LabTestEntry> LabTests { get; }
    public IReadOnlyList<InappropriatePair> InappropriatePairs { get; }

    /// <summary>The profile of a diagnosis's category ("A09.0", "A090" or "A09" → A09), or null.</summary>
    public DiagnosisProfile? FindDiagnosis(string? icd10)
    {
        if (icd10 is null) return null;
        if (_diagnoses.TryGetValue(icd10, out var profile)) return profile;
        return MedicalCodes.Icd10Category(icd10) is { } category ? _diagnoses.GetValueOrDefault(category) : null;
    }

    /// <summary>The catalog name for a drug name or alias ("ORS" → "Oralit"), or null when unknown.</summary>
    public string? CanonicalDrugName(string? name) =>
        _drugNames.TryGetValue(MedicalCodes.NormalizeName(name), out var key) ? _drugForms[key][0].Name : null;

    /// <summary>All forms of a drug, the usual one first; empty when unknown.</summary>
    public IReadOnlyList<DrugEntry> FindDrugForms(string? name) =>
        _drugNames.TryGetValue(MedicalCodes.NormalizeName(name), out var key) ? _drugForms[key] : [];

    /// <summary>A drug in the given form ("injeksi" and "injection" both work), or its usual form when <paramref name="form"/> is null; null when unknown.</summary>
    public DrugEntry? FindDrug(string? name, string? form = null)
    {
        var forms = FindDrugForms(name);
        if (forms.Count == 0) return null;
        if (string.IsNullOrWhiteSpace(form)) return forms[0];
        string wanted = MedicalCodes.NormalizeForm(form);
        foreach (var d in forms)
        {
            if (MedicalCodes.NormalizeForm(d.Form) == wanted) return d;
        }
        return null;
    }

    /// <summary>The catalog name for a vitamin name or alias ("Asam folat" → "Folic acid"), or null.</summary>
    public string? CanonicalVitaminName(string? name) =>
        _vitaminNames.TryGetValue(MedicalCodes.NormalizeName(name), out var key) ? _vitaminDoses[key][0].Name : null;

    /// <summary>All doses of a vitamin, lowest first as listed; empty when unknown.</summary>
    public IReadOnlyList<VitaminEntry> FindVitaminDoses(string? name) =>
        _vitaminNames.TryGetValue(MedicalCodes.NormalizeName(name), out var key) ? _vitaminDoses[key] : [];

    /// <summary>A vitamin at the given dose ("1000 mg", "1.000mg"), or its first listed dose when <paramref name="dose"/> is null; null when unknown.</summary>
    public VitaminEntry? FindVitamin(string? name, string? dose = null)
    {
        var doses = FindVitaminDoses(name);
        if (doses.Count == 0) return null;
        if (string.IsNullOrWhiteSpace(dose)) return doses[0];
        string wanted = MedicalCodes.NormalizeDose(dose);
        foreach (var v in doses)
        {
            if (MedicalCodes.NormalizeDose(v.Dose) == wanted) return v;
        }
        return null;
    }

    /// <summary>A lab test by name or alias ("DL" → Darah lengkap), or null.</summary>
    public LabTestEntry? FindLabTest(string? name) => _labs.GetValueOrDefault(MedicalCodes.NormalizeName(name));

    /// <summary>Whether the procedure (exact code, any form) is among the diagnosis's expected procedures.</summary>
    public bool IsExpectedProcedure(string? icd10, string? icd9cm) =>
        FindDiagnosis(icd10) is { } dx && MedicalCodes.NormalizeIcd9Cm(icd9cm) is { } code
        && dx.Procedures.Any(p => p.Icd9Cm == code);

    /// <summary>Whether the drug (any form, name or alias) is among the diagnosis's expected drugs.</summary>
    public bool IsExpectedDrug(string? icd10, string? drugName) =>
        FindDiagnosis(icd10) is { } dx && CanonicalDrugName(drugName) is { } name
        && dx.Drugs.Any(d => d.Drug.Name == name);

    /// <summary>Whether the vitamin (any dose, name or alias) is among the diagnosis's expected vitamins.</summary>
    public bool IsExpectedVitamin(string? icd10, string? vitaminName) =>
        FindDiagnosis(icd10) is { } dx && CanonicalVitaminName(vitaminName) is { } name
        && dx.Vitamins.Any(v => v.Vitamin.Name == name);

    /// <summary>Whether the lab test (name or alias) is among the diagnosis's expected labs.</summary>
    public bool IsExpectedLab(string? icd10, string? labName) =>
        FindDiagnosis(icd10) is { } dx && FindLabTest(labName) is { } lab && dx.Labs.Any(l => l.Lab == lab);

    /// <summary>Every pair whose diagnosis prefix covers this diagnosis; empty when none or the code is not ICD-10.</summary>
    public IReadOnlyList<InappropriatePair> PairsFor(string? icd10)
    {
        if (MedicalCodes.NormalizeIcd10(icd10) is not { } code || !_pairsByCategory.TryGetValue(code[..3], out var pairs)) return [];
        return Array.FindAll(pairs, p => code.StartsWith(p.Icd10Prefix, StringComparison.Ordinal));
    }

    /// <summary>Pairs flagging this procedure for this diagnosis (exemptions not applied: see <see cref="InappropriatePair.IsExemptedBy"/>).</summary>
    public IReadOnlyList<InappropriatePair> FindInappropriateProcedure(string? icd10, string? icd9cm)
    {
        if (MedicalCodes.NormalizeIcd9Cm(icd9cm) is not { } code) return [];
        return PairsFor(icd10).Where(p => p.Kind == ItemKind.Procedure && Icd9CmPrefix.Matches(p.Item, code)).ToList();
    }

    /// <summary>
    /// Pairs flagging this drug for this diagnosis. A pair that names a form matches only that form; when the
    /// claim gives no form, such a pair does not match (it cannot be told apart).
    /// </summary>
    public IReadOnlyList<InappropriatePair> FindInappropriateDrug(string? icd10, string? drugName, string? form = null)
    {
        if (CanonicalDrugName(drugName) is not { } name) return [];
        string? wantedForm = string.IsNullOrWhiteSpace(form) ? null : MedicalCodes.NormalizeForm(form);
        return PairsFor(icd10).Where(p => p.Kind == ItemKind.Drug && p.Item == name
            && (p.Detail is null || (wantedForm is not null && MedicalCodes.NormalizeForm(p.Detail) == wantedForm))).ToList();
    }

    /// <summary>Pairs flagging this vitamin for this diagnosis; a pair naming a dose matches only that dose, as for drug forms.</summary>
    public IReadOnlyList<InappropriatePair> FindInappropriateVitamin(string? icd10, string? vitaminName, string? dose = null)
    {
        if (CanonicalVitaminName(vitaminName) is not { } name) return [];
        string? wantedDose = string.IsNullOrWhiteSpace(dose) ? null : MedicalCodes.NormalizeDose(dose);
        return PairsFor(icd10).Where(p => p.Kind == ItemKind.Vitamin && p.Item == name
            && (p.Detail is null || (wantedDose is not null && MedicalCodes.NormalizeDose(p.Detail) == wantedDose))).ToList();
    }

    internal static ClinicalCatalog Load(string directory) => new(Parts.Load(directory));

    /// <summary>Loading state: each file is read and checked against the ones before it.</summary>
    private sealed class Parts
    {
        public List<DiagnosisProfile> Diagnoses = [];
        public List<DrugEntry> Drugs = [];
        public List<VitaminEntry> Vitamins = [];
        public List<LabTestEntry> Labs = [];
        public List<InappropriatePair> Pairs = [];
        public Dictionary<string, string> DrugNames = new(StringComparer.Ordinal);
        public Dictionary<string, string> VitaminNames = new(StringComparer.Ordinal);
        public Dictionary<string, LabTestEntry> LabNames = new(StringComparer.Ordinal);

        public static Parts Load(string directory)
        {
            var parts = new Parts();
            parts.LoadDrugs(Path.Combine(directory, ReferenceFiles.Drugs));
            parts.LoadVitamins(Path.Combine(directory, ReferenceFiles.Vitamins));
            parts.LoadLabs(Path.Combine(directory, ReferenceFiles.LabTests));
            var profiles = LoadDiagnoses(Path.Combine(directory, ReferenceFiles.Diagnoses));
            var procedures = LoadProcedures(Path.Combine(directory, ReferenceFiles.DiagnosisProcedures), profiles);
            var drugs = parts.LoadDiagnosisDrugs(Path.Combine(directory, ReferenceFiles.DiagnosisDrugs), profiles);
            var vitamins = parts.LoadDiagnosisVitamins(Path.Combine(directory, ReferenceFiles.DiagnosisVitamins), profiles);
            var labs = parts.LoadDiagnosisLabs(Path.Combine(directory, ReferenceFiles.DiagnosisLabs), profiles);
            foreach (var p in profiles)
            {
                parts.Diagnoses.Add(p with
                {
                    Procedures = procedures.GetValueOrDefault(p.Icd10) ?? [],
                    Drugs = drugs.GetValueOrDefault(p.Icd10) ?? [],
                    Vitamins = vitamins.GetValueOrDefault(p.Icd10) ?? [],
                    Labs = labs.GetValueOrDefault(p.Icd10) ?? [],
                });
            }
            parts.LoadPairs(Path.Combine(directory, ReferenceFiles.InappropriatePairs));
            return parts;
        }

        private void LoadDrugs(string path)
        {
            var table = CsvTable.Read(path, "name", "form", "strength", "therapeutic_class", "unit", "price_min", "price_max",
                "max_qty_per_day", "expensive", "restricted", "aliases", "notes");
            var keys = new HashSet<(string, string)>();
            foreach (var row in table.Rows)
            {
                var d = new DrugEntry(row.Text("name"), row.Text("form"), row.Text("strength"), row.Text("therapeutic_class"), row.Text("unit"),
                    row.Long("price_min", 1), row.Long("price_max", 1), row.Double("max_qty_per_day", 0.01), row.Flag("expensive"),
                    row.Flag("restricted"), row.List("aliases"), row.Optional("notes"));
                if (d.UnitPriceMax < d.UnitPriceMin) throw row.Error("price_max", "is below price_min");
                string key = MedicalCodes.NormalizeName(d.Name);
                if (!keys.Add((key, MedicalCodes.NormalizeForm(d.Form)))) throw row.Error("form", $"{d.Name} is listed twice as {d.Form}");
                AddNames(DrugNames, row, key, d.Aliases);
                Drugs.Add(d);
            }
        }

        private void LoadVitamins(string path)
        {
            var table = CsvTable.Read(path, "name", "dose", "form", "unit", "price_min", "price_max", "max_qty_per_day", "high_dose", "aliases", "notes");
            var keys = new HashSet<(string, string)>();
            foreach (var row in table.Rows)
            {
                var v = new VitaminEntry(row.Text("name"), row.Text("dose"), row.Text("form"), row.Text("unit"), row.Long("price_min", 1),
                    row.Long("price_max", 1), row.Double("max_qty_per_day", 0.01), row.Flag("high_dose"), row.List("aliases"), row.Optional("notes"));
                if (v.UnitPriceMax < v.UnitPriceMin) throw row.Error("price_max", "is below price_min");
                string key = MedicalCodes.NormalizeName(v.Name);
                if (!keys.Add((key, MedicalCodes.NormalizeDose(v.Dose)))) throw row.Error("dose", $"{v.Name} is listed twice at {v.Dose}");
                AddNames(VitaminNames, row, key, v.Aliases);
                Vitamins.Add(v);
            }
        }

        private void LoadLabs(string path)
        {
            var table = CsvTable.Read(path, "name", "name_en", "category", "specimen", "price_min", "price_max", "aliases", "notes");
            foreach (var row in table.Rows)
            {
                var lab = new LabTestEntry(row.Text("name"), row.Text("name_en"), row.Text("category"), row.Text("specimen"),
                    row.Long("price_min", 1), row.Long("price_max", 1), row.List("aliases"), row.Optional("notes"));
                if (lab.PriceMax < lab.PriceMin) throw row.Error("price_max", "is below price_min");
                if (Labs.Exists(l => MedicalCodes.NormalizeName(l.Name) == MedicalCodes.NormalizeName(lab.Name)))
                    throw row.Error("name", $"{lab.Name} is listed twice");
                foreach (var (name, column) in lab.Aliases.Select(a => (a, "aliases")).Prepend((lab.Name, "name")))
                {
                    string key = MedicalCodes.NormalizeName(name);
                    if (LabNames.TryGetValue(key, out var other) && other.Name != lab.Name)
                        throw row.Error(column, $"'{name}' already names {other.Name}");
                    LabNames[key] = lab;
                }
                Labs.Add(lab);
            }
        }

        /// <summary>Registers a canonical name and its aliases; an alias may not name two different entries.</summary>
        private static void AddNames(Dictionary<string, string> names, CsvRow row, string key, IReadOnlyList<string> aliases)
        {
            if (names.TryGetValue(key, out var owner) && owner != key) throw row.Error("name", $"'{row.Raw("name")}' is already an alias of another entry");
            names[key] = key;
            foreach (var alias in aliases)
            {
                string a = MedicalCodes.NormalizeName(alias);
                if (names.TryGetValue(a, out var existing) && existing != key) throw row.Error("aliases", $"alias '{alias}' already names another entry");
                names[a] = key;
            }
        }

        private static List<DiagnosisProfile> LoadDiagnoses(string path)
        {
            var table = CsvTable.Read(path, "icd10", "name_id", "name_en", "severity_class", "usual_care_type", "inpatient_share",
                "los_min", "los_typical", "los_max", "sex", "age_min", "age_max", "frequency_weight", "ina_cbg_inpatient",
                "ina_cbg_outpatient", "chapter", "common_codes", "notes");
            var list = new List<DiagnosisProfile>(table.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                string icd10 = row.Text("icd10");
                if (MedicalCodes.Icd10Category(icd10) != icd10) throw row.Error("icd10", $"'{icd10}' is not a 3-character ICD-10 category");
                if (!seen.Add(icd10)) throw row.Error("icd10", $"{icd10} is listed twice");
                var care = row.Choice("usual_care_type", CareSettings);
                double share = row.Double("inpatient_share", 0, 1);
                if (care == CareSetting.Outpatient ? share != 0 : care == CareSetting.Inpatient ? share != 1 : share is <= 0 or >= 1)
                    throw row.Error("inpatient_share", $"{share} does not fit usual_care_type {row.Raw("usual_care_type")}");
                int losMin = row.Int("los_min", 1), losTypical = row.Int("los_typical", 1), losMax = row.Int("los_max", 1);
                if (losMin > losTypical || losTypical > losMax) throw row.Error("los_typical", "expected los_min <= los_typical <= los_max");
                if (care == CareSetting.Outpatient && losMax != 1) throw row.Error("los_max", "an outpatient-only diagnosis has LOS 1");
                int ageMin = row.Int("age_min", 0, 120), ageMax = row.Int("age_max", 0, 120);
                if (ageMin > ageMax) throw row.Error("age_max", "is below age_min");
                string inpatient = row.Text("ina_cbg_inpatient");
                if (!InaCbgCode.TryParse(inpatient + "-I", out _)) throw row.Error("ina_cbg_inpatient", $"'{inpatient}' is not a base INA-CBG group like K-4-17");
                string outpatient = row.Text("ina_cbg_outpatient");
                if (!InaCbgCode.TryParse(outpatient, out var op) || op.IsInpatient) throw row.Error("ina_cbg_outpatient", $"'{outpatient}' is not an outpatient INA-CBG code like Q-5-44-0");
                var common = row.List("common_codes");
                foreach (var c in common)
                {
                    if (MedicalCodes.NormalizeIcd10(c) != c || !c.StartsWith(icd10, StringComparison.Ordinal))
                        throw row.Error("common_codes", $"'{c}' is not a dotted ICD-10 code under {icd10}");
                }
                list.Add(new DiagnosisProfile
                {
                    Icd10 = icd10,
                    NameId = row.Text("name_id"),
                    NameEn = row.Text("name_en"),
                    Severity = row.Choice("severity_class", Severities),
                    UsualCare = care,
                    InpatientShare = share,
                    LosMin = losMin,
                    LosTypical = losTypical,
                    LosMax = losMax,
                    Sex = row.Choice("sex", SexChoices),
                    AgeMin = ageMin,
                    AgeMax = ageMax,
                    FrequencyWeight = row.Double("frequency_weight", 0),
                    InaCbgInpatient = inpatient,
                    InaCbgOutpatient = outpatient,
                    Chapter = row.Text("chapter"),
                    CommonCodes = common,
                    Notes = row.Optional("notes"),
                });
            }
            return list;
        }

        private static Dictionary<string, List<DiagnosisProcedure>> LoadProcedures(string path, List<DiagnosisProfile> profiles)
        {
            var table = CsvTable.Read(path, "icd10", "icd9cm", "probability", "usual_count", "is_major", "setting", "notes");
            var result = new Dictionary<string, List<DiagnosisProcedure>>(StringComparer.Ordinal);
            var seen = new HashSet<(string, string)>();
            foreach (var row in table.Rows)
            {
                string icd10 = Diagnosis(row, profiles);
                string code = row.Text("icd9cm");
                if (MedicalCodes.NormalizeIcd9Cm(code) != code) throw row.Error("icd9cm", $"'{code}' is not a dotted ICD-9-CM code");
                if (!seen.Add((icd10, code))) throw row.Error("icd9cm", $"{icd10} lists {code} twice");
                Add(result, icd10, new DiagnosisProcedure(icd10, code, row.Double("probability", 0, 1), row.Int("usual_count", 1),
                    row.Flag("is_major"), row.Choice("setting", CareSettings), row.Optional("notes")));
            }
            return result;
        }

        private Dictionary<string, List<DiagnosisDrug>> LoadDiagnosisDrugs(string path, List<DiagnosisProfile> profiles)
        {
            var table = CsvTable.Read(path, "icd10", "drug", "form", "probability", "daily_quantity", "days", "setting", "notes");
            var result = new Dictionary<string, List<DiagnosisDrug>>(StringComparer.Ordinal);
            var seen = new HashSet<(string, DrugEntry)>();
            foreach (var row in table.Rows)
            {
                string icd10 = Diagnosis(row, profiles);
                string name = row.Text("drug"), form = row.Text("form");
                var drug = Drugs.FirstOrDefault(d => d.Name == name && d.Form == form)
                    ?? throw row.Error("drug", $"'{name}' ({form}) is not in {ReferenceFiles.Drugs}");
                if (!seen.Add((icd10, drug))) throw row.Error("drug", $"{icd10} lists {name} ({form}) twice");
                var setting = row.Choice("setting", CareSettings);
                int? days = row.OptionalInt("days", 1, 366);
                Add(result, icd10, new DiagnosisDrug(icd10, drug, row.Double("probability", 0, 1), row.Double("daily_quantity", 0.01),
                    days, setting, row.Optional("notes")));
            }
            return result;
        }

        private Dictionary<string, List<DiagnosisVitamin>> LoadDiagnosisVitamins(string path, List<DiagnosisProfile> profiles)
        {
            var table = CsvTable.Read(path, "icd10", "vitamin", "dose", "probability", "daily_quantity", "days", "setting", "notes");
            var result = new Dictionary<string, List<DiagnosisVitamin>>(StringComparer.Ordinal);
            var seen = new HashSet<(string, VitaminEntry)>();
            foreach (var row in table.Rows)
            {
                string icd10 = Diagnosis(row, profiles);
                string name = row.Text("vitamin"), dose = row.Text("dose");
                var vitamin = Vitamins.FirstOrDefault(v => v.Name == name && v.Dose == dose)
                    ?? throw row.Error("vitamin", $"'{name}' ({dose}) is not in {ReferenceFiles.Vitamins}");
                if (!seen.Add((icd10, vitamin))) throw row.Error("vitamin", $"{icd10} lists {name} ({dose}) twice");
                Add(result, icd10, new DiagnosisVitamin(icd10, vitamin, row.Double("probability", 0, 1), row.Double("daily_quantity", 0.01),
                    row.OptionalInt("days", 1, 366), row.Choice("setting", CareSettings), row.Optional("notes")));
            }
            return result;
        }

        private Dictionary<string, List<DiagnosisLab>> LoadDiagnosisLabs(string path, List<DiagnosisProfile> profiles)
        {
            var table = CsvTable.Read(path, "icd10", "lab", "probability");
            var result = new Dictionary<string, List<DiagnosisLab>>(StringComparer.Ordinal);
            var seen = new HashSet<(string, LabTestEntry)>();
            foreach (var row in table.Rows)
            {
                string icd10 = Diagnosis(row, profiles);
                string name = row.Text("lab");
                var lab = Labs.FirstOrDefault(l => l.Name == name) ?? throw row.Error("lab", $"'{name}' is not in {ReferenceFiles.LabTests}");
                if (!seen.Add((icd10, lab))) throw row.Error("lab", $"{icd10} lists {name} twice");
                Add(result, icd10, new DiagnosisLab(icd10, lab, row.Double("probability", 0, 1)));
            }
            return result;
        }

        private void LoadPairs(string path)
        {
            var table = CsvTable.Read(path, "icd10", "kind", "item", "detail", "rule", "exempt_if_dx", "reason_id", "reason_en", "source");
            foreach (var row in table.Rows)
            {
                string prefix = row.Text("icd10");
                if (MedicalCodes.NormalizeIcd10(prefix) != prefix) throw row.Error("icd10", $"'{prefix}' is not a dotted ICD-10 code or category");
                var kind = row.Choice("kind", Kinds);
                string item = row.Text("item");
                string? detail = row.Optional("detail");
                switch (kind)
                {
                    case ItemKind.Procedure:
                        if (MedicalCodes.NormalizeIcd9Cm(item) != item) throw row.Error("item", $"'{item}' is not a dotted ICD-9-CM code or prefix");
                        if (detail is not null) throw row.Error("detail", "a procedure pair has no detail");
                        break;
                    case ItemKind.Drug:
                        var forms = Drugs.Where(d => d.Name == item).ToList();
                        if (forms.Count == 0) throw row.Error("item", $"'{item}' is not a drug name in {ReferenceFiles.Drugs}");
                        if (detail is not null && !forms.Any(d => d.Form == detail)) throw row.Error("detail", $"{item} has no form '{detail}'");
                        break;
                    case ItemKind.Vitamin:
                        var doses = Vitamins.Where(v => v.Name == item).ToList();
                        if (doses.Count == 0) throw row.Error("item", $"'{item}' is not a vitamin name in {ReferenceFiles.Vitamins}");
                        if (detail is not null && !doses.Any(v => v.Dose == detail)) throw row.Error("detail", $"{item} has no dose '{detail}'");
                        break;
                }
                var exempt = row.List("exempt_if_dx");
                foreach (var e in exempt)
                {
                    if (MedicalCodes.NormalizeIcd10(e) != e) throw row.Error("exempt_if_dx", $"'{e}' is not a dotted ICD-10 code or category");
                }
                string rule = row.Text("rule");
                if (!rule.All(c => char.IsAsciiLetterUpper(c) || c == '_')) throw row.Error("rule", $"'{rule}' is not an UPPER_SNAKE_CASE rule code");
                Pairs.Add(new InappropriatePair(prefix, kind, item, detail, rule, exempt, row.Text("reason_id"), row.Text("reason_en"), row.Text("source")));
            }
        }

        private static string Diagnosis(CsvRow row, List<DiagnosisProfile> profiles)
        {
            string icd10 = row.Text("icd10");
            if (!profiles.Exists(p => p.Icd10 == icd10)) throw row.Error("icd10", $"{icd10} is not in {ReferenceFiles.Diagnoses}");
            return icd10;
        }

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(value);
        }
    }

    private static readonly Dictionary<string, CareSetting> CareSettings = new(StringComparer.Ordinal)
    {
        ["outpatient"] = CareSetting.Outpatient,
        ["inpatient"] = CareSetting.Inpatient,
        ["both"] = CareSetting.Both,
    };

    private static readonly Dictionary<string, ClinicalSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["mild"] = ClinicalSeverity.Mild,
        ["moderate"] = ClinicalSeverity.Moderate,
        ["severe"] = ClinicalSeverity.Severe,
    };

    private static readonly Dictionary<string, Sex?> SexChoices = new(StringComparer.Ordinal)
    {
        ["any"] = null,
        ["F"] = Sex.F,
        ["M"] = Sex.M,
    };

    private static readonly Dictionary<string, ItemKind> Kinds = new(StringComparer.Ordinal)
    {
        ["procedure"] = ItemKind.Procedure,
        ["drug"] = ItemKind.Drug,
        ["vitamin"] = ItemKind.Vitamin,
    };
}
