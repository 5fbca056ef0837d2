using ClaimFraud.ResultStore.Layout;

namespace ClaimFraud.ResultStore.Decisions;

/// <summary>Decision JSON as stored and as the API returns it: snake_case, approved_amount omitted when absent.</summary>
public static class DecisionJson
{
    public static string Serialize(Decision decision) => StoreJson.SerializeToString(decision);

    /// <summary>Throws <see cref="System.Text.Json.JsonException"/> for malformed input or a missing required field.</summary>
    public static Decision Deserialize(string json) =>
        StoreJson.Deserialize<Decision>(System.Text.Encoding.UTF8.GetBytes(json));
}
