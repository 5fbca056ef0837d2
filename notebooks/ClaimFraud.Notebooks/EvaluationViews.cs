using System.Globalization;
using ClaimFraud.Charts;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Features.Table;
using ClaimFraud.Modeling.Evaluation;
using ClaimFraud.Modeling.Splits;
using ClaimFraud.Modeling.Training;

namespace ClaimFraud.Notebooks;

/// <summary>One part of the split: how many claims, how much fraud, which admission dates.</summary>
public sealed record SplitPart(string Part, int Claims, int FraudClaims, double FraudRate, DateOnly? From, DateOnly? To);

/// <summary>One scorer's test metrics at its threshold.</summary>
public sealed record MetricsRow(string Scorer, double RocAuc, double PrAuc, double Precision, double Recall, double F1, double Brier, double Threshold, long Flagged);

/// <summary>Tables and charts of a <see cref="TrainingRun"/>: the split, the training curve, the test metrics of every scorer.</summary>
public static class EvaluationViews
{
    public const string ModelName = "model (XGBoost)";
    public const string RulesName = "rules only";
    public const string StumpsName = "decision stumps";
    public const string CombinedName = "combined fraud_score";

    /// <summary>Prints the validation PR-AUC every <paramref name="every"/> rounds while training runs.</summary>
    public static IProgress<TrainingRound> RoundPrinter(int every = 25) => new RoundLog(every);

    public static IReadOnlyList<SplitPart> Split(IReadOnlyList<FeatureRow> rows, DataSplit split) =>
    [
        Part("train", rows, split.Train),
        Part("validation", rows, split.Validation),
        Part("test", rows, split.Test),
    ];

    /// <summary>Validation PR-AUC per boosting round, the kept (best) round named in the title.</summary>
    public static SvgChart TrainingCurve(TrainingResult training) =>
        Chart.Lines([LineSeries.FromValues("validation PR-AUC", [.. training.History.Select(h => h.ValidationPrAuc)])],
            string.Create(CultureInfo.InvariantCulture, $"Early stopping: best round {training.BestIteration} of {training.RoundsRun} (PR-AUC {training.BestValidationPrAuc:0.000})"),
            "boosting round", "validation PR-AUC", markers: false);

    /// <summary>The model against its two baselines and the served combination, on the untouched test part.</summary>
    public static IReadOnlyList<MetricsRow> Metrics(ModelEvaluation test) =>
    [
        Row(ModelName, test.Model),
        Row(RulesName, test.RulesOnly),
        Row(StumpsName, test.Stumps),
        Row(CombinedName, test.Combined),
    ];

    public static SvgChart Roc(TrainingRun run) =>
        Chart.Roc(Scorers(run).Select(s =>
        {
            var (fpr, tpr, _) = Ranking.RocCurve(s.Scores, run.TestLabels);
            return new RocSeries(s.Name, fpr, tpr, s.Metrics.RocAuc);
        }), "ROC curve, test part");

    public static SvgChart PrecisionRecall(TrainingRun run) =>
        Chart.PrecisionRecall(Scorers(run).Select(s =>
        {
            var (recall, precision, _) = Ranking.PrecisionRecallCurve(s.Scores, run.TestLabels);
            return new PrSeries(s.Name, recall, precision, s.Metrics.PrAuc);
        }), "Precision–recall curve, test part", baseline: run.Test.Model.Positives / (double)Math.Max(1, run.Test.Model.Count));

    public static SvgChart Confusion(BinaryMetrics metrics, string scorer) =>
        Chart.ConfusionMatrix(metrics.Confusion.ToArray(), [ByLabel.Legitimate, ByLabel.Fraud],
            string.Create(CultureInfo.InvariantCulture, $"Confusion matrix: {scorer} ≥ {metrics.Threshold:0.00}"));

    /// <summary>Recall per fraud pattern of each scorer at its threshold (bars in the order of the evaluation's patterns).</summary>
    public static SvgChart PatternRecall(ModelEvaluation test)
    {
        var rows = test.PerPattern;
        return Chart.GroupedBars([.. rows.Select(p => $"{p.Pattern} (n={p.Count})")],
            [
                (ModelName, [.. rows.Select(p => p.Model)]),
                (RulesName, [.. rows.Select(p => p.Rules)]),
                (StumpsName, [.. rows.Select(p => p.Stumps)]),
                (CombinedName, [.. rows.Select(p => p.Combined)]),
            ],
            "Recall per fraud pattern, test part", "recall at each scorer's threshold", valueFormat: v => NumberFormat.Percent(v, 0));
    }

    /// <summary>
    /// The model's test probabilities before calibration: what the booster says, for the reliability diagram that
    /// shows what calibration corrects (class weighting pushes raw probabilities up).
    /// </summary>
    public static double[] UncalibratedTestScores(TrainingRun run, IReadOnlyList<FeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(run);
        var test = TrainingPipeline.ToMatrix(rows, run.Schema).Subset(run.Split.Test);
        if (!test.Labels.SequenceEqual(run.TestLabels))
            throw new ArgumentException("These rows are not the ones the run was trained on (the test labels differ).", nameof(rows));
        return TrainingPipeline.PredictProbabilities(run.Training.Booster, test);
    }

    /// <summary>Reliability diagram of scores against labels in equal-width bins.</summary>
    public static SvgChart Reliability(double[] scores, bool[] labels, string name, string title, int bins = 10)
    {
        var reliability = BinaryMetrics.ReliabilityOf(scores, labels, bins);
        return Chart.Reliability([.. reliability.Select(b => b.MeanPredicted)], [.. reliability.Select(b => b.ObservedRate)],
            [.. reliability.Select(b => (int)b.Count)], name, title);
    }

    private static MetricsRow Row(string name, BinaryMetrics m) =>
        new(name, R(m.RocAuc), R(m.PrAuc), R(m.Precision), R(m.Recall), R(m.F1), R(m.Brier), R(m.Threshold), m.Confusion.TruePositives + m.Confusion.FalsePositives);

    private static IEnumerable<(string Name, double[] Scores, BinaryMetrics Metrics)> Scorers(TrainingRun run) =>
    [
        (ModelName, run.TestModel, run.Test.Model),
        (RulesName, run.TestRules, run.Test.RulesOnly),
        (StumpsName, run.TestStumps, run.Test.Stumps),
        (CombinedName, run.TestCombined, run.Test.Combined),
    ];

    private static SplitPart Part(string name, IReadOnlyList<FeatureRow> rows, int[] indices)
    {
        int fraud = indices.Count(i => rows[i].IsFraud == true);
        var dates = indices.Select(i => StayCalendar.JakartaDate(rows[i].AdmissionAt)).ToList();
        return new SplitPart(name, indices.Length, fraud, indices.Length == 0 ? 0 : Math.Round((double)fraud / indices.Length, 4),
            dates.Count == 0 ? null : dates.Min(), dates.Count == 0 ? null : dates.Max());
    }

    private static double R(double x) => double.IsFinite(x) ? Math.Round(x, 4) : x;

    private sealed class RoundLog(int every) : IProgress<TrainingRound>
    {
        public void Report(TrainingRound round)
        {
            if (round.Iteration % every == 0)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round.Iteration,4}: validation PR-AUC {round.ValidationPrAuc:0.0000}"));
        }
    }
}
