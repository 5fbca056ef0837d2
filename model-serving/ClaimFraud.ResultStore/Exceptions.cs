namespace ClaimFraud.ResultStore;

/// <summary>A result store failed in a way the caller cannot fix by changing its input.</summary>
public class ResultStoreException : Exception
{
    public ResultStoreException(string message) : base(message) { }

    public ResultStoreException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>
/// The backend could not be reached or kept failing transiently (connection refused, timeout, 5xx, 509, SQLite busy)
/// after the configured retries. The outbox queues writes that fail this way; the API answers 503.
/// </summary>
public sealed class ResultStoreUnavailableException : ResultStoreException
{
    public ResultStoreUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The backend answered with something malformed: not the JSON the protocol documents, or cells that do not decode.</summary>
public sealed class ResultStoreFormatException : ResultStoreException
{
    public ResultStoreFormatException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The backend says the table (or a family) is gone although it was ensured; the store re-creates it once and retries.</summary>
internal sealed class TableMissingException(string message) : ResultStoreException(message);
