using System.Net;

namespace ContactCenter.Tests.Outages;

/// <summary>Which open outages cover an address: by street, building list, range with sides and district; free text and ids.</summary>
public abstract class OutageCoverageTests<TApp>(TApp app) where TApp : AppFixture
{
    private static string Address(string text) => "address=" + Uri.EscapeDataString(text);

    [Fact]
    public async Task Range_OddSide_CoversOddNumbersInsideOnly()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 11, 25, "odd")))).GetProperty("id").GetInt64();
        Assert.Contains(id, await kit.AtAsync(Address("вул. Соборна, 11")));
        Assert.Contains(id, await kit.AtAsync(Address("Леніна 25")));   // the former name
        Assert.Contains(id, await kit.AtAsync(Address("собрна 13")));   // a typo
        Assert.DoesNotContain(id, await kit.AtAsync(Address("Соборна 12")));
        Assert.DoesNotContain(id, await kit.AtAsync(Address("Соборна 27")));
        Assert.DoesNotContain(id, await kit.AtAsync(Address("Соборна 9")));
    }

    [Fact]
    public async Task Range_EvenSide_CoversEvenNumbers()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 14, 18, "even")))).GetProperty("id").GetInt64();
        Assert.Contains(id, await kit.AtAsync(Address("Соборна 16")));
        Assert.DoesNotContain(id, await kit.AtAsync(Address("Соборна 15")));
    }

    [Fact]
    public async Task BuildingList_CoversListedNumbers()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(new { kind = "buildings", streetId = street, buildings = new[] { "5-А", "12/1" } })))
            .GetProperty("id").GetInt64();
        Assert.Contains(id, await kit.AtAsync(Address("Соборна 5а")));
        Assert.Contains(id, await kit.AtAsync(Address("Соборна, 12/1")));
        Assert.DoesNotContain(id, await kit.AtAsync(Address("Соборна 5")));
    }

    [Fact]
    public async Task WholeStreet_ByName_CoversEveryBuildingAndTheStreetItself()
    {
        var kit = await OutageTestKit.Of(app);
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(new { kind = "street", street = "просп. Незалежності" }, type: "electricity")))
            .GetProperty("id").GetInt64();
        Assert.Contains(id, await kit.AtAsync(Address("пр-т Жовтневий 3")));
        Assert.Contains(id, await kit.AtAsync(Address("Незалежності 10")));
        Assert.Contains(id, await kit.AtAsync(Address("проспект Незалежності"))); // no number: the street
        Assert.DoesNotContain(id, await kit.AtAsync(Address("Соборна 3")));
    }

    [Fact]
    public async Task District_CoversItsStreets_ByIdToo()
    {
        var kit = await OutageTestKit.Of(app);
        var district = await kit.DistrictIdAsync("Північний");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(new { kind = "district", districtId = district }, type: "gas", kind: "planned")))
            .GetProperty("id").GetInt64();
        Assert.Contains(id, await kit.AtAsync(Address("пров. Обʼєднання 2")));
        Assert.Contains(id, await kit.AtAsync(Address("бул. Тараса Шевченка 12")));
        Assert.DoesNotContain(id, await kit.AtAsync(Address("Соборна 2")));
        var building = await Addresses.AddressTestData.BuildingIdAsync(app, "Ринкова 1");
        Assert.Contains(id, await kit.AtAsync($"addressId={building}"));
    }

    [Fact]
    public async Task At_UnknownAddress_EmptyNotError_BadInput400_UnknownId404()
    {
        var kit = await OutageTestKit.Of(app);
        var (status, body) = await app.Client(null).GetJsonAsync("/api/v1/outages/at?" + Address("вул. Неіснуюча 1"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("outages").GetArrayLength());
        (status, _) = await app.Client(null).GetJsonAsync("/api/v1/outages/at");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, _) = await app.Client(null).GetJsonAsync("/api/v1/outages/at?addressId=99999999");
        Assert.Equal(HttpStatusCode.NotFound, status);
        _ = kit;
    }

    [Fact]
    public async Task RegisterImport_NewBuildingOnCoveredStreet_CoveredAfterImport()
    {
        var kit = await OutageTestKit.Of(app);
        await Addresses.AddressTestData.ImportAsync(app.Admin(), "Центральний;вулиця;Квіткова;;1;;\n");
        var street = await kit.StreetIdAsync("Квіткова");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(new { kind = "street", streetId = street }))).GetProperty("id").GetInt64();
        await Addresses.AddressTestData.ImportAsync(app.Admin(), "Центральний;вулиця;Квіткова;;2;;\n");
        Assert.Contains(id, await kit.AtAsync(Address("Квіткова 2")));
    }
}

public sealed class OutageCoverageTests_Sqlite(SqliteApp app) : OutageCoverageTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class OutageCoverageTests_Postgres(PostgresApp app) : OutageCoverageTests<PostgresApp>(app), IClassFixture<PostgresApp>;
