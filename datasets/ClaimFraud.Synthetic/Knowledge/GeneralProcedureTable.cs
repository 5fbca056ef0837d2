using System.Globalization;
using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Synthetic.Knowledge;

/// <summary>A procedure done for any diagnosis it applies to (general_procedures.csv), with how often the generator adds it.</summary>
internal sealed record GeneralProcedure(string Icd9Cm, string[] AppliesTo, double InpatientProbability, double OutpatientProbability)
{
    /// <summary>Whether a claim with these diagnosis codes (dotted ICD-10) may carry it as a general procedure.</summary>
    public bool AppliesToAny(string primary, List<string> secondaries)
    {
        if (AppliesTo.Length == 0) return true;
        foreach (var prefix in AppliesTo)
        {
            if (primary.StartsWith(prefix, StringComparison.Ordinal)) return true;
            foreach (var s in secondaries) if (s.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

/// <summary>
/// Reads datasets/reference/general_procedures.csv from the catalog's directory (the typed catalog does not load it yet).
/// Only full, claimable codes are kept: a prefix row names no code a claim can carry.
/// </summary>
internal static class GeneralProcedureTable
{
    public const string FileName = "general_procedures.csv";

    public static GeneralProcedure[] Load(string directory, Func<string, bool> claimable)
    {
        string path = Path.Combine(directory, FileName);
        using var records = CsvReader.ReadFile(path).GetEnumerator();
        if (!records.MoveNext()) throw new CsvFormatException(path, 1, 0, null, "the file is empty (a header row is required)");
        var header = records.Current.Fields;
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new CsvFormatException(path, 1, 0, name, $"the header has no column '{name}'");
        int code = Column("icd9cm"), applies = Column("applies_to"), inpatient = Column("inpatient_probability"), outpatient = Column("outpatient_probability");

        var list = new List<GeneralProcedure>();
        while (records.MoveNext())
        {
            var r = records.Current;
            if (r.Fields.Length != header.Length)
                throw new CsvFormatException(path, r.Line, Math.Min(r.Fields.Length, header.Length) + 1, null, $"expected {header.Length} fields as in the header, found {r.Fields.Length}");
            if (!MedicalCodes.TryNormalizeIcd9Cm(r.Fields[code], out var normalized))
                throw new CsvFormatException(path, r.Line, code + 1, "icd9cm", $"'{r.Fields[code]}' is not a dotted ICD-9-CM code or prefix");
            double Probability(int column, string name) =>
                double.TryParse(r.Fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && p is >= 0 and <= 1
                    ? p : throw new CsvFormatException(path, r.Line, column + 1, name, $"'{r.Fields[column]}' is not a probability between 0 and 1");
            double pIn = Probability(inpatient, "inpatient_probability"), pOut = Probability(outpatient, "outpatient_probability");
            if (!claimable(normalized)) continue;
            string[] prefixes = [.. r.Fields[applies].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.ToUpperInvariant())];
            list.Add(new GeneralProcedure(normalized, prefixes, pIn, pOut));
        }
        return [.. list];
    }
}
