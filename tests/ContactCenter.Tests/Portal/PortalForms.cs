using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ContactCenter.Tests.Portal;

/// <summary>Fills the portal's forms over HTTP the way a browser without JavaScript does (antiforgery cookie + token).</summary>
public static partial class PortalForms
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"Input.FormToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public static HttpClient NewClient(AppFixture app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<(string Antiforgery, string FormToken)> OpenFormAsync(HttpClient client, string url = "/appeal/new")
    {
        var html = await client.GetStringAsync(url);
        var form = FormToken().Match(html);
        return (Antiforgery().Match(html).Groups[1].Value, form.Success ? form.Groups[1].Value : "");
    }

    public static Dictionary<string, string> Valid(string? description = null, string? phone = null) => new()
    {
        ["Input.CategoryCode"] = "utilities.water",
        ["Input.Description"] = description ?? "Немає холодної води в будинку з ранку " + Guid.NewGuid().ToString("N")[..8],
        ["Input.ProblemAddress"] = "вул. Соборна, 5",
        ["Input.FullName"] = "Коваленко Олена Петрівна",
        ["Input.Phone"] = phone ?? Appeals.NewPhone(),
        ["Input.Email"] = "olena@example.com",
        ["Input.Address"] = "вул. Соборна, 5, кв. 12",
        ["Input.Consent"] = "true",
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, (string Antiforgery, string FormToken) tokens, Dictionary<string, string> fields,
        params (string Name, byte[] Data)[] photos)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(tokens.Antiforgery), "__RequestVerificationToken");
        content.Add(new StringContent(tokens.FormToken), "Input.FormToken");
        foreach (var (k, v) in fields)
            content.Add(new StringContent(v), k);
        foreach (var (name, data) in photos)
        {
            var file = new ByteArrayContent(data);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "Photos", name);
        }
        return await client.PostAsync("/appeal/new", content);
    }

    /// <summary>Submits a valid appeal; returns the private tracking token.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, Dictionary<string, string>? fields = null)
    {
        var response = await PostAsync(client, await OpenFormAsync(client), fields ?? Valid());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/appeal/done/", location);
        return location["/appeal/done/".Length..];
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string antiforgery, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = antiforgery;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
