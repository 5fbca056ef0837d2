namespace ClaimFraud.Features.Rules;

/// <summary>The language rule messages are written in. Verifiers read Bahasa Indonesia, so that is the default.</summary>
public enum RuleLanguage
{
    Indonesian,
    English,
}
