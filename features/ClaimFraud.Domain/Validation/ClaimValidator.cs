using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Domain.Validation;

/// <summary>
/// The contract's rules for an acceptable claim (§1). What fails here is a 400; what is merely suspicious
/// (an invalid NIK checksum-of-sorts, a lab outside the stay) is a finding for the rules engine instead.
/// </summary>
public static class ClaimValidator
{
    public static ValidationErrors Validate(Claim claim, ClaimValidationOptions? options = null)
    {
        var errors = new ValidationErrors();
        Validate(claim, errors, options ?? ClaimValidationOptions.Default);
        return errors;
    }

    /// <summary>Adds the semantic problems of <paramref name="claim"/> to <paramref name="errors"/>, skipping fields that already failed to parse.</summary>
    public static void Validate(Claim claim, ValidationErrors errors, ClaimValidationOptions options)
    {
        var latest = options.Clock.GetUtcNow() + options.FutureTolerance;

        Check(errors, "claim_id", ClaimIdProblem(claim.ClaimId));
        Check(errors, "hospital.code", string.IsNullOrWhiteSpace(claim.Hospital.Code) ? "is required" : TooLong(claim.Hospital.Code, 32));
        Check(errors, "hospital.name", TooLong(claim.Hospital.Name, options.MaxTextLength));
        Check(errors, "hospital.tariff_region", claim.Hospital.TariffRegion is < 1 or > 5 ? "must be 1 to 5" : null);
        Check(errors, "doctor_id", TooLong(claim.DoctorId, 64));

        var p = claim.Patient;
        Check(errors, "patient.nik", Nik.IsSixteenDigits(p.Nik) ? null : "must be 16 digits");
        Check(errors, "patient.bpjs_number", p.BpjsNumber is null || IsDigits(p.BpjsNumber, 13) ? null : "must be 13 digits");
        Check(errors, "patient.name", TooLong(p.Name, options.MaxTextLength));
        Check(errors, "patient.birth_date",
            p.BirthDate.Year < 1900 ? "must be 1900 or later"
            : !errors.Touches("admission_at") && p.BirthDate > StayCalendar.JakartaDate(claim.AdmissionAt) ? "must not be after admission_at"
            : null);
        if (p.Address is { } a)
        {
            Check(errors, "patient.address.street", TooLong(a.Street, options.MaxTextLength));
            Check(errors, "patient.address.village", TooLong(a.Village, options.MaxTextLength));
            Check(errors, "patient.address.district", TooLong(a.District, options.MaxTextLength));
            Check(errors, "patient.address.city", TooLong(a.City, options.MaxTextLength));
            Check(errors, "patient.address.province", TooLong(a.Province, options.MaxTextLength));
            Check(errors, "patient.address.postal_code", a.PostalCode is null || IsDigits(a.PostalCode, 5) ? null : "must be 5 digits");
        }

        Check(errors, "care_class", claim.CareClass is < 1 or > 3 ? "must be 1, 2 or 3" : null);
        Check(errors, "admission_at", claim.AdmissionAt > latest ? "must not be in the future" : null);
        Check(errors, "discharge_at",
            claim.DischargeAt > latest ? "must not be in the future"
            : !errors.Touches("admission_at") && claim.DischargeAt < claim.AdmissionAt ? "must not be before admission_at"
            : null);

        CheckList(errors, "diagnoses", claim.Diagnoses.Count, options, required: true);
        int primaries = 0;
        for (int i = 0; i < claim.Diagnoses.Count; i++)
        {
            var d = claim.Diagnoses[i];
            if (d.Primary) primaries++;
            Check(errors, new FieldPath("diagnoses", i, "icd10"), Icd10Shape.IsWellFormed(d.Icd10) ? null : "must be an ICD-10 code such as A09, A09.0 or A090");
        }
        if (claim.Diagnoses.Count > 0 && !errors.Has("diagnoses"))
        {
            if (primaries == 0) errors.Add("diagnoses", "must have exactly one primary diagnosis (none is marked primary)");
            else if (primaries > 1) errors.Add("diagnoses", $"must have exactly one primary diagnosis ({primaries} are marked primary)");
        }

        CheckList(errors, "procedures", claim.Procedures.Count, options);
        for (int i = 0; i < claim.Procedures.Count; i++)
        {
            var pr = claim.Procedures[i];
            Check(errors, new FieldPath("procedures", i, "icd9cm"), Icd9CmShape.IsWellFormed(pr.Icd9Cm) ? null : "must be an ICD-9-CM procedure code such as 96.70");
            Check(errors, new FieldPath("procedures", i, "at"), pr.At > latest ? "must not be in the future" : null);
        }

        CheckList(errors, "medications", claim.Medications.Count, options);
        for (int i = 0; i < claim.Medications.Count; i++)
        {
            var m = claim.Medications[i];
            Check(errors, new FieldPath("medications", i, "name"), string.IsNullOrWhiteSpace(m.Name) ? "is required" : TooLong(m.Name, options.MaxTextLength));
            Check(errors, new FieldPath("medications", i, "form"), TooLong(m.Form, 64));
            Check(errors, new FieldPath("medications", i, "quantity"), QuantityProblem(m.Quantity));
            Check(errors, new FieldPath("medications", i, "unit_price"), m.UnitPrice < 0 ? "must not be negative" : null);
        }

        CheckList(errors, "vitamins", claim.Vitamins.Count, options);
        for (int i = 0; i < claim.Vitamins.Count; i++)
        {
            var v = claim.Vitamins[i];
            Check(errors, new FieldPath("vitamins", i, "name"), string.IsNullOrWhiteSpace(v.Name) ? "is required" : TooLong(v.Name, options.MaxTextLength));
            Check(errors, new FieldPath("vitamins", i, "dose"), TooLong(v.Dose, 64));
            Check(errors, new FieldPath("vitamins", i, "quantity"), QuantityProblem(v.Quantity));
            Check(errors, new FieldPath("vitamins", i, "unit_price"), v.UnitPrice < 0 ? "must not be negative" : null);
        }

        CheckList(errors, "lab_tests", claim.LabTests.Count, options);
        for (int i = 0; i < claim.LabTests.Count; i++)
        {
            var l = claim.LabTests[i];
            Check(errors, new FieldPath("lab_tests", i, "name"), string.IsNullOrWhiteSpace(l.Name) ? "is required" : TooLong(l.Name, options.MaxTextLength));
            Check(errors, new FieldPath("lab_tests", i, "at"), l.At > latest ? "must not be in the future" : null);
        }

        Check(errors, "ina_cbg.code", string.IsNullOrWhiteSpace(claim.InaCbg.Code) ? "is required" : TooLong(claim.InaCbg.Code, 16));
        Check(errors, "ina_cbg.tariff", claim.InaCbg.Tariff < 0 ? "must not be negative" : null);
        Check(errors, "hospital_tariff", claim.HospitalTariff < 0 ? "must not be negative" : null);

        if (claim.Documents?.Sep is { } sep)
        {
            Check(errors, "documents.sep.number", TooLong(sep.Number, 32));
            Check(errors, "documents.sep.issued_at", sep.IssuedAt > latest ? "must not be in the future" : null);
            Check(errors, "documents.sep.patient_name", TooLong(sep.PatientName, options.MaxTextLength));
            Check(errors, "documents.sep.bpjs_number", sep.BpjsNumber is null || IsDigits(sep.BpjsNumber, 13) ? null : "must be 13 digits");
        }
        if (claim.Documents?.ResumeMedis is { } rm)
        {
            Check(errors, "documents.resume_medis.patient_name", TooLong(rm.PatientName, options.MaxTextLength));
            Check(errors, "documents.resume_medis.admission_at", rm.AdmissionAt > latest ? "must not be in the future" : null);
            Check(errors, "documents.resume_medis.discharge_at", rm.DischargeAt > latest ? "must not be in the future" : null);
        }
    }

    /// <summary>Why a claim id is unacceptable, or null: 1 to 64 of letters, digits, '-', '_', '.'.</summary>
    public static string? ClaimIdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "is required";
        if (id.Length > 64) return "must be at most 64 characters";
        foreach (char c in id)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                return "may hold only letters, digits, '-', '_' and '.'";
        return null;
    }

    private static void Check(ValidationErrors errors, FieldPath field, string? problem)
    {
        if (problem is null) return;
        var name = field.ToString();
        if (!errors.Touches(name)) errors.Add(name, problem);
    }

    private static void CheckList(ValidationErrors errors, string field, int count, ClaimValidationOptions options, bool required = false)
    {
        if (errors.Has(field)) return;
        if (required && count == 0) errors.Add(field, "must have at least one item");
        else if (count > options.MaxItemsPerList) errors.Add(field, $"must have at most {options.MaxItemsPerList} items");
    }

    private static string? TooLong(string? s, int max) => s is not null && s.Length > max ? $"must be at most {max} characters" : null;

    private static string? QuantityProblem(double q) =>
        double.IsFinite(q) ? q < 0 ? "must not be negative" : q > 100_000 ? "must be at most 100000" : null : "must be a finite number";

    private static bool IsDigits(string s, int length)
    {
        if (s.Length != length) return false;
        foreach (char c in s) if (c is < '0' or > '9') return false;
        return true;
    }
}
