namespace ClaimFraud.Features.Rules;

/// <summary>A rule as documentation and notebooks see it.</summary>
/// <param name="Code">stable UPPER_SNAKE_CASE code (contract §2).</param>
/// <param name="Points">added to the rules score when the rule fires (score = min(1, Σ points / 100), seed 004).</param>
/// <param name="Section">the contract §2 section the finding belongs to.</param>
/// <param name="Threshold">when it fires, in English.</param>
public sealed record RuleDefinition(
    string Code, RuleSeverity Severity, int Points, string Section,
    string DescriptionId, string DescriptionEn, string Threshold)
{
    public string SeverityName => Severity.ToContract();

    public string Description(RuleLanguage language) => language == RuleLanguage.Indonesian ? DescriptionId : DescriptionEn;
}
