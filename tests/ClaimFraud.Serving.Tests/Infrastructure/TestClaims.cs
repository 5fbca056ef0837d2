using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>The seed's worked case (tests/fixtures/combined-fraud.json) and variations of it.</summary>
public static class TestClaims
{
    public const string Nik = "3174011409970005";
    public const string PatientName = "Ahmad Fauzi";
    public const string BpjsNumber = "0009876543210";

    /// <summary>The eight rule codes contract §2 requires for the worked case.</summary>
    public static readonly string[] CombinedFraudCodes =
    [
        "TIMELINE_SEP_AFTER_DISCHARGE", "TIMELINE_LAB_OUTSIDE_TREATMENT", "PATIENT_NAME_MISMATCH", "MEDICAL_UPCODING_SUSPICION",
        "TARIFF_EXTREME_OVERCHARGING", "LOS_EXTENDED_STAY", "PROCEDURES_EXCESSIVE", "TARIFF_HIGH_DAILY_COST",
    ];

    public static string CombinedFraudJson { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "combined-fraud.json"));

    /// <summary>The worked case on one line, as an NDJSON line.</summary>
    public static string CombinedFraudLine { get; } = JsonNode.Parse(CombinedFraudJson)!.ToJsonString();

    public static JsonObject CombinedFraud() => JsonNode.Parse(CombinedFraudJson)!.AsObject();

    /// <summary>The worked case under another claim id (so several can be stored or batched side by side).</summary>
    public static JsonObject WithId(string claimId)
    {
        var claim = CombinedFraud();
        claim["claim_id"] = claimId;
        return claim;
    }

    /// <summary>An ordinary claim: the worked case without its documents' contradictions, extra procedures or overbilling.</summary>
    public static JsonObject Ordinary(string claimId)
    {
        var claim = WithId(claimId);
        claim["procedures"] = new JsonArray();
        claim["lab_tests"] = new JsonArray(new JsonObject { ["name"] = "Darah lengkap", ["at"] = "2024-10-11T09:00:00+07:00" });
        claim["hospital_tariff"] = 3_200_000;
        claim.Remove("documents");
        return claim;
    }

    public static Claim Parse(JsonObject json)
    {
        var parsed = ClaimJson.Parse(json.ToJsonString());
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        return parsed.Claim!;
    }

    public static StringContent Json(string json, string contentType = "application/json") =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue(contentType));

    public static StringContent Json(JsonNode json) => Json(json.ToJsonString());

    public static ByteArrayContent Bytes(byte[] body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
