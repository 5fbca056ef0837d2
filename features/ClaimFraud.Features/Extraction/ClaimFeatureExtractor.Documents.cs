using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Text;
using F = ClaimFraud.Features.Schema.FeatureId;

namespace ClaimFraud.Features.Extraction;

public sealed partial class ClaimFeatureExtractor
{
    private static void WriteDocuments(Claim claim, Span<float> f)
    {
        var sep = claim.Documents?.Sep;
        if (sep?.IssuedAt is { } issued)
        {
            Set(f, F.SepHoursAfterAdmission, (issued - claim.AdmissionAt).TotalHours);
            Set(f, F.SepHoursAfterDischarge, (issued - claim.DischargeAt).TotalHours);
        }
        else
        {
            Set(f, F.SepHoursAfterAdmission, double.NaN);
            Set(f, F.SepHoursAfterDischarge, double.NaN);
        }

        int first = FirstStayDay(claim), last = LastStayDay(claim);
        int labsOutside = 0;
        foreach (var l in claim.LabTests) if (l.At is { } at && IsOutside(at, first, last)) labsOutside++;
        int proceduresOutside = 0;
        foreach (var p in claim.Procedures) if (p.At is { } at && IsOutside(at, first, last)) proceduresOutside++;
        Set(f, F.LabsOutsideStay, labsOutside);
        Set(f, F.ProceduresOutsideStay, proceduresOutside);
        double hoursOutside = 0;
        foreach (var l in claim.LabTests) if (l.At is { } at) hoursOutside = Math.Max(hoursOutside, HoursOutside(at, claim));
        foreach (var p in claim.Procedures) if (p.At is { } at) hoursOutside = Math.Max(hoursOutside, HoursOutside(at, claim));
        Set(f, F.ItemsHoursOutsideStay, hoursOutside);

        Set(f, F.NameSimilarityMin, NameSimilarityMin(claim));

        var resume = claim.Documents?.ResumeMedis;
        if (resume is null || resume.AdmissionAt is null && resume.DischargeAt is null) Set(f, F.ResumeDatesMismatch, double.NaN);
        else Set(f, F.ResumeDatesMismatch, ResumeDatesDiffer(claim, resume) ? 1 : 0);

        string? cardOnSep = sep?.BpjsNumber, card = claim.Patient.BpjsNumber;
        Set(f, F.SepBpjsMismatch, string.IsNullOrWhiteSpace(cardOnSep) || string.IsNullOrWhiteSpace(card)
            ? double.NaN
            : cardOnSep.AsSpan().Trim().SequenceEqual(card.AsSpan().Trim()) ? 0 : 1);
    }

    private void WriteIdentity(Claim claim, Span<float> f)
    {
        var nik = claim.Patient.Nik;
        if (Nik.TryDecode(nik, out var parts))
        {
            Set(f, F.NikValid, _index.DistrictExists(nik.AsSpan(0, 6)) ? 1 : 0);
            Set(f, F.NikConsistent, Nik.AgreesWith(parts, claim.Patient.Sex, claim.Patient.BirthDate) ? 1 : 0);
        }
        else
        {
            Set(f, F.NikValid, 0);
            Set(f, F.NikConsistent, double.NaN);
        }
    }

    /// <summary>
    /// Services count as inside the stay from the day before admission (emergency-room work-up before the formal
    /// admission) to the discharge date, in Jakarta calendar days, so clock noise of a few hours never fires.
    /// </summary>
    internal static int FirstStayDay(Claim claim) => StayCalendar.JakartaDate(claim.AdmissionAt).DayNumber - 1;

    internal static int LastStayDay(Claim claim) => StayCalendar.JakartaDate(claim.DischargeAt).DayNumber;

    internal static bool IsOutside(DateTimeOffset at, int firstDay, int lastDay)
    {
        int day = StayCalendar.JakartaDate(at).DayNumber;
        return day < firstDay || day > lastDay;
    }

    private static double HoursOutside(DateTimeOffset at, Claim claim) =>
        at < claim.AdmissionAt ? (claim.AdmissionAt - at).TotalHours : at > claim.DischargeAt ? (at - claim.DischargeAt).TotalHours : 0;

    internal static bool ResumeDatesDiffer(Claim claim, ResumeMedis resume) =>
        resume.AdmissionAt is { } a && StayCalendar.JakartaDate(a) != StayCalendar.JakartaDate(claim.AdmissionAt)
        || resume.DischargeAt is { } d && StayCalendar.JakartaDate(d) != StayCalendar.JakartaDate(claim.DischargeAt);

    /// <summary>Lowest pairwise similarity of the normalised names on the claim, the SEP and the resume; NaN with fewer than two names.</summary>
    internal static double NameSimilarityMin(Claim claim)
    {
        Span<char> a = stackalloc char[PersonName.MaxLength];
        Span<char> b = stackalloc char[PersonName.MaxLength];
        Span<char> c = stackalloc char[PersonName.MaxLength];
        // The three names are often the very same string: normalise it once.
        string? na = claim.Patient.Name, nb = claim.Documents?.Sep?.PatientName, nc = claim.Documents?.ResumeMedis?.PatientName;
        int la = Normalized(na, a);
        int lb = nb == na ? CopyOf(a, la, b) : Normalized(nb, b);
        int lc = nc == na ? CopyOf(a, la, c) : nc == nb ? CopyOf(b, lb, c) : Normalized(nc, c);
        double min = double.NaN;
        if (la > 0 && lb > 0) min = Min(min, PersonName.NormalizedSimilarity(a[..la], b[..lb]));
        if (la > 0 && lc > 0) min = Min(min, PersonName.NormalizedSimilarity(a[..la], c[..lc]));
        if (lb > 0 && lc > 0) min = Min(min, PersonName.NormalizedSimilarity(b[..lb], c[..lc]));
        return min;

        static double Min(double current, double v) => double.IsNaN(current) || v < current ? v : current;
    }

    private static int CopyOf(ReadOnlySpan<char> from, int length, Span<char> into)
    {
        from[..length].CopyTo(into);
        return length;
    }

    private static int Normalized(string? name, Span<char> into) => string.IsNullOrWhiteSpace(name) ? 0 : PersonName.Normalize(name, into);
}
