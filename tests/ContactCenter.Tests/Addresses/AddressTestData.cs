using System.Net;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Tests.Addresses;

/// <summary>A small community's register as CSV, imported once per test database (the import is an upsert).</summary>
public static class AddressTestData
{
    public static readonly string Csv = BuildCsv();

    private static string BuildCsv()
    {
        var sb = new StringBuilder("district;street_type;street;former_names;building;lat;lon\n");
        for (var n = 1; n <= 30; n++)
            sb.Append(CultureLine("Центральний", "вулиця", "Соборна", n == 1 ? "Леніна|Радянська" : "", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        sb.Append("Центральний;вул.;Соборна;;5а;;\n");
        sb.Append("Центральний;вул.;Соборна;;12/1;;\n");
        for (var n = 1; n <= 10; n++)
            sb.Append(CultureLine("Центральний", "просп.", "Незалежності", n == 1 ? "Жовтневий" : "", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        for (var n = 1; n <= 5; n++)
            sb.Append(CultureLine("Північний", "пров.", "Об'єднання", "", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        for (var n = 1; n <= 12; n++)
            sb.Append(CultureLine("Північний", "бульвар", "Тараса Шевченка", n == 1 ? "Щорса" : "", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        sb.Append("Північний;пл.;Ринкова;;1;50.4501;30.5234\n");
        sb.Append("Північний;узвіз;Андріївський;;3;;\n");
        return sb.ToString();
    }

    private static string CultureLine(string district, string type, string street, string former, string number) =>
        $"{district};{type};{street};{former};{number};;\n";

    public static async Task<JsonElement> ImportAsync(HttpClient client, string csv)
    {
        var response = await client.PostAsync("/api/v1/addresses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFixture, Task> Imported = new();

    /// <summary>Imports <see cref="Csv"/> into the fixture's database once.</summary>
    public static Task EnsureAsync(AppFixture app) => Imported.GetValue(app, a => ImportAsync(a.Admin(), Csv));

    /// <summary>The building id of an address that search finds first.</summary>
    public static async Task<int> BuildingIdAsync(AppFixture app, string query)
    {
        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/addresses?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetArrayLength() > 0, $"no address for '{query}'");
        return body[0].GetProperty("id").GetInt32();
    }
}
