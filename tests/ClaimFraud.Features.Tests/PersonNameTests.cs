using ClaimFraud.Features.Text;

namespace ClaimFraud.Features.Tests;

public class PersonNameTests
{
    [Theory]
    [InlineData("Ahmad Fauzi", "ahmad fauzi")]
    [InlineData("  AHMAD   FAUZI ", "ahmad fauzi")]
    [InlineData("dr. Ahmad Fauzi, Sp.PD", "ahmad fauzi")]
    [InlineData("H. Ahmad Fauzi", "ahmad fauzi")]
    [InlineData("Hj. Siti Aminah, S.Pd., M.M.", "siti aminah")]
    [InlineData("Tn. H. Ahmad Fauzi S.Kom", "ahmad fauzi")]
    [InlineData("Ny.Siti Aminah", "siti aminah")]
    [InlineData("Siti Aminah binti Hasan", "siti aminah bin hasan")]
    [InlineData("Ma'ruf Amin", "maruf amin")]
    [InlineData("Ahmad Fauzi bin Abdullah", "ahmad fauzi bin abdullah")]
    [InlineData("Tn.", "")]
    public void NormalisationDropsCaseTitlesDegreesAndPunctuation(string name, string expected) =>
        Assert.Equal(expected, PersonName.Normalize(name));

    [Fact]
    public void APatronymicMakesNamesDifferent()
    {
        double s = PersonName.Similarity("Ahmad Fauzi", "Ahmad Fauzi bin Abdullah");
        Assert.InRange(s, 0.01, 0.99);
        Assert.Equal(1 - 13.0 / 24, s, 10);
    }

    [Theory]
    [InlineData("Ahmad Fauzi", "AHMAD FAUZI, S.Kom.")]
    [InlineData("dr. Budi Santoso", "Budi Santoso")]
    [InlineData("Siti binti Ali", "Siti bin Ali")]
    public void SpellingsOfOneNameAreIdentical(string a, string b) => Assert.Equal(1, PersonName.Similarity(a, b));

    [Fact]
    public void VeryLongNamesAreComparedWithoutFailing()
    {
        string longName = string.Join(' ', Enumerable.Repeat("Kusuma", 100));
        Assert.Equal(PersonName.MaxLength, PersonName.Normalize(longName).Length);
        Assert.Equal(1, PersonName.Similarity(longName, longName + " Negara"));
    }

    [Fact]
    public void SimilarityAgreesWithTheTextbookEditDistanceOnRandomStrings()
    {
        var random = new Random(17);
        const string alphabet = "abcdeiu nrst'éğ";
        for (int n = 0; n < 3000; n++)
        {
            string a = Word(random, alphabet, random.Next(0, n % 10 == 0 ? 90 : 25));
            string b = Word(random, alphabet, random.Next(0, n % 10 == 0 ? 90 : 25));
            int longer = Math.Max(a.Length, b.Length);
            double expected = longer == 0 ? 1 : 1 - (double)TextbookLevenshtein(a, b) / longer;
            Assert.Equal(expected, PersonName.NormalizedSimilarity(a, b), 12);
        }
    }

    private static string Word(Random r, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[r.Next(alphabet.Length)]).ToArray());

    private static int TextbookLevenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
