using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Providers;

namespace ClaimFraud.Synthetic.People;

/// <summary>A JKN member of one generated dataset, and where their care history stands.</summary>
internal sealed class Patient
{
    public required long Index { get; init; }
    /// <summary>What every legitimate claim says about the patient (shared, immutable).</summary>
    public required PatientInfo Info { get; init; }
    /// <summary>The father's given name, for "bin/binti" forms of the name.</summary>
    public required string FatherName { get; init; }
    /// <summary>Whether the patient's own documents carry the patronymic (then every legitimate document does).</summary>
    public required bool UsesPatronymic { get; init; }
    /// <summary>JKN care class on record (1–3).</summary>
    public required int Entitlement { get; init; }
    public required Hospital Home { get; init; }

    public string Name => Info.Name!;
    public Sex Sex => Info.Sex;
    public DateOnly BirthDate => Info.BirthDate;

    /// <summary>End of the latest stay generated for this patient, so legitimate stays never overlap.</summary>
    public DateTimeOffset BusyUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Whether a return visit is already scheduled (at most one at a time keeps the schedule bounded).</summary>
    public bool HasPendingVisit { get; set; }
}
