using ClaimFraud.Domain.Reference;
using ClaimFraud.Features;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Cli;

/// <summary>Loads a published model version and the scorer over it, the same way the serving app does.</summary>
internal static class ModelLoading
{
    public static (ClaimScorer Scorer, FraudModel Model) LoadScorer(string? version, string? modelsDir, string name = "claim-fraud-xgb")
    {
        var evidence = new ClaimEvidence(ReferenceCatalog.Default);
        var registry = new ModelRegistry(modelsDir ?? RepoPaths.Models);
        try
        {
            var entry = registry.Find(name, version);
            var model = new FraudModel(registry.Load(entry, evidence.Schema.Hash, evidence.Schema.Names));
            return (new ClaimScorer(evidence, model), model);
        }
        catch (ModelLoadException e)
        {
            throw new CliException(e.Message);
        }
    }
}
