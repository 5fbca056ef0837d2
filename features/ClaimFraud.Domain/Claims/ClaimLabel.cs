namespace ClaimFraud.Domain.Claims;

/// <summary>The training label carried beside a synthetic claim (contract §4). Scoring never reads it.</summary>
public sealed record ClaimLabel(bool IsFraud, IReadOnlyList<string> Patterns)
{
    public static readonly ClaimLabel Legitimate = new(false, []);
}

/// <summary>One line of a labelled JSONL file: the claim and, when present, its label.</summary>
public sealed record LabeledClaim(Claim Claim, ClaimLabel? Label);
