using System.Globalization;
using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Providers;

/// <summary>Picks the dataset's hospitals from the real hospital list (by seed, weighted by beds) and staffs them.</summary>
internal static class HospitalGenerator
{
    public static Hospital[] Generate(GeneratorKnowledge knowledge, GeneratorOptions options)
    {
        var candidates = knowledge.Hospitals;

        var rng = new Rng(SeedMix.Derive(options.Seed, SeedStream.Hospitals));
        // Weighted sampling without replacement (Efraimidis–Spirakis): key u^(1/w), keep the largest keys.
        var keys = new (double Key, int Index)[candidates.Length];
        for (int i = 0; i < candidates.Length; i++)
        {
            double w = Math.Max(10, candidates[i].Beds);
            keys[i] = (Math.Log(1.0 - rng.NextDouble()) / w, i);
        }
        Array.Sort(keys, (a, b) => b.Key != a.Key ? b.Key.CompareTo(a.Key) : a.Index.CompareTo(b.Index));

        var serials = new Dictionary<string, int>(StringComparer.Ordinal);
        var doctorRng = new Rng(SeedMix.Derive(options.Seed, SeedStream.Doctors));
        int nextDoctor = 1 + doctorRng.Next(40);
        var hospitals = new Hospital[options.Hospitals];
        for (int h = 0; h < hospitals.Length; h++)
        {
            var source = candidates[keys[h].Index];
            var hospitalClass = source.TariffClass switch { 'A' => HospitalClass.A, 'B' => HospitalClass.B, 'C' => HospitalClass.C, _ => HospitalClass.D };
            string regency = ResolveRegency(knowledge, source.RegencyCode, source.ProvinceCode, rng);
            int serial = serials.TryGetValue(regency, out int last) ? last + 1 + rng.Next(3) : 1 + rng.Next(3);
            serials[regency] = serial;
            string code = regency + "R" + serial.ToString("D3", CultureInfo.InvariantCulture);
            int region = knowledge.TariffRegions[source.ProvinceCode];
            string name = source.Name;

            var (doctors, weights) = DoctorGenerator.Staff(hospitalClass, doctorRng, ref nextDoctor);
            double classMarkup = hospitalClass switch { HospitalClass.A => 1.06, HospitalClass.B => 1.02, HospitalClass.C => 0.99, _ => 0.96 };
            hospitals[h] = new Hospital
            {
                Index = h,
                Code = code,
                Name = name,
                Class = hospitalClass,
                TariffRegion = region,
                ProvinceCode = source.ProvinceCode,
                RegencyDigits = regency,
                Info = new HospitalInfo { Code = code, Name = name, Class = hospitalClass, TariffRegion = region },
                Volume = Math.Pow(Math.Max(10, source.Beds), 0.8),
                Markup = rng.LogNormal(classMarkup, 0.05),
                PricePosition = rng.Uniform(0.15, 0.85),
                Doctors = doctors,
                DoctorWeights = weights,
            };
        }

        int bad = (int)Math.Round(hospitals.Length * options.BadHospitalShare);
        if (options.BadHospitalShare > 0 && bad == 0) bad = 1;
        bad = Math.Min(bad, hospitals.Length - 1);
        var fraudRng = new Rng(SeedMix.Derive(options.Seed, SeedStream.HospitalFraud));
        var order = new int[hospitals.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = fraudRng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        for (int b = 0; b < bad; b++)
        {
            var hospital = hospitals[order[b]];
            hospital.IsBad = true;
            hospital.BadLevel = fraudRng.Uniform(1.15, 1.7);
            int count = Math.Min(hospital.Doctors.Length, 1 + fraudRng.Next(3));
            var chosen = new int[count];
            for (int k = 0; k < count; k++) chosen[k] = fraudRng.Next(hospital.Doctors.Length);
            hospital.BadDoctors = chosen;
        }

        // Streams of their own, so record habits and tariff tables leave every earlier draw as it was.
        var habits = new Rng(SeedMix.Derive(options.Seed, SeedStream.HospitalRecords));
        foreach (var h in hospitals)
        {
            h.Records = RecordHabits.Draw(habits);
            h.Tariffs = new TariffTables(options.Seed, h.Index);
        }
        return hospitals;
    }

    /// <summary>The hospital's regency when the registry code gives a known one, else a regency of its province chosen by seed.</summary>
    private static string ResolveRegency(GeneratorKnowledge knowledge, string? dotted, string province, Rng rng)
    {
        if (dotted is not null)
        {
            string digits = dotted.Replace(".", "", StringComparison.Ordinal);
            if (knowledge.Areas.ByRegency.ContainsKey(digits)) return digits;
        }
        return rng.Pick(knowledge.Areas.RegencyDigitsByProvince[province]);
    }
}

/// <summary>Doctors (DPJP) per hospital: more at larger classes; ids unique across the dataset.</summary>
internal static class DoctorGenerator
{
    public static (string[] Doctors, double[] CumulativeWeights) Staff(HospitalClass hospitalClass, Rng rng, ref int next)
    {
        int count = hospitalClass switch
        {
            HospitalClass.A => rng.Between(25, 40),
            HospitalClass.B => rng.Between(15, 30),
            HospitalClass.C => rng.Between(8, 18),
            _ => rng.Between(3, 8),
        };
        var doctors = new string[count];
        var weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            doctors[i] = "DPJP-" + next.ToString("D4", CultureInfo.InvariantCulture);
            next += 1 + rng.Next(5);
            sum += 1.0 / Math.Pow(i + 1, 0.7);
            weights[i] = sum;
        }
        return (doctors, weights);
    }

    public static int Pick(double[] cumulative, Rng rng)
    {
        double u = rng.NextDouble() * cumulative[^1];
        int i = Array.BinarySearch(cumulative, u);
        if (i < 0) i = ~i;
        return Math.Min(i, cumulative.Length - 1);
    }
}
