using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Scores;

namespace ClaimFraud.Serving.Explanations;

/// <summary>
/// What a chat model is told about a scored claim: codes, amounts, counts and the findings, as JSON. Nothing that
/// identifies a person or a case leaves the server: no NIK, BPJS or SEP number, name, address, birth date, doctor,
/// hospital, claim id or exact date (the length of stay carries the timing). Rule messages are included because the
/// rules write them without personal data.
/// </summary>
internal static class ExplanationFacts
{
    public static string Write(Claim claim, ClaimScore score)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, ClaimJson.WriterOptions))
        {
            w.WriteStartObject();

            w.WriteStartObject("risk");
            w.WriteString("risk_level", score.RiskLevel);
            w.WriteNumber("risk_score", score.RiskScore);
            w.WriteNumber("fraud_score", score.FraudScore);
            w.WriteString("recommendation", score.Recommendation);
            w.WriteNumber("model_probability", score.Components.Model);
            w.WriteNumber("rules_score", score.Components.Rules);
            w.WriteEndObject();

            w.WriteStartObject("claim");
            w.WriteString("care_type", claim.CareType == CareType.Inpatient ? "inpatient" : "outpatient");
            w.WriteNumber("care_class", claim.CareClass);
            w.WriteNumber("los_days", claim.LosDays);
            w.WriteString("hospital_class", claim.Hospital.Class.ToString());
            w.WriteNumber("tariff_region", claim.Hospital.TariffRegion);
            w.WriteStartArray("diagnoses");
            foreach (var d in claim.Diagnoses) w.WriteStringValue(d.Primary ? d.Icd10 + " (primary)" : d.Icd10);
            w.WriteEndArray();
            w.WriteStartArray("procedures");
            foreach (var p in claim.Procedures) w.WriteStringValue(p.Icd9Cm);
            w.WriteEndArray();
            w.WriteStartArray("medications");
            foreach (var m in claim.Medications)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                if (m.Form is { } form) w.WriteString("form", form);
                w.WriteNumber("quantity", m.Quantity);
                w.WriteNumber("unit_price", m.UnitPrice);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("vitamins");
            foreach (var v in claim.Vitamins)
            {
                w.WriteStartObject();
                w.WriteString("name", v.Name);
                if (v.Dose is { } dose) w.WriteString("dose", dose);
                w.WriteNumber("quantity", v.Quantity);
                w.WriteNumber("unit_price", v.UnitPrice);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("lab_tests");
            foreach (var l in claim.LabTests) w.WriteStringValue(l.Name);
            w.WriteEndArray();
            w.WriteString("ina_cbg_code", claim.InaCbg.Code);
            w.WriteNumber("ina_cbg_tariff", claim.InaCbg.Tariff);
            w.WriteNumber("hospital_tariff", claim.HospitalTariff);
            w.WriteEndObject();

            w.WriteStartArray("findings");
            foreach (var v in score.RuleViolations)
            {
                w.WriteStartObject();
                w.WriteString("code", v.Code);
                w.WriteString("severity", v.Severity);
                w.WriteString("section", v.Section);
                w.WriteString("message", v.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("model_factors");
            foreach (var f in score.Importance)
            {
                w.WriteStartObject();
                w.WriteString("feature", f.Feature);
                if (f.Value is { } value) w.WriteNumber("value", value);
                else w.WriteNull("value");
                w.WriteNumber("contribution", f.Contribution);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
