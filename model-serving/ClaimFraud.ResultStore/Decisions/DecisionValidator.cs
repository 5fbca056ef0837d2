using ClaimFraud.Domain.Validation;

namespace ClaimFraud.ResultStore.Decisions;

public sealed record DecisionValidationOptions
{
    /// <summary>A decision nobody signed is no audit trail, so the verifier is required unless this is turned off.</summary>
    public bool RequireVerifier { get; init; } = true;

    public int MaxVerifierLength { get; init; } = 128;

    public int MaxNoteLength { get; init; } = 2000;

    public static readonly DecisionValidationOptions Default = new();
}

/// <summary>Names every wrong field of a decision (keys are the JSON names), as <c>ClaimValidator</c> does for claims.</summary>
public static class DecisionValidator
{
    public static ValidationErrors Validate(Decision decision, DecisionValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var o = options ?? DecisionValidationOptions.Default;
        var errors = new ValidationErrors();

        bool known = DecisionActions.IsKnown(decision.Action);
        if (string.IsNullOrWhiteSpace(decision.Action))
            errors.Add("action", "is required");
        else if (!known)
            errors.Add("action", $"must be one of {string.Join(", ", DecisionActions.All)}");

        if (decision.ApprovedAmount is { } amount)
        {
            if (amount < 0) errors.Add("approved_amount", "must not be negative");
            if (known && decision.Action != DecisionActions.ApprovePartial)
                errors.Add("approved_amount", $"is allowed only when action is {DecisionActions.ApprovePartial}");
        }
        else if (decision.Action == DecisionActions.ApprovePartial)
        {
            errors.Add("approved_amount", $"is required when action is {DecisionActions.ApprovePartial}");
        }

        if (decision.Note is { } note && note.Length > o.MaxNoteLength)
            errors.Add("note", $"must be at most {o.MaxNoteLength} characters");

        if (string.IsNullOrWhiteSpace(decision.Verifier))
        {
            if (o.RequireVerifier) errors.Add("verifier", "is required");
        }
        else if (decision.Verifier.Length > o.MaxVerifierLength)
        {
            errors.Add("verifier", $"must be at most {o.MaxVerifierLength} characters");
        }

        if (decision.DecidedAt == default) errors.Add("decided_at", "is required");
        return errors;
    }

    /// <summary>Throws <see cref="InvalidDecisionException"/> listing every problem, for stores that must not write bad input.</summary>
    public static void ThrowIfInvalid(Decision decision, DecisionValidationOptions? options = null)
    {
        var errors = Validate(decision, options);
        if (!errors.IsEmpty) throw new InvalidDecisionException(errors);
    }
}

/// <summary>A decision failed <see cref="DecisionValidator"/>; <see cref="Errors"/> names every wrong field.</summary>
public sealed class InvalidDecisionException(ValidationErrors errors)
    : ArgumentException($"The decision is invalid: {errors}")
{
    public ValidationErrors Errors { get; } = errors;
}
