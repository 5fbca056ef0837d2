using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Features;
using ClaimFraud.Features.Table;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Training;

namespace ClaimFraud.Cli.Commands;

/// <summary><c>claimfraud train</c>: features, XGBoost with early stopping, calibration, evaluation and a new model version.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Labelled claims (.jsonl, as generate writes)", Required = true };
        var version = new Option<string?>("--version") { Description = "Version to publish (default: one minor step above the latest)" };
        var name = new Option<string>("--name") { Description = "Model name", DefaultValueFactory = _ => "claim-fraud-xgb" };
        var split = new Option<SplitMethod>("--split") { Description = "time (train on earlier months) or stratified", DefaultValueFactory = _ => SplitMethod.Time };
        var seed = new Option<int>("--seed") { Description = "Seed of XGBoost's sampling and the stratified split", DefaultValueFactory = _ => 42 };
        var rounds = new Option<int>("--rounds") { Description = "Most boosting rounds", DefaultValueFactory = _ => 300 };
        var features = new Option<FileInfo?>("--features-csv") { Description = "Also write the curated feature table here" };
        var modelsDir = new Option<DirectoryInfo?>("--models") { Description = "Models folder (default: the repository's models/)" };
        var datasetSeed = new Option<long?>("--dataset-seed") { Description = "Seed the dataset was generated with, recorded in the manifest" };
        var exclude = new Option<string[]>("--exclude-features")
        {
            Description = "Features the trees may not use, comma-separated; \"none\" to allow all",
            DefaultValueFactory = _ => [.. TrainingOptions.DefaultExcludedFeatures],
            CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(v => v != "none")],
        };

        var command = new Command("train", "Train, evaluate and publish a new fraud model version")
        {
            input, version, name, split, seed, rounds, features, modelsDir, datasetSeed, exclude,
        };
        command.SetAction((parse, ct) =>
        {
            var inputPath = parse.GetValue(input)!.FullName;
            if (!File.Exists(inputPath)) throw new CliException($"--input {inputPath} does not exist.");
            var options = new PipelineOptions
            {
                ModelName = parse.GetValue(name)!,
                Split = parse.GetValue(split),
                SplitSeed = parse.GetValue(seed),
                Training = new TrainingOptions { Seed = parse.GetValue(seed), MaxRounds = parse.GetValue(rounds), ExcludedFeatures = parse.GetValue(exclude)! },
            };
            var watch = Stopwatch.StartNew();
            var catalog = ReferenceCatalog.Default;
            var evidence = new ClaimEvidence(catalog);
            var claims = ClaimJsonl.ReadValidFile(inputPath, new ClaimValidationOptions(), requireLabel: true).ToList();
            Console.Error.WriteLine($"train: read {claims.Count:N0} claims in {watch.Elapsed.TotalSeconds:F1} s");
            var rows = FeatureTable.Build(claims, evidence);
            claims = null;
            Console.Error.WriteLine($"train: {rows.Count:N0} × {evidence.Schema.Count} features in {watch.Elapsed.TotalSeconds:F1} s");
            if (parse.GetValue(features) is { } csv) FeatureTableCsv.Write(csv.FullName, rows, evidence.Schema);

            using var run = TrainingPipeline.Run(rows, evidence.Schema, options, new RoundPrinter(), ct);
            var registry = new ModelRegistry(parse.GetValue(modelsDir)?.FullName ?? RepoPaths.Models);
            var dataset = new ManifestDataset
            {
                Source = Path.GetFileName(inputPath),
                Seed = parse.GetValue(datasetSeed),
                Sha256 = Sha256Of(inputPath),
            };
            var entry = ModelPublisher.Publish(run, registry, dataset, parse.GetValue(version), DateTimeOffset.UtcNow);
            Report.Print(run, entry, watch.Elapsed);
            return Task.FromResult(0);
        });
        return command;
    }

    private static string Sha256Of(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    private sealed class RoundPrinter : IProgress<TrainingRound>
    {
        public void Report(TrainingRound r)
        {
            if (r.Iteration % 25 == 0) Console.Error.WriteLine($"train: round {r.Iteration,4}  validation PR-AUC {r.ValidationPrAuc:F4}");
        }
    }
}
