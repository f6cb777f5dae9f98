using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Tests.Api.Registration;

/// <summary>Small helpers shared by the registration API tests: reading ProblemDetails and editing request bodies.</summary>
internal static class RegistrationTestKit
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>The applicant part of a body made by <see cref="Appeals.Valid"/>.</summary>
    public static Dictionary<string, object?> Applicant(this Dictionary<string, object?> body) =>
        (Dictionary<string, object?>)body["applicant"]!;

    /// <summary>The <c>errors</c> of a validation ProblemDetails, field → messages.</summary>
    public static Dictionary<string, string[]> Errors(JsonElement problem)
    {
        var errors = default(JsonElement);
        Assert.True(problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("errors", out errors),
            $"Expected a ProblemDetails with errors, got: {problem}");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    /// <summary>Asserts a 400 validation ProblemDetails whose errors name exactly <paramref name="fields"/>.</summary>
    public static Dictionary<string, string[]> AssertValidationProblem(HttpStatusCode status, JsonElement body, params string[] fields)
    {
        Assert.True(status == HttpStatusCode.BadRequest, $"Expected 400, got {(int)status}: {body}");
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        var errors = Errors(body);
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        return errors;
    }

    /// <summary>Posts raw text as JSON; for bodies the serializer would never produce.</summary>
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostRawJsonAsync(this HttpClient client, string url, string json)
    {
        var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostForResponseAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, AppFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string Number(this JsonElement appeal) => appeal.GetProperty("registrationNumber").GetString()!;

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    /// <summary>Search results as (total, registration numbers in the order given).</summary>
    public static async Task<(int Total, List<string> Numbers, JsonElement Body)> SearchAsync(this HttpClient client, string query)
    {
        var (status, body) = await client.GetJsonAsync("/api/v1/appeals?" + query);
        Assert.True(status == HttpStatusCode.OK, $"Expected 200 for ?{query}, got {(int)status}: {body}");
        var numbers = body.GetProperty("items").EnumerateArray().Select(i => i.Number()).ToList();
        return (body.GetProperty("total").GetInt32(), numbers, body);
    }

    public static string Q(string value) => Uri.EscapeDataString(value);

    /// <summary>A category of its own, so that routing set up by one test never reaches another.</summary>
    public static async Task<string> CreateCategoryAsync(this AppFixture app, int? defaultExecutorId = null, string reviewTrack = "simple")
    {
        var code = "test." + Guid.NewGuid().ToString("N")[..10];
        var (status, body) = await app.Admin().PutJsonAsync($"/api/v1/categories/{code}",
            new { name = "Тестова категорія " + code, defaultExecutorId, reviewTrack });
        Assert.True(status == HttpStatusCode.OK, $"PUT category: {(int)status} {body}");
        return code;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PutJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body, AppFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
