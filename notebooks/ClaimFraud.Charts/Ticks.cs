namespace ClaimFraud.Charts;

/// <summary>Axis ticks: <see cref="Values"/> run from <see cref="Min"/> to <see cref="Max"/> in steps of <see cref="Step"/>.</summary>
public sealed record TickSet(double Min, double Max, double Step, IReadOnlyList<double> Values)
{
    /// <summary>
    /// Formats a tick label with just enough decimals for the step; big values use the compact form (1.5M)
    /// when that loses nothing, otherwise thousands separators (only from 10,000 up, so years read 2024).
    /// </summary>
    public string Format(double value)
    {
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(Step) + 1e-9), 0, 15);
        var maxAbs = Math.Max(Math.Abs(Min), Math.Abs(Max));
        if (maxAbs >= 10_000 && Values.All(NumberFormat.CompactIsExact)) return NumberFormat.Compact(value);
        return maxAbs >= 10_000 ? NumberFormat.Number(value, decimals) : NumberFormat.Plain(value, decimals);
    }
}

/// <summary>"Nice" axis ticks: steps of 1, 2 or 5 times a power of ten.</summary>
public static class Ticks
{
    private static readonly int[] Mantissas = [1, 2, 5];

    /// <summary>
    /// The smallest 1-2-5 step giving at most <paramref name="maxTicks"/> ticks that cover [min, max] (a range across
    /// zero needs at least 3). An empty range (min == max) is widened by 10% each side, or to [0, 1] at zero.
    /// </summary>
    /// <param name="integerStep">Never use a step below 1 (for counts, rounds, epochs).</param>
    public static TickSet Nice(double min, double max, int maxTicks = 6, bool integerStep = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException($"Tick range must be finite, got [{min}, {max}].");
        if (maxTicks < 2)
            throw new ArgumentOutOfRangeException(nameof(maxTicks), maxTicks, "At least 2 ticks are needed.");
        if (min > max) (min, max) = (max, min);
        if (max - min <= 1e-12 * Math.Max(Math.Abs(min), Math.Abs(max)))
        {
            if (min == 0) (min, max) = (0, 1);
            else
            {
                var pad = Math.Abs(min) * 0.1;
                (min, max) = (min - pad, max + pad);
            }
        }
        var range = max - min;
        if (!double.IsFinite(range))
            throw new ArgumentException($"Tick range [{min}, {max}] is too wide to draw.");

        // Past this step size every range gives [0, s] or [-s, 0, s]; a range across zero never fits 2 ticks.
        var largest = 10 * Math.Max(Math.Abs(min), Math.Abs(max));
        var exponent = (int)Math.Floor(Math.Log10(range / (maxTicks - 1))) - 1;
        for (; StepValue(1, exponent, 1) <= largest; exponent++)
        {
            foreach (var m in Mantissas)
            {
                var step = StepValue(m, exponent, 1);
                if (integerStep && step < 1) continue;
                var lo = Math.Floor(min / step + 1e-9);
                var hi = Math.Ceiling(max / step - 1e-9);
                if (hi - lo > maxTicks - 1) continue;

                var values = new double[(int)(hi - lo) + 1];
                for (var i = 0; i < values.Length; i++) values[i] = StepValue(m, exponent, lo + i);
                return new TickSet(values[0], values[^1], step, values);
            }
        }
        return Nice(min, max, maxTicks + 1, integerStep);
    }

    /// <summary>k·m·10^e, dividing by an exact power of ten for negative e so 0.1-style values come out clean.</summary>
    private static double StepValue(int mantissa, int exponent, double k)
    {
        var km = k * mantissa;
        return exponent >= 0 ? km * Math.Pow(10, exponent) : km / Math.Pow(10, -exponent);
    }
}
