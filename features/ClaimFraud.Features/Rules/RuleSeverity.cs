namespace ClaimFraud.Features.Rules;

/// <summary>How strongly a finding points at fraud; orders violations (most severe first).</summary>
public enum RuleSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public static class RuleSeverityNames
{
    /// <summary>The contract's lower-case name: low, medium, high, critical.</summary>
    public static string ToContract(this RuleSeverity severity) => severity switch
    {
        RuleSeverity.Low => "low",
        RuleSeverity.Medium => "medium",
        RuleSeverity.High => "high",
        _ => "critical",
    };
}
