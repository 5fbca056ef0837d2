namespace ClaimFraud.Modeling.Splits;

/// <summary>Row indices of the three parts of a dataset.</summary>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test, string Method)
{
    /// <summary>
    /// Stratified random split: each class is shuffled with the seed and cut by the fractions, so every part keeps
    /// the dataset's fraud rate. Indices come back sorted, so the parts keep the input (time) order.
    /// </summary>
    public static DataSplit Stratified(ReadOnlySpan<bool> labels, double trainFraction, double validationFraction, int seed)
    {
        CheckFractions(trainFraction, validationFraction);
        var positives = new List<int>(); var negatives = new List<int>();
        for (int i = 0; i < labels.Length; i++) (labels[i] ? positives : negatives).Add(i);
        var rng = new Random(seed);
        var train = new List<int>(); var valid = new List<int>(); var test = new List<int>();
        foreach (var group in new[] { positives, negatives })
        {
            var arr = group.ToArray();
            rng.Shuffle(arr);
            int nTrain = (int)Math.Round(arr.Length * trainFraction);
            int nValid = (int)Math.Round(arr.Length * validationFraction);
            nValid = Math.Min(nValid, arr.Length - nTrain);
            train.AddRange(arr.AsSpan(0, nTrain).ToArray());
            valid.AddRange(arr.AsSpan(nTrain, nValid).ToArray());
            test.AddRange(arr.AsSpan(nTrain + nValid).ToArray());
        }
        train.Sort(); valid.Sort(); test.Sort();
        return new DataSplit([.. train], [.. valid], [.. test], $"stratified(seed={seed})");
    }

    /// <summary>
    /// Time-based split: train on the earliest claims, validate on the next, test on the latest — how a model meets
    /// the future. Claims sharing a timestamp stay on one side.
    /// </summary>
    public static DataSplit ByTime(ReadOnlySpan<DateTimeOffset> times, double trainFraction, double validationFraction)
    {
        CheckFractions(trainFraction, validationFraction);
        int n = times.Length;
        var keys = new long[n];
        var order = new int[n];
        for (int i = 0; i < n; i++) { keys[i] = times[i].UtcTicks; order[i] = i; }
        Array.Sort(keys, order);
        // Array.Sort is not stable; restore input order among equal times so the split is deterministic.
        int s = 0;
        while (s < n)
        {
            int e = s;
            while (e + 1 < n && keys[e + 1] == keys[s]) e++;
            Array.Sort(order, s, e - s + 1);
            s = e + 1;
        }
        int cutTrain = Boundary(keys, (int)Math.Round(n * trainFraction));
        int cutValid = Boundary(keys, Math.Max(cutTrain, (int)Math.Round(n * (trainFraction + validationFraction))));
        var train = order[..cutTrain]; var valid = order[cutTrain..cutValid]; var test = order[cutValid..];
        Array.Sort(train); Array.Sort(valid); Array.Sort(test);
        var end = n == 0 ? "" : $", train until {new DateTimeOffset(keys[Math.Max(0, cutTrain - 1)], TimeSpan.Zero):yyyy-MM-dd}";
        return new DataSplit(train, valid, test, $"time{end}");
    }

    private static int Boundary(long[] sortedKeys, int cut)
    {
        cut = Math.Clamp(cut, 0, sortedKeys.Length);
        while (cut > 0 && cut < sortedKeys.Length && sortedKeys[cut] == sortedKeys[cut - 1]) cut++;
        return cut;
    }

    private static void CheckFractions(double train, double validation)
    {
        if (train <= 0 || validation < 0 || train + validation >= 1)
            throw new ArgumentException($"Fractions must satisfy 0 < train, 0 ≤ validation and train + validation < 1 (got {train} and {validation}).");
    }
}
