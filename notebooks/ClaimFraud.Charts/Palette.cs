using System.Globalization;

namespace ClaimFraud.Charts;

/// <summary>Colours that stay distinguishable for the common forms of colour blindness.</summary>
public static class Palette
{
    /// <summary>
    /// The Okabe–Ito palette, ordered so the first pairs contrast strongly on white (blue/orange for legit/fraud);
    /// yellow comes last because it is faint on white.
    /// </summary>
    public static IReadOnlyList<string> Series { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>Reference lines: chance diagonal, prevalence baseline, perfect calibration.</summary>
    public const string Reference = "#7F7F7F";

    internal const string Grid = "#E6E6E6";
    internal const string Axis = "#4D4D4D";
    internal const string Text = "#222222";
    internal const string MutedText = "#666666";

    /// <summary>The series colour for <paramref name="index"/>, cycling through <see cref="Series"/>.</summary>
    public static string Color(int index)
    {
        var n = Series.Count;
        return Series[((index % n) + n) % n];
    }

    /// <summary>A single-hue white-to-dark-blue ramp for heatmaps; <paramref name="t"/> is clamped to [0, 1].</summary>
    public static string Sequential(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        (double R, double G, double B) light = (247, 251, 255), mid = (107, 174, 214), dark = (8, 48, 107);
        var (from, to, u) = t < 0.5 ? (light, mid, t / 0.5) : (mid, dark, (t - 0.5) / 0.5);
        static int Mix(double a, double b, double u) => (int)Math.Round(a + (b - a) * u, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Mix(from.R, to.R, u):X2}{Mix(from.G, to.G, u):X2}{Mix(from.B, to.B, u):X2}");
    }

    /// <summary>Whether text on a <see cref="Sequential"/> cell of darkness <paramref name="t"/> should be white.</summary>
    internal static bool NeedsLightText(double t) => t > 0.55;
}
