using System.Globalization;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Features.Rules;

/// <summary>How values appear in rule messages: "Rp 8.500.000", "2,66×", "2024-10-13 10:00" (Jakarta time) in Indonesian.</summary>
public static class MessageFormat
{
    private static readonly CultureInfo Indonesian = CreateIndonesian();

    private static CultureInfo CultureOf(RuleLanguage language) => language == RuleLanguage.Indonesian ? Indonesian : CultureInfo.InvariantCulture;

    public static string Rupiah(double amount, RuleLanguage language) =>
        "Rp " + Math.Round(amount, MidpointRounding.AwayFromZero).ToString("#,0", CultureOf(language));

    public static string Ratio(double ratio, RuleLanguage language) => ratio.ToString("0.00", CultureOf(language)) + "×";

    public static string Number(double value, RuleLanguage language, int decimals = 1) =>
        value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), CultureOf(language));

    public static string Percent(double share, RuleLanguage language) => (100 * share).ToString("0", CultureOf(language)) + "%";

    public static string DateTime(DateTimeOffset at) =>
        at.ToOffset(StayCalendar.JakartaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) =>
        StayCalendar.JakartaDate(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Indonesian digit grouping without depending on the machine having ICU data for id-ID.</summary>
    private static CultureInfo CreateIndonesian()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberGroupSeparator = ".";
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSizes = [3];
        return CultureInfo.ReadOnly(c);
    }
}
