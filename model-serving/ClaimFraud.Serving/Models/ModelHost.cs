using ClaimFraud.Features;
using ClaimFraud.Features.Schema;
using ClaimFraud.Modeling.Registry;
using ClaimFraud.Modeling.Scoring;
using ClaimFraud.Serving.Options;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Models;

internal enum ReloadStatus { Loaded, Unchanged, Refused, NotFound }

/// <summary>What a load attempt did. <see cref="Problem"/> is the refusal or absence reason (paths and versions, no claim data).</summary>
internal sealed record ReloadResult(ReloadStatus Status, string? ModelVersion, string? PreviousVersion, string? Problem = null);

/// <summary>
/// Holds the model being served and replaces it when a new version is published. The swap is one atomic reference
/// write: a request that started on the old version finishes on it (it holds a <see cref="ModelLease"/>), and the old
/// booster is freed when its last request ends. A version that fails to load (damaged file, other feature schema) is
/// refused with one error log line and the current version keeps serving.
/// </summary>
internal sealed partial class ModelHost : IDisposable
{
    private readonly ModelOptions _options;
    private readonly ClaimEvidence _evidence;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Refusals already logged, by file stamp, so the watcher's repeated events do not repeat the same error line.
    private readonly Dictionary<string, (FileStamp Stamp, string Problem)> _refused = new(StringComparer.Ordinal);
    private ModelGeneration? _current;

    public ModelHost(IOptions<ModelOptions> options, IConfiguration configuration, ClaimEvidence evidence, TimeProvider time, ILogger<ModelHost> log)
    {
        _options = options.Value;
        _evidence = evidence;
        _time = time;
        _log = log;
        Root = ModelsFolder.Resolve(_options.Root, configuration[ModelsFolder.Variable], configuration[ModelsFolder.RootVariable]);
    }

    /// <summary>The models folder being served from.</summary>
    public string Root { get; }

    public ModelGeneration? Current => Volatile.Read(ref _current);

    /// <summary>A hold on the current model for one request; <see cref="ModelLease.HasModel"/> is false before any model loaded.</summary>
    public ModelLease Acquire()
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (generation is null) return default;
            if (generation.TryAddReference()) return new ModelLease(generation);
            // Freed between the read and the reference: a newer generation is already current.
        }
    }

    /// <summary>
    /// Loads the configured version when it is not the one served. With "latest", tries versions newest first down to
    /// the one being served, so a damaged newest version does not hide a good one published just before it.
    /// <paramref name="force"/> retries versions refused before (the admin endpoint); the watcher does not.
    /// </summary>
    public async Task<ReloadResult> ReloadAsync(string trigger, bool force, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = Current;
            var registry = new ModelRegistry(Root);
            IReadOnlyList<ModelEntry> candidates;
            try
            {
                candidates = IsLatest
                    ? [.. registry.List(_options.Name).Reverse()]
                    : [registry.Find(_options.Name, _options.Version)];
            }
            catch (Exception e) when (e is ModelLoadException or IOException or UnauthorizedAccessException)
            {
                if (current is null || force) LogNoModel(_log, _options.Name, _options.Version, Root, e.Message);
                return new ReloadResult(ReloadStatus.NotFound, current?.ModelVersion, current?.ModelVersion, e.Message);
            }
            if (candidates.Count == 0)
            {
                string problem = $"No version of model '{_options.Name}' under {Root}.";
                if (current is null || force) LogNoModel(_log, _options.Name, _options.Version, Root, problem);
                return new ReloadResult(ReloadStatus.NotFound, current?.ModelVersion, current?.ModelVersion, problem);
            }

            string? firstProblem = null;
            foreach (var entry in candidates)
            {
                if (current is not null && (SameFolder(current.Entry.Directory, entry.Directory) || IsLatest && entry.Version.CompareTo(current.Entry.Version) < 0))
                {
                    return firstProblem is null
                        ? new ReloadResult(ReloadStatus.Unchanged, current.ModelVersion, current.ModelVersion)
                        : new ReloadResult(ReloadStatus.Refused, current.ModelVersion, current.ModelVersion, firstProblem);
                }
                var problem = TryLoad(entry, trigger, force, current);
                if (problem is null)
                    return new ReloadResult(ReloadStatus.Loaded, Current!.ModelVersion, current?.ModelVersion);
                firstProblem ??= problem;
            }
            return new ReloadResult(ReloadStatus.Refused, current?.ModelVersion, current?.ModelVersion, firstProblem);
        }
        finally { _gate.Release(); }
    }

    private bool IsLatest => _options.Version is "latest";

    /// <summary>Loads and swaps in <paramref name="entry"/>; returns the refusal reason instead when it cannot be served.</summary>
    private string? TryLoad(ModelEntry entry, string trigger, bool force, ModelGeneration? current)
    {
        var stamp = FileStamp.Of(entry);
        if (!force && _refused.TryGetValue(entry.Directory, out var seen) && seen.Stamp == stamp) return seen.Problem;
        LoadedModel? loaded = null;
        try
        {
            loaded = new ModelRegistry(Root).Load(entry, FeatureSchema.Current.Hash, FeatureSchema.Current.Names);
            // One claim per call and many calls at once: XGBoost's OpenMP threads only add start-up cost to a single-row
            // prediction (measured here: ~4 ms with the default threads on a busy 2-core machine, ~30 µs with one).
            loaded.Booster.SetParam("nthread", "1");
            var model = new FraudModel(loaded, string.IsNullOrEmpty(_options.Attribution) ? null : _options.Attribution);
            var generation = new ModelGeneration(model, new ClaimScorer(_evidence, model, _time), _time.GetUtcNow());
            var previous = Interlocked.Exchange(ref _current, generation);
            previous?.Release();
            _refused.Remove(entry.Directory);
            LogLoaded(_log, generation.ModelVersion, entry.Directory, trigger, previous?.ModelVersion ?? "none");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any failure to load means "do not serve this version"; the message names the file and the reason.
            loaded?.Dispose();
            string problem = e is ModelLoadException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            _refused[entry.Directory] = (stamp, problem);
            LogRefused(_log, entry.ModelVersion, problem, current?.ModelVersion ?? "none");
            return problem;
        }
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    public void Dispose()
    {
        Interlocked.Exchange(ref _current, null)?.Release();
        _gate.Dispose();
    }

    /// <summary>When a version's files were last written: a refused version is tried again by the watcher only after they change.</summary>
    private readonly record struct FileStamp(DateTime Manifest, DateTime Model, long ModelLength)
    {
        public static FileStamp Of(ModelEntry entry)
        {
            var model = new FileInfo(entry.ModelPath);
            return new FileStamp(File.GetLastWriteTimeUtc(entry.ManifestPath), model.Exists ? model.LastWriteTimeUtc : default, model.Exists ? model.Length : -1);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {ModelVersion} from {Directory} ({Trigger}; previous {Previous})")]
    private static partial void LogLoaded(ILogger logger, string modelVersion, string directory, string trigger, string previous);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused model {Candidate}: {Problem} Still serving {Current}.")]
    private static partial void LogRefused(ILogger logger, string candidate, string problem, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No model {Name} ({Version}) to load from {Root}: {Problem}")]
    private static partial void LogNoModel(ILogger logger, string name, string version, string root, string problem);
}
