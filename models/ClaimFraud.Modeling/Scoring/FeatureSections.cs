using System.Collections.Frozen;

namespace ClaimFraud.Modeling.Scoring;

/// <summary>Which part of the claim a feature speaks about, and how a verifier reads its name in Bahasa Indonesia.</summary>
public static class FeatureSections
{
    private static readonly FrozenDictionary<string, (string? Section, string Label)> Map = new Dictionary<string, (string?, string)>
    {
        ["tindakan_validity_score"] = ("procedures", "kesesuaian tindakan dengan diagnosis"),
        ["obat_validity_score"] = ("medications", "kesesuaian obat dengan diagnosis"),
        ["vitamin_relevance_score"] = ("vitamins", "relevansi vitamin"),
        ["biaya_anomaly_score"] = ("tariff", "anomali biaya terhadap tarif acuan"),
        ["rule_violation_flag"] = (null, "adanya pelanggaran aturan"),
        ["tariff_ratio"] = ("tariff", "rasio tarif RS terhadap INA-CBG"),
        ["tariff_diff_percentage"] = ("tariff", "selisih tarif RS terhadap INA-CBG (%)"),
        ["tariff_per_day"] = ("tariff", "tarif per hari rawat"),
        ["los_days"] = ("admission", "lama rawat (hari)"),
        ["num_procedures"] = ("procedures", "jumlah tindakan"),
        ["procedure_intensity"] = ("procedures", "tindakan per hari rawat"),
        ["provider_claims_count"] = ("provider", "jumlah klaim RS sebelumnya"),
        ["provider_high_cost_rate"] = ("provider", "porsi klaim berbiaya tinggi di RS"),
        ["hospital_class"] = ("provider", "kelas RS"),
        ["care_class"] = ("admission", "kelas rawat"),
        ["care_type"] = ("admission", "jenis pelayanan"),
        ["icd10_chapter"] = ("diagnoses", "bab ICD-10 diagnosis utama"),
        ["ina_cbg_severity"] = ("diagnoses", "tingkat keparahan INA-CBG"),
        ["sex"] = ("patient", "jenis kelamin"),
        ["age_band"] = ("patient", "kelompok umur"),
        ["dx_severity"] = ("diagnoses", "tingkat keparahan diagnosis"),
        ["los_vs_expected"] = ("admission", "lama rawat dibanding lazimnya"),
        ["los_over_max"] = ("admission", "kelebihan lama rawat di atas batas lazim"),
        ["inpatient_for_outpatient_dx"] = ("admission", "rawat inap untuk diagnosis rawat jalan"),
        ["num_diagnoses"] = ("diagnoses", "jumlah diagnosis"),
        ["num_major_procedures"] = ("procedures", "jumlah tindakan mayor"),
        ["major_procedure_mismatch_count"] = ("procedures", "tindakan mayor yang tidak sesuai diagnosis"),
        ["inappropriate_pair_count"] = ("procedures", "kombinasi diagnosis-item yang tidak layak"),
        ["procedures_vs_typical"] = ("procedures", "jumlah tindakan dibanding lazimnya"),
        ["drug_cost_total"] = ("medications", "total biaya obat"),
        ["drug_cost_share"] = ("medications", "porsi biaya obat dalam tagihan"),
        ["drug_cost_per_day"] = ("medications", "biaya obat per hari"),
        ["max_drug_qty_per_day_ratio"] = ("medications", "jumlah obat per hari dibanding batas wajar"),
        ["max_drug_price_ratio"] = ("medications", "harga satuan obat dibanding katalog"),
        ["vitamin_cost_total"] = ("vitamins", "total biaya vitamin"),
        ["cbg_tariff_vs_catalog"] = ("tariff", "tarif INA-CBG dibanding tabel tarif"),
        ["cbg_severity_vs_dx"] = ("diagnoses", "keparahan INA-CBG dibanding diagnosis"),
        ["tariff_per_day_vs_expected"] = ("tariff", "tarif per hari dibanding lazimnya"),
        ["sep_hours_after_admission"] = ("sep", "jam terbit SEP setelah masuk"),
        ["sep_hours_after_discharge"] = ("sep", "jam terbit SEP setelah pulang"),
        ["labs_outside_stay"] = ("lab_tests", "pemeriksaan lab di luar masa rawat"),
        ["procedures_outside_stay"] = ("procedures", "tindakan di luar masa rawat"),
        ["name_similarity_min"] = ("patient", "kemiripan nama antar dokumen"),
        ["resume_dates_mismatch"] = ("admission", "tanggal resume medis tidak sesuai"),
        ["sep_bpjs_mismatch"] = ("sep", "nomor BPJS di SEP tidak sesuai"),
        ["nik_valid"] = ("patient", "keabsahan NIK"),
        ["nik_consistent"] = ("patient", "kesesuaian NIK dengan data peserta"),
        ["patient_claims_30d"] = ("patient", "klaim pasien 30 hari terakhir"),
        ["patient_claims_365d"] = ("patient", "klaim pasien setahun terakhir"),
        ["days_since_last_discharge"] = ("admission", "hari sejak pulang terakhir"),
        ["readmission_same_dx_30d"] = ("admission", "rawat ulang dengan diagnosis sama"),
        ["duplicate_claim_count"] = ("provider", "klaim ganda"),
        ["room_class_above_usual"] = ("admission", "kelas rawat di atas biasanya"),
        ["hospital_high_cost_rate_90d"] = ("provider", "porsi klaim berbiaya tinggi RS (90 hari)"),
        ["doctor_high_cost_rate_90d"] = ("provider", "porsi klaim berbiaya tinggi dokter (90 hari)"),
        ["hospital_los_vs_peers"] = ("provider", "lama rawat RS dibanding RS lain"),
        ["clone_count_30d"] = ("provider", "klaim serupa pasien lain (30 hari)"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? SectionOf(string feature) => Map.TryGetValue(feature, out var v) ? v.Section : null;

    public static string LabelOf(string feature) => Map.TryGetValue(feature, out var v) ? v.Label : feature;
}
