using ClaimFraud.ClaimsDb.MySql;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.Tests;

/// <summary>The store contract on the test MariaDB; each test gets its own database.</summary>
public sealed class MySqlClaimStoreTests : ClaimStoreContractTests
{
    private MySqlTestDatabase? _db;

    protected override int RoundTripCount => 10_000;

    protected override async Task<IClaimStore> CreateMigratedStoreAsync()
    {
        var (db, store) = await MySqlTestDatabase.CreateMigratedAsync();
        _db = db;
        return store;
    }

    protected override async Task DropStoreAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }

    protected override async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(await _db!.ScalarAsync(sql, parameters));

    [Fact]
    public async Task CommandsAreSplitWhenABatchOutgrowsTheByteBudget()
    {
        // Reloading stored claims takes the INSERT path, whose commands a 64 KiB budget splits many times per batch;
        // the result must be the same as with one.
        var store = new MySqlClaimStore(_db!.Options with { MaxCommandBytes = 64 * 1024 });
        var claims = RandomClaims.Stream(7, 400).ToList();
        await store.LoadAsync(claims, batchSize: 400);
        var changed = claims.Select(c => c with { Claim = c.Claim with { HospitalTariff = c.Claim.HospitalTariff + 1 } }).ToList();

        await store.LoadAsync(changed, batchSize: 400);

        Assert.Equal(400, await store.CountAsync());
        foreach (var claim in changed.Where((_, i) => i % 40 == 0))
            Assert.Equal(Fixtures.Json(claim), Fixtures.Json(await store.ReadClaimAsync(claim.Claim.ClaimId)));
    }

    [Fact]
    public async Task TextThatLooksLikeSqlOrParametersIsStoredAsItIsByBothLoadPaths()
    {
        // Quoted as is by the INSERT path (see SqlLiteral): MySql.Data must not take @name or ? inside for parameters,
        // and nothing may end the literal. Tabs, newlines and backslashes are escaped for LOAD DATA.
        var example = Fixtures.CombinedFraud();
        string[] names = ["@x ?y \"q\" -- c /* d */ # e ; f", "tab\tnew\nline\\back\rslash", "Nur'aini 😀 \\N", "\\N", ""];
        var claim = example with
        {
            Claim = example.Claim with
            {
                Medications = names.Select(n => new Medication { Name = n, Form = n, Quantity = 0.1 + 0.2, UnitPrice = long.MaxValue }).ToList(),
                Patient = example.Claim.Patient with { Name = "@name ?", Address = new Address { Street = "\\N", City = "a\tb" } },
            },
        };
        var changed = claim with { Claim = claim.Claim with { HospitalTariff = 1, DoctorId = "?" } };

        await Store.LoadAsync([claim]);
        var first = await Store.ReadClaimAsync(claim.Claim.ClaimId);
        await Store.LoadAsync([changed]);
        var second = await Store.ReadClaimAsync(claim.Claim.ClaimId);

        Assert.Equal(Fixtures.Json(claim), Fixtures.Json(first));
        Assert.Equal(Fixtures.Json(changed), Fixtures.Json(second));
    }

    [Fact]
    public async Task AServerThatRefusesLoadDataLocalStillGetsEveryClaim()
    {
        // Server-wide for a moment: loads of other tests running now take the INSERT path too, which stores the same.
        var original = Convert.ToInt64(await _db!.ScalarAsync("SELECT @@GLOBAL.local_infile"));
        var claims = RandomClaims.Stream(13, 120).ToList();
        await _db.ScalarAsync("SET GLOBAL local_infile = 0");
        try
        {
            var result = await Store.LoadAsync(claims, batchSize: 50);

            Assert.Equal(120, result.Claims);
        }
        finally
        {
            await _db.ScalarAsync("SET GLOBAL local_infile = " + (original != 0 ? "1" : "0"));
        }
        Assert.Equal(120, await Store.CountAsync());
        foreach (var claim in claims.Where((_, i) => i % 10 == 0))
            Assert.Equal(Fixtures.Json(claim), Fixtures.Json(await Store.ReadClaimAsync(claim.Claim.ClaimId)));
    }

    [Fact]
    public async Task TimesAreStoredAsTheirUtcInstant()
    {
        // The DATETIME column is UTC whatever offset the claim was written in, so SQL range queries compare instants.
        var example = Fixtures.CombinedFraud();
        await Store.LoadAsync([example]);

        var stored = await _db!.ScalarAsync("SELECT DATE_FORMAT(admission_at, '%Y-%m-%d %H:%i:%s') FROM claims WHERE claim_id = @id", ("@id", example.Claim.ClaimId));
        var offset = await ScalarAsync("SELECT admission_offset_min FROM claims WHERE claim_id = @id", ("@id", example.Claim.ClaimId));

        Assert.Equal("2024-10-10 01:00:00", stored);
        Assert.Equal(420, offset);
    }
}
