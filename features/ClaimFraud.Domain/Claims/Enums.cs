namespace ClaimFraud.Domain.Claims;

public enum Sex { M, F }

public enum CareType { Inpatient, Outpatient }

public enum HospitalClass { A, B, C, D }

public static class ClaimEnums
{
    public static string ToContract(this Sex sex) => sex == Sex.M ? "M" : "F";
    public static string ToContract(this CareType careType) => careType == CareType.Inpatient ? "inpatient" : "outpatient";
    public static string ToContract(this HospitalClass c) => c switch
    {
        HospitalClass.A => "A",
        HospitalClass.B => "B",
        HospitalClass.C => "C",
        _ => "D",
    };

    public static bool TryParseSex(string? s, out Sex sex)
    {
        switch (s)
        {
            case "M": sex = Sex.M; return true;
            case "F": sex = Sex.F; return true;
            default: sex = default; return false;
        }
    }

    public static bool TryParseCareType(string? s, out CareType careType)
    {
        switch (s)
        {
            case "inpatient": careType = CareType.Inpatient; return true;
            case "outpatient": careType = CareType.Outpatient; return true;
            default: careType = default; return false;
        }
    }

    public static bool TryParseHospitalClass(string? s, out HospitalClass c)
    {
        switch (s)
        {
            case "A": c = HospitalClass.A; return true;
            case "B": c = HospitalClass.B; return true;
            case "C": c = HospitalClass.C; return true;
            case "D": c = HospitalClass.D; return true;
            default: c = default; return false;
        }
    }
}
