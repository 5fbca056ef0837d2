using System.Text.Json.Serialization;

namespace ClaimFraud.Modeling.Calibration;

/// <summary>Maps a raw model probability to a calibrated one; stored with the model in its manifest.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "method")]
[JsonDerivedType(typeof(IsotonicCalibrator), "isotonic")]
[JsonDerivedType(typeof(PlattCalibrator), "platt")]
[JsonDerivedType(typeof(IdentityCalibrator), "none")]
public abstract record Calibrator
{
    public abstract double Apply(double rawProbability);
}

public sealed record IdentityCalibrator : Calibrator
{
    public override double Apply(double rawProbability) => rawProbability;
}

/// <summary>
/// Isotonic regression (pool adjacent violators) fitted on validation scores: a monotone step function, linearly
/// interpolated between block centres so nearby scores do not collapse onto one value.
/// </summary>
public sealed record IsotonicCalibrator(double[] X, double[] Y) : Calibrator
{
    public override double Apply(double p)
    {
        if (X.Length == 0 || double.IsNaN(p)) return p;
        if (p <= X[0]) return Y[0];
        if (p >= X[^1]) return Y[^1];
        int hi = Array.BinarySearch(X, p);
        if (hi >= 0) return Y[hi];
        hi = ~hi;
        int lo = hi - 1;
        double t = (p - X[lo]) / (X[hi] - X[lo]);
        return Y[lo] + t * (Y[hi] - Y[lo]);
    }

    public static IsotonicCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length) throw new ArgumentException("scores and labels differ in length");
        var keys = scores.ToArray();
        var ys = new double[labels.Length];
        for (int i = 0; i < ys.Length; i++) ys[i] = labels[i] ? 1 : 0;
        Array.Sort(keys, ys);

        // Blocks of (sum of x, sum of y, weight), merged while they violate monotonicity.
        var sx = new List<double>(); var sy = new List<double>(); var w = new List<double>();
        for (int i = 0; i < keys.Length; i++)
        {
            sx.Add(keys[i]); sy.Add(ys[i]); w.Add(1);
            while (sy.Count > 1 && sy[^2] / w[^2] >= sy[^1] / w[^1])
            {
                int last = sy.Count - 1;
                sx[last - 1] += sx[last]; sy[last - 1] += sy[last]; w[last - 1] += w[last];
                sx.RemoveAt(last); sy.RemoveAt(last); w.RemoveAt(last);
            }
        }
        var x = new double[sx.Count];
        var y = new double[sx.Count];
        for (int b = 0; b < x.Length; b++) { x[b] = sx[b] / w[b]; y[b] = sy[b] / w[b]; }
        return new IsotonicCalibrator(x, y);
    }
}

/// <summary>Platt scaling: a logistic curve over the model's margin, p = σ(A·logit(raw) + B).</summary>
public sealed record PlattCalibrator(double A, double B) : Calibrator
{
    public override double Apply(double p)
    {
        double clipped = Math.Clamp(p, 1e-7, 1 - 1e-7);
        double z = A * Math.Log(clipped / (1 - clipped)) + B;
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Newton's method on the log-loss, with Platt's smoothed targets to avoid overconfidence.</summary>
    public static PlattCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        int n = scores.Length;
        long pos = 0;
        foreach (bool l in labels) if (l) pos++;
        double hiT = (pos + 1.0) / (pos + 2.0), loT = 1.0 / (n - pos + 2.0);
        var f = new double[n];
        for (int i = 0; i < n; i++) { double c = Math.Clamp(scores[i], 1e-7, 1 - 1e-7); f[i] = Math.Log(c / (1 - c)); }
        double a = 1, b = 0;
        for (int iter = 0; iter < 100; iter++)
        {
            double g1 = 0, g2 = 0, h11 = 1e-12, h22 = 1e-12, h12 = 0;
            for (int i = 0; i < n; i++)
            {
                double t = labels[i] ? hiT : loT;
                double p = 1 / (1 + Math.Exp(-(a * f[i] + b)));
                double d = p - t, s = p * (1 - p);
                g1 += d * f[i]; g2 += d;
                h11 += s * f[i] * f[i]; h22 += s; h12 += s * f[i];
            }
            double det = h11 * h22 - h12 * h12;
            if (Math.Abs(det) < 1e-18) break;
            double da = (h22 * g1 - h12 * g2) / det, db = (h11 * g2 - h12 * g1) / det;
            a -= da; b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9) break;
        }
        return new PlattCalibrator(a, b);
    }
}
