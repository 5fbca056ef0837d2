using System.CommandLine;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;
using ClaimFraud.Modeling.Evaluation;

namespace ClaimFraud.Cli.Commands;

/// <summary>
/// <c>claimfraud evaluate</c>: scores a labelled JSONL file and prints how well the model, the rules and the combined
/// score separate its fraud — e.g. on claims from a generator the model never saw.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Labelled claims (.jsonl)", Required = true };
        var model = new Option<string?>("--model") { Description = "Model version (default: latest)" };
        var modelsDir = new Option<DirectoryInfo?>("--models") { Description = "Models folder (default: the repository's models/)" };

        var command = new Command("evaluate", "Score a labelled file and report ROC-AUC, PR-AUC and recall per fraud pattern") { input, model, modelsDir };
        command.SetAction((parse, ct) =>
        {
            var inputPath = parse.GetValue(input)!.FullName;
            if (!File.Exists(inputPath)) throw new CliException($"--input {inputPath} does not exist.");
            var (scorer, fraudModel) = ModelLoading.LoadScorer(parse.GetValue(model), parse.GetValue(modelsDir)?.FullName);
            using var _ = fraudModel;
            var history = scorer.Evidence.CreateHistory();
            var m = new List<double>(); var r = new List<double>(); var c = new List<double>(); var y = new List<bool>();
            var patterns = new List<IReadOnlyList<string>>();
            foreach (var line in ClaimJsonl.ReadFile(inputPath, new ClaimValidationOptions(), requireLabel: true))
            {
                if (line.Result.Claim is not { } claim) throw new CliException($"{inputPath}:{line.LineNumber}: {line.Result.Errors}");
                var s = scorer.ScoreAndRecord(claim, history).Score;
                m.Add(s.Components.Model); r.Add(s.Components.Rules); c.Add(s.FraudScore);
                y.Add(line.Result.Label!.IsFraud);
                patterns.Add(line.Result.Label.Patterns);
            }
            var labels = y.ToArray();
            var threshold = fraudModel.Manifest.ModelThreshold;
            Console.WriteLine($"{inputPath}: {labels.Length:N0} claims, {labels.Count(b => b):N0} fraud; model {fraudModel.ModelVersion}");
            Console.WriteLine("                ROC-AUC  PR-AUC   precision recall  F1");
            Print("model", BinaryMetrics.Compute([.. m], labels, threshold));
            Print("rules only", BinaryMetrics.Compute([.. r], labels, 0.3));
            Print("combined", BinaryMetrics.Compute([.. c], labels, 0.6));
            var fraudIdx = Enumerable.Range(0, labels.Length).Where(i => labels[i]).ToArray();
            var per = PatternRecalls.Compute(fraudIdx.Select(i => patterns[i]).ToList(),
                fraudIdx.Select(i => m[i] >= threshold).ToArray(), fraudIdx.Select(i => r[i] >= 0.3).ToArray(),
                fraudIdx.Select(i => false).ToArray(), fraudIdx.Select(i => c[i] >= 0.6).ToArray());
            Console.WriteLine($"recall by pattern (model ≥ {threshold:F2} / rules ≥ 0.30 / combined ≥ 0.60):");
            foreach (var p in per) Console.WriteLine($"  {p.Pattern,-28} n={p.Count,5}  {p.Model,7:P1} {p.Rules,7:P1} {p.Combined,7:P1}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Print(string name, BinaryMetrics b) =>
        Console.WriteLine($"  {name,-13} {b.RocAuc,7:F4}  {b.PrAuc,7:F4}  {b.Precision,8:F4}  {b.Recall,6:F4}  {b.F1,6:F4}");
}
