namespace ClaimFraud.ClaimsDb.Migrations;

/// <summary>What one migration run did: the scripts it applied (empty when the schema was current) and the version now in place.</summary>
public sealed record MigrationResult(IReadOnlyList<MigrationScript> Applied, int SchemaVersion)
{
    public bool ChangedAnything => Applied.Count > 0;
}

/// <summary>A row of schema_migrations: what a database says it has applied.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum);
