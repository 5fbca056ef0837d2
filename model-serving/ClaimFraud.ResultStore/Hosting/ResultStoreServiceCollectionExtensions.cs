using ClaimFraud.ResultStore.HBase;
using ClaimFraud.ResultStore.Outbox;
using ClaimFraud.ResultStore.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimFraud.ResultStore.Hosting;

public static class ResultStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IResultStore"/> (an <see cref="OutboxResultStore"/> over HBase or SQLite, chosen by
    /// <see cref="ResultStoreOptions"/>), the <see cref="OutboxResultStore"/> itself for its status, and the
    /// <see cref="OutboxDeliveryService"/>. Options bind from the <c>ResultStore</c> configuration section (an
    /// <c>IConfiguration</c> must be registered, as the web host does), then <paramref name="configure"/> runs;
    /// they are validated at start.
    /// </summary>
    public static IServiceCollection AddClaimFraudResultStore(this IServiceCollection services, Action<ResultStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ResultStoreOptions>().BindConfiguration(ResultStoreOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResultStoreOptions>, ResultStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ResultStoreOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            IResultStore backend = o.UsesHBase
                ? HBaseRestResultStore.Create(o.HBase, time, sp.GetService<ILogger<HBaseRestResultStore>>())
                : new SqliteResultStore(o.Sqlite, time);
            return new OutboxResultStore(backend, o.Outbox, time, sp.GetService<ILogger<OutboxResultStore>>(), ownsInner: true);
        });
        services.TryAddSingleton<IResultStore>(sp => sp.GetRequiredService<OutboxResultStore>());
        services.AddSingleton<IHostedService>(sp => new OutboxDeliveryService(
            sp.GetRequiredService<OutboxResultStore>(),
            sp.GetRequiredService<IOptions<ResultStoreOptions>>().Value.Outbox,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<OutboxDeliveryService>>()));
        return services;
    }
}
