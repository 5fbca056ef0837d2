using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Scoring;

namespace ClaimFraud.Serving.Models;

/// <summary>
/// One loaded model version and the scorer over it, reference-counted: the host holds one reference while the version
/// is current and each request holds one while it scores, so the native booster is freed exactly when the last request
/// that started on it finishes, however long after a reload that is.
/// </summary>
internal sealed class ModelGeneration
{
    private readonly FraudModel _model;
    private int _references = 1;

    public ModelGeneration(FraudModel model, ClaimScorer scorer, DateTimeOffset loadedAt)
    {
        _model = model;
        Scorer = scorer;
        LoadedAt = loadedAt;
    }

    public ClaimScorer Scorer { get; }

    public ModelEntry Entry => _model.Loaded.Entry;

    public ModelManifest Manifest => _model.Manifest;

    public string ModelVersion => _model.ModelVersion;

    /// <summary>The attribution scoring uses: the manifest's unless Model:Attribution overrides it.</summary>
    public string Attribution => _model.Attribution;

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Whether the booster has been freed (every reference released).</summary>
    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>Takes a reference unless the generation is already freed (then the caller reads the current one again).</summary>
    public bool TryAddReference()
    {
        int seen = Volatile.Read(ref _references);
        while (seen > 0)
        {
            int before = Interlocked.CompareExchange(ref _references, seen + 1, seen);
            if (before == seen) return true;
            seen = before;
        }
        return false;
    }

    public void Release()
    {
        int left = Interlocked.Decrement(ref _references);
        if (left == 0) _model.Dispose();
        else if (left < 0) throw new InvalidOperationException($"Model {ModelVersion} was released more often than it was acquired.");
    }
}

/// <summary>A request's hold on a model generation; dispose it when the score is made.</summary>
internal readonly struct ModelLease(ModelGeneration? generation) : IDisposable
{
    public ModelGeneration? Generation { get; } = generation;

    public bool HasModel => Generation is not null;

    public void Dispose() => Generation?.Release();
}
