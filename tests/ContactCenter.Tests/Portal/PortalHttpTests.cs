using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Features.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Portal;

/// <summary>The citizen portal over HTTP, as a browser without JavaScript: submit, track, rate, FAQ, bad input.</summary>
public abstract class PortalHttpTests<TApp>(TApp app) where TApp : AppFixture
{
    private Task<int> CountAsync(string descriptionPart) =>
        app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Description.Contains(descriptionPart)));

    [Fact]
    public async Task Home_IsUkrainianWithLandmarks_AndLinksTheApiDocs()
    {
        var client = PortalForms.NewClient(app);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"uk\">", html);
        foreach (var landmark in new[] { "<header", "<nav", "<main", "<footer" })
            Assert.Contains(landmark, html);
        Assert.Contains("href=\"/api/docs\"", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/portal.css")).StatusCode);
    }

    [Fact]
    public async Task EnglishSwitch_SetsTheCultureCookie_AndPagesSpeakEnglish()
    {
        var client = PortalForms.NewClient(app);
        var response = await client.GetAsync("/lang/en?returnUrl=%2Ffaq");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/faq", response.Headers.Location!.ToString());
        var html = await client.GetStringAsync("/faq");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Questions and answers", html);
        // Never off-site.
        Assert.Equal("/", (await client.GetAsync("/lang/uk?returnUrl=%2F%2Fevil.example")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Submit_Valid_RegistersAWebAppealWithATrackingToken()
    {
        var client = PortalForms.NewClient(app);
        var fields = PortalForms.Valid();
        var token = await PortalForms.SubmitAsync(client, fields);
        var appeal = await app.WithDbAsync(db => db.Appeals.Include(a => a.Questions).SingleAsync(a => a.TrackingToken == token));
        Assert.Equal(Features.Appeals.Channel.Web, appeal.Channel);
        Assert.Equal("Коваленко Олена Петрівна", appeal.Applicant.FullName);
        Assert.Equal("вул. Соборна, 5", appeal.Questions[0].Location.Address);
        Assert.True(token.Length >= 30);

        var done = await client.GetStringAsync("/appeal/done/" + token);
        Assert.Contains(appeal.RegistrationNumber, done);
        Assert.Contains("/track/" + token, done);
    }

    [Fact]
    public async Task Submit_SameFormTwice_StoresOneAppeal()
    {
        var client = PortalForms.NewClient(app);
        var tokens = await PortalForms.OpenFormAsync(client);
        var fields = PortalForms.Valid();
        var first = await PortalForms.PostAsync(client, tokens, fields, ("a.png", PortalForms.Png));
        var second = await PortalForms.PostAsync(client, tokens, fields, ("a.png", PortalForms.Png));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await CountAsync(fields["Input.Description"]));
        var attachments = await app.WithDbAsync(db => db.Attachments.CountAsync(a => db.Appeals.Any(x => x.Id == a.AppealId && x.Description == fields["Input.Description"])));
        Assert.Equal(1, attachments);
    }

    [Fact]
    public async Task Submit_OversizedOrFakePhoto_RefusedWithAMessage_NothingStored()
    {
        var client = PortalForms.NewClient(app);
        var fields = PortalForms.Valid();
        var big = new byte[5 * 1024 * 1024 + 1];
        PortalForms.Png.CopyTo(big, 0);
        var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), fields, ("big.png", big));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Файл «big.png» завеликий", await response.Content.ReadAsStringAsync());

        var fake = System.Text.Encoding.UTF8.GetBytes("<?php echo 'not a photo'; ?>");
        response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), fields, ("photo.jpg", fake));
        Assert.Contains("Файл «photo.jpg» не є фотографією", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(fields["Input.Description"]));
    }

    [Fact]
    public async Task Submit_Empty_ShowsEveryErrorInUkrainian()
    {
        var client = PortalForms.NewClient(app);
        var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), new Dictionary<string, string> { ["Input.Email"] = "not-an-email" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var message in new[]
        {
            "Оберіть тему звернення.", "Викладіть суть звернення.", "Вкажіть прізвище, ім'я та по батькові", "Вкажіть номер телефону",
            "Некоректна адреса електронної пошти.", "Вкажіть місце проживання заявника", "Потрібна ваша згода на обробку персональних даних.",
        })
        {
            Assert.Contains(message, html);
        }
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task Html_InTheSubstance_IsShownAsText()
    {
        var client = PortalForms.NewClient(app);
        var evil = "<script>alert('x')</script><b>жирний</b> " + Guid.NewGuid().ToString("N")[..6];
        // Re-shown in the form after an error …
        var fields = PortalForms.Valid(evil);
        fields.Remove("Input.Consent");
        var html = await (await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), fields)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert", html);
        // … and on the tracking page.
        var token = await PortalForms.SubmitAsync(client, PortalForms.Valid(evil));
        var page = await client.GetStringAsync("/track/" + token);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<b>жирний</b>", page);
        Assert.Contains("&lt;b&gt;", page);
    }

    [Fact]
    public async Task Honeypot_Filled_NothingStored()
    {
        var client = PortalForms.NewClient(app);
        var fields = PortalForms.Valid();
        fields["Input.Website"] = "http://spam.example";
        var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await CountAsync(fields["Input.Description"]));
    }

    [Fact]
    public async Task Track_ByNumberAndPhone_OpensThePrivateLink_PublicHistoryOnly()
    {
        var client = PortalForms.NewClient(app);
        var phone = Appeals.NewPhone();
        var token = await PortalForms.SubmitAsync(client, PortalForms.Valid(phone: phone));
        var number = await app.WithDbAsync(db => db.Appeals.Where(a => a.TrackingToken == token).Select(a => a.RegistrationNumber).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var id = await db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Id).SingleAsync();
            db.AppealHistory.Add(new Features.Appeals.AppealHistoryEntry { AppealId = id, At = app.Time.GetUtcNow(), ActorName = "Оператор", Action = "comment", Comment = "службова примітка", Public = false });
            return await db.SaveChangesAsync();
        });

        var (antiforgery, _) = await PortalForms.OpenFormAsync(client, "/track");
        // The phone in another spelling still matches (normalised).
        var local = "0" + phone[4..];
        var found = await PortalForms.PostFormAsync(client, "/track", antiforgery, new() { ["Number"] = number, ["Phone"] = local });
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal("/track/" + token, found.Headers.Location!.ToString());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/track/" + token));
        Assert.Contains(number, page);
        Assert.Contains("Зареєстровано", page);
        Assert.DoesNotContain("службова примітка", page);
        Assert.DoesNotContain("Коваленко", page);

        var wrong = await PortalForms.PostFormAsync(client, "/track", antiforgery, new() { ["Number"] = number, ["Phone"] = "+380671111111" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("не знайдено", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/track/not-a-real-token-at-all-000")).StatusCode);
    }

    [Fact]
    public async Task Rate_WhenResultReported_ClosesWithTheApplicantsRating()
    {
        var client = PortalForms.NewClient(app);
        var token = await PortalForms.SubmitAsync(client);
        var number = await app.WithDbAsync(db => db.Appeals.Where(a => a.TrackingToken == token).Select(a => a.RegistrationNumber).SingleAsync());
        var executorId = await app.CreateExecutorAsync("Водоканал " + Guid.NewGuid().ToString("N")[..4]);
        var executor = app.Client(await app.CreateKeyAsync(Roles.Executor, executorId));
        Assert.Equal(HttpStatusCode.OK, (await app.Admin().PostJsonAsync($"/api/v1/appeals/{number}/assign", new { executorId })).Status);
        Assert.Equal(HttpStatusCode.OK, (await executor.PostJsonAsync($"/api/v1/appeals/{number}/accept", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await executor.PostJsonAsync($"/api/v1/appeals/{number}/result", new { text = "Трубу замінено, воду подано.", resultCode = "resolved" })).Status);

        var page = await client.GetStringAsync("/track/" + token);
        Assert.Contains("Оцініть результат", page);
        var (antiforgery, _) = await PortalForms.OpenFormAsync(client, "/track/" + token);
        var rated = await PortalForms.PostFormAsync(client, $"/track/{token}?handler=Rate", antiforgery,
            new() { ["Question"] = "1", ["Confirmed"] = "true", ["Rating"] = "5", ["Comment"] = "Дякую" });
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);

        var card = (await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}")).Body;
        Assert.Equal("closed", card.GetProperty("status").GetString());
        var verification = card.GetProperty("questions")[0].GetProperty("verification");
        Assert.True(verification.GetProperty("confirmed").GetBoolean());
        Assert.Equal(5, verification.GetProperty("rating").GetInt32());
        Assert.Equal("portal", verification.GetProperty("via").GetString());
        var after = WebUtility.HtmlDecode(await client.GetStringAsync("/track/" + token));
        Assert.Contains("Трубу замінено, воду подано.", after);
        Assert.DoesNotContain("Оцініть результат", after);
    }

    [Fact]
    public async Task Faq_SearchFindsPublicArticlesOnly()
    {
        await app.WithDbAsync(async db =>
        {
            db.KnowledgeArticles.Add(new Features.Knowledge.KnowledgeArticle { Title = "Внутрішня інструкція про сміття", Body = "лише для операторів", IsPublic = false, SearchText = "внутрішня інструкція про сміття лише для операторів" });
            return await db.SaveChangesAsync();
        });
        var html = WebUtility.HtmlDecode(await PortalForms.NewClient(app).GetStringAsync("/faq?q=сміття"));
        Assert.Contains("Не вивезли сміття", html);
        Assert.DoesNotContain("Коли починається опалювальний сезон", html);
        Assert.DoesNotContain("Внутрішня інструкція", html);
        var all = WebUtility.HtmlDecode(await PortalForms.NewClient(app).GetStringAsync("/faq"));
        Assert.Contains("Коли починається опалювальний сезон", all);
    }

    [Fact]
    public async Task AddressSuggestions_PublicJson()
    {
        var response = await PortalForms.NewClient(app).GetAsync("/portal/addresses?q=Соб");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }
}

public sealed class PortalHttpTests_Sqlite(SqliteApp app) : PortalHttpTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PortalHttpTests_Postgres(PostgresApp app) : PortalHttpTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>The portal with a small per-IP limit, so that a thousand rapid submissions show the limiter at work.</summary>
public abstract class ThrottledPortalApp(Db db) : AppFixture(db)
{
    public const int Limit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ContactCenter:Portal:PostsPerWindow", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class ThrottledSqliteApp() : ThrottledPortalApp(Db.Sqlite);

public sealed class ThrottledPostgresApp() : ThrottledPortalApp(Db.Postgres);

public abstract class PortalThrottleTests<TApp>(TApp app) where TApp : ThrottledPortalApp
{
    [Fact]
    public async Task RapidSubmissionsFromOneIp_Throttled_Only_TheAllowedOnesStored()
    {
        var client = PortalForms.NewClient(app);
        var marker = Guid.NewGuid().ToString("N")[..8];
        // A thousand submissions from one address, back to back.
        const int attempts = 1000;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < attempts; i++)
        {
            var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), PortalForms.Valid($"Яма на дорозі {marker} {i}"));
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(ThrottledPortalApp.Limit, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(attempts - ThrottledPortalApp.Limit, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(ThrottledPortalApp.Limit, await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Description.Contains(marker))));
        // Reading pages is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/appeal/new")).StatusCode);
    }
}

public sealed class PortalThrottleTests_Sqlite(ThrottledSqliteApp app) : PortalThrottleTests<ThrottledSqliteApp>(app), IClassFixture<ThrottledSqliteApp>;

public sealed class PortalThrottleTests_Postgres(ThrottledPostgresApp app) : PortalThrottleTests<ThrottledPostgresApp>(app), IClassFixture<ThrottledPostgresApp>;
