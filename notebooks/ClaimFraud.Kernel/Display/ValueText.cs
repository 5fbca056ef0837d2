using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ClaimFraud.Kernel.Display;

/// <summary>Short, culture-independent text for values shown in outputs and table cells.</summary>
internal static class ValueText
{
    private const int NestedItems = 5;

    public static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum
            || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan)
            || type == typeof(Guid) || type == typeof(BigInteger) || type == typeof(Uri)
            || type == typeof(Half) || type == typeof(Int128) || type == typeof(UInt128);
    }

    public static bool IsNumeric(object? value) => value is
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal
        or Half or Int128 or UInt128 or BigInteger;

    /// <summary>Text for one table cell or nested value.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "null",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // Claims carry Jakarta offsets (+07:00); the offset is part of the value, so it is shown.
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => Nested(sequence),
        _ => value.ToString() ?? "",
    };

    /// <summary>Text/plain for a single value: its ToString, or its public members when it has none.</summary>
    public static string Describe(object value)
    {
        if (value is IFormattable || IsScalar(value.GetType()) || value is ITuple) return Cell(value);
        var type = value.GetType();
        // Listing a task's members would read Result and block until it finishes.
        if (value is Task task) return $"{type.Name.Split('`')[0]} ({task.Status})";
        if (OverridesToString(type)) return value.ToString() ?? "";
        var members = TableModel.MembersOf(type);
        if (members.Count == 0) return type.Name;
        var parts = members.Select(m => $"{m.Name} = {Cell(SafeGet(m, value))}");
        return $"{type.Name} {{ {string.Join(", ", parts)} }}";
    }

    public static bool OverridesToString(Type type)
    {
        var method = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && method.DeclaringType != typeof(object) && method.DeclaringType != typeof(ValueType);
    }

    internal static object? SafeGet(MemberAccessor member, object row)
    {
        try
        {
            return member.Get(row);
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
            return $"<{inner.GetType().Name}>";
        }
    }

    private static string Nested(IEnumerable sequence)
    {
        var items = new List<string>();
        var more = false;
        foreach (var item in sequence)
        {
            if (items.Count == NestedItems) { more = true; break; }
            items.Add(item is IEnumerable and not string ? "[…]" : Cell(item));
        }
        return "[" + string.Join(", ", items) + (more ? ", …" : "") + "]";
    }
}
