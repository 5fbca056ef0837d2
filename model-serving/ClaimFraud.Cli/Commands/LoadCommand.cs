using System.CommandLine;
using ClaimFraud.ClaimsDb;
using ClaimFraud.ClaimsDb.MySql;
using ClaimFraud.ClaimsDb.Sqlite;
using ClaimFraud.Domain.Json;
using ClaimFraud.Domain.Validation;

namespace ClaimFraud.Cli.Commands;

/// <summary><c>claimfraud load</c>: puts claims into the operational claims database (MySQL, or the embedded SQLite file).</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Claims (.jsonl)", Required = true };
        var mysql = new Option<string?>("--mysql") { Description = "MySQL/MariaDB connection string (default: env CLAIMFRAUD_MYSQL)" };
        var sqlite = new Option<FileInfo?>("--sqlite") { Description = "SQLite file instead of MySQL" };
        var batch = new Option<int>("--batch") { Description = "Claims per batch", DefaultValueFactory = _ => ClaimLoadDefaults.BatchSize };

        var command = new Command("load", "Load claims into the claims database (migrating its schema first)") { input, mysql, sqlite, batch };
        command.SetAction(async (parse, ct) =>
        {
            var inputPath = parse.GetValue(input)!.FullName;
            if (!File.Exists(inputPath)) throw new CliException($"--input {inputPath} does not exist.");
            await using var store = OpenStore(parse.GetValue(mysql), parse.GetValue(sqlite)?.FullName);
            await store.MigrateAsync(ct);
            long total = File.ReadLines(inputPath).LongCount(l => !string.IsNullOrWhiteSpace(l));
            var claims = ClaimJsonl.ReadValidFile(inputPath, new ClaimValidationOptions());
            var result = await store.LoadAsync(claims, parse.GetValue(batch),
                n => { if (n % 50_000 < parse.GetValue(batch)) Console.Error.WriteLine($"load: {n:N0}/{total:N0}"); }, ct);
            Console.Error.WriteLine($"load: {result.Claims:N0} claims in {result.Elapsed.TotalSeconds:F1} s ({result.ClaimsPerSecond:N0} claims/s)");
            return 0;
        });
        return command;
    }

    public static IClaimStore OpenStore(string? mysql, string? sqlitePath)
    {
        if (sqlitePath is not null) return new SqliteClaimStore(SqliteClaimStoreOptions.File(sqlitePath));
        var conn = mysql ?? Environment.GetEnvironmentVariable("CLAIMFRAUD_MYSQL");
        if (string.IsNullOrWhiteSpace(conn)) throw new CliException("Give --mysql CONNECTION_STRING (or set CLAIMFRAUD_MYSQL), or --sqlite FILE.");
        return new MySqlClaimStore(new MySqlClaimStoreOptions(conn));
    }
}
