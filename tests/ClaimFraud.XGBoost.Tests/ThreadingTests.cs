namespace ClaimFraud.XGBoost.Tests;

public sealed class ThreadingTests(TrainedModel model) : IClassFixture<TrainedModel>
{
    private const int Threads = 8;
    private const int PredictionsPerThread = 400;
    private const int SampledRows = 100;

    private enum Path
    {
        DMatrixProbability,
        DMatrixContributions,
        DenseProbability,
        DenseContributions,
        BatchMargin,
    }

    [Fact]
    public void PredictingFromEightThreadsGivesTheSameResultsAsOneThread()
    {
        Booster booster = model.Booster;
        DMatrix[] rowMatrices = Enumerable.Range(0, SampledRows)
            .Select(i => DMatrix.FromDense(model.Test.Row(i), 1, SyntheticClaims.Columns))
            .ToArray();
        try
        {
            Path[] paths = Enum.GetValues<Path>();
            // Single-threaded reference for every (path, row).
            var reference = new PredictionResult[paths.Length, SampledRows];
            foreach (Path path in paths)
            {
                for (int row = 0; row < SampledRows; row++)
                {
                    reference[(int)path, row] = Run(booster, path, row, rowMatrices);
                }
            }

            using var start = new Barrier(Threads);
            var mismatches = new List<string>[Threads];
            var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                mismatches[t] = [];
                start.SignalAndWait();
                for (int n = 0; n < PredictionsPerThread; n++)
                {
                    // Each thread walks rows and paths in its own order so different calls overlap.
                    int row = (n * 37 + t * 11) % SampledRows;
                    Path path = paths[(n + t) % paths.Length];
                    PredictionResult got = Run(booster, path, row, rowMatrices);
                    PredictionResult want = reference[(int)path, row];
                    if (!got.Shape.SequenceEqual(want.Shape) || !got.Values.SequenceEqual(want.Values))
                    {
                        mismatches[t].Add($"thread {t}, call {n}: {path} row {row}");
                    }
                }
            })).ToArray();

            foreach (Thread worker in workers)
            {
                worker.Start();
            }

            foreach (Thread worker in workers)
            {
                worker.Join();
            }

            Assert.Empty(mismatches.SelectMany(m => m));
        }
        finally
        {
            foreach (DMatrix matrix in rowMatrices)
            {
                matrix.Dispose();
            }
        }
    }

    [Fact]
    public void DisposingWaitsForInFlightPredictionsAndLaterCallsThrowObjectDisposed()
    {
        Booster copy = model.Copy();
        using var predicting = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            predicting.Set();
            try
            {
                for (int i = 0; i < 2000; i++)
                {
                    copy.PredictRow(model.Test.Row(i % model.Test.Rows), PredictionOptions.Contributions);
                }
            }
            catch (ObjectDisposedException)
            {
                // Expected once Dispose has run; anything else would fail the test via an unhandled exception.
            }
        });
        worker.Start();
        predicting.Wait();

        copy.Dispose();
        worker.Join();

        Assert.Throws<ObjectDisposedException>(() => copy.Predict(model.DTest));
    }

    private PredictionResult Run(Booster booster, Path path, int row, DMatrix[] rowMatrices) => path switch
    {
        Path.DMatrixProbability => booster.Predict(rowMatrices[row]),
        Path.DMatrixContributions => booster.Predict(rowMatrices[row], PredictionKind.Contributions),
        Path.DenseProbability => booster.PredictRow(model.Test.Row(row)),
        Path.DenseContributions => booster.PredictRow(model.Test.Row(row), PredictionOptions.Contributions),
        // A shared multi-row matrix exercises XGBoost's per-thread prediction cache for the same DMatrix.
        Path.BatchMargin => booster.Predict(model.DTest, PredictionOptions.Margin),
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };
}
