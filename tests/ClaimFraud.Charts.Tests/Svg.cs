using System.Xml.Linq;
using ClaimFraud.Charts;

namespace ClaimFraud.Charts.Tests;

/// <summary>Reads chart output back as XML so tests assert on what a renderer would see.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XDocument Parse(SvgChart chart) => XDocument.Parse(chart.ToSvg());

    /// <summary>Contents of all &lt;text&gt; elements in document order (without their tooltip titles).</summary>
    public static List<string> Texts(SvgChart chart) =>
        Parse(chart).Descendants(Ns + "text").Select(t => string.Concat(t.Nodes().OfType<XText>().Select(x => x.Value))).ToList();

    public static List<XElement> Elements(SvgChart chart, string name) => Parse(chart).Descendants(Ns + name).ToList();
}
