namespace ClaimFraud.Domain.Validation;

/// <summary>
/// A field's JSON path (<c>patient.nik</c>, <c>diagnoses[1].icd10</c>), built as a string only when a problem is
/// reported: an accepted claim — the common case — then costs no path strings at all.
/// </summary>
public readonly struct FieldPath(string parent, int index = -1, string? leaf = null)
{
    public static implicit operator FieldPath(string path) => new(path);

    public FieldPath Item(int i) => new(parent, i);

    public FieldPath Child(string name) => index < 0 && leaf is null ? new(parent + "." + name) : new(parent, index, leaf is null ? name : leaf + "." + name);

    public override string ToString() =>
        index < 0 ? parent : leaf is null ? $"{parent}[{index}]" : $"{parent}[{index}].{leaf}";
}
