using System.Collections.Frozen;

namespace ClaimFraud.Domain.Reference;

/// <summary>A province's INA-CBG tariff region (1–5). Certainty is "likely" or "uncertain": the mapping was not confirmed against the regulation.</summary>
public sealed record ProvinceTariffRegion(string ProvinceCode, string ProvinceName, int Region, string Certainty, string? Note);

public sealed class TariffRegionCatalog
{
    private readonly FrozenDictionary<string, ProvinceTariffRegion> _byProvince;

    private TariffRegionCatalog(List<ProvinceTariffRegion> rows)
    {
        All = rows;
        _byProvince = rows.ToFrozenDictionary(r => r.ProvinceCode, StringComparer.Ordinal);
    }

    public IReadOnlyList<ProvinceTariffRegion> All { get; }

    /// <summary>The tariff region of a province ("31" → 1), or null when the code is unknown.</summary>
    public int? RegionOf(string? provinceCode) =>
        provinceCode is not null && _byProvince.TryGetValue(provinceCode.Trim(), out var row) ? row.Region : null;

    public ProvinceTariffRegion? Find(string? provinceCode) =>
        provinceCode is null ? null : _byProvince.GetValueOrDefault(provinceCode.Trim());

    internal static TariffRegionCatalog Load(string directory)
    {
        var table = CsvTable.Read(Path.Combine(directory, ReferenceFiles.ProvinceTariffRegions),
            "province_code", "province_name", "tariff_region", "certainty", "note");
        var rows = new List<ProvinceTariffRegion>(table.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var r = new ProvinceTariffRegion(row.Text("province_code"), row.Text("province_name"), row.Int("tariff_region", 1, 5),
                row.Choice("certainty", Certainties), row.Optional("note"));
            if (!seen.Add(r.ProvinceCode)) throw row.Error("province_code", $"duplicate province {r.ProvinceCode}");
            rows.Add(r);
        }
        return new TariffRegionCatalog(rows);
    }

    private static readonly Dictionary<string, string> Certainties = new(StringComparer.Ordinal)
    {
        ["likely"] = "likely",
        ["uncertain"] = "uncertain",
    };
}
