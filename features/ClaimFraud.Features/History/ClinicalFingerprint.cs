using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Text;

namespace ClaimFraud.Features.History;

/// <summary>
/// A 64-bit digest of what a cloned claim copies from another patient's: the diagnoses, the set of procedure codes,
/// the drug names with quantities and the length of stay. Order of list items does not matter. The billed amount is
/// compared separately (within <see cref="TariffTolerance"/>), because a copied bill is often nudged a little.
/// </summary>
public static class ClinicalFingerprint
{
    /// <summary>Items (procedures + medications) an inpatient stay needs before identical content means copying.</summary>
    public const int MinimumItems = 2;

    /// <summary>The same for an outpatient visit: routine visits (one diagnosis, one refill) are alike by nature.</summary>
    public const int MinimumOutpatientItems = 3;

    /// <summary>Bills within ±5% of each other count as the same bill.</summary>
    public const double TariffTolerance = 0.05;

    /// <summary>
    /// The fingerprint when the claim can be a clone: an inpatient stay with at least <see cref="MinimumItems"/>
    /// procedures and medications, an outpatient visit with at least <see cref="MinimumOutpatientItems"/>; 0 otherwise.
    /// Routine visits (same diagnosis, same refill, same package price) are identical by nature and would all look cloned.
    /// </summary>
    public static ulong OfCloneCandidate(Claim claim)
    {
        int items = claim.Procedures.Count + claim.Medications.Count;
        if (claim.CareType == CareType.Inpatient ? items < MinimumItems : items < MinimumOutpatientItems) return 0;
        ulong h = Of(claim);
        return h == 0 ? 1 : h;
    }

    public static ulong Of(Claim claim)
    {
        Span<char> buffer = stackalloc char[MedicalCode.MaxLength];
        ulong h = StableHash.Of(buffer[..MedicalCode.Compact(claim.PrimaryDiagnosis?.Icd10 ?? "", buffer)]);
        ulong diagnoses = 0;
        foreach (var d in claim.Diagnoses)
            if (!d.Primary) diagnoses += StableHash.Mix(StableHash.Of(buffer[..MedicalCode.Compact(d.Icd10, buffer)]) ^ 0x33);

        // Commutative sums of mixed item hashes: the same multiset gives the same value in any order.
        ulong procedures = 0;
        foreach (var p in claim.Procedures)
            procedures += StableHash.Mix(StableHash.Of(buffer[..MedicalCode.Compact(p.Icd9Cm, buffer)]) ^ 0x51);
        ulong drugs = 0;
        Span<char> name = stackalloc char[64];
        foreach (var m in claim.Medications)
        {
            int n = LowerTrim(m.Name, name);
            drugs += StableHash.Mix(StableHash.Combine(StableHash.Of(name[..n]), BitConverter.DoubleToUInt64Bits(m.Quantity)));
        }
        h = StableHash.Combine(h, diagnoses);
        h = StableHash.Combine(h, procedures);
        h = StableHash.Combine(h, drugs);
        return StableHash.Combine(h, (ulong)claim.LosDays);
    }

    private static int LowerTrim(string s, Span<char> into)
    {
        var t = s.AsSpan().Trim();
        int n = Math.Min(t.Length, into.Length);
        for (int i = 0; i < n; i++) into[i] = char.ToLowerInvariant(t[i]);
        return n;
    }
}
