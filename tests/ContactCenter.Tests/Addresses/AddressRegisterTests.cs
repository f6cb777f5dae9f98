using System.Net;
using System.Text;
using System.Text.Json;
using ContactCenter.Features.Identity;

namespace ContactCenter.Tests.Addresses;

public abstract class AddressRegisterTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<JsonElement> SearchAsync(string q)
    {
        await AddressTestData.EnsureAsync(app);
        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/addresses?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    [Theory]
    [InlineData("вул. Соборна, 7", "вулиця Соборна, 7")]
    [InlineData("СОБОРНА 7", "вулиця Соборна, 7")]
    [InlineData("Леніна 7", "вулиця Соборна, 7")]             // former name
    [InlineData("вул. Радянська, буд. 7", "вулиця Соборна, 7")] // second former name
    [InlineData("Собрна 7", "вулиця Соборна, 7")]              // one-letter typo
    [InlineData("Соборна 5-А", "вулиця Соборна, 5а")]
    [InlineData("просп. Незалежності, 3", "проспект Незалежності, 3")]
    [InlineData("пр-т Жовтневий 3", "проспект Незалежності, 3")]
    [InlineData("пров. Обʼєднання 2", "провулок Об'єднання, 2")]
    [InlineData("Об’єднання 2", "провулок Об'єднання, 2")]
    [InlineData("обєднання 2", "провулок Об'єднання, 2")]
    [InlineData("бул. Т. Шевченко 4", "бульвар Тараса Шевченка, 4")]
    [InlineData("Щорса 4", "бульвар Тараса Шевченка, 4")]
    [InlineData("пл. Ринкова 1", "площа Ринкова, 1")]
    public async Task Search_CallerSpelling_FindsBuildingFirst(string query, string expected)
    {
        var body = await SearchAsync(query);
        Assert.True(body.GetArrayLength() > 0, query);
        Assert.Equal(expected, body[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Search_UnknownStreet_Empty()
    {
        var body = await SearchAsync("вул. Неіснуюча 3");
        Assert.Equal(0, body.GetArrayLength());
    }

    [Fact]
    public async Task Search_DistrictAndCoordinatesFromImport()
    {
        var body = await SearchAsync("Ринкова 1");
        Assert.Equal("Північний", body[0].GetProperty("district").GetString());
        Assert.Equal(50.4501, body[0].GetProperty("lat").GetDouble(), 4);
    }

    [Fact]
    public async Task Import_BadLines_RejectedWithReasons_OthersImported()
    {
        await AddressTestData.EnsureAsync(app);
        var csv = "district;street_type;street;former_names;building;lat;lon\n" +
                  "Південний;вулиця;Садова;Мічуріна;1;50.1;30.2\n" +       // 2: good
                  "Південний;дорога;Польова;;1;;\n" +                        // 3: unknown street type
                  "Південний;вулиця;;;1;;\n" +                               // 4: no street
                  "Південний;вулиця;Садова;;2;пів;30\n" +                    // 5: bad coordinates
                  "Південний;вулиця;Садова;;2\n" +                           // 6: too few columns
                  "Південний;вулиця;Садова;;abc;;\n" +                       // 7: bad building number
                  "Південний;вулиця;Садова;;3;;\n";                          // 8: good
        var report = await AddressTestData.ImportAsync(app.Admin(), csv);
        Assert.Equal(7, report.GetProperty("lines").GetInt32());
        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        var rejected = report.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([3, 4, 5, 6, 7], rejected.Keys.Order().ToArray());
        Assert.Contains("дорога", rejected[3]);
        Assert.Contains("вулиці", rejected[4]);
        Assert.Contains("координати", rejected[5], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("7 колонок", rejected[6]);
        Assert.Contains("abc", rejected[7]);

        var found = await SearchAsync("Мічуріна 3"); // the former name of the street imported here
        Assert.Equal("вулиця Садова, 3", found[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Import_Twice_ChangesNothing()
    {
        await AddressTestData.EnsureAsync(app);
        var again = await AddressTestData.ImportAsync(app.Admin(), AddressTestData.Csv);
        Assert.Equal(0, again.GetProperty("streetsCreated").GetInt32());
        Assert.Equal(0, again.GetProperty("buildingsCreated").GetInt32());
        Assert.Equal(0, again.GetProperty("aliasesCreated").GetInt32());
        Assert.Equal(0, again.GetProperty("rejected").GetArrayLength());
    }

    [Fact]
    public async Task Import_ByOperator_403()
    {
        var key = await app.CreateKeyAsync(Roles.Operator);
        var response = await app.Client(key).PostAsync("/api/v1/addresses/import",
            new StringContent("Центр;вулиця;Нова;;1;;\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class AddressRegisterTests_Sqlite(SqliteApp app) : AddressRegisterTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AddressRegisterTests_Postgres(PostgresApp app) : AddressRegisterTests<PostgresApp>(app), IClassFixture<PostgresApp>;
