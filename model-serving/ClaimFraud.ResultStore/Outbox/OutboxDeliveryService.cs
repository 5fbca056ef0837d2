using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimFraud.ResultStore.Outbox;

/// <summary>
/// Drains the outbox in the background: delivers as soon as something is queued, and while the store stays down retries
/// with a delay that doubles from <see cref="OutboxOptions.RetryInitialDelay"/> to <see cref="OutboxOptions.RetryMaxDelay"/>.
/// </summary>
public sealed partial class OutboxDeliveryService(
    OutboxResultStore outbox, OutboxOptions options, TimeProvider? time = null, ILogger<OutboxDeliveryService>? logger = null)
    : BackgroundService
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _log = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.RetryInitialDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await outbox.DeliverPendingAsync(stoppingToken).ConfigureAwait(false);
                if (report.Remaining == 0)
                {
                    delay = options.RetryInitialDelay;
                    await outbox.WaitForWorkAsync(options.IdlePollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                var status = outbox.GetStatus();
                LogWaiting(_log, status.PendingCount, status.OldestPendingAge?.TotalSeconds ?? 0, delay.TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(_log, e.GetType().Name);
            }

            try { await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.RetryMaxDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: {Pending} write(s) pending, oldest {OldestSeconds:0} s; next delivery attempt in {DelaySeconds:0.#} s")]
    private static partial void LogWaiting(ILogger logger, int pending, double oldestSeconds, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery pass failed with {ExceptionType}")]
    private static partial void LogPassFailed(ILogger logger, string exceptionType);
}
