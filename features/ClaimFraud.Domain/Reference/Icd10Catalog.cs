using System.Collections.Frozen;

namespace ClaimFraud.Domain.Reference;

/// <summary>An ICD-10 (WHO 2010) row: Code dotted ("A09.0"), Level 3/4/5, IsLeaf when nothing is below it.</summary>
public sealed record Icd10Entry(string Code, string CodeNoDot, int Level, string? ParentCode, bool IsLeaf,
    string Chapter, string TitleEn, string? TitleId)
{
    public string Category => Code[..3];
}

/// <summary>The ICD-10 catalog (18.5k codes). Lookups accept any form <see cref="MedicalCodes.TryParseIcd10"/> accepts.</summary>
public sealed class Icd10Catalog
{
    private readonly FrozenDictionary<string, Icd10Entry> _byCode;
    private readonly FrozenDictionary<string, Icd10Entry[]> _leavesByCategory;

    private Icd10Catalog(List<Icd10Entry> entries)
    {
        All = entries;
        _byCode = entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        _leavesByCategory = entries.Where(e => e.IsLeaf).GroupBy(e => e.Category)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Icd10Entry> All { get; }

    /// <summary>The exact code ("A09.0", "A090", "a09.0"), or null.</summary>
    public Icd10Entry? Find(string? code) =>
        MedicalCodes.TryParseIcd10(code, out var parsed) ? _byCode.GetValueOrDefault(parsed.Code) : null;

    public bool Contains(string? code) => Find(code) is not null;

    /// <summary>The 3-character category row of any code in it ("A09.0" → A09), or null (also for U07, whose category is not a row).</summary>
    public Icd10Entry? FindCategory(string? code) =>
        MedicalCodes.TryParseIcd10(code, out var parsed) ? _byCode.GetValueOrDefault(parsed.Category) : null;

    /// <summary>The leaf (most specific) codes in a category, e.g. A09 → A09.0, A09.9; a leaf category returns itself.</summary>
    public IReadOnlyList<Icd10Entry> LeavesIn(string? category) =>
        MedicalCodes.TryParseIcd10(category, out var parsed) && _leavesByCategory.TryGetValue(parsed.Category, out var list) ? list : [];

    internal static Icd10Catalog Load(string directory)
    {
        var table = CsvTable.Read(Path.Combine(directory, ReferenceFiles.Icd10),
            "code", "code_nodot", "level", "parent_code", "is_leaf", "chapter", "title_en", "title_id");
        var entries = new List<Icd10Entry>(table.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string code = row.Text("code");
            if (!MedicalCodes.TryParseIcd10(code, out var parsed) || parsed.Code != code) throw row.Error("code", $"'{code}' is not a canonical ICD-10 code");
            if (row.Text("code_nodot") != parsed.NoDot) throw row.Error("code_nodot", $"does not match {code}");
            if (!seen.Add(code)) throw row.Error("code", $"duplicate code {code}");
            entries.Add(new Icd10Entry(code, parsed.NoDot, row.Int("level", 3, 5), row.Optional("parent_code"), row.Flag("is_leaf"),
                row.Text("chapter"), row.Text("title_en"), row.Optional("title_id")));
        }
        return new Icd10Catalog(entries);
    }
}
