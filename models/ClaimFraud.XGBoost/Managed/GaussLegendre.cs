namespace ClaimFraud.XGBoost.Managed;

/// <summary>
/// The 4-point Gauss–Legendre rule moved to [0, 1]: Σ w_q·p(t_q) equals ∫₀¹ p(t) dt exactly for every
/// polynomial p of degree ≤ 7. Exact TreeSHAP is such an integral of a polynomial of degree (unique features
/// on a leaf's path − 1), so the rule is exact for trees up to 8 levels deep.
/// </summary>
internal static class GaussLegendre
{
    /// <summary>Deepest tree (splits on one root-to-leaf path) the rule integrates exactly.</summary>
    public const int MaxExactDepth = 8;

    public const int Points = 4;

    /// <summary>Abscissae on [0, 1], ascending.</summary>
    public static readonly double[] Nodes;

    /// <summary>Weights on [0, 1]; they sum to 1.</summary>
    public static readonly double[] Weights;

    static GaussLegendre()
    {
        // Textbook values on [-1, 1] (the roots of P4 and their weights), mapped by t = (1 + x) / 2, w = w' / 2.
        const double inner = 0.339981043584856264802665759103;
        const double outer = 0.861136311594052575223946488893;
        const double innerWeight = 0.652145154862546142626936050778;
        const double outerWeight = 0.347854845137453857373063949222;
        Nodes = [(1 - outer) / 2, (1 - inner) / 2, (1 + inner) / 2, (1 + outer) / 2];
        Weights = [outerWeight / 2, innerWeight / 2, innerWeight / 2, outerWeight / 2];
    }

    /// <summary>
    /// Path-dependent TreeSHAP of one leaf: for the unique features on its path with zero fractions
    /// <paramref name="zero"/> (product of the cover ratios of the feature's splits) and one fractions
    /// <paramref name="one"/> (1 when the row follows all of them), adds
    /// v·(o_j − z_j)·∫₀¹ Π_{k≠j} (z_k + (o_k − z_k)·t) dt to <paramref name="phi"/>[j]. The integral is the
    /// Shapley weighting written as Beta integrals: |S|!(d−|S|−1)!/d! = ∫₀¹ t^|S| (1−t)^(d−|S|−1) dt.
    /// </summary>
    public static void AddLeafShapley(ReadOnlySpan<double> zero, ReadOnlySpan<double> one, double value, Span<double> phi)
    {
        if (zero.Length > MaxExactDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(zero), zero.Length, $"The rule is exact for at most {MaxExactDepth} features.");
        }

        for (int j = 0; j < zero.Length; j++)
        {
            double integral = 0;
            for (int q = 0; q < Points; q++)
            {
                double product = Weights[q];
                for (int k = 0; k < zero.Length; k++)
                {
                    product *= k == j ? 1.0 : zero[k] + (one[k] - zero[k]) * Nodes[q];
                }

                integral += product;
            }

            phi[j] += value * (one[j] - zero[j]) * integral;
        }
    }
}
