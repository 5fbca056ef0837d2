namespace ClaimFraud.Features.Table;

/// <summary>
/// One row of the curated feature table: a claim's features with its label riding along for training. The label
/// never enters <see cref="Features"/>.
/// </summary>
/// <param name="IsFraud">null when the input line had no label.</param>
/// <param name="RulesScore">the rules' score (0..1), a component of the combined score.</param>
/// <param name="RuleCodes">codes of the rules that fired, most severe first.</param>
public sealed record FeatureRow(
    string ClaimId,
    DateTimeOffset AdmissionAt,
    float[] Features,
    bool? IsFraud,
    IReadOnlyList<string> Patterns,
    double RulesScore,
    IReadOnlyList<string> RuleCodes);
