namespace ClaimFraud.XGBoost;

/// <summary>Shared validation for feature names given to a DMatrix or a Booster.</summary>
internal static class FeatureNames
{
    public static void Validate(IReadOnlyList<string> names, long expectedCount, string paramName)
    {
        ArgumentNullException.ThrowIfNull(names, paramName);
        if (expectedCount >= 0 && names.Count != expectedCount)
        {
            throw new ArgumentException($"Expected {expectedCount} feature names (one per column) but got {names.Count}.", paramName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"Feature name at index {i} is blank.", paramName);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Feature name '{name}' appears more than once (index {i}).", paramName);
            }
        }
    }
}
