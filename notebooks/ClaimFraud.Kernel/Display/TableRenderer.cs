using System.Globalization;
using System.Net;
using System.Text;

namespace ClaimFraud.Kernel.Display;

/// <summary>HTML and aligned plain-text renderings of a <see cref="TableModel"/>.</summary>
internal static class TableRenderer
{
    private const int PlainCellWidth = 40;
    private const int HtmlCellWidth = 300;

    public static string Caption(TableModel table)
    {
        var total = table.TotalRows.ToString("N0", CultureInfo.InvariantCulture) + (table.TotalIsLowerBound ? "+" : "");
        var noun = table.TotalRows == 1 && !table.TotalIsLowerBound ? "row" : "rows";
        return table.Rows.Count < table.TotalRows || table.TotalIsLowerBound
            ? $"showing {table.Rows.Count:N0} of {total} {noun}"
            : $"{total} {noun}";
    }

    public static string ToHtml(TableModel table)
    {
        var html = new StringBuilder();
        html.Append("<table class=\"claimfraud-table\"><thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var value in row)
            {
                html.Append(ValueText.IsNumeric(value) ? "<td style=\"text-align:right\">" : "<td>");
                html.Append(value is null ? "<i>null</i>" : WebUtility.HtmlEncode(Clip(ValueText.Cell(value), HtmlCellWidth)));
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        html.Append("<p style=\"font-size:smaller;opacity:0.7\">").Append(Caption(table)).Append("</p>");
        return html.ToString();
    }

    public static string ToText(TableModel table)
    {
        var cells = table.Rows.Select(r => r.Select(v => Clip(ValueText.Cell(v), PlainCellWidth)).ToArray()).ToList();
        var widths = table.Columns
            .Select((c, i) => Math.Max(Clip(c, PlainCellWidth).Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length)))
            .ToArray();
        var text = new StringBuilder();
        AppendLine(text, table.Columns.Select(c => Clip(c, PlainCellWidth)).ToArray(), widths);
        text.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in cells) AppendLine(text, row, widths);
        text.Append('(').Append(Caption(table)).Append(')');
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) text.Append("  ");
            text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }
        text.Append('\n');
    }

    private static string Clip(string value, int width)
    {
        value = value.ReplaceLineEndings(" ");
        return value.Length <= width ? value : value[..(width - 1)] + "…";
    }
}
