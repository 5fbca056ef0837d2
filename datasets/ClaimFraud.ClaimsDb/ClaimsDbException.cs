namespace ClaimFraud.ClaimsDb;

/// <summary>A claims database problem the caller can act on; messages name claim ids and fields, never personal data.</summary>
public class ClaimsDbException : Exception
{
    public ClaimsDbException(string message) : base(message) { }
    public ClaimsDbException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The schema cannot be brought up to date safely (edited migration, unknown version, lock not obtained).</summary>
public sealed class ClaimsDbMigrationException : ClaimsDbException
{
    public ClaimsDbMigrationException(string message) : base(message) { }
    public ClaimsDbMigrationException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A claim the database cannot hold exactly (a field too long for its column, a time finer than a microsecond, …).</summary>
public sealed class UnstorableClaimException : ClaimsDbException
{
    public UnstorableClaimException(string claimId, string field, string problem)
        : base($"claim '{claimId}': {field} {problem}")
    {
        ClaimId = claimId;
        Field = field;
    }

    public string ClaimId { get; }

    /// <summary>The contract path of the field, e.g. <c>patient.name</c> or <c>procedures[2].at</c>.</summary>
    public string Field { get; }
}
