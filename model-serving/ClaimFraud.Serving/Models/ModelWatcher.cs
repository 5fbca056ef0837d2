using ClaimFraud.Serving.Options;
using Microsoft.Extensions.Options;

namespace ClaimFraud.Serving.Models;

/// <summary>
/// Loads the model before the server takes requests, then follows the models folder: file events (debounced, since a
/// publish is several events) and, as a backstop for mounts that raise none, a slow poll. Either one triggers
/// <see cref="ModelHost.ReloadAsync"/>, which does nothing when the served version is still the one to serve.
/// </summary>
internal sealed partial class ModelWatcher(ModelHost host, IOptions<ModelOptions> options, ILogger<ModelWatcher> log) : IHostedService, IDisposable
{
    private readonly ModelOptions _options = options.Value;
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private Timer? _poll;
    private int _running;
    private int _pending;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await host.ReloadAsync("start", force: true, cancellationToken);
        if (!_options.Watch) return;
        _debounce = new Timer(_ => Reload("models folder changed"));
        if (_options.PollInterval > TimeSpan.Zero)
            _poll = new Timer(_ => Reload("poll"), null, _options.PollInterval, _options.PollInterval);
        // Only the model's own folder: in the repository, models/ also holds source projects whose builds would
        // otherwise raise a stream of events (and use up inotify watches on their bin/obj trees).
        var folder = Path.Combine(host.Root, _options.Name);
        try
        {
            Directory.CreateDirectory(folder);
            _watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Created += OnChanged;
            _watcher.Changed += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Error += (_, e) => LogWatcherError(log, e.GetException().GetType().Name, e.GetException().Message);
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // No watch (read-only mount, inotify limit): the poll and POST /model/reload still pick up new versions.
            LogCannotWatch(log, folder, e.Message);
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _debounce?.Change(_options.ReloadDebounce, Timeout.InfiniteTimeSpan);

    private void Reload(string trigger)
    {
        // One reload at a time; a change seen while one runs makes it look once more when it ends, so none is missed.
        Interlocked.Exchange(ref _pending, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0) return;
        _ = Task.Run(async () =>
        {
            try
            {
                while (Interlocked.Exchange(ref _pending, 0) == 1)
                {
                    try { await host.ReloadAsync(trigger, force: false); }
                    catch (Exception e) { LogReloadFailed(log, e.GetType().Name, e.Message); }
                }
            }
            finally { Volatile.Write(ref _running, 0); }
            if (Volatile.Read(ref _pending) == 1) Reload(trigger);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _debounce?.Dispose();
        _poll?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Root} for new model versions ({Problem}); relying on the poll and POST /model/reload")]
    private static partial void LogCannotWatch(ILogger logger, string root, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model folder watch failed with {ExceptionType}: {Problem}")]
    private static partial void LogWatcherError(ILogger logger, string exceptionType, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model reload failed with {ExceptionType}: {Problem}")]
    private static partial void LogReloadFailed(ILogger logger, string exceptionType, string problem);
}
