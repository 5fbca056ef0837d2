using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace ClaimFraud.Features.Schema;

/// <summary>
/// The ordered list of features a vector holds. A model manifest carries <see cref="Hash"/> so the registry can refuse
/// a model trained on another schema.
/// </summary>
public sealed class FeatureSchema
{
    private readonly FrozenDictionary<string, int> _byName;

    public FeatureSchema(IEnumerable<FeatureDefinition> features)
    {
        Features = features.ToArray();
        for (int i = 0; i < Features.Count; i++)
            if (Features[i].Index != i)
                throw new ArgumentException($"Feature '{Features[i].Name}' has index {Features[i].Index} but sits at position {i}.", nameof(features));
        var duplicates = Features.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new ArgumentException($"Feature names must be unique; repeated: {string.Join(", ", duplicates)}.", nameof(features));
        _byName = Features.ToFrozenDictionary(f => f.Name, f => f.Index, StringComparer.Ordinal);
        Names = Features.Select(f => f.Name).ToArray();
        Hash = ComputeHash(Features);
    }

    /// <summary>The schema <see cref="Schema.FeatureId"/> and the extractor implement.</summary>
    public static FeatureSchema Current { get; } = new(CurrentFeatures.Definitions);

    public IReadOnlyList<FeatureDefinition> Features { get; }

    public IReadOnlyList<string> Names { get; }

    public int Count => Features.Count;

    /// <summary>Lower-case hex SHA-256 over "name:kind" lines in order: names, kinds and order all count.</summary>
    public string Hash { get; }

    public FeatureDefinition this[int index] => Features[index];

    public FeatureDefinition this[FeatureId id] => Features[(int)id];

    /// <summary>The position of a feature, or -1 when the schema has no feature of that name.</summary>
    public int IndexOf(string name) => _byName.TryGetValue(name, out int i) ? i : -1;

    private static string ComputeHash(IReadOnlyList<FeatureDefinition> features)
    {
        var text = new StringBuilder();
        foreach (var f in features) text.Append(f.Name).Append(':').Append(f.Kind.ToSchemaName()).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
