using ClaimFraud.ResultStore.Decisions;
using static ClaimFraud.ResultStore.Tests.Infrastructure.TestScores;

namespace ClaimFraud.ResultStore.Tests;

public sealed class DecisionValidatorTests
{
    [Theory]
    [InlineData(DecisionActions.Approve)]
    [InlineData(DecisionActions.Decline)]
    [InlineData(DecisionActions.ManualReview)]
    [InlineData(DecisionActions.RequestDocument)]
    [InlineData(DecisionActions.ApprovePartial)]
    public void EachContractActionIsAccepted(string action)
    {
        var errors = DecisionValidator.Validate(Decision(action, amount: 0m));
        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Fact]
    public void ApprovePartialWithoutAnAmountNamesApprovedAmount()
    {
        var errors = DecisionValidator.Validate(Decision() with { ApprovedAmount = null });

        Assert.Equal(["approved_amount"], errors.Fields);
        Assert.Equal(["is required when action is approve_partial"], errors["approved_amount"]);
    }

    [Fact]
    public void AnAmountWithApproveIsRefused()
    {
        var errors = DecisionValidator.Validate(Decision(DecisionActions.Approve) with { ApprovedAmount = 100m });

        Assert.Equal(["is allowed only when action is approve_partial"], errors["approved_amount"]);
    }

    [Fact]
    public void ANegativeAmountIsRefused()
    {
        var errors = DecisionValidator.Validate(Decision(amount: -1m));

        Assert.Equal(["must not be negative"], errors["approved_amount"]);
    }

    [Fact]
    public void EveryWrongFieldIsNamedAtOnce()
    {
        var decision = new Decision
        {
            Action = "approve_everything",
            ApprovedAmount = -10m,
            Note = new string('x', 2001),
            Verifier = "  ",
            DecidedAt = default,
        };

        var errors = DecisionValidator.Validate(decision).ToDictionary();

        Assert.Equal(["action", "approved_amount", "note", "verifier", "decided_at"], errors.Keys);
        Assert.Contains("must be one of approve, approve_partial, decline, manual_review, request_document", errors["action"]);
        Assert.Equal(["must not be negative"], errors["approved_amount"]);
    }

    [Fact]
    public void AMissingActionIsRequiredNotUnknown()
    {
        var errors = DecisionValidator.Validate(Decision() with { Action = "" });
        Assert.Equal(["is required"], errors["action"]);
    }

    [Fact]
    public void TheVerifierMayBeMadeOptional()
    {
        var errors = DecisionValidator.Validate(Decision(verifier: ""), new DecisionValidationOptions { RequireVerifier = false });
        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Fact]
    public void DecisionJsonUsesTheContractsNamesAndRoundTrips()
    {
        var partial = Decision(amount: 1_500_000.50m);
        var decline = Decision(DecisionActions.Decline);

        string json = DecisionJson.Serialize(partial);

        Assert.Contains("\"approved_amount\":1500000.50", json);
        Assert.Contains("\"decided_at\":\"2026-11-21T11:00:00+07:00\"", json);
        Assert.DoesNotContain("approved_amount", DecisionJson.Serialize(decline));
        Assert.Equal(partial, DecisionJson.Deserialize(json));
    }
}
