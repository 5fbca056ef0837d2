using ClaimFraud.Domain.Validation;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimFraud.Features.Tests;

/// <summary>Properties over generated claims (seeded builder; FsCheck picks the seeds).</summary>
public class PropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20241010UL, 7UL);

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    [Fact]
    public void GeneratedClaimsPassTheContractValidation() =>
        Check.One(Runs, Prop.ForAll(Seeds, seed =>
        {
            foreach (var claim in new RandomClaims(seed).Take(5))
            {
                var errors = ClaimValidator.Validate(claim, new ClaimValidationOptions { Clock = FixedClock.Today });
                Assert.True(errors.IsEmpty, $"{claim.ClaimId}: {errors}");
            }
        }));

    [Fact]
    public void EveryFeatureIsFiniteOrMissingByDesignAndNothingThrows() =>
        Check.One(Runs, Prop.ForAll(Seeds, seed =>
        {
            foreach (var claim in new RandomClaims(seed).Take(5))
            {
                var a = Catalog.Evidence.Analyze(claim, HistorySnapshot.Empty);
                AssertWellFormed(a);
                // Describing every finding exercises the message code on odd claims too.
                Assert.All(a.Rules.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Message)));
                Assert.All(a.Rules.ViolationsIn(RuleLanguage.English), v => Assert.False(string.IsNullOrWhiteSpace(v.Message)));
            }
        }));

    [Fact]
    public void WithAHistoryEveryFeatureIsStillFiniteOrMissingByDesign() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20).WithReplay(99UL, 3UL), Prop.ForAll(Seeds, seed =>
        {
            var history = Catalog.Evidence.CreateHistory();
            foreach (var claim in new RandomClaims(seed, patients: 30, hospitals: 3).Take(150))
            {
                var a = Catalog.Evidence.AnalyzeAndRecord(claim, history);
                AssertWellFormed(a);
                _ = a.Rules.Sections;
            }
        }));

    [Fact]
    public void AnalysingAClaimTwiceGivesTheSameFeaturesAndFindings() =>
        Check.One(Runs, Prop.ForAll(Seeds, seed =>
        {
            var claim = new RandomClaims(seed).Next();
            var a = Catalog.Evidence.Analyze(claim, HistorySnapshot.Empty);
            var b = Catalog.Evidence.Analyze(claim, HistorySnapshot.Empty);
            var viaParts = Catalog.Evidence.Extractor.Extract(claim, HistorySnapshot.Empty);
            var rules = Catalog.Evidence.Rules.Evaluate(claim, HistorySnapshot.Empty, viaParts);
            Assert.Equal(a.Features, b.Features);
            Assert.Equal(a.Features, viaParts);
            Assert.Equal(a.Rules.Codes, rules.Codes);
            Assert.Equal(a.Rules.Violations, rules.Violations);
        }));

    private static void AssertWellFormed(ClaimAnalysis a)
    {
        var schema = FeatureSchema.Current;
        Assert.Equal(schema.Count, a.Features.Length);
        foreach (var f in schema.Features)
        {
            float v = a.Features[f.Index];
            if (float.IsNaN(v)) Assert.True(f.MayBeMissing, $"{f.Name} is NaN but may not be missing");
            else Assert.True(float.IsFinite(v), $"{f.Name} = {v}");
            if (f.Kind == FeatureKind.Binary && !float.IsNaN(v)) Assert.True(v is 0 or 1, $"{f.Name} = {v}");
        }
        Assert.InRange(a.Rules.Score, 0, 1);
        Assert.Equal(a.Rules.HasMediumOrAbove ? 1 : 0, a[FeatureId.RuleViolationFlag]);
    }
}
