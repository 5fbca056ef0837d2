namespace ClaimFraud.Domain.Reference;

public enum VillageType { Kelurahan, Desa, DesaAdat }

/// <summary>Where a village's postal code came from.</summary>
public enum PostalCodeSource
{
    /// <summary>The village's own row in village_postal_codes.csv.</summary>
    Village,
    /// <summary>Filled with the most common postal code of the other villages in its district.</summary>
    District,
    /// <summary>Filled with the most common postal code of its regency (no village in the district had one).</summary>
    Regency,
    /// <summary>No postal code known anywhere in its regency (the 2022 Papua provinces 93–96).</summary>
    None,
}

/// <summary>A village (desa/kelurahan), Code "31.74.03.1002", with its postal code.</summary>
public sealed record Village(string Code, string CodeDigits, string DistrictCode, VillageType Type, string Name,
    string? PostalCode, PostalCodeSource PostalCodeSource);

/// <summary>Villages with postal codes joined (83k rows, ~7 MB of CSV: load only where needed, e.g. the generator).</summary>
public sealed class VillageCatalog
{
    // Plain dictionaries: freezing 83k keys costs more at load than it saves on the generator's few lookups.
    private readonly Dictionary<string, Village> _byCode;
    private readonly Dictionary<string, Village[]> _byDistrict;

    private VillageCatalog(List<Village> villages)
    {
        All = villages;
        _byCode = villages.ToDictionary(v => v.CodeDigits, StringComparer.Ordinal);
        _byDistrict = villages.GroupBy(v => v.CodeDigits[..6], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Village> All { get; }

    /// <summary>By dotted or undotted code ("31.74.03.1002" or "3174031002").</summary>
    public Village? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(AreaCatalog.Digits(code));

    /// <summary>The villages of a district (dotted or undotted district code); empty when unknown.</summary>
    public IReadOnlyList<Village> InDistrict(string? districtCode) =>
        districtCode is not null && _byDistrict.TryGetValue(AreaCatalog.Digits(districtCode), out var list) ? list : [];

    public int Count(PostalCodeSource source) => All.Count(v => v.PostalCodeSource == source);

    internal static VillageCatalog Load(string directory)
    {
        var villageTable = CsvTable.Read(Path.Combine(directory, ReferenceFiles.Villages), "code", "code_digits", "district_code", "type", "name");
        var postalTable = CsvTable.Read(Path.Combine(directory, ReferenceFiles.VillagePostalCodes), "village_code", "postal_code");

        var raw = new List<(string Code, string Digits, string District, VillageType Type, string Name)>(villageTable.Count);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in villageTable.Rows)
        {
            string code = row.Text("code");
            string digits = row.Text("code_digits");
            if (AreaCatalog.Digits(code) != digits || digits.Length != 10) throw row.Error("code_digits", $"'{digits}' does not match code {code}");
            string district = row.Text("district_code");
            if (!code.StartsWith(district + ".", StringComparison.Ordinal)) throw row.Error("district_code", $"village {code} is not inside district {district}");
            if (!known.Add(code)) throw row.Error("code", $"duplicate village {code}");
            raw.Add((code, digits, district, row.Choice("type", VillageTypes), row.Text("name")));
        }

        var postal = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in postalTable.Rows)
        {
            string code = row.Text("village_code");
            string postalCode = row.Text("postal_code");
            if (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)) throw row.Error("postal_code", $"expected 5 digits, found '{postalCode}'");
            if (!known.Contains(code)) throw row.Error("village_code", $"unknown village {code}");
            if (!postal.TryAdd(code, postalCode)) throw row.Error("village_code", $"a second postal code for village {code}");
        }

        // Postal codes are shared across an area, so a village without one takes its district's (then its regency's) most common code.
        var byDistrict = MostCommon(raw.Where(v => postal.ContainsKey(v.Code)).Select(v => (v.District, postal[v.Code])));
        var byRegency = MostCommon(raw.Where(v => postal.ContainsKey(v.Code)).Select(v => (v.District[..5], postal[v.Code])));

        var villages = new List<Village>(raw.Count);
        foreach (var v in raw)
        {
            (string? code, PostalCodeSource source) = postal.TryGetValue(v.Code, out var own) ? (own, PostalCodeSource.Village)
                : byDistrict.TryGetValue(v.District, out var d) ? (d, PostalCodeSource.District)
                : byRegency.TryGetValue(v.District[..5], out var r) ? (r, PostalCodeSource.Regency)
                : ((string?)null, PostalCodeSource.None);
            villages.Add(new Village(v.Code, v.Digits, v.District, v.Type, v.Name, code, source));
        }
        return new VillageCatalog(villages);
    }

    /// <summary>The most frequent postal code per area; ties go to the smallest code so the result is deterministic.</summary>
    private static Dictionary<string, string> MostCommon(IEnumerable<(string Area, string PostalCode)> pairs) =>
        pairs.GroupBy(p => p.Area, StringComparer.Ordinal)
             .ToDictionary(
                 g => g.Key,
                 g => g.GroupBy(p => p.PostalCode, StringComparer.Ordinal)
                       .OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal)
                       .First().Key,
                 StringComparer.Ordinal);

    private static readonly Dictionary<string, VillageType> VillageTypes = new(StringComparer.Ordinal)
    {
        ["kelurahan"] = VillageType.Kelurahan,
        ["desa"] = VillageType.Desa,
        ["desa_adat"] = VillageType.DesaAdat,
    };
}
