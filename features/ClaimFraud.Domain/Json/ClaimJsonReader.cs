using System.Text.Json;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Domain.Json;

/// <summary>
/// Reads a contract §1 claim from JSON, collecting every wrong field instead of stopping at the first
/// (System.Text.Json's serializer throws on the first type mismatch, which would hide the rest from the caller).
/// </summary>
internal sealed class ClaimJsonReader(ValidationErrors errors)
{
    public Claim Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a JSON object (a claim)");
            return Placeholder;
        }

        var hospitalEl = Obj(root, "hospital", "hospital", required: true);
        var hospital = new HospitalInfo
        {
            Code = hospitalEl is { } h ? Str(h, "code", "hospital.code", required: true) ?? "" : "",
            Name = hospitalEl is { } h2 ? Str(h2, "name", "hospital.name") : null,
            Class = hospitalEl is { } h3 ? Enum<HospitalClass>(h3, "class", "hospital.class", ClaimEnums.TryParseHospitalClass, "\"A\", \"B\", \"C\" or \"D\"") : default,
            TariffRegion = hospitalEl is { } h4 ? Int(h4, "tariff_region", "hospital.tariff_region", required: true) ?? 0 : 0,
        };

        var patientEl = Obj(root, "patient", "patient", required: true);
        PatientInfo patient = new()
        {
            Nik = patientEl is { } p1 ? Str(p1, "nik", "patient.nik", required: true) ?? "" : "",
            BpjsNumber = patientEl is { } p2 ? Str(p2, "bpjs_number", "patient.bpjs_number") : null,
            Name = patientEl is { } p3 ? Str(p3, "name", "patient.name") : null,
            Sex = patientEl is { } p4 ? Enum<Sex>(p4, "sex", "patient.sex", ClaimEnums.TryParseSex, "\"M\" or \"F\"") : default,
            BirthDate = patientEl is { } p5 ? Date(p5, "birth_date", "patient.birth_date", required: true) ?? default : default,
            Address = patientEl is { } p6 && Obj(p6, "address", "patient.address") is { } a ? ReadAddress(a) : null,
        };

        var inaCbgEl = Obj(root, "ina_cbg", "ina_cbg", required: true);
        var documentsEl = Obj(root, "documents", "documents");

        return new Claim
        {
            ClaimId = Str(root, "claim_id", "claim_id", required: true) ?? "",
            Hospital = hospital,
            DoctorId = Str(root, "doctor_id", "doctor_id"),
            Patient = patient,
            CareType = Enum<CareType>(root, "care_type", "care_type", ClaimEnums.TryParseCareType, "\"inpatient\" or \"outpatient\""),
            CareClass = Int(root, "care_class", "care_class", required: true) ?? 0,
            AdmissionAt = Time(root, "admission_at", "admission_at", required: true) ?? default,
            DischargeAt = Time(root, "discharge_at", "discharge_at", required: true) ?? default,
            Diagnoses = List(root, "diagnoses", required: true, (el, path) =>
                new Diagnosis(
                    Upper(Str(el, "icd10", path.Child("icd10"), required: true)) ?? "",
                    Bool(el, "primary", path.Child("primary")) ?? false)),
            Procedures = List(root, "procedures", required: false, (el, path) =>
                new Procedure(Str(el, "icd9cm", path.Child("icd9cm"), required: true) ?? "", Time(el, "at", path.Child("at")))),
            Medications = List(root, "medications", required: false, (el, path) => new Medication
            {
                Name = Str(el, "name", path.Child("name"), required: true) ?? "",
                Form = Str(el, "form", path.Child("form")),
                Quantity = Number(el, "quantity", path.Child("quantity"), required: true) ?? 0,
                UnitPrice = Money(el, "unit_price", path.Child("unit_price"), required: true) ?? 0,
            }),
            Vitamins = List(root, "vitamins", required: false, (el, path) => new Vitamin
            {
                Name = Str(el, "name", path.Child("name"), required: true) ?? "",
                Dose = Str(el, "dose", path.Child("dose")),
                Quantity = Number(el, "quantity", path.Child("quantity"), required: true) ?? 0,
                UnitPrice = Money(el, "unit_price", path.Child("unit_price"), required: true) ?? 0,
            }),
            LabTests = List(root, "lab_tests", required: false, (el, path) =>
                new LabTest(Str(el, "name", path.Child("name"), required: true) ?? "", Time(el, "at", path.Child("at")))),
            InaCbg = inaCbgEl is { } cbg
                ? new InaCbg(Str(cbg, "code", "ina_cbg.code", required: true) ?? "", Money(cbg, "tariff", "ina_cbg.tariff", required: true) ?? 0)
                : new InaCbg("", 0),
            HospitalTariff = Money(root, "hospital_tariff", "hospital_tariff", required: true) ?? 0,
            Documents = documentsEl is { } docs ? ReadDocuments(docs) : null,
        };
    }

    /// <summary>Reads the optional training label; a malformed one is reported only when <paramref name="required"/>.</summary>
    public ClaimLabel? ReadLabel(JsonElement root, bool required)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (!root.TryGetProperty("label", out var el) || el.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add("label", "is required");
            return null;
        }
        var sink = required ? this : new ClaimJsonReader(new ValidationErrors());
        if (el.ValueKind != JsonValueKind.Object)
        {
            if (required) errors.Add("label", "must be an object {\"is_fraud\": …, \"patterns\": […]}");
            return null;
        }
        bool? isFraud = sink.Bool(el, "is_fraud", "label.is_fraud", required: true);
        var patterns = sink.List(el, "patterns", required: false, (p, path) =>
            p.ValueKind == JsonValueKind.String && TryGetText(p, out var pt) ? pt : sink.Fail<string>(path, "must be a string"), basePath: "label.patterns");
        return isFraud is null ? null : new ClaimLabel(isFraud.Value, patterns);
    }

    private Address ReadAddress(JsonElement a) => new()
    {
        Street = Str(a, "street", "patient.address.street"),
        Village = Str(a, "village", "patient.address.village"),
        District = Str(a, "district", "patient.address.district"),
        City = Str(a, "city", "patient.address.city"),
        Province = Str(a, "province", "patient.address.province"),
        PostalCode = Str(a, "postal_code", "patient.address.postal_code"),
    };

    private ClaimDocuments ReadDocuments(JsonElement docs)
    {
        var sepEl = Obj(docs, "sep", "documents.sep");
        var rmEl = Obj(docs, "resume_medis", "documents.resume_medis");
        return new ClaimDocuments
        {
            Sep = sepEl is { } s ? new SepDocument
            {
                Number = Str(s, "number", "documents.sep.number"),
                IssuedAt = Time(s, "issued_at", "documents.sep.issued_at"),
                PatientName = Str(s, "patient_name", "documents.sep.patient_name"),
                BpjsNumber = Str(s, "bpjs_number", "documents.sep.bpjs_number"),
            } : null,
            ResumeMedis = rmEl is { } r ? new ResumeMedis
            {
                PatientName = Str(r, "patient_name", "documents.resume_medis.patient_name"),
                AdmissionAt = Time(r, "admission_at", "documents.resume_medis.admission_at"),
                DischargeAt = Time(r, "discharge_at", "documents.resume_medis.discharge_at"),
            } : null,
        };
    }

    private static readonly Claim Placeholder = new()
    {
        ClaimId = "",
        Hospital = new HospitalInfo { Code = "", Class = default, TariffRegion = 0 },
        Patient = new PatientInfo { Nik = "", Sex = default, BirthDate = default },
        CareType = default,
        CareClass = 0,
        AdmissionAt = default,
        DischargeAt = default,
        Diagnoses = [],
        InaCbg = new InaCbg("", 0),
        HospitalTariff = 0,
    };

    private bool TryGet(JsonElement obj, string name, FieldPath path, bool required, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null) return true;
        if (required) errors.Add(path.ToString(), "is required");
        return false;
    }

    private T? Fail<T>(FieldPath path, string message)
    {
        errors.Add(path.ToString(), message);
        return default;
    }

    private JsonElement? Obj(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Object) return v;
        errors.Add(path.ToString(), "must be an object");
        return null;
    }

    private string? Str(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) return Fail<string>(path, "must be a string");
        if (!TryGetText(v, out var s)) return Fail<string>(path, "must be valid Unicode text (it holds an unpaired surrogate)");
        if (required && s.Length == 0) return Fail<string>(path, "is required");
        return s;
    }

    /// <summary>System.Text.Json refuses to decode escaped lone surrogates ("\ud800") with an exception; that is bad input, not a crash.</summary>
    private static bool TryGetText(JsonElement v, out string text)
    {
        try
        {
            text = v.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string? Upper(string? s) => s?.ToUpperInvariant();

    private bool? Bool(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        errors.Add(path.ToString(), "must be true or false");
        return null;
    }

    private int? Int(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i)) return i;
        errors.Add(path.ToString(), "must be a whole number");
        return null;
    }

    private double? Number(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d)) return d;
        errors.Add(path.ToString(), "must be a number");
        return null;
    }

    /// <summary>Money is whole rupiah; 45000.0 is accepted, 45000.5 is not.</summary>
    private long? Money(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt64(out long l)) return l;
            if (v.TryGetDecimal(out decimal m) && m == decimal.Truncate(m) && m is >= long.MinValue and <= long.MaxValue) return (long)m;
        }
        errors.Add(path.ToString(), "must be a whole number of rupiah");
        return null;
    }

    private DateTimeOffset? Time(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String && TryGetText(v, out var ts) && JakartaTime.TryParseTimestamp(ts, out var t)) return t;
        errors.Add(path.ToString(), "must be an ISO 8601 date-time such as 2024-10-10T08:00:00+07:00");
        return null;
    }

    private DateOnly? Date(JsonElement obj, string name, FieldPath path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String && TryGetText(v, out var ds) && JakartaTime.TryParseDate(ds, out var d)) return d;
        errors.Add(path.ToString(), "must be a date such as 1997-09-14");
        return null;
    }

    private delegate bool EnumParser<T>(string? s, out T value);

    private T Enum<T>(JsonElement obj, string name, FieldPath path, EnumParser<T> parse, string allowed) where T : struct
    {
        if (!TryGet(obj, name, path, required: true, out var v)) return default;
        if (v.ValueKind == JsonValueKind.String && TryGetText(v, out var es) && parse(es, out var value)) return value;
        errors.Add(path.ToString(), $"must be {allowed}");
        return default;
    }

    private IReadOnlyList<T> List<T>(JsonElement obj, string name, bool required, Func<JsonElement, FieldPath, T?> item, string? basePath = null)
    {
        string path = basePath ?? name;
        if (!TryGet(obj, name, path, required, out var v)) return [];
        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path.ToString(), "must be an array");
            return [];
        }
        var list = new List<T>(v.GetArrayLength());
        int i = 0;
        foreach (var el in v.EnumerateArray())
        {
            var itemPath = new FieldPath(path, i++);
            if (el.ValueKind != JsonValueKind.Object && typeof(T) != typeof(string))
            {
                errors.Add(itemPath.ToString(), "must be an object");
                continue;
            }
            if (item(el, itemPath) is { } t) list.Add(t);
        }
        return list;
    }
}
