using ClaimFraud.ResultStore.HBase;
using ClaimFraud.ResultStore.Outbox;
using ClaimFraud.ResultStore.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimFraud.ResultStore.Hosting;

/// <summary>
/// Configuration section <c>ResultStore</c>: HBase when <c>ResultStore:HBase:BaseUrl</c> is set, SQLite otherwise,
/// always behind the outbox. Example: <c>ResultStore__HBase__BaseUrl=http://hbase-rest:8080/</c>.
/// </summary>
public sealed class ResultStoreOptions
{
    public const string SectionName = "ResultStore";

    public HBaseRestOptions HBase { get; set; } = new();

    public SqliteResultStoreOptions Sqlite { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public bool UsesHBase => !string.IsNullOrWhiteSpace(HBase.BaseUrl);

    /// <summary>Every problem, prefixed with the option's path; empty when usable.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. (UsesHBase ? HBase.Problems().Select(p => $"{SectionName}:HBase: {p}") : Sqlite.Problems().Select(p => $"{SectionName}:Sqlite: {p}")),
        .. Outbox.Problems().Select(p => $"{SectionName}:Outbox: {p}"),
    ];
}

internal sealed class ResultStoreOptionsValidator : IValidateOptions<ResultStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, ResultStoreOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
