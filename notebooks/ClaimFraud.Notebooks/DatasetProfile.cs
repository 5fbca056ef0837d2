using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Synthetic;

namespace ClaimFraud.Notebooks;

/// <summary>The dataset at a glance.</summary>
public sealed record DatasetSummary(long Claims, long FraudClaims, double FraudRate, DateOnly FirstAdmission, DateOnly LastAdmission,
    int Hospitals, int Patients, double InpatientShare);

/// <summary>Claims per care type and class (kelas rawat), with the fraud rate of each.</summary>
public sealed record CareMix(string CareType, int CareClass, long Claims, long FraudClaims, double FraudRate);

/// <summary>How many fraudulent claims carry a pattern (a claim may carry several), with the generator's description.</summary>
public sealed record PatternCount(string Pattern, long Claims, double ShareOfFraud, string Description);

/// <summary>
/// What a NIK's digits say, read against the Kemendagri area list: district (kecamatan), regency (kabupaten/kota),
/// province, sex and birth date, and whether they agree with the patient's own fields. No names.
/// </summary>
public sealed record NikDecoded(string Nik, string District, string Regency, string Province, string Sex, DateOnly? BirthDate, bool AgreesWithPatient);

/// <summary>Summaries of a labelled claims file for the synthetic-data notebook.</summary>
public static class DatasetProfile
{
    public static DatasetSummary Summarize(IReadOnlyList<LabeledClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0) throw new ArgumentException("The dataset has no claims.", nameof(claims));
        long fraud = claims.LongCount(c => c.Label?.IsFraud == true);
        var admissions = claims.Select(c => StayCalendar.JakartaDate(c.Claim.AdmissionAt)).ToList();
        return new DatasetSummary(
            claims.Count, fraud, Math.Round((double)fraud / claims.Count, 4), admissions.Min(), admissions.Max(),
            claims.Select(c => c.Claim.Hospital.Code).Distinct(StringComparer.Ordinal).Count(),
            claims.Select(c => c.Claim.Patient.Nik).Distinct(StringComparer.Ordinal).Count(),
            Math.Round((double)claims.LongCount(c => c.Claim.CareType == CareType.Inpatient) / claims.Count, 4));
    }

    /// <summary>Age in whole years on the admission date (Jakarta calendar).</summary>
    public static double AgeAtAdmission(Claim claim) =>
        StayCalendar.AgeOn(claim.Patient.BirthDate, StayCalendar.JakartaDate(claim.AdmissionAt));

    /// <summary>hospital_tariff / ina_cbg.tariff (tarif RS over tarif INA-CBG); NaN when the INA-CBG tariff is 0.</summary>
    public static double TariffRatio(Claim claim) =>
        claim.InaCbg.Tariff == 0 ? double.NaN : (double)claim.HospitalTariff / claim.InaCbg.Tariff;

    public static IReadOnlyList<CareMix> CareTypes(IReadOnlyList<LabeledClaim> claims) =>
        [.. claims
            .GroupBy(c => (c.Claim.CareType, c.Claim.CareClass))
            .OrderBy(g => g.Key.CareType).ThenBy(g => g.Key.CareClass)
            .Select(g =>
            {
                long n = g.LongCount(), fraud = g.LongCount(c => c.Label?.IsFraud == true);
                return new CareMix(g.Key.CareType.ToContract(), g.Key.CareClass, n, fraud, Math.Round((double)fraud / n, 4));
            })];

    /// <summary>Every pattern of <see cref="FraudPatterns.All"/>, most frequent first (patterns never planted show 0).</summary>
    public static IReadOnlyList<PatternCount> Patterns(IReadOnlyList<LabeledClaim> claims)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long fraud = 0;
        foreach (var (_, label) in claims)
        {
            if (label?.IsFraud != true) continue;
            fraud++;
            foreach (var p in label.Patterns) counts[p] = counts.GetValueOrDefault(p) + 1;
        }
        var unknown = counts.Keys.Where(p => !FraudPatterns.IsKnown(p)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"Labels name patterns the generator does not know: {string.Join(", ", unknown)}.");
        return [.. FraudPatterns.All
            .Select(p => new PatternCount(p.Name, counts.GetValueOrDefault(p.Name), fraud == 0 ? 0 : Math.Round((double)counts.GetValueOrDefault(p.Name) / fraud, 4), p.Description))
            .OrderByDescending(p => p.Claims).ThenBy(p => p.Pattern, StringComparer.Ordinal)];
    }

    /// <summary>The NIKs of the first <paramref name="count"/> claims decoded (a few examples, never the whole file).</summary>
    public static IReadOnlyList<NikDecoded> DecodeNiks(IEnumerable<LabeledClaim> claims, AreaCatalog areas, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (count is < 1 or > 50) throw new ArgumentOutOfRangeException(nameof(count), count, "Decode between 1 and 50 NIKs: examples, not a listing.");
        var result = new List<NikDecoded>();
        foreach (var (claim, _) in claims)
        {
            if (result.Count == count) break;
            var patient = claim.Patient;
            if (!Nik.TryDecode(patient.Nik, out var parts))
            {
                result.Add(new NikDecoded(patient.Nik, "(does not decode)", "", "", "", null, false));
                continue;
            }
            var path = areas.FindPath(parts.DistrictCode);
            var birth = parts.BirthDate(StayCalendar.JakartaDate(claim.AdmissionAt));
            result.Add(new NikDecoded(patient.Nik,
                path?.District.Name ?? $"(unknown district {parts.DistrictCode})",
                path?.Regency.DisplayName ?? "", path?.Province.DisplayName ?? "",
                parts.Sex.ToContract(), birth, Nik.AgreesWith(parts, patient.Sex, patient.BirthDate)));
        }
        return result;
    }
}
