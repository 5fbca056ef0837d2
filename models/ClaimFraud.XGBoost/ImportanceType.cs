namespace ClaimFraud.XGBoost;

/// <summary>Feature importance definitions understood by XGBoosterFeatureScore.</summary>
public enum ImportanceType
{
    /// <summary>Average gain of the splits on the feature ("gain").</summary>
    Gain,

    /// <summary>Total gain of the splits on the feature ("total_gain").</summary>
    TotalGain,

    /// <summary>Average number of rows covered by the splits on the feature ("cover").</summary>
    Cover,

    /// <summary>Total number of rows covered by the splits on the feature ("total_cover").</summary>
    TotalCover,

    /// <summary>Number of splits on the feature ("weight").</summary>
    Weight,
}
