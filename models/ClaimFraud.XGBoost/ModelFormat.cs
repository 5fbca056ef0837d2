namespace ClaimFraud.XGBoost;

/// <summary>Model serialisation formats; both keep trees, objective, feature names and attributes.</summary>
public enum ModelFormat
{
    /// <summary>Text JSON (".json").</summary>
    Json,

    /// <summary>Universal Binary JSON (".ubj"): smaller and faster to load.</summary>
    Ubj,
}
