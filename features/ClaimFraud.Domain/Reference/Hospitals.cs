using System.Collections.Frozen;

namespace ClaimFraud.Domain.Reference;

/// <summary>
/// A hospital from the Kemenkes registry (2021 snapshot). ClassLabel is as published (A, B, C, D, "D PRATAMA",
/// "Belum Ditetapkan"); TariffClass is the INA-CBG class it is paid at (D PRATAMA → D), null when not set.
/// There is no BPJS provider code here: the generator derives one (e.g. 0301R001).
/// </summary>
public sealed record Hospital(string KemenkesCode, string Name, string ProvinceSourceName, string ProvinceCode,
    string? RegencyCode, string Type, string ClassLabel, char? TariffClass, string Owner, int Beds);

public sealed class HospitalCatalog
{
    private readonly FrozenDictionary<string, Hospital> _byCode;
    private readonly FrozenDictionary<string, Hospital[]> _byProvince;

    private HospitalCatalog(List<Hospital> hospitals)
    {
        All = hospitals;
        _byCode = hospitals.ToFrozenDictionary(h => h.KemenkesCode, StringComparer.Ordinal);
        _byProvince = hospitals.GroupBy(h => h.ProvinceCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Hospital> All { get; }

    /// <summary>By Kemenkes code (kode_rs, e.g. "3174063").</summary>
    public Hospital? Find(string? kemenkesCode) => kemenkesCode is null ? null : _byCode.GetValueOrDefault(kemenkesCode.Trim());

    /// <summary>Hospitals in a province (Kemendagri code; Papua hospitals are under 91/92, as before the 2022 split).</summary>
    public IReadOnlyList<Hospital> InProvince(string? provinceCode) =>
        provinceCode is not null && _byProvince.TryGetValue(provinceCode.Trim(), out var list) ? list : [];

    internal static HospitalCatalog Load(string directory)
    {
        var table = CsvTable.Read(Path.Combine(directory, ReferenceFiles.Hospitals),
            "kode_rs", "nama_rs", "provinsi", "province_code", "regency_code_derived", "jenis_rs", "kelas", "pemilik", "total_tt");
        var hospitals = new List<Hospital>(table.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string code = row.Text("kode_rs");
            if (!seen.Add(code)) throw row.Error("kode_rs", $"duplicate hospital {code}");
            string label = row.Text("kelas");
            char? tariffClass = label switch
            {
                "A" or "B" or "C" or "D" => label[0],
                "D PRATAMA" => 'D',
                "Belum Ditetapkan" => null,
                _ => throw row.Error("kelas", $"unknown hospital class '{label}'"),
            };
            hospitals.Add(new Hospital(code, row.Text("nama_rs"), row.Text("provinsi"), row.Text("province_code"),
                row.Optional("regency_code_derived"), row.Text("jenis_rs"), label, tariffClass, row.Text("pemilik"), row.Int("total_tt", 0)));
        }
        return new HospitalCatalog(hospitals);
    }
}
