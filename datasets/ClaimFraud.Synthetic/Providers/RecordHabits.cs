using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Providers;

/// <summary>
/// How complete one hospital's claim extracts are: the chance a claim carries each optional part. Real extracts vary
/// by hospital information system: some attach the SEP and discharge summary to every claim, others rarely; many send
/// the INA-CBG package without itemised drugs or labs.
/// </summary>
internal sealed record RecordHabits(double Sep, double Resume, double DrugsItemised, double LabsItemised, double Address, double BpjsNumber, double DoctorId, double SecondaryDiagnoses)
{
    /// <summary>Every part always present.</summary>
    public static readonly RecordHabits Complete = new(1, 1, 1, 1, 1, 1, 1, 1);

    /// <summary>
    /// A hospital's habits, spread around the overall shares: SEP on about 75% of claims, a resume on about 70%,
    /// itemised drugs and labs on about 70% each, an address on about 88%, the card number on about 93%, the
    /// doctor on about 90%; about 9% of extracts list the primary diagnosis only.
    /// </summary>
    public static RecordHabits Draw(Rng rng) => new(
        Sep: rng.Uniform(0.62, 0.88),
        Resume: rng.Uniform(0.58, 0.82),
        DrugsItemised: rng.Uniform(0.55, 0.85),
        LabsItemised: rng.Uniform(0.55, 0.85),
        Address: rng.Uniform(0.8, 0.97),
        BpjsNumber: rng.Uniform(0.86, 1.0),
        DoctorId: rng.Uniform(0.84, 0.97),
        SecondaryDiagnoses: rng.Uniform(0.82, 0.99));
}

/// <summary>
/// A hospital's INA-CBG tariff table relative to the catalog's. The catalog tariffs are approximations; real claims
/// carry the tariff of the table in force (regulation year, regional and ownership adjustments), so legitimate
/// claims differ from the catalog by a table-wide factor: about log-normal around 1 (spread 0.18) per hospital, with a
/// small change each year.
/// </summary>
internal sealed class TariffTables(long seed, int hospital)
{
    private const int FirstYear = 2000, Years = 100;
    private readonly double _base = new Rng(SeedMix.Derive(seed, SeedStream.TariffTables, hospital)).LogNormal(1.0, 0.18);
    private readonly double[] _byYear = new double[Years];

    public double FactorFor(int year)
    {
        int i = Math.Clamp(year - FirstYear, 0, Years - 1);
        double f = _byYear[i];
        if (f > 0) return f;
        // Each year's table from its own stream, so the factor of a year never depends on which years were asked first.
        var rng = new Rng(SeedMix.Derive(seed, SeedStream.TariffTables, ((long)hospital + 1) * 1_000 + i));
        return _byYear[i] = _base * rng.LogNormal(1.0, 0.04);
    }
}
