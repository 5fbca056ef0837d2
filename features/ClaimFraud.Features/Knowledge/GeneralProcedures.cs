using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Features.Knowledge;

/// <summary>One row of general_procedures.csv: a code or prefix, and the diagnoses it is general for (none = any).</summary>
internal sealed record GeneralProcedure(string Icd9CmPrefix, string[] AppliesTo)
{
    /// <summary>Whether the claim's diagnoses (canonical ICD-10 codes) make the procedure general for it.</summary>
    public bool AppliesToAny(ReadOnlySpan<string?> claimCodes)
    {
        if (AppliesTo.Length == 0) return true;
        foreach (var c in claimCodes)
            foreach (var prefix in AppliesTo)
                if (c!.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }
}

/// <summary>
/// Procedures appropriate for any diagnosis (physical examination, ECG, chest x-ray, the IV line, …) from
/// datasets/reference/general_procedures.csv. The diagnosis lists cannot name them everywhere, so without this list
/// a routine ECG reads as a procedure that does not fit the diagnosis.
/// </summary>
internal sealed class GeneralProcedures
{
    public const string FileName = "general_procedures.csv";

    private readonly GeneralProcedure[] _entries;

    private GeneralProcedures(GeneralProcedure[] entries) => _entries = entries;

    public IReadOnlyList<GeneralProcedure> Entries => _entries;

    /// <summary>The list in <paramref name="directory"/>; a missing file or a bad row is an error naming file, line and column.</summary>
    public static GeneralProcedures Load(string directory)
    {
        string path = Path.Combine(directory, FileName);
        using var records = CsvReader.ReadFile(path).GetEnumerator();
        if (!records.MoveNext()) throw new CsvFormatException(path, 1, 0, null, "the file is empty (a header row is required)");
        var header = records.Current.Fields;
        int code = Array.IndexOf(header, "icd9cm"), applies = Array.IndexOf(header, "applies_to");
        if (code < 0) throw new CsvFormatException(path, 1, 0, "icd9cm", "the header has no column 'icd9cm'");
        if (applies < 0) throw new CsvFormatException(path, 1, 0, "applies_to", "the header has no column 'applies_to'");

        var entries = new List<GeneralProcedure>();
        while (records.MoveNext())
        {
            var r = records.Current;
            if (r.Fields.Length != header.Length)
                throw new CsvFormatException(path, r.Line, Math.Min(r.Fields.Length, header.Length) + 1, null, $"expected {header.Length} fields as in the header, found {r.Fields.Length}");
            // A prefix such as "93.3" is not a claimable code but is a well-formed dotted ICD-9-CM string.
            if (!MedicalCodes.TryNormalizeIcd9Cm(r.Fields[code], out var normalized))
                throw new CsvFormatException(path, r.Line, code + 1, "icd9cm", $"'{r.Fields[code]}' is not a dotted ICD-9-CM code or prefix");
            var prefixes = r.Fields[applies].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.ToUpperInvariant()).ToArray();
            foreach (var p in prefixes)
                if (!p.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch == '.'))
                    throw new CsvFormatException(path, r.Line, applies + 1, "applies_to", $"'{p}' is not an ICD-10 prefix");
            entries.Add(new GeneralProcedure(normalized, prefixes));
        }
        return new GeneralProcedures([.. entries]);
    }

    /// <summary>The row covering a canonical ICD-9-CM code (most specific prefix first), or null.</summary>
    public GeneralProcedure? Find(string code)
    {
        GeneralProcedure? best = null;
        foreach (var e in _entries)
            if (Icd9CmPrefix.Matches(e.Icd9CmPrefix, code) && (best is null || e.Icd9CmPrefix.Length > best.Icd9CmPrefix.Length)) best = e;
        return best;
    }
}
