using System.Globalization;

namespace ClaimFraud.Modeling.Training;

/// <summary>
/// XGBoost settings for the fraud model. Defaults are sized for serving: shallow trees and early stopping keep
/// exact SHAP attributions per claim cheap (see the README's serving figures).
/// </summary>
public sealed record TrainingOptions
{
    public int MaxRounds { get; init; } = 300;
    /// <summary>Stop when validation PR-AUC has not improved for this many rounds.</summary>
    public int EarlyStoppingRounds { get; init; } = 30;
    public double LearningRate { get; init; } = 0.1;
    public int MaxDepth { get; init; } = 4;
    public double MinChildWeight { get; init; } = 2;
    public double Subsample { get; init; } = 0.8;
    public double ColsampleByTree { get; init; } = 0.8;
    public double Lambda { get; init; } = 1;
    public double Alpha { get; init; }
    public string TreeMethod { get; init; } = "hist";
    public int Threads { get; init; } = 2;
    /// <summary>XGBoost's own seed for row and column sampling; the same seed and data give the same trees.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Weight the rare fraud class by negatives/positives (scale_pos_weight); calibration undoes the shift.</summary>
    public bool BalanceClasses { get; init; } = true;
    /// <summary>
    /// Features the trees may not split on (they stay in the schema, so scoring and the registry are unchanged; their
    /// attribution is always 0). rule_violation_flag is excluded by default: the rules already enter fraud_score
    /// through the combination, and a model allowed to split on "a rule fired" becomes a copy of the rules (it took
    /// 44% of the gain) instead of a second, independent opinion.
    /// </summary>
    public IReadOnlyList<string> ExcludedFeatures { get; init; } = DefaultExcludedFeatures;

    public static readonly IReadOnlyList<string> DefaultExcludedFeatures = ["rule_violation_flag"];

    /// <summary>A depth-1 model (decision stumps): the simple baseline the real model must beat.</summary>
    public TrainingOptions AsStumps() => this with { MaxDepth = 1, ColsampleByTree = 1, Subsample = 1 };

    public void Validate()
    {
        var problems = new List<string>();
        if (MaxRounds < 1) problems.Add($"MaxRounds must be at least 1 (got {MaxRounds})");
        if (EarlyStoppingRounds < 1) problems.Add($"EarlyStoppingRounds must be at least 1 (got {EarlyStoppingRounds})");
        if (LearningRate is <= 0 or > 1) problems.Add($"LearningRate must be in (0, 1] (got {LearningRate})");
        if (MaxDepth is < 1 or > 16) problems.Add($"MaxDepth must be 1 to 16 (got {MaxDepth})");
        if (Subsample is <= 0 or > 1) problems.Add($"Subsample must be in (0, 1] (got {Subsample})");
        if (ColsampleByTree is <= 0 or > 1) problems.Add($"ColsampleByTree must be in (0, 1] (got {ColsampleByTree})");
        if (Threads < 1) problems.Add($"Threads must be at least 1 (got {Threads})");
        if (ExcludedFeatures.Any(string.IsNullOrWhiteSpace)) problems.Add("ExcludedFeatures must not contain blank names");
        if (problems.Count > 0) throw new ArgumentException("Invalid training options: " + string.Join("; ", problems));
    }

    /// <summary>The parameters as XGBoost reads them, also recorded in the model manifest.</summary>
    public IReadOnlyDictionary<string, string> ToXGBoostParameters(double scalePosWeight) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["objective"] = "binary:logistic",
        ["eval_metric"] = "aucpr",
        ["eta"] = F(LearningRate),
        ["max_depth"] = F(MaxDepth),
        ["min_child_weight"] = F(MinChildWeight),
        ["subsample"] = F(Subsample),
        ["colsample_bytree"] = F(ColsampleByTree),
        ["lambda"] = F(Lambda),
        ["alpha"] = F(Alpha),
        ["tree_method"] = TreeMethod,
        ["nthread"] = F(Threads),
        ["seed"] = F(Seed),
        ["scale_pos_weight"] = F(scalePosWeight),
        ["verbosity"] = "0",
    };

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
