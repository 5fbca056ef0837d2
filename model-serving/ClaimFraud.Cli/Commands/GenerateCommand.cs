using System.CommandLine;
using System.Diagnostics;
using ClaimFraud.Synthetic;

namespace ClaimFraud.Cli.Commands;

/// <summary><c>claimfraud generate</c>: synthetic claims as JSON Lines with their labels (contract §4, §5).</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var claims = new Option<long>("--claims") { Description = "How many claims to generate", Required = true };
        var seed = new Option<long>("--seed") { Description = "Seed of every random choice (same seed, same bytes)", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--output") { Description = "Output .jsonl path (written atomically)", Required = true };
        var fraudRate = new Option<double>("--fraud-rate") { Description = "Share of fraudulent claims, 0 to 1", DefaultValueFactory = _ => 0.15 };
        var hospitals = new Option<int>("--hospitals") { Description = "How many hospitals the claims come from", DefaultValueFactory = _ => 60 };
        var from = new Option<DateOnly?>("--from") { Description = "First admission date (default 2024-01-01)" };
        var to = new Option<DateOnly?>("--to") { Description = "Last admission date (default 2025-12-31)" };

        var command = new Command("generate", "Generate Indonesian-realistic synthetic JKN claims with labelled fraud patterns")
        {
            claims, seed, output, fraudRate, hospitals, from, to,
        };
        command.SetAction((parse, ct) =>
        {
            var defaults = new GeneratorOptions();
            var options = new GeneratorOptions
            {
                Claims = parse.GetValue(claims),
                Seed = parse.GetValue(seed),
                FraudRate = parse.GetValue(fraudRate),
                Hospitals = parse.GetValue(hospitals),
                PeriodStart = parse.GetValue(from) ?? defaults.PeriodStart,
                PeriodEnd = parse.GetValue(to) ?? defaults.PeriodEnd,
            };
            if (options.Problems() is { Count: > 0 } problems) throw new CliException(string.Join(" ", problems));
            var path = parse.GetValue(output)!.FullName;
            if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) throw new CliException($"--output must be a .jsonl file (got {path}).");

            var watch = Stopwatch.StartNew();
            long written = ProgressDisplay.Run("Generating claims", options.Claims,
                progress => SyntheticDataset.WriteJsonl(options, path, progress, ct));
            Console.Error.WriteLine($"generate: {written:N0} claims to {path} in {watch.Elapsed.TotalSeconds:F1} s ({written / Math.Max(watch.Elapsed.TotalSeconds, 1e-9):N0} claims/s)");
            return Task.FromResult(0);
        });
        return command;
    }
}
