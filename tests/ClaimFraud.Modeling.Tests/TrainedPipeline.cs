using ClaimFraud.Domain.Claims;
using ClaimFraud.Domain.Reference;
using ClaimFraud.Features;
using ClaimFraud.Features.Table;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Training;
using ClaimFraud.Synthetic;

namespace ClaimFraud.Modeling.Tests;

/// <summary>One small end-to-end training run on generated claims, published to a temporary registry, shared by a test class.</summary>
public sealed class TrainedPipeline : IDisposable
{
    public TrainedPipeline()
    {
        Catalog = ReferenceCatalog.Default;
        Evidence = new ClaimEvidence(Catalog);
        Claims = SyntheticDataset.Generate(new GeneratorOptions { Claims = 8_000, Seed = 2024, Hospitals = 25 }, Catalog).ToList();
        Rows = FeatureTable.Build(Claims, Evidence);
        Options = new PipelineOptions { Training = new TrainingOptions { MaxRounds = 120, Threads = 2 } };
        Run = TrainingPipeline.Run(Rows, Evidence.Schema, Options);
        Root = Directory.CreateTempSubdirectory("claimfraud-models-").FullName;
        Registry = new ModelRegistry(Root);
        Entry = ModelPublisher.Publish(Run, Registry, new ManifestDataset { Source = "test", Seed = 2024 }, "1.0.0",
            new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(7)));
    }

    public ReferenceCatalog Catalog { get; }
    public ClaimEvidence Evidence { get; }
    public List<LabeledClaim> Claims { get; }
    public IReadOnlyList<FeatureRow> Rows { get; }
    public PipelineOptions Options { get; }
    public TrainingRun Run { get; }
    public string Root { get; }
    public ModelRegistry Registry { get; }
    public ModelEntry Entry { get; }

    public LoadedModel Load() => Registry.Load(Entry, Evidence.Schema.Hash, Evidence.Schema.Names);

    public void Dispose()
    {
        Run.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
