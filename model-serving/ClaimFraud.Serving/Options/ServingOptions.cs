namespace ClaimFraud.Serving.Options;

/// <summary>Options that can say what is wrong with them; validated at start by <see cref="ProblemsValidator{T}"/>.</summary>
internal interface ICheckedOptions
{
    IEnumerable<string> Problems();
}

/// <summary>Section <c>Model</c>: which model to serve and where the versions live.</summary>
internal sealed class ModelOptions : ICheckedOptions
{
    public const string Section = "Model";

    /// <summary>
    /// The models folder (models/&lt;name&gt;/&lt;semver&gt;/). Empty: $CLAIMFRAUD_MODELS_DIR, else the repository's models/
    /// (found by walking up to ClaimFraud.sln), else models/ beside the app (/app/models in the container).
    /// </summary>
    public string? Root { get; set; }

    public string Name { get; set; } = "claim-fraud-xgb";

    /// <summary>"latest" follows new versions as they are published; "1.2.0" pins one.</summary>
    public string Version { get; set; } = "latest";

    /// <summary>Watch the models folder and load a newly published version by itself.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the folder must stay quiet after a change before the reload (a publish is several file events).</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Also look for a new version this often (file events do not cross some bind mounts); zero turns polling off.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How per-claim contributions (importance, model factors) are computed: "exact" (TreeSHAP) or "approximate"
    /// (Saabas, cheaper; see the README's Performance section). Empty: what the version's manifest says.
    /// The fraud score is the same either way.
    /// </summary>
    public string? Attribution { get; set; }

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrEmpty(Attribution) && !ClaimFraud.Modeling.Scoring.FraudModel.AttributionMethods.Contains(Attribution))
            yield return $"Model:Attribution must be exact or approximate, or empty for the manifest's (got '{Attribution}')";
        if (string.IsNullOrWhiteSpace(Name)) yield return "Model:Name is required";
        if (string.IsNullOrWhiteSpace(Version)) yield return "Model:Version is required (\"latest\" or a version like 1.2.0)";
        if (ReloadDebounce < TimeSpan.Zero) yield return "Model:ReloadDebounce must not be negative";
        if (PollInterval < TimeSpan.Zero) yield return "Model:PollInterval must not be negative";
    }
}

/// <summary>Section <c>Auth</c>: the API key of the scoring, decision and admin endpoints.</summary>
internal sealed class AuthOptions : ICheckedOptions
{
    public const string Section = "Auth";

    /// <summary>Environment variable the key is read from when <see cref="ApiKey"/> is not set.</summary>
    public const string KeyVariable = "CLAIMFRAUD_API_KEY";

    /// <summary>Bounds on the key's length, from either source; a presented key longer than the maximum is not even compared.</summary>
    public const int MinKeyChars = 16, MaxKeyChars = 512;

    /// <summary>
    /// Why a key from either source cannot be used, or null. A bearer token is trimmed before it is compared, so a key
    /// that begins or ends with white space could never be presented, nor could one over the maximum.
    /// </summary>
    public static string? KeyProblem(string key) =>
        key.Length < MinKeyChars || key.Length > MaxKeyChars ? $"must be {MinKeyChars} to {MaxKeyChars} characters long; it has {key.Length}"
        : key.Trim().Length != key.Length ? "must not begin or end with white space"
        : null;

    /// <summary>The key; empty means $CLAIMFRAUD_API_KEY, and when that is empty too a random key printed once at start.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Turns authentication off (logged as a warning at start). Only for a closed network or a benchmark.</summary>
    public bool Disabled { get; set; }

    public IEnumerable<string> Problems()
    {
        if (ApiKey is { Length: > 0 } k && KeyProblem(k) is { } problem) yield return $"Auth:ApiKey {problem}";
    }
}

/// <summary>Section <c>Limits</c>: how much a caller may send.</summary>
internal sealed class LimitsOptions : ICheckedOptions
{
    public const string Section = "Limits";

    /// <summary>One claim (/predict, /model, a decision, one NDJSON line). CML caps a model request at 5 MB; a claim is a few KB.</summary>
    public int MaxClaimBytes { get; set; } = 1 << 20;

    /// <summary>A JSON-array batch, which is read whole before scoring.</summary>
    public int MaxBatchBytes { get; set; } = 32 << 20;

    public int MaxBatchClaims { get; set; } = 10_000;

    /// <summary>An NDJSON batch, which is streamed and so may be larger.</summary>
    public long MaxStreamBytes { get; set; } = 1L << 30;

    public IEnumerable<string> Problems()
    {
        if (MaxClaimBytes < 1024) yield return "Limits:MaxClaimBytes must be at least 1024";
        if (MaxBatchBytes < MaxClaimBytes) yield return "Limits:MaxBatchBytes must be at least Limits:MaxClaimBytes";
        if (MaxBatchBytes > Array.MaxLength) yield return $"Limits:MaxBatchBytes must be at most {Array.MaxLength}";
        if (MaxBatchClaims < 1) yield return "Limits:MaxBatchClaims must be positive";
        if (MaxStreamBytes < MaxClaimBytes) yield return "Limits:MaxStreamBytes must be at least Limits:MaxClaimBytes";
    }

    /// <summary>The largest body any endpoint accepts: Kestrel's server-wide limit, which each endpoint then lowers.</summary>
    public long LargestBody => Math.Max(Math.Max(MaxClaimBytes, MaxBatchBytes), MaxStreamBytes);
}

/// <summary>Section <c>Explanation</c>: an optional OpenAI-compatible chat model that writes the verifier's text.</summary>
internal sealed class ExplanationOptions : ICheckedOptions
{
    public const string Section = "Explanation";

    /// <summary>Base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://llm:8000/v1. Empty: template text only.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as the bearer token; local servers that need none may leave it empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>After this the template text is used instead; the score never waits longer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    public int MaxOutputTokens { get; set; } = 300;

    /// <summary>Batches use the template text unless this is set (a chat call per claim would make a batch slow).</summary>
    public bool UseInBatches { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<string> Problems()
    {
        if (!IsConfigured) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            yield return "Explanation:Endpoint must be an absolute http or https URL";
        if (string.IsNullOrWhiteSpace(Model)) yield return "Explanation:Model is required when Explanation:Endpoint is set";
        if (Timeout <= TimeSpan.Zero) yield return "Explanation:Timeout must be positive";
        if (MaxOutputTokens < 16) yield return "Explanation:MaxOutputTokens must be at least 16";
    }
}

/// <summary>Section <c>ClaimSource</c>: the claims database /claims/{id}/score reads from.</summary>
internal sealed class ClaimSourceOptions : ICheckedOptions
{
    public const string Section = "ClaimSource";

    /// <summary>A MySql.Data connection string naming the database; <c>ConnectionStrings:Claims</c> is read when this is empty. Empty both: SQLite.</summary>
    public string? MySql { get; set; }

    /// <summary>The embedded claims database used when no MySQL is configured.</summary>
    public string SqlitePath { get; set; } = "data/claims.db";

    /// <summary>Bring the schema up to date before the first read (idempotent; safe on every start).</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>How long one read may take before the source counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>MySQL connect timeout (replaces the connection string's), so an outage answers 503 quickly.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;

    public bool UsesMySql => !string.IsNullOrWhiteSpace(MySql);

    public IEnumerable<string> Problems()
    {
        if (!UsesMySql && string.IsNullOrWhiteSpace(SqlitePath)) yield return "ClaimSource:SqlitePath is required when no MySQL is configured";
        if (Timeout <= TimeSpan.Zero) yield return "ClaimSource:Timeout must be positive";
        if (ConnectTimeoutSeconds < 1) yield return "ClaimSource:ConnectTimeoutSeconds must be at least 1";
    }
}

/// <summary>Section <c>Serving</c>: what the replica says about itself.</summary>
internal sealed class ServingOptions : ICheckedOptions
{
    public const string Section = "Serving";

    /// <summary>Returned as CML's ReplicaID; defaults to the host name (the pod name under Kubernetes).</summary>
    public string ReplicaId { get; set; } = Environment.MachineName;

    /// <summary>
    /// Kestrel's socket I/O queues. 0 (the default here) hands socket I/O straight to the thread pool, one hop fewer
    /// per request; Kestrel's own default is one queue per core, which measured worse on a 2-core replica (model-serving/README.md, Performance).
    /// </summary>
    public int IoQueueCount { get; set; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ReplicaId)) yield return "Serving:ReplicaId must not be empty";
        if (IoQueueCount is < 0 or > 64) yield return $"Serving:IoQueueCount must be between 0 and 64 (got {IoQueueCount})";
    }
}
