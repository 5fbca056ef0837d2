using ClaimFraud.Domain.Claims;
using ClaimFraud.Synthetic.Knowledge;
using ClaimFraud.Synthetic.People;
using ClaimFraud.Synthetic.Providers;

namespace ClaimFraud.Synthetic.Claims;

/// <summary>A claim under construction: mutable lists fraud patterns can change, turned into a <see cref="Claim"/> at the end.</summary>
internal sealed class ClaimDraft
{
    public required Patient Patient { get; init; }
    public required PatientInfo PatientInfo { get; set; }
    public required Hospital Hospital { get; init; }
    public required int DoctorIndex { get; set; }
    public required DiagnosisModel Diagnosis { get; init; }
    public required string DiagnosisCode { get; set; }
    public List<DiagnosisModel> Secondaries { get; } = [];
    public List<string> SecondaryCodes { get; } = [];
    public required CareType CareType { get; set; }
    public required int CareClass { get; set; }
    public required DateTimeOffset AdmissionAt { get; set; }
    public required DateTimeOffset DischargeAt { get; set; }
    public required int Los { get; set; }
    public List<Procedure> Procedures { get; } = [];
    public List<Medication> Medications { get; } = [];
    public List<Vitamin> Vitamins { get; } = [];
    public List<LabTest> LabTests { get; } = [];
    public int EvidenceSeverity { get; set; }
    /// <summary>Severity coded on the INA-CBG (0 outpatient); equals the evidence unless upcoded.</summary>
    public int ClaimedSeverity { get; set; }
    /// <summary>Bill = <see cref="BillTariff"/> × ratio + extra charges.</summary>
    public double Ratio { get; set; } = 1.0;
    public long ExtraCharges { get; set; }
    public required DateTimeOffset SepIssuedAt { get; set; }
    public required string SepName { get; set; }
    public string? SepBpjsNumber { get; set; }
    /// <summary>The SEP number, assigned when the claim is finalised (in admission order).</summary>
    public string? SepNumber { get; set; }
    /// <summary>Another claim whose SEP number this one reuses (repeat billing).</summary>
    public ClaimDraft? SepSource { get; set; }
    public required string ResumeName { get; set; }
    public required DateTimeOffset ResumeAdmissionAt { get; set; }
    public required DateTimeOffset ResumeDischargeAt { get; set; }
    public List<string> Patterns { get; } = [];
    public SlotKind Kind { get; set; }
    /// <summary>Creation order inside a day; ties in admission time keep it, so copies follow their original.</summary>
    public long Sequence { get; set; }
    /// <summary>A bill fixed by a pattern (cloning copies the amounts), overriding tariff × ratio + extra.</summary>
    public long? FixedHospitalTariff { get; set; }
    /// <summary>Which optional parts the extract carries (documents, itemised lists, identifiers).</summary>
    public ClaimRecord Record { get; set; } = ClaimRecord.Complete;
    /// <summary>The care class whose tariff is claimed when it is not <see cref="CareClass"/> (a room-class upgrade billed under the entitled class).</summary>
    public int? TariffCareClass { get; set; }

    public string CbgCode => Diagnosis.CbgCode(CareType == Domain.Claims.CareType.Outpatient ? 0 : ClaimedSeverity);

    /// <summary>The claimed group's tariff in the hospital's tariff table for the discharge year: the catalog's approximation × the table's factor.</summary>
    public long CbgTariff
    {
        get
        {
            long catalog = Diagnosis.Tariff(CareType == Domain.Claims.CareType.Outpatient ? 0 : ClaimedSeverity,
                Hospital.Class, Hospital.TariffRegion, TariffCareClass ?? CareClass);
            double factor = Hospital.Tariffs?.FactorFor(StayCalendar.JakartaDate(DischargeAt).Year) ?? 1.0;
            return (long)Math.Round(catalog * factor / 100.0) * 100;
        }
    }

    /// <summary>
    /// What the care given is worth in the hospital's tariff table: the group at the severity the evidence supports and
    /// the room actually used. The hospital bills for care, not for the code, so an upcoded code raises the INA-CBG
    /// tariff claimed but not the bill.
    /// </summary>
    public long BillTariff
    {
        get
        {
            long catalog = Diagnosis.Tariff(CareType == Domain.Claims.CareType.Outpatient ? 0 : EvidenceSeverity,
                Hospital.Class, Hospital.TariffRegion, TariffCareClass ?? CareClass);
            double factor = Hospital.Tariffs?.FactorFor(StayCalendar.JakartaDate(DischargeAt).Year) ?? 1.0;
            return (long)Math.Round(catalog * factor / 100.0) * 100;
        }
    }

    public long HospitalTariff
    {
        get
        {
            if (FixedHospitalTariff is { } fixedTariff) return fixedTariff;
            double bill = BillTariff * Ratio + ExtraCharges;
            return Math.Max(0, (long)Math.Round(bill / 100.0) * 100);
        }
    }

    public bool IsFraud => Patterns.Count > 0;

    public void Label(string pattern)
    {
        if (!Patterns.Contains(pattern)) Patterns.Add(pattern);
    }

    /// <summary>The finished claim; the draft must not change afterwards (the claim shares its lists).</summary>
    public Claim ToClaim(string claimId, string sepNumber)
    {
        var diagnoses = new Diagnosis[1 + SecondaryCodes.Count];
        diagnoses[0] = new Diagnosis(DiagnosisCode, true);
        for (int i = 0; i < SecondaryCodes.Count; i++) diagnoses[i + 1] = new Diagnosis(SecondaryCodes[i], false);
        var record = Record;
        var patient = PatientInfo;
        if (!record.Address || !record.BpjsNumber)
            patient = patient with { Address = record.Address ? patient.Address : null, BpjsNumber = record.BpjsNumber ? patient.BpjsNumber : null };
        return new Claim
        {
            ClaimId = claimId,
            Hospital = Hospital.Info,
            DoctorId = record.DoctorId ? Hospital.Doctors[DoctorIndex] : null,
            Patient = patient,
            CareType = CareType,
            CareClass = CareClass,
            AdmissionAt = AdmissionAt,
            DischargeAt = DischargeAt,
            Diagnoses = diagnoses,
            // The lists are handed over, not copied: a finalised draft is only ever read again (as a clone template).
            Procedures = Procedures,
            Medications = Medications,
            Vitamins = Vitamins,
            LabTests = LabTests,
            InaCbg = new InaCbg(CbgCode, CbgTariff),
            HospitalTariff = HospitalTariff,
            // Documents not attached to the extract are absent, not empty: other systems send claims without them.
            Documents = !record.Sep && !record.Resume ? null : new ClaimDocuments
            {
                Sep = record.Sep ? new SepDocument { Number = sepNumber, IssuedAt = SepIssuedAt, PatientName = SepName, BpjsNumber = SepBpjsNumber } : null,
                ResumeMedis = record.Resume ? new ResumeMedis { PatientName = ResumeName, AdmissionAt = ResumeAdmissionAt, DischargeAt = ResumeDischargeAt } : null,
            },
        };
    }
}
