namespace ClaimFraud.Synthetic;

/// <summary>What <see cref="SyntheticDataset"/> generates. Same options (seed included) → same claims, byte for byte.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The most claims one run may produce: claim ids carry an 8-digit sequence number.</summary>
    public const long MaxClaims = 99_999_999;

    /// <summary>The most hospitals one run may use (the real hospital list has about 2,900 general hospitals of class A–D).</summary>
    public const int MaxHospitals = 2_000;

    /// <summary>How many claims to produce (0 is allowed and gives an empty dataset).</summary>
    public long Claims { get; init; } = 10_000;

    /// <summary>The seed every random choice derives from.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Share of claims labelled fraudulent, 0 to 1.</summary>
    public double FraudRate { get; init; } = 0.15;

    /// <summary>First admission date (Asia/Jakarta calendar), inclusive.</summary>
    public DateOnly PeriodStart { get; init; } = new(2024, 1, 1);

    /// <summary>Last admission date (Asia/Jakarta calendar), inclusive.</summary>
    public DateOnly PeriodEnd { get; init; } = new(2025, 12, 31);

    /// <summary>How many hospitals (chosen by seed from the real hospital list) the claims come from.</summary>
    public int Hospitals { get; init; } = 60;

    /// <summary>Share of hospitals that overcharge systematically (hospital_fraud), 0 to 0.5; at least one when above 0, never all of them.</summary>
    public double BadHospitalShare { get; init; } = 0.06;

    /// <summary>Upper bound on distinct patients; the pool is min(claims / 2, this), at least 1. Bounds memory.</summary>
    public int MaxPatients { get; init; } = 200_000;

    /// <summary>Every problem with these options, one sentence each, naming the option; empty when the options are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Claims < 0) problems.Add($"Claims must not be negative (got {Claims}).");
        else if (Claims > MaxClaims) problems.Add($"Claims must be at most {MaxClaims:N0} (claim ids have an 8-digit sequence; got {Claims:N0}).");
        if (double.IsNaN(FraudRate) || FraudRate is < 0 or > 1) problems.Add($"FraudRate must be between 0 and 1 (got {FraudRate}).");
        if (PeriodEnd < PeriodStart) problems.Add($"PeriodEnd ({PeriodEnd:yyyy-MM-dd}) must not be before PeriodStart ({PeriodStart:yyyy-MM-dd}).");
        if (PeriodStart.Year < 2000) problems.Add($"PeriodStart must be in 2000 or later (got {PeriodStart:yyyy-MM-dd}): patients' birth years are written with two digits in the NIK.");
        if (PeriodEnd.Year > 2099) problems.Add($"PeriodEnd must be in 2099 or earlier (got {PeriodEnd:yyyy-MM-dd}).");
        if (Hospitals < 1) problems.Add($"Hospitals must be at least 1 (got {Hospitals}).");
        else if (Hospitals > MaxHospitals) problems.Add($"Hospitals must be at most {MaxHospitals} (got {Hospitals}).");
        if (double.IsNaN(BadHospitalShare) || BadHospitalShare is < 0 or > 0.5) problems.Add($"BadHospitalShare must be between 0 and 0.5 (got {BadHospitalShare}).");
        if (MaxPatients < 1) problems.Add($"MaxPatients must be at least 1 (got {MaxPatients}).");
        else if (MaxPatients > 5_000_000) problems.Add($"MaxPatients must be at most 5,000,000 (got {MaxPatients:N0}).");
        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, or returns the options unchanged.</summary>
    public GeneratorOptions Validated()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new ArgumentException("Invalid generator options: " + string.Join(" ", problems));
        return this;
    }

    internal int PeriodDays => PeriodEnd.DayNumber - PeriodStart.DayNumber + 1;
}
