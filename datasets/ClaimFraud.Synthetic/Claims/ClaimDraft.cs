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
    /// <summary>Bill = INA-CBG tariff × ratio + extra charges.</summary>
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

    public string CbgCode => Diagnosis.CbgCode(CareType == Domain.Claims.CareType.Outpatient ? 0 : ClaimedSeverity);

    public long CbgTariff => Diagnosis.Tariff(CareType == Domain.Claims.CareType.Outpatient ? 0 : ClaimedSeverity,
        Hospital.Class, Hospital.TariffRegion, CareClass);

    public long HospitalTariff
    {
        get
        {
            if (FixedHospitalTariff is { } fixedTariff) return fixedTariff;
            double bill = CbgTariff * Ratio + ExtraCharges;
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
        return new Claim
        {
            ClaimId = claimId,
            Hospital = Hospital.Info,
            DoctorId = Hospital.Doctors[DoctorIndex],
            Patient = PatientInfo,
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
            Documents = new ClaimDocuments
            {
                Sep = new SepDocument { Number = sepNumber, IssuedAt = SepIssuedAt, PatientName = SepName, BpjsNumber = SepBpjsNumber },
                ResumeMedis = new ResumeMedis { PatientName = ResumeName, AdmissionAt = ResumeAdmissionAt, DischargeAt = ResumeDischargeAt },
            },
        };
    }
}
