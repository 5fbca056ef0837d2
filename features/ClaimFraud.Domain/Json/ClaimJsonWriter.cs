using System.Text.Json;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Domain.Json;

/// <summary>Writes a claim in contract §1 field order, so generated files diff cleanly and the same claim gives the same bytes.</summary>
internal static class ClaimJsonWriter
{
    public static void Write(Utf8JsonWriter w, Claim c, ClaimLabel? label)
    {
        w.WriteStartObject();
        w.WriteString("claim_id", c.ClaimId);

        w.WriteStartObject("hospital");
        w.WriteString("code", c.Hospital.Code);
        if (c.Hospital.Name is { } hn) w.WriteString("name", hn);
        w.WriteString("class", c.Hospital.Class.ToContract());
        w.WriteNumber("tariff_region", c.Hospital.TariffRegion);
        w.WriteEndObject();

        if (c.DoctorId is { } doctor) w.WriteString("doctor_id", doctor);

        var p = c.Patient;
        w.WriteStartObject("patient");
        w.WriteString("nik", p.Nik);
        if (p.BpjsNumber is { } bpjs) w.WriteString("bpjs_number", bpjs);
        if (p.Name is { } name) w.WriteString("name", name);
        w.WriteString("sex", p.Sex.ToContract());
        w.WriteString("birth_date", JakartaTime.Format(p.BirthDate));
        if (p.Address is { } a)
        {
            w.WriteStartObject("address");
            OptionalString(w, "street", a.Street);
            OptionalString(w, "village", a.Village);
            OptionalString(w, "district", a.District);
            OptionalString(w, "city", a.City);
            OptionalString(w, "province", a.Province);
            OptionalString(w, "postal_code", a.PostalCode);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteString("care_type", c.CareType.ToContract());
        w.WriteNumber("care_class", c.CareClass);
        w.WriteString("admission_at", JakartaTime.Format(c.AdmissionAt));
        w.WriteString("discharge_at", JakartaTime.Format(c.DischargeAt));

        w.WriteStartArray("diagnoses");
        foreach (var d in c.Diagnoses)
        {
            w.WriteStartObject();
            w.WriteString("icd10", d.Icd10);
            w.WriteBoolean("primary", d.Primary);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("procedures");
        foreach (var pr in c.Procedures)
        {
            w.WriteStartObject();
            w.WriteString("icd9cm", pr.Icd9Cm);
            OptionalTime(w, "at", pr.At);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("medications");
        foreach (var m in c.Medications)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            OptionalString(w, "form", m.Form);
            w.WriteNumber("quantity", m.Quantity);
            w.WriteNumber("unit_price", m.UnitPrice);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("vitamins");
        foreach (var v in c.Vitamins)
        {
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            OptionalString(w, "dose", v.Dose);
            w.WriteNumber("quantity", v.Quantity);
            w.WriteNumber("unit_price", v.UnitPrice);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("lab_tests");
        foreach (var l in c.LabTests)
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            OptionalTime(w, "at", l.At);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("ina_cbg");
        w.WriteString("code", c.InaCbg.Code);
        w.WriteNumber("tariff", c.InaCbg.Tariff);
        w.WriteEndObject();
        w.WriteNumber("hospital_tariff", c.HospitalTariff);

        if (c.Documents is { } docs)
        {
            w.WriteStartObject("documents");
            if (docs.Sep is { } sep)
            {
                w.WriteStartObject("sep");
                OptionalString(w, "number", sep.Number);
                OptionalTime(w, "issued_at", sep.IssuedAt);
                OptionalString(w, "patient_name", sep.PatientName);
                OptionalString(w, "bpjs_number", sep.BpjsNumber);
                w.WriteEndObject();
            }
            if (docs.ResumeMedis is { } rm)
            {
                w.WriteStartObject("resume_medis");
                OptionalString(w, "patient_name", rm.PatientName);
                OptionalTime(w, "admission_at", rm.AdmissionAt);
                OptionalTime(w, "discharge_at", rm.DischargeAt);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }

        if (label is not null)
        {
            w.WriteStartObject("label");
            w.WriteBoolean("is_fraud", label.IsFraud);
            w.WriteStartArray("patterns");
            foreach (var pattern in label.Patterns) w.WriteStringValue(pattern);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void OptionalTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v) w.WriteString(name, JakartaTime.Format(v));
    }
}
