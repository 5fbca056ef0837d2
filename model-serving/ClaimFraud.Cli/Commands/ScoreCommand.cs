using System.CommandLine;
using System.Diagnostics;
using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Cli.Commands;

/// <summary><c>claimfraud score</c>: offline batch scoring, one contract §2 score per input line, in input order.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Claims to score (.jsonl; a label on a line is ignored)", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Scores (.jsonl), written atomically", Required = true };
        var model = new Option<string?>("--model") { Description = "Model version, e.g. 1.0.0 (default: latest)" };
        var modelsDir = new Option<DirectoryInfo?>("--models") { Description = "Models folder (default: the repository's models/)" };

        var command = new Command("score", "Score a JSONL file of claims with a model version") { input, output, model, modelsDir };
        command.SetAction((parse, ct) =>
        {
            var inputPath = parse.GetValue(input)!.FullName;
            if (!File.Exists(inputPath)) throw new CliException($"--input {inputPath} does not exist.");
            var outputPath = parse.GetValue(output)!.FullName;
            var (scorer, fraudModel) = ModelLoading.LoadScorer(parse.GetValue(model), parse.GetValue(modelsDir)?.FullName);
            using var _ = fraudModel;
            var watch = Stopwatch.StartNew();
            long total = File.ReadLines(inputPath).LongCount(l => !string.IsNullOrWhiteSpace(l));
            try
            {
                long n = ProgressDisplay.Run("Scoring claims", total,
                    progress => JsonlScoring.ScoreFile(inputPath, outputPath, scorer, scorer.Evidence.CreateHistory(), progress: progress, ct: ct));
                Console.Error.WriteLine($"score: {n:N0} claims with {fraudModel.ModelVersion} to {outputPath} in {watch.Elapsed.TotalSeconds:F1} s");
            }
            catch (BadClaimLineException e)
            {
                throw new CliException($"{e.Message} (nothing was written to {outputPath})");
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
