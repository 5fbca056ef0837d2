using ClaimFraud.Modeling.Evaluation;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Training;

namespace ClaimFraud.Cli.Commands;

/// <summary>The training summary a person reads at the end of <c>train</c>.</summary>
internal static class Report
{
    public static void Print(TrainingRun run, ModelEntry entry, TimeSpan elapsed)
    {
        var t = run.Test;
        Console.WriteLine($"model {entry.ModelVersion} → {entry.Directory}");
        Console.WriteLine($"  {run.Claims:N0} claims ({run.FraudClaims:N0} fraud), split {run.Split.Method}: train {run.Split.Train.Length:N0} / validation {run.Split.Validation.Length:N0} / test {run.Split.Test.Length:N0}");
        Console.WriteLine($"  rounds {run.Training.RoundsRun} (best {run.Training.BestIteration}), {run.Training.Elapsed.TotalSeconds:F1} s training, {elapsed.TotalSeconds:F1} s in all");
        Console.WriteLine("  test           ROC-AUC  PR-AUC   precision recall  F1     Brier");
        Line("model", t.Model);
        Line("rules only", t.RulesOnly);
        Line("stumps", t.Stumps);
        Line("combined", t.Combined);
        Console.WriteLine("  recall by pattern (model / rules / combined):");
        foreach (var p in t.PerPattern)
            Console.WriteLine($"    {p.Pattern,-28} n={p.Count,6}  {p.Model,6:P1} {p.Rules,6:P1} {p.Combined,6:P1}");
    }

    private static void Line(string name, BinaryMetrics m) =>
        Console.WriteLine($"  {name,-14} {m.RocAuc,7:F4}  {m.PrAuc,7:F4}  {m.Precision,8:F4}  {m.Recall,6:F4}  {m.F1,6:F4} {m.Brier,6:F4}");
}
