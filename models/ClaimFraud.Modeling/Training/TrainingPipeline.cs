using ClaimFraud.Features.Schema;
using ClaimFraud.Features.Table;
using ClaimFraud.Modeling.Calibration;
using ClaimFraud.Modeling.Data;
using ClaimFraud.Modeling.Evaluation;
using ClaimFraud.Modeling.Splits;
using ClaimFraud.XGBoost;

namespace ClaimFraud.Modeling.Training;

/// <summary>Global importance of one feature, by XGBoost's three measures (0 for a feature no split uses).</summary>
public sealed record ImportanceRow(string Feature, double Gain, double TotalGain, double Cover, double Weight);

/// <summary>The outcome of a training run: the calibrated model, its report and the scores behind the charts.</summary>
public sealed class TrainingRun : IDisposable
{
    public required PipelineOptions Options { get; init; }
    public required FeatureSchema Schema { get; init; }
    public required TrainingResult Training { get; init; }
    public required TrainingResult StumpsTraining { get; init; }
    public required Calibrator Calibrator { get; init; }
    public required double ModelThreshold { get; init; }
    public required double RulesThreshold { get; init; }
    public required DataSplit Split { get; init; }
    public required ModelEvaluation Test { get; init; }
    public required IReadOnlyList<ImportanceRow> Importance { get; init; }
    /// <summary>Test rows' calibrated model probability, rules score, stumps probability, fraud_score and label.</summary>
    public required double[] TestModel { get; init; }
    public required double[] TestRules { get; init; }
    public required double[] TestStumps { get; init; }
    public required double[] TestCombined { get; init; }
    public required bool[] TestLabels { get; init; }
    public required long Claims { get; init; }
    public required long FraudClaims { get; init; }

    public void Dispose()
    {
        Training.Dispose();
        StumpsTraining.Dispose();
    }
}

/// <summary>
/// Seed 000 stage 6 / seed 003's training: split, train with early stopping, calibrate, choose thresholds on the
/// validation part, and report on the untouched test part against the rules-only and decision-stump baselines.
/// </summary>
public static class TrainingPipeline
{
    public static TrainingRun Run(IReadOnlyList<FeatureRow> rows, FeatureSchema schema, PipelineOptions options,
        IProgress<TrainingRound>? progress = null, CancellationToken ct = default)
    {
        options.Validate();
        var matrix = ToMatrix(rows, schema);
        var split = options.Split == SplitMethod.Time
            ? DataSplit.ByTime(rows.Select(r => r.AdmissionAt).ToArray(), options.TrainFraction, options.ValidationFraction)
            : DataSplit.Stratified(matrix.Labels, options.TrainFraction, options.ValidationFraction, options.SplitSeed);
        var train = matrix.Subset(split.Train);
        var valid = matrix.Subset(split.Validation);
        var test = matrix.Subset(split.Test);
        if (test.Positives == 0) throw new ArgumentException("The test part has no fraud rows; use more claims or a higher fraud rate.");

        var model = Trainer.Train(train, valid, options.Training, progress, ct);
        TrainingResult? stumps = null;
        try
        {
            stumps = Trainer.Train(train, valid, options.Training.AsStumps(), null, ct);

            var validRaw = PredictProbabilities(model.Booster, valid);
            Calibrator calibrator = options.Calibration == "platt"
                ? PlattCalibrator.Fit(validRaw, valid.Labels)
                : IsotonicCalibrator.Fit(validRaw, valid.Labels);
            var validModel = validRaw.Select(calibrator.Apply).ToArray();
            double modelThreshold = Ranking.BestF1Threshold(validModel, valid.Labels);

            var validRules = split.Validation.Select(i => rows[i].RulesScore).ToArray();
            double rulesThreshold = Ranking.BestF1Threshold(validRules, valid.Labels);

            var validStumpsRaw = PredictProbabilities(stumps.Booster, valid);
            var stumpsCalibrator = IsotonicCalibrator.Fit(validStumpsRaw, valid.Labels);
            double stumpsThreshold = Ranking.BestF1Threshold(validStumpsRaw.Select(stumpsCalibrator.Apply).ToArray(), valid.Labels);

            var testModel = PredictProbabilities(model.Booster, test).Select(calibrator.Apply).ToArray();
            var testStumps = PredictProbabilities(stumps.Booster, test).Select(stumpsCalibrator.Apply).ToArray();
            var testRules = split.Test.Select(i => rows[i].RulesScore).ToArray();
            var testCombined = new double[test.Rows];
            for (int k = 0; k < test.Rows; k++) testCombined[k] = options.Combination.Combine(testModel[k], testRules[k]);

            var fraudPatterns = new List<IReadOnlyList<string>>();
            var mFlag = new List<bool>(); var rFlag = new List<bool>(); var sFlag = new List<bool>(); var cFlag = new List<bool>();
            for (int k = 0; k < test.Rows; k++)
            {
                if (!test.Labels[k]) continue;
                fraudPatterns.Add(rows[split.Test[k]].Patterns);
                mFlag.Add(testModel[k] >= modelThreshold);
                rFlag.Add(testRules[k] >= rulesThreshold);
                sFlag.Add(testStumps[k] >= stumpsThreshold);
                cFlag.Add(testCombined[k] >= options.CombinedThreshold);
            }

            var evaluation = new ModelEvaluation
            {
                Split = split.Method,
                Model = BinaryMetrics.Compute(testModel, test.Labels, modelThreshold),
                RulesOnly = BinaryMetrics.Compute(testRules, test.Labels, rulesThreshold),
                Stumps = BinaryMetrics.Compute(testStumps, test.Labels, stumpsThreshold),
                Combined = BinaryMetrics.Compute(testCombined, test.Labels, options.CombinedThreshold),
                PerPattern = PatternRecalls.Compute(fraudPatterns, [.. mFlag], [.. rFlag], [.. sFlag], [.. cFlag]),
            };

            return new TrainingRun
            {
                Options = options,
                Schema = schema,
                Training = model,
                StumpsTraining = stumps,
                Calibrator = calibrator,
                ModelThreshold = modelThreshold,
                RulesThreshold = rulesThreshold,
                Split = split,
                Test = evaluation,
                Importance = Importance(model.Booster, schema),
                TestModel = testModel,
                TestRules = testRules,
                TestStumps = testStumps,
                TestCombined = testCombined,
                TestLabels = test.Labels,
                Claims = matrix.Rows,
                FraudClaims = matrix.Positives,
            };
        }
        catch
        {
            model.Dispose();
            stumps?.Dispose();
            throw;
        }
    }

    /// <summary>The feature table as a matrix; every row must be labelled (training data).</summary>
    public static FeatureMatrix ToMatrix(IReadOnlyList<FeatureRow> rows, FeatureSchema schema)
    {
        int cols = schema.Count;
        var values = new float[(long)rows.Count * cols];
        var labels = new bool[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.IsFraud is not { } y) throw new InvalidDataException($"Claim {r.ClaimId} has no label: training needs labelled claims (a \"label\" object on every line).");
            if (r.Features.Length != cols) throw new InvalidDataException($"Claim {r.ClaimId} has {r.Features.Length} features, the schema {cols}.");
            r.Features.CopyTo(values, (long)i * cols);
            labels[i] = y;
        }
        return new FeatureMatrix(values, rows.Count, schema.Names, labels);
    }

    public static double[] PredictProbabilities(Booster booster, FeatureMatrix data)
    {
        using var d = DMatrix.FromDense(data.Values, data.Rows, data.Columns);
        var p = booster.Predict(d, PredictionOptions.Probability).Values;
        var result = new double[p.Length];
        for (int i = 0; i < p.Length; i++) result[i] = p[i];
        return result;
    }

    private static IReadOnlyList<ImportanceRow> Importance(Booster booster, FeatureSchema schema)
    {
        var gain = booster.FeatureScore(ImportanceType.Gain, schema.Names);
        var totalGain = booster.FeatureScore(ImportanceType.TotalGain, schema.Names);
        var cover = booster.FeatureScore(ImportanceType.Cover, schema.Names);
        var weight = booster.FeatureScore(ImportanceType.Weight, schema.Names);
        double G(IReadOnlyDictionary<string, float> d, string n) => d.TryGetValue(n, out var v) ? v : 0;
        return [.. schema.Names
            .Select(n => new ImportanceRow(n, G(gain, n), G(totalGain, n), G(cover, n), G(weight, n)))
            .OrderByDescending(r => r.TotalGain).ThenBy(r => r.Feature, StringComparer.Ordinal)];
    }
}
