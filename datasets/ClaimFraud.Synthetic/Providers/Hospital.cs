using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Synthetic.Providers;

/// <summary>A hospital of one generated dataset, with its doctors and billing habits.</summary>
internal sealed class Hospital
{
    public required int Index { get; init; }
    /// <summary>BPJS provider code, e.g. 3174R001.</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required HospitalClass Class { get; init; }
    public required int TariffRegion { get; init; }
    public required string ProvinceCode { get; init; }
    public required string RegencyDigits { get; init; }
    public required HospitalInfo Info { get; init; }
    /// <summary>Relative patient volume (from beds).</summary>
    public required double Volume { get; init; }
    /// <summary>How far above or below the INA-CBG tariff this hospital bills on legitimate claims (median ratio).</summary>
    public required double Markup { get; init; }
    /// <summary>Where in each catalog price range this hospital buys (0 = cheapest, 1 = dearest).</summary>
    public required double PricePosition { get; init; }
    public required string[] Doctors { get; init; }
    /// <summary>Cumulative weights over <see cref="Doctors"/>: a few doctors see most patients.</summary>
    public required double[] DoctorWeights { get; init; }
    /// <summary>What this hospital's claim extracts usually carry (documents, itemised lists, identifiers).</summary>
    public RecordHabits Records { get; set; } = RecordHabits.Complete;
    /// <summary>The hospital's tariff table relative to the catalog's approximate INA-CBG tariffs, per year (see <see cref="TariffTables"/>).</summary>
    public TariffTables? Tariffs { get; set; }
    public bool IsBad { get; set; }
    /// <summary>The bad hospital's systematic overcharge factor (hospital_fraud).</summary>
    public double BadLevel { get; set; } = 1.0;
    /// <summary>Indices into <see cref="Doctors"/> of the doctors most of a bad hospital's fraud goes through.</summary>
    public int[] BadDoctors { get; set; } = [];
}
