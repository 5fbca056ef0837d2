using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClaimFraud.Serving.Tests.Infrastructure;

/// <summary>Every log line the app writes, at every level, with its exception text, so tests can read what was logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public sealed record LogLine(LogLevel Level, string Category, string Message);

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>All lines as one text (messages and exceptions), for "never contains" checks.</summary>
    public string AllText => string.Join("\n", _lines.Select(l => $"{l.Level} {l.Category}: {l.Message}"));

    public bool Contains(LogLevel level, string fragment) =>
        _lines.Any(l => l.Level == level && l.Message.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (exception is not null) message += "\n" + exception;
            owner._lines.Enqueue(new LogLine(logLevel, category, message));
        }
    }
}
