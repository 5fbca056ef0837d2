using System.Collections.Frozen;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Domain.Reference;

/// <summary>
/// An INA-CBG group at one severity. CodeSource says how sure the code/description is ("observed",
/// "domain_md", "public_examples", "assumed"); TariffBasis how its tariffs were made ("anchor_observed",
/// "anchor_contract", "approximation"). See datasets/reference/README.md.
/// </summary>
public sealed record InaCbgGroup(string Code, string BaseCode, char Cmg, int CaseType, string Group, int SeverityLevel,
    CareSetting CareType, string Description, int LosTypical, string CodeSource, string TariffBasis, string? Notes)
{
    public bool IsInpatient => SeverityLevel > 0;
}

/// <summary>INA-CBG groups and their (approximate) tariffs by hospital class A–D × tariff region 1–5 × care class 1–3.</summary>
public sealed class InaCbgCatalog
{
    private const int Cells = 4 * 5 * 3;
    private readonly FrozenDictionary<string, InaCbgGroup> _groups;
    private readonly FrozenDictionary<string, InaCbgGroup[]> _byBase;
    private readonly FrozenDictionary<string, long[]> _tariffs;

    private InaCbgCatalog(List<InaCbgGroup> groups, Dictionary<string, long[]> tariffs)
    {
        Groups = groups;
        _groups = groups.ToFrozenDictionary(g => g.Code, StringComparer.Ordinal);
        _byBase = groups.GroupBy(g => g.BaseCode).ToFrozenDictionary(g => g.Key, g => g.OrderBy(x => x.SeverityLevel).ToArray(), StringComparer.Ordinal);
        _tariffs = tariffs.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<InaCbgGroup> Groups { get; }

    /// <summary>A group by full code ("K-4-17-I", any case), or null.</summary>
    public InaCbgGroup? FindGroup(string? code)
    {
        if (code is null) return null;
        if (_groups.TryGetValue(code, out var group)) return group;
        return InaCbgCode.TryParse(code, out var parsed) ? _groups.GetValueOrDefault(parsed.ToString()) : null;
    }

    /// <summary>The severities of a base group ("K-4-17" → I, II, III), lowest first; empty when unknown.</summary>
    public IReadOnlyList<InaCbgGroup> SeveritiesOf(string? baseCode) =>
        baseCode is not null && _byBase.TryGetValue(baseCode.Trim().ToUpperInvariant(), out var list) ? list : [];

    /// <summary>
    /// The tariff (whole rupiah) of a group for a hospital class ('A'–'D'), tariff region (1–5) and care class (1–3);
    /// null when any of them is unknown. Outpatient groups (severity 0) have one tariff whatever the care class.
    /// </summary>
    public long? Tariff(string? cbgCode, char hospitalClass, int region, int careClass)
    {
        if (cbgCode is null) return null;
        // Canonical codes (the common case) skip parsing.
        if (!_tariffs.TryGetValue(cbgCode, out var cells)
            && !(InaCbgCode.TryParse(cbgCode, out var parsed) && _tariffs.TryGetValue(parsed.ToString(), out cells)))
            return null;
        int index = CellIndex(char.ToUpperInvariant(hospitalClass), region, careClass);
        return index < 0 ? null : cells[index];
    }

    public long? Tariff(string? cbgCode, HospitalClass hospitalClass, int region, int careClass) =>
        Tariff(cbgCode, hospitalClass.ToContract()[0], region, careClass);

    public bool TryGetTariff(string? cbgCode, char hospitalClass, int region, int careClass, out long tariff)
    {
        long? value = Tariff(cbgCode, hospitalClass, region, careClass);
        tariff = value ?? 0;
        return value is not null;
    }

    private static int CellIndex(char hospitalClass, int region, int careClass)
    {
        int h = hospitalClass - 'A';
        if (h is < 0 or > 3 || region is < 1 or > 5 || careClass is < 1 or > 3) return -1;
        return (h * 5 + (region - 1)) * 3 + (careClass - 1);
    }

    internal static InaCbgCatalog Load(string directory)
    {
        var groupTable = CsvTable.Read(Path.Combine(directory, ReferenceFiles.InaCbgGroups), "code", "base_code", "cmg", "case_type",
            "group", "severity", "care_type", "description", "los_typical", "code_source", "tariff_basis", "notes");
        var groups = new List<InaCbgGroup>(groupTable.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in groupTable.Rows)
        {
            string code = row.Text("code");
            if (!InaCbgCode.TryParse(code, out var parsed) || parsed.ToString() != code) throw row.Error("code", $"'{code}' is not an INA-CBG code like K-4-17-I");
            if (!seen.Add(code)) throw row.Error("code", $"{code} is listed twice");
            if (row.Text("base_code") != parsed.BaseCode) throw row.Error("base_code", $"does not match {code}");
            if (row.Text("cmg") != parsed.Cmg.ToString()) throw row.Error("cmg", $"does not match {code}");
            if (row.Int("case_type") != parsed.CaseType) throw row.Error("case_type", $"does not match {code}");
            if (row.Text("group") != parsed.Group) throw row.Error("group", $"does not match {code}");
            if (row.Text("severity") != parsed.Severity) throw row.Error("severity", $"does not match {code}");
            var care = row.Choice("care_type", CareTypes);
            if ((care == CareSetting.Inpatient) != parsed.IsInpatient) throw row.Error("care_type", $"does not match the severity of {code}");
            groups.Add(new InaCbgGroup(code, parsed.BaseCode, parsed.Cmg, parsed.CaseType, parsed.Group, parsed.SeverityLevel, care,
                row.Text("description"), row.Int("los_typical", 1), row.Text("code_source"), row.Text("tariff_basis"), row.Optional("notes")));
        }

        string tariffPath = Path.Combine(directory, ReferenceFiles.InaCbgTariffs);
        var tariffTable = CsvTable.Read(tariffPath, "code", "hospital_class", "tariff_region", "care_class", "tariff");
        var tariffs = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var row in tariffTable.Rows)
        {
            string code = row.Text("code");
            if (!seen.Contains(code)) throw row.Error("code", $"{code} is not in {ReferenceFiles.InaCbgGroups}");
            string hospitalClass = row.Text("hospital_class");
            int index = hospitalClass.Length == 1 ? CellIndex(hospitalClass[0], row.Int("tariff_region"), row.Int("care_class")) : -1;
            if (index < 0) throw row.Error("hospital_class", "expected hospital class A-D, region 1-5 and care class 1-3");
            if (!tariffs.TryGetValue(code, out var cells)) tariffs[code] = cells = new long[Cells];
            if (cells[index] != 0) throw row.Error("code", $"a second tariff for {code} in this cell");
            cells[index] = row.Long("tariff", 1);
        }
        foreach (var group in groups)
        {
            if (!tariffs.TryGetValue(group.Code, out var cells) || Array.IndexOf(cells, 0L) >= 0)
                throw new CsvFormatException(tariffPath, tariffTable.Count + 1, 0, null,
                    $"{group.Code} does not have a tariff for every hospital class, region and care class ({Cells} cells)");
        }
        return new InaCbgCatalog(groups, tariffs);
    }

    private static readonly Dictionary<string, CareSetting> CareTypes = new(StringComparer.Ordinal)
    {
        ["inpatient"] = CareSetting.Inpatient,
        ["outpatient"] = CareSetting.Outpatient,
    };
}
