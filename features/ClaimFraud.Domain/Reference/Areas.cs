using System.Collections.Frozen;

namespace ClaimFraud.Domain.Reference;

/// <summary>A Kemendagri province, e.g. 31 Daerah Khusus Ibukota Jakarta.</summary>
public sealed record Province(string Code, string Name)
{
    /// <summary>The short form used in addresses: "DKI Jakarta", "DI Yogyakarta"; other names as they are.</summary>
    public string DisplayName => Name switch
    {
        "Daerah Khusus Ibukota Jakarta" => "DKI Jakarta",
        "Daerah Istimewa Yogyakarta" => "DI Yogyakarta",
        _ => Name,
    };
}

public enum RegencyType { Kabupaten, Kota }

/// <summary>A regency or city (kabupaten/kota): Code "31.74", CodeDigits "3174".</summary>
public sealed record Regency(string Code, string CodeDigits, string ProvinceCode, RegencyType Type, string Name)
{
    /// <summary>The name without "Administrasi", as addresses write it: "Kota Jakarta Selatan".</summary>
    public string DisplayName => Name.Replace(" Administrasi ", " ", StringComparison.Ordinal);
}

/// <summary>A district (kecamatan): Code "31.74.01", CodeDigits "317401" (the first six digits of a NIK).</summary>
public sealed record District(string Code, string CodeDigits, string RegencyCode, string ProvinceCode, string Name);

/// <summary>A district with its regency and province.</summary>
public sealed record AreaPath(Province Province, Regency Regency, District District);

/// <summary>Provinces, regencies and districts (the serving path's part: NIK checks need districts, not villages).</summary>
public sealed class AreaCatalog
{
    private readonly FrozenDictionary<string, Province> _provinces;
    private readonly FrozenDictionary<string, Regency> _regencies;
    private readonly FrozenDictionary<string, District> _districts;
    private readonly FrozenDictionary<string, Regency[]> _regenciesByProvince;
    private readonly FrozenDictionary<string, District[]> _districtsByRegency;

    private AreaCatalog(List<Province> provinces, List<Regency> regencies, List<District> districts)
    {
        Provinces = provinces;
        Regencies = regencies;
        Districts = districts;
        _provinces = provinces.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _regencies = regencies.ToFrozenDictionary(r => r.CodeDigits, StringComparer.Ordinal);
        _districts = districts.ToFrozenDictionary(d => d.CodeDigits, StringComparer.Ordinal);
        _regenciesByProvince = regencies.GroupBy(r => r.ProvinceCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _districtsByRegency = districts.GroupBy(d => Digits(d.RegencyCode)).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Province> Provinces { get; }
    public IReadOnlyList<Regency> Regencies { get; }
    public IReadOnlyList<District> Districts { get; }

    /// <summary>By 2-digit code ("31").</summary>
    public Province? FindProvince(string? code) => code is null ? null : _provinces.GetValueOrDefault(code.Trim());

    /// <summary>By dotted or undotted code ("31.74" or "3174").</summary>
    public Regency? FindRegency(string? code) => code is null ? null : _regencies.GetValueOrDefault(Digits(code));

    /// <summary>By dotted or undotted code ("31.74.01" or "317401", i.e. a NIK's first six digits).</summary>
    public District? FindDistrict(string? code) => code is null ? null : _districts.GetValueOrDefault(Digits(code));

    /// <summary>The district with its regency and province, or null when the code is unknown.</summary>
    public AreaPath? FindPath(string? districtCode)
    {
        var district = FindDistrict(districtCode);
        if (district is null) return null;
        return new AreaPath(_provinces[district.ProvinceCode], _regencies[Digits(district.RegencyCode)], district);
    }

    public IReadOnlyList<Regency> RegenciesIn(string? provinceCode) =>
        provinceCode is not null && _regenciesByProvince.TryGetValue(provinceCode.Trim(), out var list) ? list : [];

    public IReadOnlyList<District> DistrictsIn(string? regencyCode) =>
        regencyCode is not null && _districtsByRegency.TryGetValue(Digits(regencyCode), out var list) ? list : [];

    internal static string Digits(string code) => code.Trim().Replace(".", "", StringComparison.Ordinal);

    internal static AreaCatalog Load(string directory)
    {
        var provinceTable = CsvTable.Read(Path.Combine(directory, ReferenceFiles.Provinces), "code", "name");
        var provinces = new List<Province>(provinceTable.Count);
        var provinceCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in provinceTable.Rows)
        {
            var p = new Province(Code(row, "code", 2), row.Text("name"));
            if (!provinceCodes.Add(p.Code)) throw row.Error("code", $"duplicate province {p.Code}");
            provinces.Add(p);
        }

        var regencyTable = CsvTable.Read(Path.Combine(directory, ReferenceFiles.Regencies), "code", "code_digits", "province_code", "type", "name");
        var regencies = new List<Regency>(regencyTable.Count);
        var regencyCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in regencyTable.Rows)
        {
            var r = new Regency(row.Text("code"), Code(row, "code_digits", 4), row.Text("province_code"),
                row.Choice("type", RegencyTypes), row.Text("name"));
            if (Digits(r.Code) != r.CodeDigits) throw row.Error("code_digits", $"does not match code {r.Code}");
            if (!provinceCodes.Contains(r.ProvinceCode)) throw row.Error("province_code", $"unknown province {r.ProvinceCode}");
            if (!regencyCodes.Add(r.CodeDigits)) throw row.Error("code", $"duplicate regency {r.Code}");
            regencies.Add(r);
        }

        var districtTable = CsvTable.Read(Path.Combine(directory, ReferenceFiles.Districts), "code", "code_digits", "regency_code", "province_code", "name");
        var districts = new List<District>(districtTable.Count);
        var districtCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in districtTable.Rows)
        {
            var d = new District(row.Text("code"), Code(row, "code_digits", 6), row.Text("regency_code"), row.Text("province_code"), row.Text("name"));
            if (Digits(d.Code) != d.CodeDigits) throw row.Error("code_digits", $"does not match code {d.Code}");
            if (!regencyCodes.Contains(Digits(d.RegencyCode))) throw row.Error("regency_code", $"unknown regency {d.RegencyCode}");
            if (!d.CodeDigits.StartsWith(Digits(d.RegencyCode), StringComparison.Ordinal) || !d.CodeDigits.StartsWith(d.ProvinceCode, StringComparison.Ordinal))
                throw row.Error("province_code", $"district {d.Code} is not inside {d.RegencyCode} / {d.ProvinceCode}");
            if (!districtCodes.Add(d.CodeDigits)) throw row.Error("code", $"duplicate district {d.Code}");
            districts.Add(d);
        }
        return new AreaCatalog(provinces, regencies, districts);
    }

    private static string Code(CsvRow row, string column, int digits)
    {
        string value = row.Text(column);
        if (value.Length != digits || !value.All(char.IsAsciiDigit)) throw row.Error(column, $"expected {digits} digits, found '{value}'");
        return value;
    }

    private static readonly Dictionary<string, RegencyType> RegencyTypes = new(StringComparer.Ordinal)
    {
        ["kabupaten"] = RegencyType.Kabupaten,
        ["kota"] = RegencyType.Kota,
    };
}
