using System.Collections.Frozen;

namespace ClaimFraud.Domain.Reference;

/// <summary>
/// An ICD-9-CM (vol. 3) procedure row. IsValid: may be coded on a claim (headers like 47.0 may not);
/// IsIndonesianModification: an iDRG-era IM code, absent from classic INA-CBG claims.
/// </summary>
public sealed record Icd9CmEntry(string Code, string CodeNoDot, int Level, string? ParentCode, bool IsValid,
    bool AcceptablePrimary, bool IsIndonesianModification, string Title);

/// <summary>The ICD-9-CM procedure catalog (5.5k codes). Lookups accept any form <see cref="MedicalCodes.TryNormalizeIcd9Cm"/> accepts.</summary>
public sealed class Icd9CmCatalog
{
    private readonly FrozenDictionary<string, Icd9CmEntry> _byCode;

    private Icd9CmCatalog(List<Icd9CmEntry> entries)
    {
        All = entries;
        _byCode = entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<Icd9CmEntry> All { get; }

    /// <summary>The exact code ("47.09" or "4709"), or null.</summary>
    public Icd9CmEntry? Find(string? code) =>
        MedicalCodes.TryNormalizeIcd9Cm(code, out var normalized) ? _byCode.GetValueOrDefault(normalized) : null;

    public bool Contains(string? code) => Find(code) is not null;

    /// <summary>The code and every code below it ("36.1" → 36.1, 36.10 … 36.19, 36.100).</summary>
    public IReadOnlyList<Icd9CmEntry> Under(string? code)
    {
        if (!MedicalCodes.TryNormalizeIcd9Cm(code, out var prefix)) return [];
        return All.Where(e => Icd9CmPrefix.Matches(prefix, e.Code)).ToList();
    }

    internal static Icd9CmCatalog Load(string directory)
    {
        var table = CsvTable.Read(Path.Combine(directory, ReferenceFiles.Icd9Cm),
            "code", "code_nodot", "level", "parent_code", "valid_code", "accpdx", "im", "title_en");
        var entries = new List<Icd9CmEntry>(table.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string code = row.Text("code");
            if (MedicalCodes.NormalizeIcd9Cm(code) != code) throw row.Error("code", $"'{code}' is not a canonical ICD-9-CM code");
            if (!seen.Add(code)) throw row.Error("code", $"duplicate code {code}");
            entries.Add(new Icd9CmEntry(code, row.Text("code_nodot"), row.Int("level", 2, 9), row.Optional("parent_code"),
                row.Flag("valid_code"), row.Choice("accpdx", YesNo), row.Flag("im"), row.Text("title_en")));
        }
        return new Icd9CmCatalog(entries);
    }

    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.Ordinal) { ["Y"] = true, ["N"] = false };
}

/// <summary>Prefix matching of dotted ICD-9-CM codes: "36.1" covers 36.1 and 36.10–36.19 (and IM 36.100); "47" covers every 47.x.</summary>
public static class Icd9CmPrefix
{
    public static bool Matches(string prefix, string code)
    {
        if (!code.StartsWith(prefix, StringComparison.Ordinal)) return false;
        if (code.Length == prefix.Length) return true;
        // A 2-digit group only covers its own dotted codes ("47" must not cover "4")—codes are canonical, so the next char is '.'.
        return prefix.Contains('.') || code[prefix.Length] == '.';
    }
}
