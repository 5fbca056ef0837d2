using ClaimFraud.ResultStore.Layout;

namespace ClaimFraud.ResultStore.HBase;

/// <summary>How to reach the HBase REST gateway (Stargate). Binds from configuration section <c>ResultStore:HBase</c>.</summary>
public sealed class HBaseRestOptions
{
    /// <summary>
    /// Gateway root, e.g. <c>http://hbase-rest:8080/</c> (Apache default), <c>:20550</c> under Cloudera Manager, or
    /// <c>https://gateway/cdp-proxy-api/hbase/</c> through Knox. Empty means "no HBase": the SQLite store is used.
    /// </summary>
    public string? BaseUrl { get; set; }

    public string Table { get; set; } = FraudResultLayout.DefaultTable;

    /// <summary>Basic-auth user for Knox; leave empty for an unsecured gateway.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Per attempt, including reading the response.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per call when the gateway answers 429/5xx/509 or cannot be reached; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First retry delay; it doubles per attempt up to <see cref="RetryMaxDelay"/> (a Retry-After header wins if longer).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Row-key salt buckets (see <see cref="FraudResultRowKey"/>); fixed for the life of the table.</summary>
    public int SaltBuckets { get; set; } = FraudResultRowKey.DefaultBuckets;

    /// <summary>Every problem with these options; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(BaseUrl) || !Uri.TryCreate(BaseUrl, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            p.Add("BaseUrl must be an absolute http or https URL");
        if (string.IsNullOrWhiteSpace(Table) || !Table.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
            p.Add("Table must be an HBase table name (letters, digits, '_', '-', '.', optional 'namespace:')");
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            p.Add("UserName and Password must be given together");
        if (RequestTimeout <= TimeSpan.Zero) p.Add("RequestTimeout must be positive");
        if (ConnectTimeout <= TimeSpan.Zero) p.Add("ConnectTimeout must be positive");
        if (MaxAttempts is < 1 or > 20) p.Add("MaxAttempts must be 1 to 20");
        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay) p.Add("RetryBaseDelay must be ≥ 0 and ≤ RetryMaxDelay");
        if (SaltBuckets is < 1 or > FraudResultRowKey.MaxBuckets) p.Add($"SaltBuckets must be 1 to {FraudResultRowKey.MaxBuckets}");
        return p;
    }
}
