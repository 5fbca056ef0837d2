namespace ClaimFraud.Domain.Validation;

/// <summary>Every problem found in one input, keyed by the JSON path of the field (e.g. <c>patient.nik</c>, <c>diagnoses[1].icd10</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public bool IsEmpty => _order.Count == 0;
    public int Count => _order.Count;
    public IEnumerable<string> Fields => _order;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
            _order.Add(field);
        }
        if (!list.Contains(message)) list.Add(message);
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>Whether this field, anything below it or anything above it already failed (so later checks do not pile on).</summary>
    public bool Touches(string field)
    {
        foreach (var f in _order)
            if (f == field || IsBelow(f, field) || IsBelow(field, f))
                return true;
        return false;
    }

    private static bool IsBelow(string child, string parent) =>
        child.Length > parent.Length && child.StartsWith(parent, StringComparison.Ordinal) && child[parent.Length] is '.' or '[';

    public IReadOnlyList<string> this[string field] => _byField.TryGetValue(field, out var l) ? l : [];

    /// <summary>The shape RFC 9457 problem details use for their <c>errors</c> member.</summary>
    public IDictionary<string, string[]> ToDictionary()
    {
        var d = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var f in _order) d[f] = [.. _byField[f]];
        return d;
    }

    public override string ToString() => string.Join("; ", _order.Select(f => $"{f}: {string.Join(", ", _byField[f])}"));
}
