namespace ClaimFraud.XGBoost;

/// <summary>What a prediction returns; the numbers are the "type" values of XGBoost's predict config.</summary>
public enum PredictionKind
{
    /// <summary>Transformed output: the probability for binary:logistic.</summary>
    Value = 0,

    /// <summary>Untransformed margin (log-odds for binary:logistic).</summary>
    Margin = 1,

    /// <summary>Exact TreeSHAP contributions per feature plus a bias column (pred_contribs).</summary>
    Contributions = 2,

    /// <summary>Approximate (Saabas) contributions per feature plus a bias column (approx_contribs).</summary>
    ApproximateContributions = 3,
}
