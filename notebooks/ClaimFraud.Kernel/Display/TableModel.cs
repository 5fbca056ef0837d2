using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ClaimFraud.Kernel.Display;

/// <summary>A readable member of a row type: a public instance property or field.</summary>
internal sealed record MemberAccessor(string Name, Func<object, object?> Get);

/// <summary>The first rows of a sequence, laid out as named columns, and how many rows there were.</summary>
internal sealed record TableModel(
    IReadOnlyList<string> Columns,
    IReadOnlyList<object?[]> Rows,
    long TotalRows,
    bool TotalIsLowerBound)
{
    /// <summary>Stop counting a lazy sequence after this many rows: it may never end.</summary>
    public const long CountLimit = 1_000_000;

    public static TableModel Build(IEnumerable sequence, int maxRows, IReadOnlyList<string>? tupleNames)
    {
        var shown = new List<object?>();
        long total = 0;
        var lowerBound = false;
        long? knownCount = sequence is ICollection collection ? collection.Count : null;
        foreach (var item in sequence)
        {
            KernelInterrupt.Check();
            if (shown.Count < maxRows) shown.Add(item);
            total++;
            if (knownCount is not null && shown.Count >= maxRows) break;
            if (total >= CountLimit) { lowerBound = true; break; }
        }
        if (knownCount is { } count) total = count;

        var elementType = ElementType(sequence.GetType());
        var columns = ColumnsFor(elementType, shown, tupleNames);
        var rows = shown.Select(item => columns.Select(c => c.Get(item)).ToArray()).ToList();
        return new TableModel(columns.Select(c => c.Name).ToList(), rows, total, lowerBound);
    }

    /// <summary>Public instance properties (no indexers) and fields, in declaration order.</summary>
    public static IReadOnlyList<MemberAccessor> MembersOf(Type type)
    {
        var members = new List<MemberAccessor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null) continue;
            members.Add(new MemberAccessor(property.Name, property.GetValue));
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            members.Add(new MemberAccessor(field.Name, field.GetValue));
        }
        return members;
    }

    private sealed record Column(string Name, Func<object?, object?> Get);

    private static List<Column> ColumnsFor(Type? declared, List<object?> rows, IReadOnlyList<string>? tupleNames)
    {
        var sample = rows.FirstOrDefault(r => r is not null);
        var rowType = declared is not null && declared != typeof(object) && !declared.IsInterface && !declared.IsAbstract
            ? declared
            : sample?.GetType();
        if (rowType is null || ValueText.IsScalar(rowType) || typeof(IEnumerable).IsAssignableFrom(rowType) && rowType != typeof(string) && !IsKeyValue(rowType))
        {
            return [new Column("value", row => row)];
        }
        if (typeof(ITuple).IsAssignableFrom(rowType) && sample is ITuple tuple)
        {
            return Enumerable.Range(0, tuple.Length)
                .Select(i => new Column(
                    tupleNames is not null && i < tupleNames.Count ? tupleNames[i] : $"Item{i + 1}",
                    row => row is ITuple t && i < t.Length ? t[i] : null))
                .ToList();
        }
        var members = MembersOf(rowType);
        if (members.Count == 0) return [new Column("value", row => row)];
        return members.Select(m => new Column(m.Name, row => row is null ? null : Read(m, row))).ToList();
    }

    // Rows of a base or interface type may differ: read each member by name from the row's own type.
    private static object? Read(MemberAccessor member, object row)
    {
        try
        {
            return member.Get(row);
        }
        catch (TargetException)
        {
            var own = MembersOf(row.GetType()).FirstOrDefault(m => m.Name == member.Name);
            return own is null ? null : ValueText.SafeGet(own, row);
        }
        catch (Exception)
        {
            return ValueText.SafeGet(member, row);
        }
    }

    private static bool IsKeyValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    private static Type? ElementType(Type sequenceType)
    {
        if (sequenceType.IsArray) return sequenceType.GetElementType();
        var enumerable = sequenceType.IsGenericType && sequenceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? sequenceType
            : sequenceType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
