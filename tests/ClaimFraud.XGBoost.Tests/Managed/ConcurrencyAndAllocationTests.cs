using ClaimFraud.XGBoost.Managed;

namespace ClaimFraud.XGBoost.Tests.Managed;

[Collection(ManagedModelsCollection.Name)]
public sealed class ConcurrencyAndAllocationTests(ManagedModels models)
{
    private const int Threads = 8;
    private const int CallsPerThread = 150;
    private const int SampledRows = 60;

    [Theory]
    [InlineData("serving")]
    [InlineData("deep-missing-heavy")]
    [InlineData("very-deep")]
    public void ScoringFromEightThreadsGivesTheSameResultsAsOneThread(string shape)
    {
        TrainedShape model = models[shape];
        TreeEnsemble ensemble = model.Ensemble;
        int width = ensemble.NumFeatures + 1;
        var reference = new float[SampledRows][];
        for (int row = 0; row < SampledRows; row++)
        {
            reference[row] = Score(ensemble, model.Test.Row(row));
        }

        using var start = new Barrier(Threads);
        var mismatches = new List<string>[Threads];
        Thread[] workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            mismatches[t] = [];
            start.SignalAndWait();
            for (int n = 0; n < CallsPerThread; n++)
            {
                int row = (n * 37 + t * 11) % SampledRows;
                float[] got = Score(ensemble, model.Test.Row(row));
                if (!got.AsSpan().SequenceEqual(reference[row]))
                {
                    mismatches[t].Add($"thread {t}, call {n}, row {row}");
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

        Assert.Empty(mismatches.SelectMany(list => list));
        Assert.Equal(3 + 2 * width, reference[0].Length);
    }

    [Theory]
    [InlineData("serving")]
    [InlineData("deep-missing-heavy")]
    [InlineData("very-deep")]
    public void ScoringARowAllocatesNothing(string shape)
    {
        TrainedShape model = models[shape];
        TreeEnsemble ensemble = model.Ensemble;
        var destination = new float[ensemble.NumFeatures + 1];
        for (int i = 0; i < 50; i++)
        {
            Run(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            Run(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Run(int i)
        {
            ReadOnlySpan<float> row = model.Test.Row(i % model.Test.Rows);
            ensemble.Margin(row);
            ensemble.Probability(row);
            ensemble.Contributions(row, destination);
            ensemble.ApproximateContributions(row, destination);
        }
    }

    // Margin, probability, then exact and approximate contributions with the margins they return.
    private static float[] Score(TreeEnsemble ensemble, ReadOnlySpan<float> row)
    {
        int width = ensemble.NumFeatures + 1;
        var result = new float[3 + 2 * width];
        result[0] = ensemble.Margin(row);
        result[1] = (float)ensemble.Probability(row);
        result[2] = ensemble.Contributions(row, result.AsSpan(3, width)) - ensemble.ApproximateContributions(row, result.AsSpan(3 + width, width));
        return result;
    }
}
