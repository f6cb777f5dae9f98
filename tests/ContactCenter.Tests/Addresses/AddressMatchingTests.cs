using ContactCenter.Features.Addresses;
using ContactCenter.Features.Outages;

namespace ContactCenter.Tests.Addresses;

/// <summary>The pure parts of matching: parsing a caller's address, one-edit typos, ranges and sides.</summary>
public sealed class AddressMatchingTests
{
    [Theory]
    [InlineData("вул. Соборна, 5", "соборна", "5")]
    [InlineData("Соборна буд. 5, кв. 12", "соборна", "5")]
    [InlineData("просп. Незалежності 12-А", "незалежності", "12а")]
    [InlineData("соборна 12 а", "соборна", "12а")]
    [InlineData("Соборна, 12/1", "соборна", "12/1")]
    [InlineData("пров. Обʼєднання 2", "обєднання", "2")]
    [InlineData("пров. Об’єднання", "обєднання", null)]
    public void Parse_CallerAddress_StreetWordsAndNumber(string text, string street, string? number)
    {
        var (s, n) = AddressRegister.Parse(text);
        Assert.Equal(street, s);
        Assert.Equal(number, n);
    }

    [Theory]
    [InlineData("соборна", "соборна", true)]
    [InlineData("собрна", "соборна", true)]
    [InlineData("соборнa", "соборна", true)] // Latin a for Cyrillic а: one replacement
    [InlineData("соборнаа", "соборна", true)]
    [InlineData("сбрна", "соборна", false)]
    [InlineData("шевченко", "шевченка", true)]
    public void WithinOneEdit_Typos(string a, string b, bool expected) => Assert.Equal(expected, StreetCatalog.WithinOneEdit(a, b));

    [Theory]
    [InlineData(StreetSide.All, "7", true)]
    [InlineData(StreetSide.Odd, "7", true)]
    [InlineData(StreetSide.Even, "7", false)]
    [InlineData(StreetSide.Even, "8а", true)]
    [InlineData(StreetSide.All, "26", false)]
    [InlineData(StreetSide.Odd, "25", true)]
    [InlineData(StreetSide.All, "12/1", true)]
    public void Covers_RangeOneToTwentyFive(StreetSide side, string number, bool expected)
    {
        var area = new OutageArea { Kind = OutageAreaKind.Range, StreetId = 1, FromNumber = 1, ToNumber = 25, Side = side };
        Assert.Equal(expected, OutageCoverage.Covers(area, number));
    }

    [Fact]
    public void Covers_BuildingList_NumbersCompareWithoutCaseAndDash()
    {
        var area = new OutageArea { Kind = OutageAreaKind.Buildings, StreetId = 1, Numbers = "3,5-А,12/1" };
        Assert.True(OutageCoverage.Covers(area, "5а"));
        Assert.True(OutageCoverage.Covers(area, "12/1"));
        Assert.False(OutageCoverage.Covers(area, "5"));
    }

    [Theory]
    [InlineData("вул.", "вулиця")]
    [InlineData("просп", "проспект")]
    [InlineData("Пров.", "провулок")]
    [InlineData("б-р", "бульвар")]
    [InlineData("узвіз", "узвіз")]
    [InlineData("дорога", null)]
    public void StreetTypes_Abbreviations(string text, string? expected) => Assert.Equal(expected, StreetTypes.Resolve(text));
}
