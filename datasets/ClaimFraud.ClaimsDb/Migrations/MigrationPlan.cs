namespace ClaimFraud.ClaimsDb.Migrations;

/// <summary>The migration rules both database kinds share: which scripts still run, and when to refuse.</summary>
internal static class MigrationPlan
{
    public static void CheckScripts(IReadOnlyList<MigrationScript> scripts)
    {
        for (int i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version < 1)
                throw new ClaimsDbMigrationException($"Migration {scripts[i]} has version {scripts[i].Version}; versions start at 1.");
            if (i > 0 && scripts[i].Version <= scripts[i - 1].Version)
                throw new ClaimsDbMigrationException($"Migrations {scripts[i - 1]} and {scripts[i]} are out of order or share a version.");
        }
    }

    /// <summary>
    /// The scripts still to run, in order. Refuses when an applied script's text changed (the database no longer
    /// matches what the code would build) or when the database has versions this build does not know (it was
    /// migrated by newer code, whose schema this code cannot promise to read).
    /// </summary>
    public static IReadOnlyList<MigrationScript> Pending(IReadOnlyList<MigrationScript> scripts, IReadOnlyList<AppliedMigration> applied)
    {
        CheckScripts(scripts);
        var known = scripts.ToDictionary(s => s.Version);
        foreach (var a in applied)
        {
            if (!known.TryGetValue(a.Version, out var script))
                throw new ClaimsDbMigrationException(
                    $"The database has migration V{a.Version:D3}__{a.Name} applied, which this build does not know; it was migrated by a newer version. Refusing to run.");
            if (!string.Equals(script.Checksum, a.Checksum, StringComparison.OrdinalIgnoreCase))
                throw new ClaimsDbMigrationException(
                    $"Migration {script} was changed after it was applied (checksum in the database {a.Checksum}, in this build {script.Checksum}). " +
                    "Applied migrations must never be edited: restore the original script and add a new migration instead.");
        }
        var done = applied.Select(a => a.Version).ToHashSet();
        int highestApplied = applied.Count == 0 ? 0 : applied.Max(a => a.Version);
        var pending = scripts.Where(s => !done.Contains(s.Version)).ToList();
        if (pending.Count > 0 && pending[0].Version < highestApplied)
            throw new ClaimsDbMigrationException(
                $"Migration {pending[0]} is missing from the database although a later one (V{highestApplied:D3}) is applied; refusing to apply it out of order.");
        return pending;
    }
}
