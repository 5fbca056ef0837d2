namespace ClaimFraud.Charts;

/// <summary>One ROC curve: false/true positive rates in [0, 1], paired by index.</summary>
/// <param name="Auc">Shown in the legend; computed from the points (trapezoid rule) when null.</param>
public sealed record RocSeries(string Name, IReadOnlyList<double> Fpr, IReadOnlyList<double> Tpr, double? Auc = null);

/// <summary>One precision–recall curve: recall and precision in [0, 1], paired by index.</summary>
/// <param name="Area">Shown in the legend as "<paramref name="AreaLabel"/> = …"; when null, average precision is
/// computed from the points (step-wise sum over increasing recall).</param>
/// <param name="AreaLabel">"AP" by default; use "PR-AUC" when passing a trapezoid area.</param>
public sealed record PrSeries(string Name, IReadOnlyList<double> Recall, IReadOnlyList<double> Precision,
    double? Area = null, string AreaLabel = "AP");

/// <summary>One line: x and y values paired by index.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>A line over x = firstX, firstX + 1, … (e.g. boosting rounds).</summary>
    public static LineSeries FromValues(string name, IReadOnlyList<double> y, double firstX = 0)
    {
        ArgumentNullException.ThrowIfNull(y);
        return new LineSeries(name, Enumerable.Range(0, y.Count).Select(i => firstX + i).ToArray(), y);
    }
}

/// <summary>What a histogram's bar height means.</summary>
public enum HistogramScale
{
    /// <summary>Number of values in the bin.</summary>
    Count,
    /// <summary>Share of the series' values in the bin (sums to 1 per series), so rare and common labels compare.</summary>
    Fraction,
    /// <summary>Share divided by bin width (integrates to 1 per series).</summary>
    Density,
}

/// <summary>How several histogram series share the bins.</summary>
public enum HistogramLayout
{
    /// <summary>Translucent bars with an outline per series, drawn over each other.</summary>
    Overlay,
    /// <summary>Series stacked on top of each other in each bin.</summary>
    Stacked,
}

/// <summary>Row order of bar charts (grouped bars sort by their first series).</summary>
public enum BarOrder { Descending, Ascending, AsGiven }

/// <summary>What the percentage in a confusion-matrix cell is relative to.</summary>
public enum CellPercent
{
    /// <summary>Share of the actual class (row): the diagonal reads as per-class recall.</summary>
    OfActual,
    /// <summary>Share of all cases.</summary>
    OfTotal,
}
