using ClaimFraud.ClaimsDb.MySql;

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
        // A 64 KiB budget forces many commands per batch; the result must be the same as with one.
        var store = new MySqlClaimStore(_db!.Options with { MaxCommandBytes = 64 * 1024 });
        var claims = RandomClaims.Stream(7, 400).ToList();

        await store.LoadAsync(claims, batchSize: 400);

        Assert.Equal(400, await store.CountAsync());
        foreach (var claim in claims.Where((_, i) => i % 40 == 0))
            Assert.Equal(Fixtures.Json(claim), Fixtures.Json(await store.ReadClaimAsync(claim.Claim.ClaimId)));
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
