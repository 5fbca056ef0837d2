using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.Randomness;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>
/// Plants a claim's <see cref="ClaimQuirks"/>: what makes real legitimate claims trip the odd rule (a drug the
/// knowledge base does not list, an extra scan, a bill above the package, a typo on a document). They are drawn for
/// fraudulent claims too, so an oddity never tells the two apart; none forms a known-inappropriate pair.
/// </summary>
internal sealed class LegitimateQuirks(GeneratorKnowledge k)
{
    private readonly PairChecks _pairs = new(k);

    public PairChecks Pairs => _pairs;

    public void Apply(ClaimDraft d, ClaimRecord record, int age, Rng rng)
    {
        if (record.Quirks == ClaimQuirks.None) return;
        // A bill far above the package has a visible reason on a legitimate claim: the care was costly.
        if (record.Has(ClaimQuirks.BillAboveTariff)) { if (IsCostly(d)) d.Ratio *= rng.Uniform(1.25, 1.75); }
        else if (record.Has(ClaimQuirks.BillBelowTariff)) d.Ratio *= rng.Uniform(0.55, 0.8);
        if (record.DrugsItemised && record.Has(ClaimQuirks.OffListDrug)) AddOffListDrug(d, age, rng);
        if (record.DrugsItemised && record.Has(ClaimQuirks.OffListVitamin)) AddOffListVitamin(d, rng);
        if (record.Has(ClaimQuirks.ExtraImaging))
        {
            AddImaging(d, rng);
            if (rng.Chance(0.2)) AddImaging(d, rng);
        }
        if (record.Has(ClaimQuirks.NameTypo) && (record.Sep || record.Resume))
        {
            if (record.Sep && (!record.Resume || rng.Chance(0.6))) d.SepName = Typo(d.SepName, rng);
            else d.ResumeName = Typo(d.ResumeName, rng);
        }
        // Only for patients a year old or more, so the defaulted date never falls after the admission.
        if (record.Has(ClaimQuirks.BirthDateDefaulted) && age >= 2)
        {
            var born = d.PatientInfo.BirthDate;
            var defaulted = new DateOnly(born.Year, rng.Chance(0.5) ? 1 : 7, 1);
            if (defaulted != born) d.PatientInfo = d.PatientInfo with { BirthDate = defaulted };
        }
        if (record.Has(ClaimQuirks.ResumeDateSlip) && record.Resume)
        {
            if (rng.Chance(0.5)) d.ResumeDischargeAt = d.ResumeDischargeAt.AddDays(1);
            else d.ResumeAdmissionAt = d.ResumeAdmissionAt.AddDays(-1);
        }
    }

    /// <summary>Care that costs more than a package pays: an operation, an expensive drug, severity III, or a stay half again the group's typical one.</summary>
    private bool IsCostly(ClaimDraft d)
    {
        if (d.EvidenceSeverity == 3) return true;
        foreach (var p in d.Procedures) if (k.MajorProcedures.Contains(p.Icd9Cm)) return true;
        foreach (var m in d.Medications)
            if (k.ExpensiveDrugs.Contains((m.Name, m.Form ?? ""))) return true;
        if (d.CareType != CareType.Inpatient) return false;
        double typical = Math.Max(1, d.Diagnosis.Profile.LosTypical) * (d.EvidenceSeverity == 2 ? 1.5 : 1.0);
        return d.Los >= 1.5 * typical;
    }

    private bool Listed(ClaimDraft d, Func<DiagnosisModel, bool> lists)
    {
        if (lists(d.Diagnosis)) return true;
        foreach (var s in d.Secondaries) if (lists(s)) return true;
        return false;
    }

    /// <summary>A drug some other diagnosis calls for, dosed as there; not one of the claim's own, never a known misuse.</summary>
    private void AddOffListDrug(ClaimDraft d, int age, Rng rng)
    {
        bool inpatient = d.CareType == CareType.Inpatient;
        for (int attempt = 0; attempt < 6; attempt++)
        {
            var row = rng.Pick(k.AllDrugRows);
            var drug = row.Drug;
            bool liquid = drug.Form is "syrup" or "drops" or "suspension";
            if (liquid != (age < 6)) continue;
            if (d.Medications.Exists(m => m.Name == drug.Name)) continue;
            if (Listed(d, dx => dx.Profile.Drugs.Any(x => x.Drug.Name == drug.Name)) || _pairs.Drug(d, drug)) continue;
            int days = row.Days is { } given ? (inpatient ? Math.Min(given, d.Los + 3) : given) : (inpatient ? d.Los : 1);
            double quantity = Math.Max(1, Math.Round(row.DailyQuantity * days * rng.Uniform(0.8, 1.15)));
            d.Medications.Add(new Medication { Name = drug.Name, Form = drug.Form, Quantity = quantity, UnitPrice = ClaimBuilder.Price(drug.UnitPriceMin, drug.UnitPriceMax, d.Hospital, rng) });
            return;
        }
    }

    /// <summary>A supportive supplement at an ordinary dose (now and then a high dose) that the diagnoses do not list.</summary>
    private void AddOffListVitamin(ClaimDraft d, Rng rng)
    {
        bool inpatient = d.CareType == CareType.Inpatient;
        for (int attempt = 0; attempt < 6; attempt++)
        {
            bool highDose = rng.Chance(0.1);
            var v = highDose ? rng.Pick(k.HighDoseVitamins) : rng.Pick(k.SupportiveVitaminRows).Vitamin;
            if (d.Vitamins.Exists(x => x.Name == v.Name)) continue;
            if (Listed(d, dx => dx.Profile.Vitamins.Any(x => x.Vitamin.Name == v.Name)) || _pairs.Vitamin(d, v)) continue;
            double days = inpatient ? d.Los : rng.Between(5, 30);
            double quantity = Math.Max(1, Math.Round(Math.Min(1, v.MaxQuantityPerDay) * days));
            d.Vitamins.Add(new Vitamin { Name = v.Name, Dose = v.Dose, Quantity = quantity, UnitPrice = ClaimBuilder.Price(v.UnitPriceMin, v.UnitPriceMax, d.Hospital, rng) });
            return;
        }
    }

    /// <summary>A scan beyond the usual work-up (CT head after a fall, an echocardiogram), with its charge on the bill.</summary>
    private void AddImaging(ClaimDraft d, Rng rng)
    {
        if (k.ImagingProcedures.Length == 0) return;
        for (int attempt = 0; attempt < 6; attempt++)
        {
            string code = rng.Pick(k.ImagingProcedures);
            if (d.Procedures.Exists(p => p.Icd9Cm == code) || Listed(d, dx => dx.ExpectedProcedures.Contains(code)) || _pairs.Procedure(d, code)) continue;
            d.Procedures.Add(new Procedure(code, ClaimBuilder.InsideStay(d, rng, 0.0, 0.7)));
            d.Procedures.Sort(static (a, b) => Nullable.Compare(a.At, b.At));
            var (min, max) = ClinicalTables.ChargeRange(code, isMajor: false);
            d.ExtraCharges += (long)Math.Min(rng.Uniform(min, max), 0.3 * d.CbgTariff);
            return;
        }
    }

    /// <summary>One typing error inside a word: a letter dropped, doubled or replaced by its keyboard neighbour.</summary>
    internal static string Typo(string name, Rng rng)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            int i = rng.Between(1, name.Length - 2);
            // Inside a word only, so a title ("Tn.") or the spacing never changes.
            if (i < 1 || i >= name.Length - 1 || !char.IsLetter(name[i]) || !char.IsLetter(name[i - 1]) || !char.IsLetter(name[i + 1])) continue;
            string typo = rng.Next(3) switch
            {
                0 => name.Remove(i, 1),
                1 => name.Insert(i, name[i].ToString()),
                _ => name[..i] + Neighbour(name[i]) + name[(i + 1)..],
            };
            if (!string.Equals(typo, name, StringComparison.OrdinalIgnoreCase)) return typo;
        }
        return name;
    }

    private static char Neighbour(char c)
    {
        const string row = "qwertyuiopasdfghjklzxcvbnm";
        int i = row.IndexOf(char.ToLowerInvariant(c));
        char n = i < 0 ? 'a' : row[(i + 1) % row.Length];
        return char.IsUpper(c) ? char.ToUpperInvariant(n) : n;
    }
}
