using ClaimFraud.XGBoost.Managed;

namespace ClaimFraud.XGBoost.Tests.Managed;

/// <summary>The evaluator's exact-SHAP kernels checked against the definition, without XGBoost.</summary>
public sealed class KernelTests
{
    [Fact]
    public void TheQuadratureRuleIntegratesPolynomialsUpToDegreeSevenExactly()
    {
        for (int degree = 0; degree <= 8; degree++)
        {
            double sum = 0;
            for (int q = 0; q < GaussLegendre.Points; q++)
            {
                sum += GaussLegendre.Weights[q] * Math.Pow(GaussLegendre.Nodes[q], degree);
            }

            double exact = 1.0 / (degree + 1);
            if (degree <= 7)
            {
                Assert.Equal(exact, sum, 1e-14);
            }
            else
            {
                // Past 2n − 1 the rule is no longer exact, which is why deeper trees use the path algorithm.
                Assert.True(Math.Abs(exact - sum) > 1e-6, $"degree {degree}: {sum} vs {exact}");
            }
        }
    }

    [Theory]
    [InlineData(1, new[] { 1, 2, 3 })]
    [InlineData(2, new[] { 4, 4, 3, 4 })]
    [InlineData(3, new[] { 5, 6, 7, 8 })]
    [InlineData(4, new[] { 9, 11 })]
    [InlineData(5, new[] { 2, 6, 10, 4, 8 })]
    public void ContributionsOfRandomTreesEqualBruteForceShapleyValues(int seed, int[] depths)
    {
        // Five features: deep paths must repeat features, and every kernel (tables ≤ 4, quadrature ≤ 8, path
        // algorithm beyond) is reached by some depth list.
        var model = RandomTreeModel.Generate(seed, features: 5, depths);
        TreeEnsemble ensemble = TreeEnsemble.FromJson(model.ToJson());
        var random = new Random(seed);
        var row = new float[model.Features];
        var contributions = new float[model.Features + 1];
        for (int n = 0; n < 200; n++)
        {
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = random.NextDouble() < 0.2 ? float.NaN : (float)(random.NextDouble() * 2.4 - 1.2);
            }

            float margin = ensemble.Contributions(row, contributions);
            double[] expected = model.BruteForceShap(row);
            for (int j = 0; j <= model.Features; j++)
            {
                Assert.True(Math.Abs(contributions[j] - expected[j]) <= 1e-5,
                    $"row {n}, column {j}: {contributions[j]} vs brute force {expected[j]}");
            }

            Assert.Equal(model.Margin(row), margin, 1e-5);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(10)]
    public void EveryKernelAgreesWithThePathAlgorithm(int depth)
    {
        var model = RandomTreeModel.Generate(seed: 40 + depth, features: 7, Enumerable.Repeat(depth, 10).ToArray());
        TreeEnsemble ensemble = TreeEnsemble.FromJson(model.ToJson());
        var random = new Random(depth);
        var row = new float[model.Features];
        var fast = new float[model.Features + 1];
        var path = new float[model.Features + 1];
        for (int n = 0; n < 150; n++)
        {
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = random.NextDouble() < 0.15 ? float.NaN : (float)(random.NextDouble() * 2 - 1);
            }

            float fastMargin = ensemble.Contributions(row, fast);
            float pathMargin = ensemble.ContributionsByPathAlgorithm(row, path);
            Assert.Equal(pathMargin, fastMargin);
            for (int j = 0; j <= model.Features; j++)
            {
                Assert.True(Math.Abs(fast[j] - path[j]) <= 1e-5, $"row {n}, column {j}: {fast[j]} vs path algorithm {path[j]}");
            }
        }
    }
}
