using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.ResultStore.Tests.Infrastructure;

/// <summary>A fresh directory under the system temp dir, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    private static int _counter;

    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "claimfraud-resultstore-tests",
            $"{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>A clock the test moves by hand (only GetUtcNow; timers are not needed where it is used).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

public static class Ports
{
    /// <summary>A loopback port nobody listens on right now: connections to it are refused.</summary>
    public static int Closed()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>Collects formatted log lines so tests can check what reaches the logs.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines) _lines.Add(formatter(state, exception) + (exception is null ? "" : " | " + exception));
    }
}
