using ClaimFraud.Kernel.Display;

namespace ClaimFraud.Kernel.Tests.Display;

public class MimeFormatterTests
{
    public sealed record Claim(string Id, decimal Amount, DateOnly Date);

    private sealed class Chart
    {
        public string ToSvg() => "<svg width=\"10\"/>";
    }

    private sealed class MarkupChart
    {
        public string ToSvg() => "<svg/>";

        public override string ToString() => "<svg/>";
    }

    private sealed class Report
    {
        public string ToHtml() => "<h1>Report</h1>";

        public override string ToString() => "Report text";
    }

    [Fact]
    public void DatesAndTimesWithAnOffsetReadAsIsoWhateverTheMachinesCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-US");
        try
        {
            var admitted = new DateTimeOffset(2025, 3, 10, 7, 20, 0, TimeSpan.FromHours(7));
            Assert.Equal("2025-03-10 07:20:00 +07:00", ValueText.Cell(admitted));
            Assert.Equal("2025-03-10 07:20:00 +07:00", ValueText.Describe(admitted));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ASequenceOfRecordsBecomesAnHtmlTableWithOneColumnPerProperty()
    {
        var claims = new[] { new Claim("C-1", 1500000m, new DateOnly(2025, 3, 1)), new Claim("C-2", 20.5m, new DateOnly(2025, 3, 2)) };

        var bundle = MimeFormatter.Format(claims);

        var html = bundle.Data[MimeBundle.HtmlType];
        Assert.Contains("<th>Id</th><th>Amount</th><th>Date</th>", html);
        Assert.Contains("<td>C-2</td>", html);
        Assert.Contains("1500000", html);
        Assert.Contains("2025-03-01", html);
        Assert.Contains("2 rows", html);
        Assert.Contains("C-1", bundle.Text);
    }

    [Fact]
    public void ALongSequenceShowsTheFirstTwentyRowsAndSaysHowManyThereAre()
    {
        var bundle = MimeFormatter.Format(Enumerable.Range(1, 57).Select(i => new { Number = i }));

        var html = bundle.Data[MimeBundle.HtmlType];
        Assert.Contains("showing 20 of 57 rows", html);
        Assert.Contains("<td style=\"text-align:right\">20</td>", html);
        Assert.DoesNotContain(">21<", html);
        Assert.Contains("(showing 20 of 57 rows)", bundle.Text);
    }

    [Fact]
    public void TheRowLimitCanBeChosenPerCall()
    {
        var bundle = MimeFormatter.Format(Enumerable.Range(1, 10).ToList(), maxRows: 3);

        Assert.Contains("showing 3 of 10 rows", bundle.Data[MimeBundle.HtmlType]);
    }

    [Fact]
    public void AnEndlessSequenceIsCountedOnlyUpToALimit()
    {
        static IEnumerable<int> Forever()
        {
            for (var i = 0; ; i++) yield return i;
        }

        var bundle = MimeFormatter.Format(Forever());

        Assert.Contains("showing 20 of 1,000,000+ rows", bundle.Data[MimeBundle.HtmlType]);
    }

    [Fact]
    public void TupleRowsUseTheNamesGivenAndItemNumbersOtherwise()
    {
        var rows = new[] { (Code: "A00", Count: 3) };

        Assert.Contains("<th>Code</th><th>Count</th>", MimeFormatter.Format(rows, tupleNames: ["Code", "Count"]).Data[MimeBundle.HtmlType]);
        Assert.Contains("<th>Item1</th><th>Item2</th>", MimeFormatter.Format(rows).Data[MimeBundle.HtmlType]);
    }

    [Fact]
    public void ADictionaryShowsKeyAndValueColumns()
    {
        var bundle = MimeFormatter.Format(new Dictionary<string, int> { ["J44"] = 2 });

        Assert.Contains("<th>Key</th><th>Value</th>", bundle.Data[MimeBundle.HtmlType]);
    }

    [Fact]
    public void CellTextIsHtmlEncoded()
    {
        var bundle = MimeFormatter.Format(new[] { "<script>alert(1)</script>" });

        Assert.Contains("&lt;script&gt;", bundle.Data[MimeBundle.HtmlType]);
        Assert.DoesNotContain("<script>", bundle.Data[MimeBundle.HtmlType]);
    }

    [Fact]
    public void AnythingWithToSvgIsShownAsAnSvgImageWithATextFallback()
    {
        var bundle = MimeFormatter.Format(new Chart());

        Assert.Equal("<svg width=\"10\"/>", bundle.Data[MimeBundle.SvgType]);
        Assert.Contains("Chart", bundle.Text);
    }

    [Fact]
    public void AnSvgValueWhoseToStringIsTheMarkupGetsAShortTextFallback()
    {
        var bundle = MimeFormatter.Format(new MarkupChart());

        Assert.Equal("[SVG image: MarkupChart]", bundle.Text);
    }

    [Fact]
    public void AnythingWithToHtmlIsShownAsHtmlAndItsToStringAsText()
    {
        var bundle = MimeFormatter.Format(new Report());

        Assert.Equal("<h1>Report</h1>", bundle.Data[MimeBundle.HtmlType]);
        Assert.Equal("Report text", bundle.Text);
    }

    [Fact]
    public void TheKernelsOwnSvgHtmlAndMarkdownValuesPickTheirMimeTypes()
    {
        Assert.Equal("<svg/>", MimeFormatter.Format(new Svg("<svg/>")).Data[MimeBundle.SvgType]);
        Assert.Equal("<i>x</i>", MimeFormatter.Format(new Html("<i>x</i>")).Data[MimeBundle.HtmlType]);
        Assert.Equal("# T", MimeFormatter.Format(new Markdown("# T")).Data[MimeBundle.MarkdownType]);
    }

    [Fact]
    public void ScalarsAndStringsAreTextOnlyAndCultureIndependent()
    {
        var number = MimeFormatter.Format(1234.5);
        var text = MimeFormatter.Format("plain <b>");

        Assert.Equal("1234.5", number.Text);
        Assert.Single(number.Data);
        Assert.Equal("plain <b>", text.Text);
        Assert.Single(text.Data);
    }

    [Fact]
    public void AnObjectWithoutItsOwnToStringListsItsProperties()
    {
        var bundle = MimeFormatter.Format(new Holder { Name = "RS A", Beds = 120 });

        Assert.Equal("Holder { Name = RS A, Beds = 120 }", bundle.Text);
    }

    [Fact]
    public void AnUnfinishedTaskIsDescribedWithoutWaitingForIt()
    {
        var never = new TaskCompletionSource<int>().Task;

        Assert.Equal("Task (WaitingForActivation)", MimeFormatter.Format(never).Text);
    }

    [Fact]
    public void VeryLongTableCellsAreShortenedInHtml()
    {
        var html = MimeFormatter.Format(new[] { new string('x', 1000) }).Data[MimeBundle.HtmlType];

        Assert.Contains(new string('x', 299) + "…", html);
        Assert.DoesNotContain(new string('x', 300), html);
    }

    private sealed class Holder
    {
        public string Name { get; init; } = "";
        public int Beds { get; init; }
    }
}
