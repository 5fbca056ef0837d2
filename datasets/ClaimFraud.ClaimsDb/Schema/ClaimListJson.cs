using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaimFraud.Domain.Claims;

namespace ClaimFraud.ClaimsDb.Schema;

/// <summary>
/// A claim's lists (diagnoses, procedures, medications, vitamins, lab tests) as the JSON arrays stored in the claims
/// row since migration V003: one column per list instead of one row per item, so a claim is one row to insert and
/// read. Items use the contract §1 field names. Times are written with the sender's offset and microseconds unless
/// those are zero (<see cref="TimeFormat"/>), numbers in their shortest exact form, so every value reads back exactly;
/// V003 writes the same form (always with microseconds) when it folds the old per-item tables into these columns.
/// </summary>
internal static class ClaimListJson
{
    /// <summary>The clock time at the sender's offset, then the offset: 2024-10-10T08:00:00.000001+07:00.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz";

    /// <summary>
    /// <see cref="TimeFormat"/> without the fraction, which the loader writes when it is zero (most claim times are
    /// whole minutes, and the seven characters saved are read again for every claim the server scores).
    /// </summary>
    public const string WholeSecondTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    private static readonly string[] TimeFormats = [TimeFormat, WholeSecondTimeFormat];

    [ThreadStatic] private static StringBuilder? _buffer;

    public static string Diagnoses(IReadOnlyList<Diagnosis> items) => Write(items, static (sb, d) =>
    {
        sb.Append("{\"icd10\":"); Text(sb, d.Icd10);
        sb.Append(d.Primary ? ",\"primary\":true}" : ",\"primary\":false}");
    });

    public static string Procedures(IReadOnlyList<Procedure> items) => Write(items, static (sb, p) =>
    {
        sb.Append("{\"icd9cm\":"); Text(sb, p.Icd9Cm);
        sb.Append(",\"at\":"); Time(sb, p.At);
        sb.Append('}');
    });

    public static string Medications(IReadOnlyList<Medication> items) => Write(items, static (sb, m) =>
    {
        sb.Append("{\"name\":"); Text(sb, m.Name);
        sb.Append(",\"form\":"); Text(sb, m.Form);
        sb.Append(",\"quantity\":"); Number(sb, m.Quantity);
        sb.Append(",\"unit_price\":").Append(m.UnitPrice.ToString(CultureInfo.InvariantCulture));
        sb.Append('}');
    });

    public static string Vitamins(IReadOnlyList<Vitamin> items) => Write(items, static (sb, v) =>
    {
        sb.Append("{\"name\":"); Text(sb, v.Name);
        sb.Append(",\"dose\":"); Text(sb, v.Dose);
        sb.Append(",\"quantity\":"); Number(sb, v.Quantity);
        sb.Append(",\"unit_price\":").Append(v.UnitPrice.ToString(CultureInfo.InvariantCulture));
        sb.Append('}');
    });

    public static string LabTests(IReadOnlyList<LabTest> items) => Write(items, static (sb, l) =>
    {
        sb.Append("{\"name\":"); Text(sb, l.Name);
        sb.Append(",\"at\":"); Time(sb, l.At);
        sb.Append('}');
    });

    public static List<Diagnosis> ReadDiagnoses(string json, string claimId) =>
        Read(json, claimId, "diagnoses", e => new Diagnosis(RequiredText(e, "icd10"), e.GetProperty("primary").GetBoolean()));

    public static List<Procedure> ReadProcedures(string json, string claimId) =>
        Read(json, claimId, "procedures", e => new Procedure(RequiredText(e, "icd9cm"), ReadTime(e.GetProperty("at"))));

    public static List<Medication> ReadMedications(string json, string claimId) =>
        Read(json, claimId, "medications", e => new Medication
        {
            Name = RequiredText(e, "name"),
            Form = e.GetProperty("form").GetString(),
            Quantity = e.GetProperty("quantity").GetDouble(),
            UnitPrice = e.GetProperty("unit_price").GetInt64(),
        });

    public static List<Vitamin> ReadVitamins(string json, string claimId) =>
        Read(json, claimId, "vitamins", e => new Vitamin
        {
            Name = RequiredText(e, "name"),
            Dose = e.GetProperty("dose").GetString(),
            Quantity = e.GetProperty("quantity").GetDouble(),
            UnitPrice = e.GetProperty("unit_price").GetInt64(),
        });

    public static List<LabTest> ReadLabTests(string json, string claimId) =>
        Read(json, claimId, "lab_tests", e => new LabTest(RequiredText(e, "name"), ReadTime(e.GetProperty("at"))));

    private static string Write<T>(IReadOnlyList<T> items, Action<StringBuilder, T> item)
    {
        if (items.Count == 0) return "[]";
        var sb = _buffer ??= new StringBuilder(1024);
        sb.Clear().Append('[');
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(',');
            item(sb, items[i]);
        }
        sb.Append(']');
        var json = sb.ToString();
        if (sb.Capacity > 1 << 16) _buffer = null; // one huge list must not pin its buffer for the life of the thread
        return json;
    }

    /// <summary>A JSON string: quote, backslash and control characters escaped, everything else as is (StorageCheck has refused lone surrogates).</summary>
    private static void Text(StringBuilder sb, string? s)
    {
        if (s is null)
        {
            sb.Append("null");
            return;
        }
        sb.Append('"');
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= ' ' && c != '"' && c != '\\') continue;
            sb.Append(s, start, i - start);
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
            start = i + 1;
        }
        sb.Append(s, start, s.Length - start).Append('"');
    }

    /// <summary>The shortest text that parses back to the same double ("R"); JSON has no NaN or infinities and StorageCheck refuses them.</summary>
    private static void Number(StringBuilder sb, double d) => sb.Append(d.ToString("R", CultureInfo.InvariantCulture));

    private static void Time(StringBuilder sb, DateTimeOffset? value)
    {
        if (value is not { } t)
        {
            sb.Append("null");
            return;
        }
        Span<char> text = stackalloc char[34];
        text[0] = '"';
        int length = Format(text[1..], t);
        text[length + 1] = '"';
        sb.Append(text[..(length + 2)]);
    }

    /// <summary><see cref="TimeFormat"/>, or <see cref="WholeSecondTimeFormat"/> on a whole second, digit by digit: the loader writes millions of these.</summary>
    private static int Format(Span<char> s, DateTimeOffset value)
    {
        var t = value.DateTime;
        DbValues.DateAndTime(s, t, 'T');
        int k = 19;
        int micro = (int)(t.Ticks % TimeSpan.TicksPerSecond / 10);
        if (micro != 0)
        {
            s[k] = '.';
            DbValues.Digits(s.Slice(k + 1, 6), micro);
            k += 7;
        }
        int minutes = DbValues.OffsetMinutes(value);
        s[k] = minutes < 0 ? '-' : '+';
        minutes = Math.Abs(minutes);
        DbValues.Digits(s.Slice(k + 1, 2), minutes / 60);
        s[k + 3] = ':';
        DbValues.Digits(s.Slice(k + 4, 2), minutes % 60);
        return k + 6;
    }

    private static List<T> Read<T>(string json, string claimId, string column, Func<JsonElement, T> item)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"claim '{claimId}': column {column} holds JSON {doc.RootElement.ValueKind}, not an array.");
            var list = new List<T>(doc.RootElement.GetArrayLength());
            foreach (var e in doc.RootElement.EnumerateArray()) list.Add(item(e));
            return list;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A damaged list must not come back shorter or with defaults: say which claim and column.
            throw new InvalidDataException($"claim '{claimId}': column {column} is not a list this store wrote ({e.Message}).", e);
        }
    }

    private static string RequiredText(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new FormatException($"\"{name}\" is null.");

    private static DateTimeOffset? ReadTime(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null
            ? null
            : DateTimeOffset.ParseExact(e.GetString()!, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
