using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClaimFraud.Features.Schema;
using ClaimFraud.Modeling.Training;
using ClaimFraud.XGBoost;

namespace ClaimFraud.Modeling.Registry;

/// <summary>Turns a training run into a published, versioned model (model.json, manifest.json, importance.csv, metrics.json).</summary>
public static class ModelPublisher
{
    public static ModelPackage Package(TrainingRun run, ManifestDataset dataset, string version, DateTimeOffset createdAt)
    {
        var modelJson = run.Training.Booster.SaveModelToBuffer(ModelFormat.Json);
        var test = run.Test;
        var manifest = new ModelManifest
        {
            Name = run.Options.ModelName,
            Version = version,
            CreatedAt = createdAt,
            FeatureSchema = ToManifestSchema(run.Schema),
            Parameters = run.Training.Parameters,
            BestIteration = run.Training.BestIteration,
            Calibration = run.Calibrator,
            ModelThreshold = run.ModelThreshold,
            Combination = run.Options.Combination,
            Attribution = run.Options.Attribution,
            ExcludedFeatures = run.Options.Training.ExcludedFeatures,
            XGBoostVersion = XGBoostLibrary.Version.ToString(),
            Dataset = dataset with { Claims = run.Claims, FraudClaims = run.FraudClaims, Split = run.Split.Method },
            Metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                ["test_roc_auc"] = Round(test.Model.RocAuc),
                ["test_pr_auc"] = Round(test.Model.PrAuc),
                ["test_f1"] = Round(test.Model.F1),
                ["test_brier"] = Round(test.Model.Brier),
                ["rules_only_pr_auc"] = Round(test.RulesOnly.PrAuc),
                ["stumps_pr_auc"] = Round(test.Stumps.PrAuc),
                ["combined_pr_auc"] = Round(test.Combined.PrAuc),
            },
            ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(modelJson)),
        };
        return new ModelPackage(manifest, modelJson, ImportanceCsv(run.Importance), MetricsJson(run));
    }

    public static ModelEntry Publish(TrainingRun run, ModelRegistry registry, ManifestDataset dataset, string? version, DateTimeOffset createdAt)
    {
        var v = version ?? registry.NextVersion(run.Options.ModelName).ToString();
        return registry.Publish(Package(run, dataset, v, createdAt));
    }

    public static ManifestSchema ToManifestSchema(FeatureSchema schema) =>
        new(schema.Hash, [.. schema.Features.Select(f => new ManifestFeature(f.Name, f.Kind.ToSchemaName(), f.Description))]);

    private static string ImportanceCsv(IReadOnlyList<ImportanceRow> rows)
    {
        var sb = new StringBuilder("feature,gain,total_gain,cover,weight\n");
        foreach (var r in rows)
            sb.Append(r.Feature).Append(',').Append(F(r.Gain)).Append(',').Append(F(r.TotalGain)).Append(',')
              .Append(F(r.Cover)).Append(',').Append(F(r.Weight)).Append('\n');
        return sb.ToString();
    }

    private static string MetricsJson(TrainingRun run) => JsonSerializer.Serialize(new
    {
        split = run.Split.Method,
        rows = new { train = run.Split.Train.Length, validation = run.Split.Validation.Length, test = run.Split.Test.Length },
        training = new
        {
            rounds_run = run.Training.RoundsRun,
            best_iteration = run.Training.BestIteration,
            best_validation_pr_auc = run.Training.BestValidationPrAuc,
            seconds = run.Training.Elapsed.TotalSeconds,
            validation_pr_auc_by_round = run.Training.History.Select(h => h.ValidationPrAuc),
        },
        thresholds = new { model = run.ModelThreshold, rules = run.RulesThreshold, combined = run.Options.CombinedThreshold },
        test = run.Test,
    }, ModelManifest.JsonOptions);

    private static double Round(double x) => double.IsFinite(x) ? Math.Round(x, 6) : x;

    private static string F(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);
}
