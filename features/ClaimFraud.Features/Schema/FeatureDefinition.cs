namespace ClaimFraud.Features.Schema;

/// <summary>One column of the feature vector.</summary>
/// <param name="Name">snake_case name; the schema's identity together with <paramref name="Kind"/> and the order.</param>
/// <param name="Index">position in the vector.</param>
/// <param name="MayBeMissing">whether NaN is a defined value ("not applicable or unknown"); if false the value is always finite.</param>
/// <param name="Description">what the value means, in English.</param>
/// <param name="WhenMissing">when the value is NaN (or the neutral default used instead), for the docs.</param>
public sealed record FeatureDefinition(string Name, int Index, FeatureKind Kind, bool MayBeMissing, string Description, string WhenMissing);
