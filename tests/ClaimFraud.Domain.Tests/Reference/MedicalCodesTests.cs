using ClaimFraud.Domain.Reference;

namespace ClaimFraud.Domain.Tests.Reference;

public class MedicalCodesTests
{
    [Theory]
    [InlineData("A09", "A09", "A09")]
    [InlineData("A09.0", "A09", "A09.0")]
    [InlineData("A090", "A09", "A09.0")]
    [InlineData(" a09.9 ", "A09", "A09.9")]
    [InlineData("S7200", "S72", "S72.00")]
    [InlineData("S72.00", "S72", "S72.00")]
    [InlineData("J18.90", "J18", "J18.90")]
    [InlineData("A17.0+", "A17", "A17.0")]
    [InlineData("G01*", "G01", "G01")]
    [InlineData("A09.", "A09", "A09")]
    public void Icd10IsReadWithOrWithoutTheDot(string input, string category, string code)
    {
        Assert.True(MedicalCodes.TryParseIcd10(input, out var parsed));
        Assert.Equal(category, parsed.Category);
        Assert.Equal(code, parsed.Code);
        Assert.Equal(code, MedicalCodes.NormalizeIcd10(input));
        Assert.Equal(category, MedicalCodes.Icd10Category(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A9")]
    [InlineData("09A")]
    [InlineData("A09.123")]
    [InlineData("A0B")]
    [InlineData("E11.A")]
    [InlineData("47.09")]
    public void NonIcd10InputIsRejectedWithoutThrowing(string? input)
    {
        Assert.False(MedicalCodes.TryParseIcd10(input, out _));
        Assert.Null(MedicalCodes.NormalizeIcd10(input));
        Assert.Null(MedicalCodes.Icd10Category(input));
    }

    [Fact]
    public void TheUndottedFormOfACodeDropsOnlyTheDot()
    {
        Assert.True(MedicalCodes.TryParseIcd10("S72.00", out var code));
        Assert.Equal("S7200", code.NoDot);
        Assert.False(code.IsCategory);
    }

    [Theory]
    [InlineData("47.09", "47.09")]
    [InlineData("4709", "47.09")]
    [InlineData("470", "47.0")]
    [InlineData("47.0", "47.0")]
    [InlineData("47", "47")]
    [InlineData("99.04", "99.04")]
    [InlineData("9904", "99.04")]
    [InlineData("3.31", "03.31")]
    [InlineData("0331", "03.31")]
    [InlineData("04420", "04.420")]
    [InlineData("90.0600", "90.0600")]
    [InlineData(" 36.10 ", "36.10")]
    [InlineData("knd01", "KND01")]
    public void Icd9CmIsReadWithOrWithoutTheDot(string input, string expected)
    {
        Assert.True(MedicalCodes.TryNormalizeIcd9Cm(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("47.09123")]
    [InlineData("A09")]
    [InlineData("123.4")]
    public void NonIcd9CmInputIsRejectedWithoutThrowing(string? input)
    {
        Assert.False(MedicalCodes.TryNormalizeIcd9Cm(input, out _));
        Assert.Null(MedicalCodes.NormalizeIcd9Cm(input));
    }

    [Fact]
    public void NamesCompareWithoutCaseOrExtraSpaces()
    {
        Assert.Equal("vitamin b complex", MedicalCodes.NormalizeName("  Vitamin   B  Complex "));
        Assert.Equal(MedicalCodes.NormalizeName("CEFTRIAXONE"), MedicalCodes.NormalizeName("ceftriaxone"));
        Assert.Equal("", MedicalCodes.NormalizeName(null));
    }

    [Theory]
    [InlineData("1000 mg", "1000mg")]
    [InlineData("1.000 mg", "1000mg")]
    [InlineData("1000MG", "1000mg")]
    [InlineData("0.25 mg", "0.25mg")]
    [InlineData("200,000 IU", "200000iu")]
    public void DosesCompareWithoutSpacesOrThousandsSeparators(string dose, string expected) =>
        Assert.Equal(expected, MedicalCodes.NormalizeDose(dose));

    [Theory]
    [InlineData("injeksi", "injection")]
    [InlineData("Inj", "injection")]
    [InlineData("kapsul", "capsule")]
    [InlineData("infus", "infusion")]
    [InlineData("tablet", "tablet")]
    public void IndonesianAndAbbreviatedFormsMapToTheCatalogsWords(string form, string expected) =>
        Assert.Equal(expected, MedicalCodes.NormalizeForm(form));

    [Theory]
    [InlineData("K-4-17-I", 'K', 4, "17", 1)]
    [InlineData("q-5-44-0", 'Q', 5, "44", 0)]
    [InlineData("J-4-16-III", 'J', 4, "16", 3)]
    public void InaCbgCodesSplitIntoTheirParts(string text, char cmg, int caseType, string group, int severity)
    {
        Assert.True(InaCbgCode.TryParse(text, out var code));
        Assert.Equal(new InaCbgCode(cmg, caseType, group, severity), code);
        Assert.Equal(text.ToUpperInvariant(), code.ToString());
    }

    [Theory]
    [InlineData("X-0-13-X")]
    [InlineData("K-4-17")]
    [InlineData("K-4-17-IV")]
    [InlineData("K-44-17-I")]
    [InlineData("")]
    [InlineData(null)]
    public void MalformedInaCbgCodesAreRejected(string? text) => Assert.False(InaCbgCode.TryParse(text, out _));
}
