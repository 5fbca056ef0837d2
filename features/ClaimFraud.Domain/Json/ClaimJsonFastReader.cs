using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Domain.Json;

/// <summary>
/// Reads a well-formed contract §1 claim in one pass over a <see cref="Utf8JsonReader"/>, without building a
/// <see cref="JsonDocument"/> first (the document and the lookups over it were the largest single cost of a /predict request in perf profiles).
/// It only knows the happy case: it gives up (returns false) on anything <see cref="ClaimJsonReader"/> would report or
/// read leniently — a missing, null, empty or mistyped required field, a duplicate or escaped property name, text that
/// cannot be decoded, a malformed label, bad JSON — and <see cref="ClaimJson"/> then reads the input again with the
/// document reader, which names every wrong field. Every conversion mirrors <see cref="ClaimJsonReader"/>'s exactly, so
/// a claim read here is the claim the document reader would have read.
/// </summary>
internal static class ClaimJsonFastReader
{
    // The document reader's tokenizing: the same depth limit, comments and trailing commas refused alike.
    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = ClaimJson.DocumentOptions.MaxDepth,
        CommentHandling = ClaimJson.DocumentOptions.CommentHandling,
        AllowTrailingCommas = ClaimJson.DocumentOptions.AllowTrailingCommas,
    };

    /// <summary>The claim and label of <paramref name="utf8"/> when it is one plain well-formed claim; false to read it the slow way.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, bool requireLabel, [NotNullWhen(true)] out Claim? claim, out ClaimLabel? label)
    {
        claim = null;
        label = null;
        try
        {
            var r = new Utf8JsonReader(utf8, isFinalBlock: true, new JsonReaderState(Options));
            if (!r.Read() || !TryReadObject(ref r, requireLabel, out var read, out label)) return false;
            // Anything after the root object other than white space makes Read throw.
            if (r.Read()) return false;
            claim = read;
            return true;
        }
        catch (JsonException)
        {
            // Malformed JSON: the document reader reports it with its position.
            label = null;
            return false;
        }
    }

    /// <summary>
    /// Reads the claim object <paramref name="r"/> is on, leaving it on the object's end; false (with the reader somewhere
    /// inside) when it is not a plain well-formed claim. A <see cref="JsonException"/> is the enclosing JSON's own error.
    /// </summary>
    public static bool TryReadObject(ref Utf8JsonReader r, bool requireLabel, [NotNullWhen(true)] out Claim? claim, out ClaimLabel? label)
    {
        claim = null;
        label = null;
        return r.TokenType == JsonTokenType.StartObject && ReadClaim(ref r, requireLabel, out claim, out label);
    }

    private static bool ReadClaim(ref Utf8JsonReader r, bool requireLabel, [NotNullWhen(true)] out Claim? claim, out ClaimLabel? label)
    {
        claim = null;
        label = null;
        string? claimId = null, doctorId = null;
        HospitalInfo? hospital = null;
        PatientInfo? patient = null;
        CareType? careType = null;
        int? careClass = null;
        DateTimeOffset? admissionAt = null, dischargeAt = null;
        IReadOnlyList<Diagnosis>? diagnoses = null;
        IReadOnlyList<Procedure> procedures = [];
        IReadOnlyList<Medication> medications = [];
        IReadOnlyList<Vitamin> vitamins = [];
        IReadOnlyList<LabTest> labTests = [];
        InaCbg? inaCbg = null;
        long? hospitalTariff = null;
        ClaimDocuments? documents = null;

        uint seen = 0;
        while (NextProperty<RootFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                ClaimId => RequiredText(ref r, out claimId),
                Hospital => ReadHospital(ref r, out hospital),
                DoctorId => OptionalText(ref r, out doctorId),
                Patient => ReadPatient(ref r, out patient),
                CareTypeField => Enum(ref r, ClaimEnums.TryParseCareType, out careType),
                CareClass => Whole(ref r, out careClass),
                AdmissionAt => Time(ref r, out admissionAt) && admissionAt is not null,
                DischargeAt => Time(ref r, out dischargeAt) && dischargeAt is not null,
                Diagnoses => r.TokenType != JsonTokenType.Null && List(ref r, ReadDiagnosis, out diagnoses),
                Procedures => List(ref r, ReadProcedure, out procedures),
                Medications => List(ref r, ReadMedication, out medications),
                Vitamins => List(ref r, ReadVitamin, out vitamins),
                LabTests => List(ref r, ReadLabTest, out labTests),
                InaCbgField => ReadInaCbg(ref r, out inaCbg),
                HospitalTariff => Money(ref r, out hospitalTariff),
                Documents => r.TokenType == JsonTokenType.Null || ReadDocuments(ref r, out documents),
                Label => ReadLabel(ref r, requireLabel, out label),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (requireLabel && label is null) return false;
        if (claimId is null || hospital is null || patient is null || careType is null || careClass is null || admissionAt is null
            || dischargeAt is null || diagnoses is null || inaCbg is null || hospitalTariff is null)
            return false;

        claim = new Claim
        {
            ClaimId = claimId,
            Hospital = hospital,
            DoctorId = doctorId,
            Patient = patient,
            CareType = careType.Value,
            CareClass = careClass.Value,
            AdmissionAt = admissionAt.Value,
            DischargeAt = dischargeAt.Value,
            Diagnoses = diagnoses,
            Procedures = procedures,
            Medications = medications,
            Vitamins = vitamins,
            LabTests = labTests,
            InaCbg = inaCbg,
            HospitalTariff = hospitalTariff.Value,
            Documents = documents,
        };
        return true;
    }

    private static bool ReadHospital(ref Utf8JsonReader r, [NotNullWhen(true)] out HospitalInfo? hospital)
    {
        hospital = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        string? code = null, name = null;
        HospitalClass? hospitalClass = null;
        int? tariffRegion = null;
        uint seen = 0;
        while (NextProperty<HospitalFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Code => RequiredText(ref r, out code),
                Name => OptionalText(ref r, out name),
                Class => Enum(ref r, ClaimEnums.TryParseHospitalClass, out hospitalClass),
                TariffRegion => Whole(ref r, out tariffRegion),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (code is null || hospitalClass is null || tariffRegion is null) return false;
        hospital = new HospitalInfo { Code = code, Name = name, Class = hospitalClass.Value, TariffRegion = tariffRegion.Value };
        return true;
    }

    private static bool ReadPatient(ref Utf8JsonReader r, [NotNullWhen(true)] out PatientInfo? patient)
    {
        patient = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        string? nik = null, bpjsNumber = null, name = null;
        Sex? sex = null;
        DateOnly? birthDate = null;
        Address? address = null;
        uint seen = 0;
        while (NextProperty<PatientFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Nik => RequiredText(ref r, out nik),
                BpjsNumber => OptionalText(ref r, out bpjsNumber),
                Name => OptionalText(ref r, out name),
                SexField => Enum(ref r, ClaimEnums.TryParseSex, out sex),
                BirthDate => Date(ref r, out birthDate),
                AddressField => r.TokenType == JsonTokenType.Null || ReadAddress(ref r, out address),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (nik is null || sex is null || birthDate is null) return false;
        patient = new PatientInfo { Nik = nik, BpjsNumber = bpjsNumber, Name = name, Sex = sex.Value, BirthDate = birthDate.Value, Address = address };
        return true;
    }

    private static bool ReadAddress(ref Utf8JsonReader r, [NotNullWhen(true)] out Address? address)
    {
        address = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        string? street = null, village = null, district = null, city = null, province = null, postalCode = null;
        uint seen = 0;
        while (NextProperty<AddressFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Street => OptionalText(ref r, out street),
                Village => OptionalText(ref r, out village),
                District => OptionalText(ref r, out district),
                City => OptionalText(ref r, out city),
                Province => OptionalText(ref r, out province),
                PostalCode => OptionalText(ref r, out postalCode),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        address = new Address { Street = street, Village = village, District = district, City = city, Province = province, PostalCode = postalCode };
        return true;
    }

    private static bool ReadDiagnosis(ref Utf8JsonReader r, [NotNullWhen(true)] out Diagnosis? diagnosis)
    {
        diagnosis = null;
        string? icd10 = null;
        bool? primary = null;
        uint seen = 0;
        while (NextProperty<DiagnosisFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Icd10 => RequiredText(ref r, out icd10),
                Primary => Flag(ref r, out primary),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (icd10 is null) return false;
        diagnosis = new Diagnosis(icd10.ToUpperInvariant(), primary ?? false);
        return true;
    }

    private static bool ReadProcedure(ref Utf8JsonReader r, [NotNullWhen(true)] out Procedure? procedure)
    {
        procedure = null;
        string? icd9cm = null;
        DateTimeOffset? at = null;
        uint seen = 0;
        while (NextProperty<ProcedureFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Icd9Cm => RequiredText(ref r, out icd9cm),
                At => Time(ref r, out at),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (icd9cm is null) return false;
        procedure = new Procedure(icd9cm, at);
        return true;
    }

    private static bool ReadMedication(ref Utf8JsonReader r, [NotNullWhen(true)] out Medication? medication)
    {
        medication = null;
        string? name = null, form = null;
        double? quantity = null;
        long? unitPrice = null;
        uint seen = 0;
        while (NextProperty<MedicationFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Name => RequiredText(ref r, out name),
                Form => OptionalText(ref r, out form),
                Quantity => Number(ref r, out quantity),
                UnitPrice => Money(ref r, out unitPrice),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (name is null || quantity is null || unitPrice is null) return false;
        medication = new Medication { Name = name, Form = form, Quantity = quantity.Value, UnitPrice = unitPrice.Value };
        return true;
    }

    private static bool ReadVitamin(ref Utf8JsonReader r, [NotNullWhen(true)] out Vitamin? vitamin)
    {
        vitamin = null;
        string? name = null, dose = null;
        double? quantity = null;
        long? unitPrice = null;
        uint seen = 0;
        while (NextProperty<VitaminFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Name => RequiredText(ref r, out name),
                Dose => OptionalText(ref r, out dose),
                Quantity => Number(ref r, out quantity),
                UnitPrice => Money(ref r, out unitPrice),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (name is null || quantity is null || unitPrice is null) return false;
        vitamin = new Vitamin { Name = name, Dose = dose, Quantity = quantity.Value, UnitPrice = unitPrice.Value };
        return true;
    }

    private static bool ReadLabTest(ref Utf8JsonReader r, [NotNullWhen(true)] out LabTest? labTest)
    {
        labTest = null;
        string? name = null;
        DateTimeOffset? at = null;
        uint seen = 0;
        while (NextProperty<LabTestFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Name => RequiredText(ref r, out name),
                At => Time(ref r, out at),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (name is null) return false;
        labTest = new LabTest(name, at);
        return true;
    }

    private static bool ReadInaCbg(ref Utf8JsonReader r, [NotNullWhen(true)] out InaCbg? inaCbg)
    {
        inaCbg = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        string? code = null;
        long? tariff = null;
        uint seen = 0;
        while (NextProperty<InaCbgFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Code => RequiredText(ref r, out code),
                Tariff => Money(ref r, out tariff),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (code is null || tariff is null) return false;
        inaCbg = new InaCbg(code, tariff.Value);
        return true;
    }

    private static bool ReadDocuments(ref Utf8JsonReader r, [NotNullWhen(true)] out ClaimDocuments? documents)
    {
        documents = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        SepDocument? sep = null;
        ResumeMedis? resumeMedis = null;
        uint seen = 0;
        while (NextProperty<DocumentsFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                Sep => r.TokenType == JsonTokenType.Null || ReadSep(ref r, out sep),
                ResumeMedisField => r.TokenType == JsonTokenType.Null || ReadResumeMedis(ref r, out resumeMedis),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        documents = new ClaimDocuments { Sep = sep, ResumeMedis = resumeMedis };
        return true;
    }

    private static bool ReadSep(ref Utf8JsonReader r, [NotNullWhen(true)] out SepDocument? sep)
    {
        sep = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        string? number = null, patientName = null, bpjsNumber = null;
        DateTimeOffset? issuedAt = null;
        uint seen = 0;
        while (NextProperty<SepFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                SepNumber => OptionalText(ref r, out number),
                IssuedAt => Time(ref r, out issuedAt),
                PatientName => OptionalText(ref r, out patientName),
                BpjsNumber => OptionalText(ref r, out bpjsNumber),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        sep = new SepDocument { Number = number, IssuedAt = issuedAt, PatientName = patientName, BpjsNumber = bpjsNumber };
        return true;
    }

    private static bool ReadResumeMedis(ref Utf8JsonReader r, [NotNullWhen(true)] out ResumeMedis? resumeMedis)
    {
        resumeMedis = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        string? patientName = null;
        DateTimeOffset? admissionAt = null, dischargeAt = null;
        uint seen = 0;
        while (NextProperty<ResumeMedisFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                PatientName => OptionalText(ref r, out patientName),
                AdmissionAt => Time(ref r, out admissionAt),
                DischargeAt => Time(ref r, out dischargeAt),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        resumeMedis = new ResumeMedis { PatientName = patientName, AdmissionAt = admissionAt, DischargeAt = dischargeAt };
        return true;
    }

    /// <summary>
    /// The label as <see cref="ClaimJsonReader.ReadLabel"/> reads a good one. A null label is no label (false when one is
    /// required); anything malformed gives up, since the document reader either reports it or keeps part of it.
    /// </summary>
    private static bool ReadLabel(ref Utf8JsonReader r, bool required, out ClaimLabel? label)
    {
        label = null;
        if (r.TokenType == JsonTokenType.Null) return !required;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        bool? isFraud = null;
        IReadOnlyList<string> patterns = [];
        uint seen = 0;
        while (NextProperty<LabelFields>(ref r, ref seen, out int field))
        {
            bool ok = field switch
            {
                IsFraud => Flag(ref r, out isFraud) && isFraud is not null,
                Patterns => Strings(ref r, out patterns),
                Unknown => Skip(ref r),
                _ => false,
            };
            if (!ok) return false;
        }
        if (isFraud is null) return false;
        label = new ClaimLabel(isFraud.Value, patterns);
        return true;
    }

    // ---- Properties -------------------------------------------------------------------------------------------------

    /// <summary>The field numbers of one kind of object's property names (a struct, so that lookups are direct calls).</summary>
    private interface IFieldNames
    {
        static abstract int Of(ReadOnlySpan<byte> name);
    }

    /// <summary>
    /// Moves to the next property's value and names it: a field number, <see cref="Unknown"/> for a property the claim
    /// does not have, or <see cref="Refused"/> for a name seen before in this object (the document reader keeps the
    /// last, which one pass cannot undo) or written with escapes (the document reader matches names after unescaping).
    /// False at the end of the object.
    /// </summary>
    private static bool NextProperty<TNames>(ref Utf8JsonReader r, ref uint seen, out int field) where TNames : IFieldNames
    {
        field = Refused;
        // On a final block Read throws rather than return false inside an object; refusing keeps that assumption safe.
        if (!r.Read()) return true;
        if (r.TokenType == JsonTokenType.EndObject) return false;
        if (r.ValueIsEscaped) return true;
        int named = TNames.Of(r.ValueSpan);
        if (named != Unknown)
        {
            uint bit = 1u << named;
            if ((seen & bit) != 0) return true;
            seen |= bit;
        }
        if (r.Read()) field = named;
        return true;
    }

    // Field numbers: small, so that each is a bit of a uint; shared between objects where the name is shared.
    private const int Unknown = -1, Refused = -2;
    private const int Name = 0, Code = 1, At = 2, PatientName = 3, AdmissionAt = 4, DischargeAt = 5, BpjsNumber = 6;
    private const int ClaimId = 7, Hospital = 8, DoctorId = 9, Patient = 10, CareTypeField = 11, CareClass = 12, Diagnoses = 13,
        Procedures = 14, Medications = 15, Vitamins = 16, LabTests = 17, InaCbgField = 18, HospitalTariff = 19, Documents = 20, Label = 21;
    private const int Class = 7, TariffRegion = 8;
    private const int Nik = 7, SexField = 8, BirthDate = 9, AddressField = 10;
    private const int Street = 7, Village = 8, District = 9, City = 10, Province = 11, PostalCode = 12;
    private const int Icd10 = 7, Primary = 8;
    private const int Icd9Cm = 7;
    private const int Form = 7, Dose = 8, Quantity = 9, UnitPrice = 10;
    private const int Tariff = 7;
    private const int Sep = 7, ResumeMedisField = 8;
    private const int SepNumber = 7, IssuedAt = 8;
    private const int IsFraud = 7, Patterns = 8;

    private readonly struct RootFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("claim_id"u8) ? ClaimId
            : n.SequenceEqual("hospital"u8) ? Hospital
            : n.SequenceEqual("doctor_id"u8) ? DoctorId
            : n.SequenceEqual("patient"u8) ? Patient
            : n.SequenceEqual("care_type"u8) ? CareTypeField
            : n.SequenceEqual("care_class"u8) ? CareClass
            : n.SequenceEqual("admission_at"u8) ? AdmissionAt
            : n.SequenceEqual("discharge_at"u8) ? DischargeAt
            : n.SequenceEqual("diagnoses"u8) ? Diagnoses
            : n.SequenceEqual("procedures"u8) ? Procedures
            : n.SequenceEqual("medications"u8) ? Medications
            : n.SequenceEqual("vitamins"u8) ? Vitamins
            : n.SequenceEqual("lab_tests"u8) ? LabTests
            : n.SequenceEqual("ina_cbg"u8) ? InaCbgField
            : n.SequenceEqual("hospital_tariff"u8) ? HospitalTariff
            : n.SequenceEqual("documents"u8) ? Documents
            : n.SequenceEqual("label"u8) ? Label
            : Unknown;
    }

    private readonly struct HospitalFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("code"u8) ? Code
            : n.SequenceEqual("name"u8) ? Name
            : n.SequenceEqual("class"u8) ? Class
            : n.SequenceEqual("tariff_region"u8) ? TariffRegion
            : Unknown;
    }

    private readonly struct PatientFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("nik"u8) ? Nik
            : n.SequenceEqual("bpjs_number"u8) ? BpjsNumber
            : n.SequenceEqual("name"u8) ? Name
            : n.SequenceEqual("sex"u8) ? SexField
            : n.SequenceEqual("birth_date"u8) ? BirthDate
            : n.SequenceEqual("address"u8) ? AddressField
            : Unknown;
    }

    private readonly struct AddressFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("street"u8) ? Street
            : n.SequenceEqual("village"u8) ? Village
            : n.SequenceEqual("district"u8) ? District
            : n.SequenceEqual("city"u8) ? City
            : n.SequenceEqual("province"u8) ? Province
            : n.SequenceEqual("postal_code"u8) ? PostalCode
            : Unknown;
    }

    private readonly struct DiagnosisFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("icd10"u8) ? Icd10 : n.SequenceEqual("primary"u8) ? Primary : Unknown;
    }

    private readonly struct ProcedureFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("icd9cm"u8) ? Icd9Cm : n.SequenceEqual("at"u8) ? At : Unknown;
    }

    private readonly struct MedicationFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("name"u8) ? Name
            : n.SequenceEqual("form"u8) ? Form
            : n.SequenceEqual("quantity"u8) ? Quantity
            : n.SequenceEqual("unit_price"u8) ? UnitPrice
            : Unknown;
    }

    private readonly struct VitaminFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("name"u8) ? Name
            : n.SequenceEqual("dose"u8) ? Dose
            : n.SequenceEqual("quantity"u8) ? Quantity
            : n.SequenceEqual("unit_price"u8) ? UnitPrice
            : Unknown;
    }

    private readonly struct LabTestFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("name"u8) ? Name : n.SequenceEqual("at"u8) ? At : Unknown;
    }

    private readonly struct InaCbgFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("code"u8) ? Code : n.SequenceEqual("tariff"u8) ? Tariff : Unknown;
    }

    private readonly struct DocumentsFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("sep"u8) ? Sep : n.SequenceEqual("resume_medis"u8) ? ResumeMedisField : Unknown;
    }

    private readonly struct SepFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("number"u8) ? SepNumber
            : n.SequenceEqual("issued_at"u8) ? IssuedAt
            : n.SequenceEqual("patient_name"u8) ? PatientName
            : n.SequenceEqual("bpjs_number"u8) ? BpjsNumber
            : Unknown;
    }

    private readonly struct ResumeMedisFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("patient_name"u8) ? PatientName
            : n.SequenceEqual("admission_at"u8) ? AdmissionAt
            : n.SequenceEqual("discharge_at"u8) ? DischargeAt
            : Unknown;
    }

    private readonly struct LabelFields : IFieldNames
    {
        public static int Of(ReadOnlySpan<byte> n) =>
            n.SequenceEqual("is_fraud"u8) ? IsFraud : n.SequenceEqual("patterns"u8) ? Patterns : Unknown;
    }

    // ---- Values (the reader is on the value's first token) -----------------------------------------------------------

    private static bool Skip(ref Utf8JsonReader r)
    {
        r.Skip();
        return true;
    }

    private static bool RequiredText(ref Utf8JsonReader r, out string? value) =>
        Text(ref r, out value) && value is { Length: > 0 };

    private static bool OptionalText(ref Utf8JsonReader r, out string? value)
    {
        value = null;
        return r.TokenType == JsonTokenType.Null || Text(ref r, out value);
    }

    private static bool Text(ref Utf8JsonReader r, out string? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.String) return false;
        try
        {
            value = r.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate or invalid UTF-8: the document reader names the field.
            return false;
        }
    }

    private static bool Flag(ref Utf8JsonReader r, out bool? value)
    {
        value = r.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null };
        return value is not null || r.TokenType == JsonTokenType.Null;
    }

    private static bool Whole(ref Utf8JsonReader r, out int? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out int i)) return false;
        value = i;
        return true;
    }

    private static bool Number(ref Utf8JsonReader r, out double? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.Number || !r.TryGetDouble(out double d) || !double.IsFinite(d)) return false;
        value = d;
        return true;
    }

    /// <summary>Whole rupiah as <see cref="ClaimJsonReader"/> reads them: 45000.0 is 45000, 45000.5 is refused.</summary>
    private static bool Money(ref Utf8JsonReader r, out long? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.Number) return false;
        if (r.TryGetInt64(out long l)) value = l;
        else if (r.TryGetDecimal(out decimal m) && m == decimal.Truncate(m) && m is >= long.MinValue and <= long.MaxValue) value = (long)m;
        return value is not null;
    }

    /// <summary>A date-time, or null for an absent one (callers of a required time check for null).</summary>
    private static bool Time(ref Utf8JsonReader r, out DateTimeOffset? value)
    {
        value = null;
        if (r.TokenType == JsonTokenType.Null) return true;
        // Nearly every time is in one of the two canonical forms: read those without making a string.
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && JakartaTime.TryParseCanonical(r.ValueSpan, out var canonical))
        {
            value = canonical;
            return true;
        }
        if (!Text(ref r, out var s) || !JakartaTime.TryParseTimestamp(s, out var t)) return false;
        value = t;
        return true;
    }

    private static bool Date(ref Utf8JsonReader r, out DateOnly? value)
    {
        value = null;
        if (!Text(ref r, out var s) || !JakartaTime.TryParseDate(s, out var d)) return false;
        value = d;
        return true;
    }

    private delegate bool EnumParser<T>(string? s, out T value);

    private static bool Enum<T>(ref Utf8JsonReader r, EnumParser<T> parse, out T? value) where T : struct
    {
        value = null;
        if (!Text(ref r, out var s) || !parse(s, out var v)) return false;
        value = v;
        return true;
    }

    private delegate bool ItemReader<T>(ref Utf8JsonReader r, [NotNullWhen(true)] out T? item);

    /// <summary>An array of objects; null is an empty list (a required list checks for null first).</summary>
    private static bool List<T>(ref Utf8JsonReader r, ItemReader<T> read, out IReadOnlyList<T> list) where T : class
    {
        list = [];
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var items = new List<T>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject || !read(ref r, out var item)) return false;
            items.Add(item);
        }
        list = items;
        return true;
    }

    private static bool Strings(ref Utf8JsonReader r, out IReadOnlyList<string> list)
    {
        list = [];
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.StartArray) return false;
        var items = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!Text(ref r, out var s)) return false;
            items.Add(s!);
        }
        list = items;
        return true;
    }
}
