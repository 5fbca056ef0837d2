using System.Text.RegularExpressions;
using ClaimFraud.Features.Schema;

namespace ClaimFraud.Features.Tests;

public class FeatureSchemaTests
{
    private static readonly FeatureSchema Schema = FeatureSchema.Current;

    [Fact]
    public void EveryFeatureIdHasTheSnakeCaseNameAtItsIndex()
    {
        var ids = Enum.GetValues<FeatureId>();
        Assert.Equal(ids.Length, Schema.Count);
        foreach (var id in ids)
        {
            // PascalCase to snake_case; a day-window suffix such as 30d is a word of its own (patient_claims_30d, icd10_chapter).
            string snake = Regex.Replace(id.ToString(), "(?<=[a-z0-9])(?=[A-Z])|(?<=[a-z])(?=[0-9]+d$)", "_").ToLowerInvariant();
            Assert.Equal(snake, Schema[id].Name);
            Assert.Equal((int)id, Schema.IndexOf(snake));
        }
    }

    [Fact]
    public void IndexOfAnUnknownNameIsMinusOne() => Assert.Equal(-1, Schema.IndexOf("hospital_code"));

    [Fact]
    public void TheSeedFeaturesAreInTheSchema()
    {
        string[] seed000 = ["tindakan_validity_score", "obat_validity_score", "vitamin_relevance_score", "biaya_anomaly_score", "rule_violation_flag"];
        string[] seed003 = ["tariff_ratio", "tariff_diff_percentage", "tariff_per_day", "los_days", "num_procedures", "procedure_intensity", "provider_claims_count", "provider_high_cost_rate"];
        Assert.All(seed000.Concat(seed003), name => Assert.True(Schema.IndexOf(name) >= 0, name));
    }

    [Fact]
    public void NoIdentifierIsAFeature()
    {
        string[] identifiers = ["claim_id", "nik", "hospital_code", "doctor_id", "patient_name", "bpjs_number"];
        Assert.All(identifiers, name => Assert.Equal(-1, Schema.IndexOf(name)));
    }

    [Fact]
    public void TheHashIsSha256OverNamesAndKindsInOrder()
    {
        Assert.Matches("^[0-9a-f]{64}$", Schema.Hash);
        Assert.Equal(Schema.Hash, new FeatureSchema(Schema.Features).Hash);

        var renamed = Schema.Features.Select(f => f.Index == 0 ? f with { Name = "x" } : f);
        var rekinded = Schema.Features.Select(f => f.Index == 0 ? f with { Kind = FeatureKind.Categorical } : f);
        var redescribed = Schema.Features.Select(f => f.Index == 0 ? f with { Description = "other words" } : f);
        Assert.NotEqual(Schema.Hash, new FeatureSchema(renamed).Hash);
        Assert.NotEqual(Schema.Hash, new FeatureSchema(rekinded).Hash);
        Assert.Equal(Schema.Hash, new FeatureSchema(redescribed).Hash);
    }

    [Fact]
    public void ASchemaRefusesRepeatedNamesAndMisplacedIndexes()
    {
        var repeated = Schema.Features.Select(f => f.Index == 1 ? f with { Name = Schema[0].Name } : f);
        Assert.Contains(Schema[0].Name, Assert.Throws<ArgumentException>(() => new FeatureSchema(repeated)).Message);
        Assert.Throws<ArgumentException>(() => new FeatureSchema(Schema.Features.Skip(1)));
    }

    [Fact]
    public void EveryFeatureSaysWhatItMeansAndWhenItIsMissing() =>
        Assert.All(Schema.Features, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Description));
            Assert.False(string.IsNullOrWhiteSpace(f.WhenMissing));
        });
}
