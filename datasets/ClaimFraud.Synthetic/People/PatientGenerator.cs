using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.Providers;
using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.People;

/// <summary>
/// Makes patients: each from its own derived seed (so a patient does not change when others are added), with a
/// NIK from a real district near the home hospital, a name by sex, an address (mostly in the NIK's district) and
/// a JKN card number. NIK serials are unique per (district, birth date) over the run.
/// </summary>
internal sealed class PatientGenerator
{
    // Age mix of hospital patients (not of the population): children and the elderly are over-represented.
    private static readonly (int Min, int Max, double Weight)[] AgeBands =
    [
        (0, 0, 0.035), (1, 4, 0.06), (5, 14, 0.08), (15, 24, 0.09), (25, 34, 0.12), (35, 44, 0.13),
        (45, 54, 0.15), (55, 64, 0.16), (65, 74, 0.115), (75, 84, 0.05), (85, 92, 0.01),
    ];

    private readonly GeneratorKnowledge _knowledge;
    private readonly long _seed;
    private readonly DateOnly _reference;
    private readonly Hospital[] _hospitals;
    private readonly double[] _hospitalWeights;
    private readonly PersonNames _names;
    private readonly BpjsNumbers _bpjs;
    private readonly Dictionary<(int District, int Birth), int> _serials = new();
    private int _inPeriodKeys;
    private int _forgetAt = 50_000;

    public PatientGenerator(GeneratorKnowledge knowledge, GeneratorOptions options, Hospital[] hospitals)
    {
        _knowledge = knowledge;
        _seed = options.Seed;
        _reference = options.PeriodStart;
        _hospitals = hospitals;
        _hospitalWeights = new double[hospitals.Length];
        double sum = 0;
        for (int i = 0; i < hospitals.Length; i++) _hospitalWeights[i] = sum += hospitals[i].Volume;
        _bpjs = new BpjsNumbers(SeedMix.Derive(options.Seed, SeedStream.BpjsNumbers));
        _names = new PersonNames(SeedMix.DeriveInt(options.Seed, SeedStream.PatientNames));
    }

    public Hospital PickHospital(Rng rng) => _hospitals[DoctorGenerator.Pick(_hospitalWeights, rng)];

    /// <summary>Patient <paramref name="index"/> of the pool, aged as of the period start.</summary>
    public Patient Create(long index) => Create(index, null, null);

    /// <summary>A newborn (born a few days before <paramref name="birth"/>'s admission), registered near <paramref name="hospital"/>.</summary>
    public Patient CreateNewborn(long index, DateOnly birth, Hospital hospital) => Create(index, birth, hospital);

    private Patient Create(long index, DateOnly? birthOverride, Hospital? hospitalOverride)
    {
        var rng = new Rng(SeedMix.Derive(_seed, SeedStream.Patients, index));
        var sex = rng.Chance(0.5) ? Sex.M : Sex.F;
        var birth = birthOverride ?? BirthDate(rng);
        var home = hospitalOverride ?? PickHospital(rng);

        var nikDistrict = PickDistrictNear(home, rng);
        // Most people live where their NIK was first registered; some moved within the province since.
        var addressDistrict = nikDistrict;
        if (rng.Chance(0.15))
        {
            var inProvince = _knowledge.Areas.ByProvince[nikDistrict.ProvinceCode];
            if (inProvince.Length > 1)
            {
                do addressDistrict = rng.Pick(inProvince); while (addressDistrict == nikDistrict);
            }
        }
        var village = rng.Pick(addressDistrict.Villages);
        var address = new Address
        {
            Street = StreetNames.Street(rng, village.Name),
            Village = village.Name,
            District = addressDistrict.District.Name,
            City = addressDistrict.RegencyName,
            Province = addressDistrict.ProvinceName,
            PostalCode = village.PostalCode,
        };

        int serial = NextSerial(nikDistrict.Index, birth, rng);
        string nik = Nik.Encode(nikDistrict.District.CodeDigits, sex, birth, serial);
        string name = _names.FullName(sex, rng.NextDouble());
        string father = _names.FatherName();
        bool patronymic = rng.Chance(0.07);
        if (patronymic) name += " " + PersonNames.Patronymic(sex, father);
        double u = rng.NextDouble();
        int entitlement = u < 0.6 ? 3 : u < 0.85 ? 2 : 1;

        return new Patient
        {
            Index = index,
            Info = new PatientInfo { Nik = nik, BpjsNumber = _bpjs.For(index), Name = name, Sex = sex, BirthDate = birth, Address = address },
            FatherName = father,
            UsesPatronymic = patronymic,
            Entitlement = entitlement,
            Home = home,
        };
    }

    /// <summary>Another member's card number, for an SEP that carries someone else's.</summary>
    public string OtherBpjsNumber(long index, long salt) => _bpjs.Other(index, salt);

    private DateOnly BirthDate(Rng rng)
    {
        double u = rng.NextDouble(), acc = 0;
        var band = AgeBands[^1];
        foreach (var b in AgeBands)
        {
            acc += b.Weight;
            if (u < acc) { band = b; break; }
        }
        int age = rng.Between(band.Min, band.Max);
        // Born between age+1 years and age years before the period start (a day short, so the age is exact).
        int latest = _reference.AddYears(-age).DayNumber - 1;
        int earliest = _reference.AddYears(-age - 1).DayNumber;
        return DateOnly.FromDayNumber(earliest + rng.Next(latest - earliest + 1));
    }

    /// <summary>Most patients are registered in the hospital's regency, others elsewhere in its province.</summary>
    private DistrictModel PickDistrictNear(Hospital home, Rng rng)
    {
        var areas = _knowledge.Areas;
        if (rng.Chance(0.65) && areas.ByRegency.TryGetValue(home.RegencyDigits, out var local)) return rng.Pick(local);
        return rng.Pick(areas.ByProvince[home.ProvinceCode]);
    }

    private int NextSerial(int district, DateOnly birth, Rng rng)
    {
        var key = (district, birth.DayNumber);
        bool known = _serials.TryGetValue(key, out int last);
        int serial = known ? last + 1 + rng.Next(2) : 1 + rng.Next(4);
        if (serial > 9999) serial = last + 1;
        if (serial > 9999) throw new InvalidOperationException("More than 9,999 patients share a district and birth date: use fewer patients.");
        _serials[key] = serial;
        if (!known && birth >= _reference && ++_inPeriodKeys >= _forgetAt) ForgetOldBirths(birth);
        return serial;
    }

    /// <summary>
    /// Newborns are made without bound over a long run. Pool patients are born before the period and newborns
    /// within days of their admission, which only moves forward: keys of births in the period more than 60 days
    /// before the latest can never be asked for again, so they go and memory stays flat.
    /// </summary>
    private void ForgetOldBirths(DateOnly latest)
    {
        int cutoff = latest.DayNumber - 60, start = _reference.DayNumber;
        foreach (var key in _serials.Keys.Where(k => k.Birth >= start && k.Birth < cutoff).ToList()) _serials.Remove(key);
        _inPeriodKeys = 0;
        foreach (var key in _serials.Keys) if (key.Birth >= start) _inPeriodKeys++;
        _forgetAt = Math.Max(50_000, 2 * _inPeriodKeys);
    }
}
