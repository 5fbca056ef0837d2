namespace ClaimFraud.XGBoost.Tests.Managed;

/// <summary>
/// A model to train with the real XGBoost for comparing the managed evaluator: tree depth and count, how many
/// features (of which some are never usable: constant or always missing), how often a value is missing, and
/// the objective and parameters.
/// </summary>
public sealed record ManagedShape(
    string Name,
    int Depth,
    int Rounds,
    int Features,
    int UnusedFeatures,
    double MissingRate,
    string Objective = "binary:logistic",
    double? BaseScore = null,
    double? ScalePosWeight = null)
{
    public const int TrainRows = 2500;
    public const int TestRows = 2000;

    public static readonly ManagedShape Stumps = new("stumps", Depth: 1, Rounds: 20, Features: 10, UnusedFeatures: 4, MissingRate: 0.05);

    /// <summary>The serving shape: 150 trees of depth 4 over 60 features.</summary>
    public static readonly ManagedShape Serving = new("serving", Depth: 4, Rounds: 150, Features: 60, UnusedFeatures: 10, MissingRate: 0.05);

    public static readonly ManagedShape DeepMissingHeavy = new("deep-missing-heavy", Depth: 6, Rounds: 120, Features: 30, UnusedFeatures: 6, MissingRate: 0.4);

    public static readonly ManagedShape Weighted = new(
        "base-score-and-weight", Depth: 4, Rounds: 60, Features: 12, UnusedFeatures: 2, MissingRate: 0.1, BaseScore: 0.2, ScalePosWeight: 5);

    /// <summary>Deeper than 8 levels: exercises the path-algorithm fallback.</summary>
    public static readonly ManagedShape VeryDeep = new("very-deep", Depth: 9, Rounds: 12, Features: 7, UnusedFeatures: 1, MissingRate: 0.2);

    /// <summary>Two usable features, so paths split on the same feature again and again (quadrature kernel).</summary>
    public static readonly ManagedShape RepeatedFeatures = new("repeated-features", Depth: 5, Rounds: 40, Features: 3, UnusedFeatures: 1, MissingRate: 0.15);

    /// <summary>The same at depth 4 (table kernel).</summary>
    public static readonly ManagedShape RepeatedFeaturesShallow = new(
        "repeated-features-shallow", Depth: 4, Rounds: 40, Features: 3, UnusedFeatures: 1, MissingRate: 0.15);

    public static readonly ManagedShape Regression = new(
        "regression", Depth: 5, Rounds: 40, Features: 10, UnusedFeatures: 2, MissingRate: 0.1, Objective: "reg:squarederror", BaseScore: 0.2);

    public static readonly ManagedShape LogitRaw = new(
        "logitraw", Depth: 3, Rounds: 30, Features: 10, UnusedFeatures: 2, MissingRate: 0.1, Objective: "binary:logitraw", BaseScore: 0.3);

    public static readonly ManagedShape RegLogistic = new(
        "reg-logistic", Depth: 4, Rounds: 30, Features: 10, UnusedFeatures: 2, MissingRate: 0.1, Objective: "reg:logistic", BaseScore: 0.35);

    public static TheoryData<string> Names => new(All.Select(shape => shape.Name));

    public static IReadOnlyList<ManagedShape> All { get; } =
        [Stumps, Serving, DeepMissingHeavy, Weighted, VeryDeep, RepeatedFeatures, RepeatedFeaturesShallow, Regression, LogitRaw, RegLogistic];

    public static ManagedShape Named(string name) => All.Single(shape => shape.Name == name);

    public bool IsLogistic => Objective is "binary:logistic" or "reg:logistic";

    public Dictionary<string, object> Parameters()
    {
        var parameters = new Dictionary<string, object>
        {
            ["objective"] = Objective,
            ["tree_method"] = "hist",
            ["max_depth"] = Depth,
            ["eta"] = 0.1,
            ["min_child_weight"] = 0.5,
            ["seed"] = 11,
        };
        if (BaseScore is { } baseScore)
        {
            parameters["base_score"] = baseScore;
        }

        if (ScalePosWeight is { } weight)
        {
            parameters["scale_pos_weight"] = weight;
        }

        return parameters;
    }
}
