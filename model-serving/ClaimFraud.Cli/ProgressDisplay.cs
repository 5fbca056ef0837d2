using Spectre.Console;

namespace ClaimFraud.Cli;

/// <summary>Shows progress of long work: a live bar on a terminal, a few plain lines on stderr otherwise (logs stay readable).</summary>
internal static class ProgressDisplay
{
    public static bool IsInteractive => !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with a progress sink counting towards <paramref name="total"/> items.</summary>
    public static T Run<T>(string description, long total, Func<IProgress<long>, T> work)
    {
        if (!IsInteractive)
        {
            long lastPercent = -1;
            var plain = new SyncProgress(done =>
            {
                long percent = total <= 0 ? 100 : done * 100 / total;
                if (percent / 10 != lastPercent / 10)
                {
                    lastPercent = percent;
                    Console.Error.WriteLine($"{description}: {done:N0}/{total:N0} ({percent}%)");
                }
            });
            return work(plain);
        }
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description, maxValue: Math.Max(1, total));
                result = work(new SyncProgress(done => task.Value = done));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; reports here must land in order, on the caller's thread.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
