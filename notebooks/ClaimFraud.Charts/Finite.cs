namespace ClaimFraud.Charts;

/// <summary>Input checks shared by the charts: NaN/∞ are skipped and counted, everything else wrong is an error.</summary>
internal static class Finite
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Pairs <paramref name="xs"/> with <paramref name="ys"/>, skipping pairs with a NaN/∞ (added to
    /// <paramref name="skipped"/>). With <paramref name="unit"/>, values must lie in [0, 1] (tiny float overshoot is clamped).
    /// </summary>
    public static List<(double X, double Y)> Pairs(string series, string xName, IReadOnlyList<double>? xs,
        string yName, IReadOnlyList<double>? ys, ref int skipped, bool unit = false)
    {
        if (xs is null) throw new ArgumentException($"Series '{series}': {xName} is null.");
        if (ys is null) throw new ArgumentException($"Series '{series}': {yName} is null.");
        if (xs.Count != ys.Count)
            throw new ArgumentException($"Series '{series}': {xName} has {xs.Count} values but {yName} has {ys.Count}; they must pair up.");

        var points = new List<(double X, double Y)>(xs.Count);
        for (var i = 0; i < xs.Count; i++)
        {
            double x = xs[i], y = ys[i];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                skipped += (double.IsFinite(x) ? 0 : 1) + (double.IsFinite(y) ? 0 : 1);
                continue;
            }
            if (unit)
            {
                x = Unit(series, xName, i, x);
                y = Unit(series, yName, i, y);
            }
            points.Add((x, y));
        }
        return points;
    }

    /// <summary>The finite values of <paramref name="values"/>, counting the rest in <paramref name="skipped"/>.</summary>
    public static List<double> Values(string series, IEnumerable<double>? values, ref int skipped)
    {
        if (values is null) throw new ArgumentException($"Series '{series}': values are null.");
        var kept = new List<double>();
        foreach (var v in values)
        {
            if (double.IsFinite(v)) kept.Add(v);
            else skipped++;
        }
        return kept;
    }

    public static double Unit(string series, string name, int index, double value)
    {
        if (value < -Tolerance || value > 1 + Tolerance)
            throw new ArgumentOutOfRangeException(name,
                $"Series '{series}': {name}[{index}] = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside [0, 1].");
        return Math.Clamp(value, 0, 1);
    }

    public static string Name(string? name, int index) => string.IsNullOrWhiteSpace(name) ? $"Series {index + 1}" : name;
}
