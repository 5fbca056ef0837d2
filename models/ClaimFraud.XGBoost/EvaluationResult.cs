namespace ClaimFraud.XGBoost;

/// <summary>
/// The result of <see cref="Booster.EvalOneIter"/>: XGBoost's text (e.g. "[3]\ttrain-auc:0.97\ttest-auc:0.95")
/// and its metrics keyed "dataset-metric" (e.g. "test-auc").
/// </summary>
public sealed record EvaluationResult(string Text, IReadOnlyDictionary<string, double> Metrics);
