namespace ClaimFraud.Domain.Claims;

/// <summary>Calendar arithmetic in Indonesia's western time zone, where the contract reads times without an offset.</summary>
public static class StayCalendar
{
    /// <summary>Asia/Jakarta has no daylight saving, so a fixed offset is exact.</summary>
    public static readonly TimeSpan JakartaOffset = TimeSpan.FromHours(7);

    /// <summary>The local calendar date of an instant, in Jakarta time.</summary>
    public static DateOnly JakartaDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(JakartaOffset).DateTime);

    public static int LosDays(CareType careType, DateTimeOffset admission, DateTimeOffset discharge)
    {
        if (careType == CareType.Outpatient) return 1;
        int days = JakartaDate(discharge).DayNumber - JakartaDate(admission).DayNumber + 1;
        return Math.Max(1, days);
    }

    /// <summary>Age in whole years on a given date.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        int age = on.Year - birthDate.Year;
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day)) age--;
        return age;
    }
}
