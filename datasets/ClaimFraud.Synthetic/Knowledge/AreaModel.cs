using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Synthetic.Knowledge;

/// <summary>A district with what an address needs: its regency, province and villages (with postal codes).</summary>
internal sealed class DistrictModel
{
    public required int Index { get; init; }
    public required District District { get; init; }
    public required string RegencyDigits { get; init; }
    public required string RegencyName { get; init; }
    public required string ProvinceCode { get; init; }
    public required string ProvinceName { get; init; }
    public required Village[] Villages { get; init; }
}

/// <summary>Districts grouped by regency and province, as index arrays.</summary>
internal sealed class AreaModel
{
    public required DistrictModel[] Districts { get; init; }
    public required Dictionary<string, DistrictModel[]> ByRegency { get; init; }
    public required Dictionary<string, DistrictModel[]> ByProvince { get; init; }
    public required Dictionary<string, string[]> RegencyDigitsByProvince { get; init; }
    public required HashSet<string> DistrictCodes { get; init; }

    public static AreaModel Build(ReferenceCatalog catalog)
    {
        var areas = catalog.Areas;
        var villages = catalog.Villages;
        var list = new List<DistrictModel>(areas.Districts.Count);
        foreach (var d in areas.Districts)
        {
            var vs = villages.InDistrict(d.CodeDigits);
            // A district without villages cannot give a full address; NIKs need an address too, so skip it.
            if (vs.Count == 0) continue;
            var regency = areas.FindRegency(d.RegencyCode)!;
            var province = areas.FindProvince(d.ProvinceCode)!;
            list.Add(new DistrictModel
            {
                Index = list.Count,
                District = d,
                RegencyDigits = regency.CodeDigits,
                RegencyName = regency.DisplayName,
                ProvinceCode = province.Code,
                ProvinceName = province.DisplayName,
                Villages = [.. vs],
            });
        }
        var districts = list.ToArray();
        return new AreaModel
        {
            Districts = districts,
            ByRegency = districts.GroupBy(d => d.RegencyDigits).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal),
            ByProvince = districts.GroupBy(d => d.ProvinceCode).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal),
            RegencyDigitsByProvince = districts.GroupBy(d => d.ProvinceCode)
                .ToDictionary(g => g.Key, g => g.Select(d => d.RegencyDigits).Distinct().ToArray(), StringComparer.Ordinal),
            DistrictCodes = districts.Select(d => d.District.CodeDigits).ToHashSet(StringComparer.Ordinal),
        };
    }
}
