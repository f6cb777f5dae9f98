using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ContactCenter.Tests.Infrastructure;

/// <summary>Small helpers for building and posting appeals in tests.</summary>
public static class Appeals
{
    private static int _phone = 1000000;

    public static string NewPhone() => "+38067" + Interlocked.Increment(ref _phone).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Valid(string category = "utilities.water", int? executorId = null, string? phone = null) => new()
    {
        ["channel"] = "phone",
        ["kind"] = "application",
        ["applicant"] = new Dictionary<string, object?>
        {
            ["fullName"] = "Коваленко Олена Петрівна",
            ["phone"] = phone ?? NewPhone(),
            ["address"] = "вул. Соборна, 5, кв. 12",
        },
        ["categoryCode"] = category,
        ["description"] = "Третій день немає холодної води в під'їзді",
        ["location"] = new Dictionary<string, object?> { ["address"] = "вул. Соборна, 5" },
        ["executorId"] = executorId,
    };

    public static async Task<JsonElement> RegisterAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/appeals", body, AppFixture.Json);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(AppFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {json}");
        return json;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string url, object? body)
    {
        var response = await client.PostAsJsonAsync(url, body, AppFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }
}
