namespace ClaimFraud.Domain.Validation;

public sealed record ClaimValidationOptions
{
    /// <summary>Where "now" comes from when rejecting dates in the future.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How far past now a timestamp may lie (clock skew between hospital systems and ours).</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Upper bound on any list in a claim, so one request cannot ask for unbounded work.</summary>
    public int MaxItemsPerList { get; init; } = 500;

    public int MaxTextLength { get; init; } = 256;

    public static readonly ClaimValidationOptions Default = new();
}
