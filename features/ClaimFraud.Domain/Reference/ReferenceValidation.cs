namespace ClaimFraud.Domain.Reference;

/// <summary>Checks that cross one catalog to another (each file checks itself while loading).</summary>
internal static class ReferenceValidation
{
    public static IReadOnlyList<string> Check(ReferenceCatalog catalog)
    {
        var problems = new List<string>();
        var icd10 = catalog.Icd10;
        var icd9 = catalog.Icd9Cm;
        var clinical = catalog.Clinical;
        var cbg = catalog.InaCbg;

        foreach (var dx in clinical.Diagnoses)
        {
            var entry = icd10.Find(dx.Icd10);
            if (entry is null || entry.Level != 3) problems.Add($"{ReferenceFiles.Diagnoses}: {dx.Icd10} is not an ICD-10 category in {ReferenceFiles.Icd10}");
            foreach (var code in dx.CommonCodes)
            {
                if (icd10.Find(code) is not { IsLeaf: true }) problems.Add($"{ReferenceFiles.Diagnoses}: {dx.Icd10} common code {code} is not a leaf code in {ReferenceFiles.Icd10}");
            }
            for (int severity = 1; severity <= 3; severity++)
            {
                string code = dx.InaCbgInpatientCode(severity);
                if (cbg.FindGroup(code) is null) problems.Add($"{ReferenceFiles.Diagnoses}: {dx.Icd10} inpatient group {code} is not in {ReferenceFiles.InaCbgGroups}");
            }
            if (cbg.FindGroup(dx.InaCbgOutpatient) is not { IsInpatient: false })
                problems.Add($"{ReferenceFiles.Diagnoses}: {dx.Icd10} outpatient group {dx.InaCbgOutpatient} is not in {ReferenceFiles.InaCbgGroups}");
            foreach (var p in dx.Procedures)
            {
                var proc = icd9.Find(p.Icd9Cm);
                if (proc is null) problems.Add($"{ReferenceFiles.DiagnosisProcedures}: {dx.Icd10} procedure {p.Icd9Cm} is not in {ReferenceFiles.Icd9Cm}");
                else if (!proc.IsValid) problems.Add($"{ReferenceFiles.DiagnosisProcedures}: {dx.Icd10} procedure {p.Icd9Cm} is a header code (valid_code 0)");
            }
        }

        foreach (var pair in clinical.InappropriatePairs)
        {
            string where = $"{ReferenceFiles.InappropriatePairs}: {pair.Icd10Prefix} {pair.Kind} {pair.Item}";
            if (icd10.Find(pair.Icd10Prefix) is null) problems.Add($"{where}: diagnosis {pair.Icd10Prefix} is not in {ReferenceFiles.Icd10}");
            foreach (var e in pair.ExemptIfDiagnosis)
            {
                if (icd10.Find(e) is null) problems.Add($"{where}: exemption {e} is not in {ReferenceFiles.Icd10}");
            }
            if (pair.Kind == ItemKind.Procedure && icd9.Find(pair.Item) is null) problems.Add($"{where}: procedure {pair.Item} is not in {ReferenceFiles.Icd9Cm}");
        }

        var regions = catalog.TariffRegions;
        var areas = catalog.Areas;
        foreach (var province in areas.Provinces)
        {
            if (regions.RegionOf(province.Code) is null) problems.Add($"{ReferenceFiles.ProvinceTariffRegions}: province {province.Code} {province.Name} has no tariff region");
        }
        foreach (var row in regions.All)
        {
            if (areas.FindProvince(row.ProvinceCode) is null) problems.Add($"{ReferenceFiles.ProvinceTariffRegions}: {row.ProvinceCode} is not in {ReferenceFiles.Provinces}");
        }
        foreach (var h in catalog.Hospitals.All)
        {
            if (areas.FindProvince(h.ProvinceCode) is null) problems.Add($"{ReferenceFiles.Hospitals}: {h.KemenkesCode} province {h.ProvinceCode} is not in {ReferenceFiles.Provinces}");
            if (h.RegencyCode is not null && areas.FindRegency(h.RegencyCode) is null) problems.Add($"{ReferenceFiles.Hospitals}: {h.KemenkesCode} regency {h.RegencyCode} is not in {ReferenceFiles.Regencies}");
        }
        return problems;
    }
}
