using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Domain.Tests;

public class ClaimJsonTests
{
    private static readonly ClaimValidationOptions Options = new() { Clock = FixedClock.Today };

    [Fact]
    public void TheCombinedFraudExampleParsesAsAValidClaim()
    {
        var result = ClaimJson.Parse(Fixtures.CombinedFraudJson, Options);

        Assert.True(result.IsValid, result.Errors.ToString());
        var c = result.Claim!;
        Assert.Equal("CLM-2025-COMBINED-001", c.ClaimId);
        Assert.Equal(HospitalClass.B, c.Hospital.Class);
        Assert.Equal(Sex.M, c.Patient.Sex);
        Assert.Equal(new DateOnly(1997, 9, 14), c.Patient.BirthDate);
        Assert.Equal(9, c.Procedures.Count);
        Assert.Equal(3_200_000, c.InaCbg.Tariff);
        Assert.Equal(8_500_000, c.HospitalTariff);
        Assert.Equal("Ahmad Fauzi bin Abdullah", c.Documents!.Sep!.PatientName);
        Assert.Equal(3, c.LosDays);
    }

    [Fact]
    public void WritingTheExampleBackGivesTheSameJsonInMeaning()
    {
        var original = JsonNode.Parse(Fixtures.CombinedFraudJson)!;
        var claim = ClaimJson.Parse(Fixtures.CombinedFraudJson, Options).Claim!;

        var written = JsonNode.Parse(ClaimJson.Serialize(claim))!;

        Assert.True(JsonNode.DeepEquals(original, written), $"expected {original.ToJsonString()}\nactual   {written.ToJsonString()}");
    }

    [Fact]
    public void WritingTheSameClaimTwiceGivesTheSameBytes()
    {
        var claim = ClaimJson.Parse(Fixtures.CombinedFraudJson, Options).Claim!;
        Assert.Equal(ClaimJson.SerializeToUtf8Bytes(claim), ClaimJson.SerializeToUtf8Bytes(claim with { }));
    }

    [Fact]
    public void ATimeWithoutAnOffsetIsReadAsJakartaTime()
    {
        var json = Mutate(o => o["admission_at"] = "2024-10-10T08:00:00");
        var claim = ClaimJson.Parse(json, Options).Claim!;
        Assert.Equal(new DateTimeOffset(2024, 10, 10, 8, 0, 0, TimeSpan.FromHours(7)), claim.AdmissionAt);
    }

    [Fact]
    public void IcdCodesWithOrWithoutTheDotAreAccepted()
    {
        foreach (var code in new[] { "A09", "A09.0", "A090", "a09" })
        {
            var json = Mutate(o => o["diagnoses"]![0]!["icd10"] = code);
            Assert.True(ClaimJson.Parse(json, Options).IsValid, code);
        }
    }

    [Fact]
    public void AClaimWithManyProblemsReportsEveryWrongFieldAtOnce()
    {
        var json = Mutate(o =>
        {
            o.Remove("claim_id");
            o["care_type"] = "daycare";
            o["care_class"] = "three";
            o["discharge_at"] = "2024-10-09T08:00:00+07:00";
            o["hospital_tariff"] = -5;
            o["patient"]!["nik"] = "31740114";
            o["hospital"]!["class"] = "E";
            o["medications"]![0]!["unit_price"] = -1;
            o["diagnoses"]![0]!["primary"] = false;
        });

        var result = ClaimJson.Parse(json, Options);

        Assert.False(result.IsValid);
        var e = result.Errors;
        Assert.Contains("is required", e["claim_id"]);
        Assert.Contains("\"inpatient\" or \"outpatient\"", e["care_type"][0]);
        Assert.Equal("must be a whole number", e["care_class"][0]);
        Assert.Equal("must not be before admission_at", e["discharge_at"][0]);
        Assert.Equal("must not be negative", e["hospital_tariff"][0]);
        Assert.Equal("must be 16 digits", e["patient.nik"][0]);
        Assert.Contains("\"A\"", e["hospital.class"][0]);
        Assert.Equal("must not be negative", e["medications[0].unit_price"][0]);
        Assert.Contains("none is marked primary", e["diagnoses"][0]);
        Assert.Equal(9, e.Count);
    }

    [Fact]
    public void TwoPrimaryDiagnosesAreRejected()
    {
        var json = Mutate(o => ((JsonArray)o["diagnoses"]!).Add(new JsonObject { ["icd10"] = "J06", ["primary"] = true }));
        var result = ClaimJson.Parse(json, Options);
        Assert.Contains("2 are marked primary", result.Errors["diagnoses"][0]);
    }

    [Fact]
    public void NoDiagnosisAtAllIsRejected()
    {
        var result = ClaimJson.Parse(Mutate(o => o["diagnoses"] = new JsonArray()), Options);
        Assert.Equal("must have at least one item", result.Errors["diagnoses"][0]);
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("CLM 001", "may hold only letters, digits, '-', '_' and '.'")]
    [InlineData("CLM/001", "may hold only letters, digits, '-', '_' and '.'")]
    public void BadClaimIdsAreNamed(string id, string message)
    {
        var result = ClaimJson.Parse(Mutate(o => o["claim_id"] = id), Options);
        Assert.Equal(message, result.Errors["claim_id"][0]);
    }

    [Fact]
    public void AClaimIdOfSixtyFiveCharactersIsTooLong()
    {
        Assert.True(ClaimJson.Parse(Mutate(o => o["claim_id"] = new string('A', 64)), Options).IsValid);
        var result = ClaimJson.Parse(Mutate(o => o["claim_id"] = new string('A', 65)), Options);
        Assert.Equal("must be at most 64 characters", result.Errors["claim_id"][0]);
    }

    [Fact]
    public void DatesInTheFarFutureAreRejected()
    {
        var result = ClaimJson.Parse(Mutate(o =>
        {
            o["admission_at"] = "2030-01-01T08:00:00+07:00";
            o["discharge_at"] = "2030-01-02T08:00:00+07:00";
        }), Options);
        Assert.Equal("must not be in the future", result.Errors["admission_at"][0]);
        Assert.Equal("must not be in the future", result.Errors["discharge_at"][0]);
    }

    [Fact]
    public void FractionalRupiahAreRejectedButWholeFloatsAreNot()
    {
        Assert.True(ClaimJson.Parse(Mutate(o => o["hospital_tariff"] = 8500000.0), Options).IsValid);
        var result = ClaimJson.Parse(Mutate(o => o["hospital_tariff"] = 8500000.5), Options);
        Assert.Equal("must be a whole number of rupiah", result.Errors["hospital_tariff"][0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"claim\"")]
    public void NonObjectsAndBrokenJsonGiveOneRootError(string body)
    {
        var result = ClaimJson.Parse(body, Options);
        Assert.False(result.IsValid);
        Assert.Equal(["$"], result.Errors.Fields);
    }

    [Fact]
    public void AMissingHospitalIsOneErrorNotOnePerField()
    {
        var result = ClaimJson.Parse(Mutate(o => o.Remove("hospital")), Options);
        Assert.Equal(["hospital"], result.Errors.Fields);
    }

    [Fact]
    public void TheLabelIsReadWhenPresentAndRequiredOnlyWhenAsked()
    {
        var labelled = Mutate(o => o["label"] = new JsonObject { ["is_fraud"] = true, ["patterns"] = new JsonArray("upcoding") });
        var result = ClaimJson.Parse(labelled, Options);
        Assert.True(result.IsValid);
        Assert.Equal(new[] { "upcoding" }, result.Label!.Patterns);
        Assert.True(result.Label.IsFraud);

        Assert.True(ClaimJson.Parse(Fixtures.CombinedFraudJson, Options).IsValid);
        Assert.Equal("is required", ClaimJson.Parse(Fixtures.CombinedFraudJson, Options, requireLabel: true).Errors["label"][0]);
    }

    [Fact]
    public void AClaimWrittenWithItsLabelReadsBackWithIt()
    {
        var claim = ClaimJson.Parse(Fixtures.CombinedFraudJson, Options).Claim!;
        var label = new ClaimLabel(true, ["sep_after_discharge", "upcoding"]);
        var back = ClaimJson.Parse(ClaimJson.Serialize(claim, label), Options, requireLabel: true);
        Assert.Equal(label.Patterns, back.Label!.Patterns);
        Assert.Equal(ClaimJson.Serialize(claim), ClaimJson.Serialize(back.Claim!));
    }

    internal static string Mutate(Action<JsonObject> change)
    {
        var o = JsonNode.Parse(Fixtures.CombinedFraudJson)!.AsObject();
        change(o);
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}

public class ClaimJsonTextTests
{
    [Fact]
    public void AnEscapedLoneSurrogateIsAFieldErrorNotACrash()
    {
        var json = ClaimJsonTests.Mutate(o => o["patient"]!["name"] = "x").Replace("\"name\":\"x\"", "\"name\":\"\\ud800\"");
        var result = ClaimJson.Parse(json, new() { Clock = FixedClock.Today });
        Assert.Contains("unpaired surrogate", result.Errors["patient.name"][0]);
    }
}
