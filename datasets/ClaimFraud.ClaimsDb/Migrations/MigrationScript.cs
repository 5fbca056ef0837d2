using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ClaimFraud.ClaimsDb.Migrations;

/// <summary>One versioned schema change: <c>V001__claims.sql</c> is version 1, named "claims".</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script with line endings made LF, so a Windows checkout does not look like an edit.</summary>
    /// <remarks>Computed on each read rather than stored, so a copy made with <c>with { Sql = … }</c> cannot carry a stale checksum.</remarks>
    public string Checksum => ComputeChecksum(Sql);

    public static string ComputeChecksum(string sql)
    {
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    public override string ToString() => $"V{Version:D3}__{Name}";
}

/// <summary>The migration scripts embedded in this assembly, one folder per database kind.</summary>
public static partial class ClaimsDbMigrations
{
    private static readonly Lazy<IReadOnlyList<MigrationScript>> MySqlScripts = new(() => Load("MySql"));
    private static readonly Lazy<IReadOnlyList<MigrationScript>> SqliteScripts = new(() => Load("Sqlite"));

    /// <summary>Migrations/MySql/*.sql in version order.</summary>
    public static IReadOnlyList<MigrationScript> MySql => MySqlScripts.Value;

    /// <summary>Migrations/Sqlite/*.sql in version order.</summary>
    public static IReadOnlyList<MigrationScript> Sqlite => SqliteScripts.Value;

    [GeneratedRegex(@"^V(?<version>[0-9]+)__(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();

    private static IReadOnlyList<MigrationScript> Load(string folder)
    {
        var assembly = typeof(ClaimsDbMigrations).Assembly;
        var prefix = $"Migrations/{folder}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // RecursiveDir uses the build machine's separator.
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var file = name[prefix.Length..];
            var match = FileNamePattern().Match(file);
            if (!match.Success)
                throw new InvalidOperationException($"Embedded migration '{name}' is not named V<number>__<name>.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(new MigrationScript(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        MigrationPlan.CheckScripts(scripts);
        return scripts;
    }
}
