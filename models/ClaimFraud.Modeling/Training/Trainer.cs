using ClaimFraud.Modeling.Data;
using ClaimFraud.XGBoost;

namespace ClaimFraud.Modeling.Training;

/// <summary>One boosting round's validation figures, for progress displays and training curves.</summary>
public sealed record TrainingRound(int Iteration, double ValidationPrAuc, bool IsBest);

/// <summary>A trained booster cut at its best round, with how it got there.</summary>
public sealed class TrainingResult(Booster booster, int bestIteration, double bestValidationPrAuc, IReadOnlyList<TrainingRound> history,
    IReadOnlyDictionary<string, string> parameters, TimeSpan elapsed) : IDisposable
{
    public Booster Booster { get; } = booster;
    /// <summary>0-based round with the best validation PR-AUC; the booster holds rounds 0..BestIteration.</summary>
    public int BestIteration { get; } = bestIteration;
    public double BestValidationPrAuc { get; } = bestValidationPrAuc;
    public IReadOnlyList<TrainingRound> History { get; } = history;
    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;
    public TimeSpan Elapsed { get; } = elapsed;
    public int RoundsRun => History.Count;

    public void Dispose() => Booster.Dispose();
}

public static class Trainer
{
    /// <summary>
    /// Trains with early stopping on validation PR-AUC (the metric that matters when fraud is rare), then keeps only
    /// the rounds up to the best one so the exported model is exactly what was validated.
    /// </summary>
    public static TrainingResult Train(FeatureMatrix train, FeatureMatrix validation, TrainingOptions options,
        IProgress<TrainingRound>? progress = null, CancellationToken ct = default)
    {
        options.Validate();
        if (!train.FeatureNames.SequenceEqual(validation.FeatureNames))
            throw new ArgumentException("Training and validation matrices have different features.");
        long pos = train.Positives, neg = train.Rows - pos;
        if (pos == 0 || neg == 0) throw new ArgumentException($"Training data needs both classes (has {pos} fraud and {neg} legitimate rows).");
        if (validation.Positives == 0) throw new ArgumentException("Validation data has no fraud rows: early stopping on PR-AUC needs some.");

        var started = System.Diagnostics.Stopwatch.StartNew();
        double scalePosWeight = options.BalanceClasses ? (double)neg / pos : 1;
        var parameters = options.ToXGBoostParameters(scalePosWeight);

        var excluded = ExcludedColumns(train.FeatureNames, options.ExcludedFeatures);
        using var dtrain = DMatrix.FromDense(WithoutColumns(train, excluded), train.Rows, train.Columns);
        dtrain.SetLabels(train.LabelsAsFloats());
        dtrain.SetFeatureNames(train.FeatureNames);
        using var dvalid = DMatrix.FromDense(WithoutColumns(validation, excluded), validation.Rows, validation.Columns);
        dvalid.SetLabels(validation.LabelsAsFloats());
        dvalid.SetFeatureNames(validation.FeatureNames);

        var booster = new Booster(dtrain, dvalid);
        try
        {
            foreach (var (k, v) in parameters) booster.SetParam(k, v);
            var history = new List<TrainingRound>();
            double best = double.NegativeInfinity;
            int bestIteration = 0;
            for (int i = 0; i < options.MaxRounds; i++)
            {
                ct.ThrowIfCancellationRequested();
                booster.UpdateOneIter(i, dtrain);
                var eval = booster.EvalOneIter(i, (dvalid, "valid"));
                double prAuc = eval.Metrics.TryGetValue("valid-aucpr", out var v) ? v : double.NaN;
                bool isBest = prAuc > best + 1e-9;
                if (isBest) { best = prAuc; bestIteration = i; }
                var round = new TrainingRound(i, prAuc, isBest);
                history.Add(round);
                progress?.Report(round);
                if (i - bestIteration >= options.EarlyStoppingRounds) break;
            }
            var final = booster.Slice(0, bestIteration + 1);
            final.BestIteration = bestIteration;
            booster.Dispose();
            return new TrainingResult(final, bestIteration, best, history, parameters, started.Elapsed);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    private static int[] ExcludedColumns(IReadOnlyList<string> names, IReadOnlyList<string> excluded)
    {
        var unknown = excluded.Where(e => !names.Contains(e)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Excluded features not in the feature schema: {string.Join(", ", unknown)}.");
        var list = names.ToList();
        return [.. excluded.Select(e => list.IndexOf(e)).Distinct()];
    }

    /// <summary>A copy with the excluded columns missing everywhere: a column that is all missing can never be split on.</summary>
    private static float[] WithoutColumns(FeatureMatrix m, int[] columns)
    {
        if (columns.Length == 0) return m.Values;
        var values = (float[])m.Values.Clone();
        for (int r = 0; r < m.Rows; r++)
            foreach (int c in columns) values[r * m.Columns + c] = float.NaN;
        return values;
    }
}
