using System.Globalization;

namespace ClaimFraud.Charts;

/// <summary>Heatmap with actual classes as rows and predicted classes as columns; colour follows the cell percentage.</summary>
internal static class ConfusionMatrixChart
{
    private const double LabelFont = 12;

    public static SvgChart Render(long[,] counts, IReadOnlyList<string>? labels, CellPercent percent, string? title, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var n = counts.GetLength(0);
        if (counts.GetLength(1) != n)
            throw new ArgumentException($"A confusion matrix must be square; got {n}×{counts.GetLength(1)}.", nameof(counts));
        if (labels is not null && labels.Count != n)
            throw new ArgumentException($"{labels.Count} labels given for a {n}×{n} matrix.", nameof(labels));
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                if (counts[r, c] < 0)
                    throw new ArgumentException($"counts[{r}, {c}] = {counts[r, c]} is negative.", nameof(counts));

        var canvas = new ChartCanvas(width, height, title);
        if (n == 0) return canvas.NoData();

        var names = Enumerable.Range(0, n).Select(i => labels?[i] ?? i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var rowTotals = Enumerable.Range(0, n).Select(r => Enumerable.Range(0, n).Sum(c => (double)counts[r, c])).ToArray();
        var total = rowTotals.Sum();

        var rowLabelWidth = Math.Min(names.Max(s => TextMetrics.Width(s, LabelFont)), width * 0.3);
        var left = ChartCanvas.Pad + 22 + rowLabelWidth + 8;
        var top = canvas.Top + 4;
        var availableW = Math.Max(10, width - left - ChartCanvas.Pad);
        var widestColumn = names.Max(s => TextMetrics.Width(s, LabelFont));
        var cell = Math.Min(availableW, Math.Max(10, canvas.ContentBottom - BelowMatrix(0) - top)) / n;
        // Column labels that do not fit under their cell are turned 45° and get the room that needs.
        var slanted = widestColumn > cell - 4;
        var slantWidth = Math.Min(widestColumn, 140);
        if (slanted)
            cell = Math.Min(availableW, Math.Max(10, canvas.ContentBottom - BelowMatrix(slantWidth * 0.71) - top)) / n;
        var size = cell * n;
        var x0 = left + (availableW - size) / 2;
        var y0 = top;
        var labelDepth = slanted ? slantWidth * 0.71 : 0;

        var w = canvas.W;
        var countFont = Math.Clamp(cell / 5, 8, 15);
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                var v = counts[r, c];
                var ofRow = rowTotals[r] > 0 ? v / rowTotals[r] : double.NaN;
                var ofTotal = total > 0 ? v / total : double.NaN;
                var share = percent == CellPercent.OfActual ? ofRow : ofTotal;
                var shade = double.IsFinite(share) ? share : 0;
                w.BeginGroup($"Actual {names[r]}, predicted {names[c]}: {NumberFormat.Integer(v)} " +
                             $"({Pct(ofRow)} of actual {names[r]}; {Pct(ofTotal)} of all)");
                var (cx, cy) = (x0 + c * cell, y0 + r * cell);
                w.Rect(cx, cy, cell, cell, Palette.Sequential(shade), "#FFFFFF", strokeWidth: 1.5);
                var ink = Palette.NeedsLightText(shade) ? "#FFFFFF" : Palette.Text;
                var showPercent = cell >= 34;
                var countY = cy + cell / 2 + (showPercent ? -2 : countFont * 0.35);
                w.Text(cx + cell / 2, countY, TextMetrics.Fit(NumberFormat.Integer(v), cell - 4, countFont), "middle", countFont, ink, bold: true);
                if (showPercent)
                    w.Text(cx + cell / 2, countY + countFont * 1.1, Pct(share), "middle", countFont * 0.8, ink);
                w.EndGroup();
            }
        }

        for (var i = 0; i < n; i++)
        {
            var rowLabel = TextMetrics.Fit(names[i], rowLabelWidth, LabelFont);
            w.Text(x0 - 8, y0 + (i + 0.5) * cell + 4, rowLabel, "end", LabelFont, tooltip: rowLabel == names[i] ? null : names[i]);
            var columnLabel = TextMetrics.Fit(names[i], slanted ? slantWidth : cell - 4, LabelFont);
            var columnTip = columnLabel == names[i] ? null : names[i];
            if (slanted)
                w.Text(x0 + (i + 0.5) * cell + 4, y0 + size + 12, columnLabel, "end", LabelFont, rotate: -45, tooltip: columnTip);
            else
                w.Text(x0 + (i + 0.5) * cell, y0 + size + 16, columnLabel, "middle", LabelFont, tooltip: columnTip);
        }
        w.Text(x0 + size / 2, y0 + size + labelDepth + 36, "Predicted", "middle", 12, bold: true);
        w.Text(x0 - 8 - rowLabelWidth - 10, y0 + size / 2, "Actual", "middle", 12, bold: true, rotate: -90);
        var caption = percent == CellPercent.OfActual ? "Cells: count and % of the actual class (row)" : "Cells: count and % of all cases";
        w.Text(x0 + size / 2, y0 + size + labelDepth + 52, caption, "middle", 10, Palette.MutedText);
        return canvas.Finish();
    }

    /// <summary>Room under the matrix: column labels (plus their slant), "Predicted" and the caption.</summary>
    private static double BelowMatrix(double labelDepth) => 16 + labelDepth + 22 + 18;

    private static string Pct(double share) => double.IsFinite(share) ? NumberFormat.Percent(share) : "–";
}
