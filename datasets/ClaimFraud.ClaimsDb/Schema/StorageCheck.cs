using System.Diagnostics.CodeAnalysis;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>
/// Refuses, before any SQL runs, a claim the schema cannot hold exactly, so nothing is truncated or rounded
/// silently and the error names the claim and field rather than a column and row number. The limits are the
/// column widths of Migrations/*/V001__claims.sql (the lists' JSON columns since V003 have no width) and apply to SQLite too, so both stores accept the same claims.
/// Every claim that passes <see cref="ClaimValidator"/> with default options fits. Field paths are only formatted
/// on failure: this runs for every claim of a bulk load.
/// </summary>
internal static class StorageCheck
{
    public const int Code = 32, Id = 64, FreeText = 256, Short = 16, Bpjs = 32, MaxPatterns = 64, PatternLength = 128;

    /// <summary>DATE and DATETIME hold years 1000 to 9999 in MySQL.</summary>
    private const int MinYear = 1000;

    /// <summary>seq is SMALLINT UNSIGNED.</summary>
    private const int MaxListItems = ushort.MaxValue + 1;

    public static void Check(LabeledClaim? labeled)
    {
        if (labeled?.Claim is not { } c) throw new ArgumentNullException(nameof(labeled), "A claim to store is null.");
        string id = c.ClaimId ?? "(null)";
        Report(id, "claim_id", ClaimValidator.ClaimIdProblem(c.ClaimId));

        if (c.Hospital is not { } h) throw Fail(id, "hospital", "is required");
        Report(id, "hospital.code", Text(h.Code, Code, required: true));
        Report(id, "hospital.name", Text(h.Name, FreeText));
        Report(id, "hospital.class", Defined(h.Class));
        Report(id, "hospital.tariff_region", Small(h.TariffRegion));
        Report(id, "doctor_id", Text(c.DoctorId, Id));

        if (c.Patient is not { } p) throw Fail(id, "patient", "is required");
        Report(id, "patient.nik", Nik.IsSixteenDigits(p.Nik) ? null : "must be 16 digits");
        Report(id, "patient.bpjs_number", Text(p.BpjsNumber, Bpjs));
        Report(id, "patient.name", Text(p.Name, FreeText));
        Report(id, "patient.sex", Defined(p.Sex));
        Report(id, "patient.birth_date", p.BirthDate.Year < MinYear ? YearsProblem : null);
        if (p.Address is { } a)
        {
            Report(id, "patient.address.street", Text(a.Street, FreeText));
            Report(id, "patient.address.village", Text(a.Village, FreeText));
            Report(id, "patient.address.district", Text(a.District, FreeText));
            Report(id, "patient.address.city", Text(a.City, FreeText));
            Report(id, "patient.address.province", Text(a.Province, FreeText));
            Report(id, "patient.address.postal_code", Text(a.PostalCode, Short));
        }

        Report(id, "care_type", Defined(c.CareType));
        Report(id, "care_class", Small(c.CareClass));
        Report(id, "admission_at", Time(c.AdmissionAt));
        Report(id, "discharge_at", Time(c.DischargeAt));

        Items(id, "diagnoses", c.Diagnoses);
        for (int i = 0; i < c.Diagnoses.Count; i++)
            ReportItem(id, "diagnoses", i, "icd10", Text(c.Diagnoses[i].Icd10, Short, required: true));
        Items(id, "procedures", c.Procedures);
        for (int i = 0; i < c.Procedures.Count; i++)
        {
            ReportItem(id, "procedures", i, "icd9cm", Text(c.Procedures[i].Icd9Cm, Short, required: true));
            ReportItem(id, "procedures", i, "at", Time(c.Procedures[i].At));
        }
        Items(id, "medications", c.Medications);
        for (int i = 0; i < c.Medications.Count; i++)
        {
            var m = c.Medications[i];
            ReportItem(id, "medications", i, "name", Text(m.Name, FreeText, required: true));
            ReportItem(id, "medications", i, "form", Text(m.Form, Id));
            ReportItem(id, "medications", i, "quantity", Finite(m.Quantity));
        }
        Items(id, "vitamins", c.Vitamins);
        for (int i = 0; i < c.Vitamins.Count; i++)
        {
            var v = c.Vitamins[i];
            ReportItem(id, "vitamins", i, "name", Text(v.Name, FreeText, required: true));
            ReportItem(id, "vitamins", i, "dose", Text(v.Dose, Id));
            ReportItem(id, "vitamins", i, "quantity", Finite(v.Quantity));
        }
        Items(id, "lab_tests", c.LabTests);
        for (int i = 0; i < c.LabTests.Count; i++)
        {
            ReportItem(id, "lab_tests", i, "name", Text(c.LabTests[i].Name, FreeText, required: true));
            ReportItem(id, "lab_tests", i, "at", Time(c.LabTests[i].At));
        }

        if (c.InaCbg is not { } cbg) throw Fail(id, "ina_cbg", "is required");
        Report(id, "ina_cbg.code", Text(cbg.Code, Code, required: true));

        if (c.Documents?.Sep is { } sep)
        {
            Report(id, "documents.sep.number", Text(sep.Number, Id));
            Report(id, "documents.sep.issued_at", Time(sep.IssuedAt));
            Report(id, "documents.sep.patient_name", Text(sep.PatientName, FreeText));
            Report(id, "documents.sep.bpjs_number", Text(sep.BpjsNumber, Bpjs));
        }
        if (c.Documents?.ResumeMedis is { } rm)
        {
            Report(id, "documents.resume_medis.patient_name", Text(rm.PatientName, FreeText));
            Report(id, "documents.resume_medis.admission_at", Time(rm.AdmissionAt));
            Report(id, "documents.resume_medis.discharge_at", Time(rm.DischargeAt));
        }

        if (labeled.Label is { } label)
        {
            // label_patterns is a TEXT column (64 KiB); these bounds keep its JSON well inside that.
            Items(id, "label.patterns", label.Patterns);
            if (label.Patterns.Count > MaxPatterns)
                throw Fail(id, "label.patterns", $"has {label.Patterns.Count} items; the claims database holds at most {MaxPatterns}");
            for (int i = 0; i < label.Patterns.Count; i++)
                ReportItem(id, "label.patterns", i, null, Text(label.Patterns[i], PatternLength, required: true));
        }
    }

    private static readonly long MinTicks = new DateTime(MinYear, 1, 1).Ticks;

    private const string YearsProblem = "is outside the years 1000 to 9999 the claims database holds";

    private static void Report(string id, string field, string? problem)
    {
        if (problem is not null) throw Fail(id, field, problem);
    }

    private static void ReportItem(string id, string list, int index, string? leaf, string? problem)
    {
        if (problem is not null) throw Fail(id, leaf is null ? $"{list}[{index}]" : $"{list}[{index}].{leaf}", problem);
    }

    private static UnstorableClaimException Fail(string id, string field, string problem) => new(id, field, problem);

    private static void Items<T>(string id, string field, [NotNull] IReadOnlyList<T?>? list) where T : class
    {
        if (list is null) throw Fail(id, field, "is null (an empty list is stored as no rows)");
        if (list.Count > MaxListItems) throw Fail(id, field, $"has {list.Count} items; the claims database holds at most {MaxListItems}");
        for (int i = 0; i < list.Count; i++) if (list[i] is null) throw Fail(id, $"{field}[{i}]", "is null");
    }

    private static string? Text(string? value, int max, bool required = false)
    {
        if (value is null) return required ? "is required" : null;
        // string.Length counts UTF-16 units, never fewer than the characters MySQL counts, so this never lets through what MySQL would refuse.
        if (value.Length > max) return $"is {value.Length} characters long; the claims database holds at most {max}";
        if (!IsWellFormedUtf16(value)) return "contains an unpaired surrogate, which is not Unicode text and has no UTF-8 form";
        return null;
    }

    private static string? Time(DateTimeOffset? value)
    {
        if (value is not { } v) return null;
        // DateTime itself ends with year 9999, so only the lower bound needs checking.
        long utcTicks = v.UtcTicks;
        if (utcTicks < MinTicks) return YearsProblem;
        if (utcTicks % 10 != 0) return "has a fraction of a second finer than a microsecond, which DATETIME(6) cannot hold";
        return null;
    }

    private static string? Defined<T>(T value) where T : struct, Enum => Enum.IsDefined(value) ? null : "is not a value the contract defines";

    private static string? Small(int value) => value is < short.MinValue or > short.MaxValue ? "is out of range" : null;

    private static string? Finite(double value) => double.IsFinite(value) ? null : "is not a finite number";

    private static bool IsWellFormedUtf16(string s)
    {
        // Nearly all text has no surrogate at all; that vectorised scan settles it.
        if (!s.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return true;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }
}
