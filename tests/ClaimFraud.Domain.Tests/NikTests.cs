using ClaimFraud.Domain.Claims;

namespace ClaimFraud.Domain.Tests;

public class NikTests
{
    [Fact]
    public void TheSeedsExampleNikDecodesToAManBornFourteenSeptember1997InJakartaSelatan()
    {
        Assert.True(Nik.TryDecode("3174011409970005", out var p));
        Assert.Equal("317401", p.DistrictCode);
        Assert.Equal("3174", p.RegencyCode);
        Assert.Equal(Sex.M, p.Sex);
        Assert.Equal(5, p.Serial);
        Assert.Equal(new DateOnly(1997, 9, 14), p.BirthDate(new DateOnly(2024, 10, 10)));
    }

    [Fact]
    public void AWomansDayOfBirthCarriesForty()
    {
        var nik = Nik.Encode("317401", Sex.F, new DateOnly(2001, 3, 14), 12);
        Assert.Equal("3174015403010012", nik);
        Assert.True(Nik.TryDecode(nik, out var p));
        Assert.Equal(Sex.F, p.Sex);
        Assert.Equal(new DateOnly(2001, 3, 14), p.BirthDate(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void TheCenturyIsTheOneThatPutsTheBirthBeforeTheReference()
    {
        Assert.True(Nik.TryDecode(Nik.Encode("317401", Sex.M, new DateOnly(1925, 6, 1), 1), out var p));
        Assert.Equal(new DateOnly(1925, 6, 1), p.BirthDate(new DateOnly(2024, 1, 1)));
        Assert.True(Nik.TryDecode(Nik.Encode("317401", Sex.M, new DateOnly(2024, 6, 1), 1), out var q));
        Assert.Equal(new DateOnly(2024, 6, 1), q.BirthDate(new DateOnly(2024, 12, 1)));
        Assert.Equal(new DateOnly(1924, 6, 1), q.BirthDate(new DateOnly(2024, 3, 1)));
    }

    [Theory]
    [InlineData("317401140997000")]    // 15 digits
    [InlineData("31740114099700051")]  // 17 digits
    [InlineData("317401140997000A")]   // a letter
    [InlineData("3174013209970005")]   // day 32
    [InlineData("3174011413970005")]   // month 13
    [InlineData("3174011409970000")]   // serial 0000
    [InlineData("3174013102970005")]   // 31 February
    public void MalformedNiksDoNotDecode(string nik) => Assert.False(Nik.TryDecode(nik, out _));

    [Fact]
    public void TwentyNinthFebruaryDecodesOnlyInALeapYear()
    {
        Assert.True(Nik.TryDecode("3174012902000001", out _));
        Assert.False(Nik.TryDecode("3174012902010001", out _));
    }

    [Fact]
    public void AgreementComparesSexAndEveryPartOfTheDate()
    {
        Assert.True(Nik.TryDecode("3174011409970005", out var p));
        Assert.True(Nik.AgreesWith(p, Sex.M, new DateOnly(1997, 9, 14)));
        Assert.False(Nik.AgreesWith(p, Sex.F, new DateOnly(1997, 9, 14)));
        Assert.False(Nik.AgreesWith(p, Sex.M, new DateOnly(1997, 9, 15)));
        Assert.False(Nik.AgreesWith(p, Sex.M, new DateOnly(1998, 9, 14)));
    }
}
