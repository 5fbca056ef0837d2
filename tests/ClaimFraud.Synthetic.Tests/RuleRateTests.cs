using ClaimFraud.Features;
using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Table;

namespace ClaimFraud.Synthetic.Tests;

/// <summary>
/// How the generated claims meet the rules engine: legitimate claims trip a medium-or-higher rule at a realistic
/// rate (real claims carry off-list drugs, extra scans, expensive cases and clerical slips), fraudulent ones far more.
/// </summary>
[Collection(GeneratedDatasetCollection.Name)]
public sealed class RuleRateTests(GeneratedDataset data)
{
    private readonly Lazy<IReadOnlyList<FeatureRow>> _rows = new(() => FeatureTable.Build(data.Claims, new ClaimEvidence(data.Catalog)));

    [Fact]
    public void LegitimateClaimsTripAMediumRuleAtARealisticRateAndFraudulentOnesFarMoreOften()
    {
        int flag = (int)FeatureId.RuleViolationFlag;
        var legit = _rows.Value.Where(r => r.IsFraud == false).ToList();
        var fraud = _rows.Value.Where(r => r.IsFraud == true).ToList();
        double legitRate = legit.Count(r => r.Features[flag] == 1) / (double)legit.Count;
        double fraudRate = fraud.Count(r => r.Features[flag] == 1) / (double)fraud.Count;
        Assert.InRange(legitRate, 0.08, 0.16);
        Assert.True(fraudRate > 0.7, $"fraud flagged {fraudRate:P1}");
    }

    [Fact]
    public void NoSingleRuleFiresOnMoreThanATenthOfLegitimateClaims()
    {
        var legit = _rows.Value.Where(r => r.IsFraud == false).ToList();
        foreach (var rule in RuleCatalog.All)
        {
            double rate = legit.Count(r => r.RuleCodes.Contains(rule.Code)) / (double)legit.Count;
            Assert.True(rate < 0.1, $"{rule.Code} fires on {rate:P1} of legitimate claims");
        }
    }

    [Fact]
    public void TheClaimedTariffAboveTheCatalogIsNoMoreThanALowFinding()
    {
        // Whole hospitals price 1.5× the catalog's approximations: the finding exists, and never flags a claim alone.
        var rows = _rows.Value.Where(r => r.RuleCodes.SequenceEqual([RuleCodes.InaCbgTariffMismatch])).ToList();
        Assert.All(rows, r => Assert.Equal(0, r.Features[(int)FeatureId.RuleViolationFlag]));
    }
}
