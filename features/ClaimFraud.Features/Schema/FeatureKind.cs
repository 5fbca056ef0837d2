namespace ClaimFraud.Features.Schema;

/// <summary>How a model should read a feature's value.</summary>
public enum FeatureKind
{
    /// <summary>A quantity: counts, ratios, money, hours.</summary>
    Numeric,

    /// <summary>A small integer code standing for a category (documented per feature).</summary>
    Categorical,

    /// <summary>0 or 1 (or NaN where the definition allows a missing value).</summary>
    Binary,
}

public static class FeatureKindNames
{
    public static string ToSchemaName(this FeatureKind kind) => kind switch
    {
        FeatureKind.Numeric => "numeric",
        FeatureKind.Categorical => "categorical",
        _ => "binary",
    };
}
