using System.CommandLine;
using System.Diagnostics;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features;
using ClaimFraud.Features.History;
using ClaimFraud.Features.Rules;
using ClaimFraud.Features.Table;
using ClaimFraud.Modeling.Scoring;
using ClaimFraud.Modeling.Training;
using ClaimFraud.Synthetic;

namespace ClaimFraud.Cli.Commands;

/// <summary>
/// <c>claimfraud bench …</c>: commands that print the figures the issues ask for (speed lives here, never in unit tests).
/// Run them on a quiet machine: they measure wall time.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Print throughput figures (generation, database load, training, scoring)");
        bench.Subcommands.Add(Generate());
        bench.Subcommands.Add(Load());
        bench.Subcommands.Add(Train());
        bench.Subcommands.Add(Score());
        return bench;
    }

    private static Command Generate()
    {
        var claims = new Option<long>("--claims") { DefaultValueFactory = _ => 1_000_000 };
        var cmd = new Command("generate", "Generation to JSONL: claims/s and peak memory") { claims };
        cmd.SetAction((parse, ct) =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"claimfraud-bench-{Environment.ProcessId}.jsonl");
            try
            {
                var options = new GeneratorOptions { Claims = parse.GetValue(claims), Seed = 1 };
                _ = ReferenceCatalog.Default.Areas; // catalog loading is not generation
                var w = Stopwatch.StartNew();
                long n = SyntheticDataset.WriteJsonl(options, path, null, ct);
                w.Stop();
                Console.WriteLine($"generate: {n:N0} claims in {w.Elapsed.TotalSeconds:F1} s = {n / w.Elapsed.TotalSeconds:N0} claims/s; " +
                    $"file {new FileInfo(path).Length / 1e6:N0} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
            }
            finally { File.Delete(path); }
            return Task.FromResult(0);
        });
        return cmd;
    }

    private static Command Load()
    {
        var claims = new Option<long>("--claims") { DefaultValueFactory = _ => 100_000 };
        var mysql = new Option<string?>("--mysql") { Description = "Connection string of an EMPTY database (default: env CLAIMFRAUD_MYSQL)" };
        var cmd = new Command("load", "MySQL bulk load: claims/s") { claims, mysql };
        cmd.SetAction(async (parse, ct) =>
        {
            var generated = SyntheticDataset.Generate(new GeneratorOptions { Claims = parse.GetValue(claims), Seed = 1 }).ToList();
            await using var store = LoadCommand.OpenStore(parse.GetValue(mysql), null);
            await store.MigrateAsync(ct);
            await SettleAsync(ct);
            var result = await store.LoadAsync(generated, ct: ct);
            Console.WriteLine($"load: {result.Claims:N0} claims in {result.Elapsed.TotalSeconds:F1} s = {result.ClaimsPerSecond:N0} claims/s");
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// Lets the runtime finish what generation left behind before a timed load: background tier-up compilation of the
    /// generator (about a second of CPU on a loaded 2-core machine, which the load would otherwise share) and its garbage.
    /// </summary>
    private static async Task SettleAsync(CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        long last = -1;
        for (int quiet = 0; quiet < 5 && waited.Elapsed < TimeSpan.FromSeconds(20);)
        {
            long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = compiled == last ? quiet + 1 : 0;
            last = compiled;
            await Task.Delay(100, ct);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static Command Train()
    {
        var claims = new Option<long>("--claims") { DefaultValueFactory = _ => 1_000_000 };
        var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 300 };
        var cmd = new Command("train", "Training: features for N claims, then XGBoost hist with 2 threads for a fixed number of rounds") { claims, rounds };
        cmd.SetAction((parse, ct) =>
        {
            var evidence = new ClaimEvidence(ReferenceCatalog.Default);
            var w = Stopwatch.StartNew();
            var rows = FeatureTable.Build(SyntheticDataset.Generate(new GeneratorOptions { Claims = parse.GetValue(claims), Seed = 1 }), evidence);
            Console.WriteLine($"train: generated and extracted {rows.Count:N0} × {evidence.Schema.Count} features in {w.Elapsed.TotalSeconds:F1} s");
            int r = parse.GetValue(rounds);
            // No early stopping here: the figure is the cost of a fixed number of rounds.
            var options = new PipelineOptions { Training = new TrainingOptions { MaxRounds = r, EarlyStoppingRounds = r, Threads = 2 } };
            var matrix = TrainingPipeline.ToMatrix(rows, evidence.Schema);
            var split = ClaimFraud.Modeling.Splits.DataSplit.ByTime(rows.Select(x => x.AdmissionAt).ToArray(), 0.85, 0.15 - 1e-9);
            using var result = Trainer.Train(matrix.Subset(split.Train), matrix.Subset(split.Validation), options.Training, null, ct);
            Console.WriteLine($"train: {result.RoundsRun} rounds on {split.Train.Length:N0} rows in {result.Elapsed.TotalSeconds:F1} s " +
                $"({result.Elapsed.TotalMilliseconds / result.RoundsRun:F0} ms/round, hist, 2 threads)");
            return Task.FromResult(0);
        });
        return cmd;
    }

    private static Command Score()
    {
        var claims = new Option<int>("--claims") { DefaultValueFactory = _ => 20_000 };
        var model = new Option<string?>("--model");
        var cmd = new Command("score", "In-process scoring of one claim (features + rules + model + SHAP + explanation): µs per claim") { claims, model };
        cmd.SetAction((parse, ct) =>
        {
            var (scorer, fraudModel) = ModelLoading.LoadScorer(parse.GetValue(model), null);
            using var _ = fraudModel;
            var list = SyntheticDataset.Generate(new GeneratorOptions { Claims = parse.GetValue(claims), Seed = 7 }).Select(c => c.Claim).ToList();
            foreach (var c in list.Take(2_000)) scorer.Score(c, HistorySnapshot.Empty); // warm up
            var features = list.Select(c => scorer.Evidence.Analyze(c, HistorySnapshot.Empty).Features).ToList();

            // The best of three passes: the first pass of a step still runs partly in unoptimised (tier-0) code.
            double Time(Action<int> a)
            {
                double best = double.MaxValue;
                for (int pass = 0; pass < 3; pass++)
                {
                    var w = Stopwatch.StartNew();
                    for (int i = 0; i < list.Count; i++) a(i);
                    best = Math.Min(best, w.Elapsed.TotalMicroseconds / list.Count);
                }
                return best;
            }
            Console.WriteLine($"score: {fraudModel.ModelVersion}, {fraudModel.Loaded.Booster.BoostedRounds} trees, attribution {fraudModel.Attribution}, one thread, {list.Count:N0} claims, best of 3 passes");
            Console.WriteLine($"  features + rules        {Time(i => scorer.Evidence.Analyze(list[i], HistorySnapshot.Empty)),8:F1} µs/claim");
            Console.WriteLine($"  model + attributions    {Time(i => fraudModel.Predict(features[i])),8:F1} µs/claim");
            // The other attribution method on the same trees (Model:Attribution in the serving app picks one).
            string other = fraudModel.Attribution == "exact" ? "approximate" : "exact";
            // Shares the loaded booster, which fraudModel disposes.
            var otherModel = new FraudModel(fraudModel.Loaded, other);
            foreach (var f in features.Take(2_000)) otherModel.Predict(f); // warm up
            Console.WriteLine($"  model + {other,-12}    {Time(i => otherModel.Predict(features[i])),8:F1} µs/claim");
            Console.WriteLine($"  whole score             {Time(i => scorer.Score(list[i], HistorySnapshot.Empty)),8:F1} µs/claim");
            var history = scorer.Evidence.CreateHistory();
            Console.WriteLine($"  whole score + history   {Time(i => scorer.ScoreAndRecord(list[i], history)),8:F1} µs/claim");
            var json = list.Select(c => ClaimJson.SerializeToUtf8Bytes(c)).ToList();
            foreach (var j in json.Take(2_000)) ClaimJson.Parse(j); // warm up, like the scoring steps above
            Console.WriteLine($"  JSON parse + validate   {Time(i => ClaimJson.Parse(json[i])),8:F1} µs/claim");

            // The /predict benchmark's body: the worked case, whose 11 findings make rule messages a large share.
            var worked = Path.Combine(RepoPaths.Root, "tests", "fixtures", "combined-fraud.json");
            if (File.Exists(worked))
            {
                var bytes = File.ReadAllBytes(worked);
                var claim = ClaimJson.Parse(bytes).Claim ?? throw new CliException($"{worked} is not a valid claim.");
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < list.Count; i++) scorer.Score(claim, HistorySnapshot.Empty);
                long allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / list.Count;
                Console.WriteLine("worked case (tests/fixtures/combined-fraud.json), same passes:");
                Console.WriteLine($"  JSON parse + validate   {Time(_ => ClaimJson.Parse(bytes)),8:F1} µs");
                Console.WriteLine($"  features + rules        {Time(_ => scorer.Evidence.Analyze(claim, HistorySnapshot.Empty)),8:F1} µs");
                Console.WriteLine($"  with its rule messages  {Time(_ => scorer.Evidence.Analyze(claim, HistorySnapshot.Empty).Rules.ViolationsIn(RuleLanguage.Indonesian)),8:F1} µs");
                Console.WriteLine($"  whole score             {Time(_ => scorer.Score(claim, HistorySnapshot.Empty)),8:F1} µs, {allocated / 1024.0:F1} KB allocated");
            }
            return Task.FromResult(0);
        });
        return cmd;
    }
}
