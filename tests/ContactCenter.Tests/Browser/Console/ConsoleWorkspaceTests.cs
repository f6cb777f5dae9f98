using System.Net;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Knowledge;
using ContactCenter.Tests.Addresses;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>
/// The operator's aids on the registration screen (knowledge suggestions → answer, possible duplicates, outage panel,
/// a caller pop's ?phone=&amp;callId=), the appeal list, the supervisor's board with reassignment, the card's photos and
/// the live unread counter — each with a screenshot at 1366×768.
/// </summary>
public abstract class ConsoleWorkspaceTests<TApp>(TApp app) where TApp : BrowserApp
{
    private string Shot(string name) => "console-" + name + (app.Db == Db.Postgres ? "-pg" : "");

    [Fact]
    public async Task Operator_KeyboardOnly_SeesDuplicateAndOutage_AnswersFromKnowledgeBase_ClosedAsExplained()
    {
        await AddressTestData.EnsureAsync(app);
        var tag = "зорепад" + Guid.NewGuid().ToString("N")[..4];
        await app.WithDbAsync(async db =>
        {
            db.KnowledgeArticles.Add(new KnowledgeArticle
            {
                Title = "Графік роботи вуличного освітлення " + tag,
                Body = "Ліхтарі вмикаються автоматично із заходом сонця і вимикаються о 23:00. Аварії усуваються протягом доби.",
                IsPublic = true,
                SearchText = KnowledgeArticle.SearchTextOf("Графік роботи вуличного освітлення " + tag, "Ліхтарі вмикаються автоматично"),
                UpdatedAt = app.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        var building = await AddressTestData.BuildingIdAsync(app, "Незалежності 7");
        var earlier = Appeals.Valid("improvement.lighting");
        earlier["location"] = new Dictionary<string, object?> { ["address"] = "проспект Незалежності, 7", ["addressId"] = building };
        var earlierNumber = (await app.Admin().RegisterAsync(earlier)).GetProperty("registrationNumber").GetString()!;
        var streetId = await app.WithDbAsync(db => db.Streets.Where(s => s.Name == "Незалежності").Select(s => s.Id).FirstAsync());
        var (outage, outageBody) = await app.Admin().PostJsonAsync("/api/v1/outages", new
        {
            type = "electricity",
            kind = "emergency",
            information = "Аварійне відключення електроенергії " + tag,
            startsAt = app.Time.GetUtcNow().AddHours(-1),
            expectedEndAt = app.Time.GetUtcNow().AddHours(6),
            executorId = await app.CreateExecutorAsync("Обленерго " + tag[^4..]),
            areas = new[] { new { kind = "buildings", streetId, buildings = new[] { "7" } } },
        });
        Assert.Equal(HttpStatusCode.Created, outage);

        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Оксана Оператор");
        var page = await ConsoleKit.SignedInPageAsync(app, email, "/console/register");
        var register = new RegisterPage(page);
        await register.WaitReadyAsync();
        var keys = page.Keyboard;
        await keys.TypeAsync(Appeals.NewPhone());
        await keys.PressAsync("Tab");
        await keys.TypeAsync("Сидоренко Марія");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("вул. Соборна, 3, кв. 4");
        await keys.PressAsync("Tab");
        await register.PickCategoryByKeyboardAsync("вуличне освітл", "Вуличне освітлення");
        // Typed, not picked: leaving the field resolves it through the address register.
        await keys.TypeAsync("Незалежності 7");
        await keys.PressAsync("Tab");
        // The place is known: the open appeal about it and the outage covering it are beside the form.
        try
        {
            await register.Duplicates.GetByText(earlierNumber).WaitForAsync();
        }
        catch (TimeoutException)
        {
            await BrowserApp.ScreenshotAsync(page, Shot("register-place-failure"));
            throw;
        }
        await register.Outages.GetByText("Аварійне відключення електроенергії " + tag).WaitForAsync();
        await keys.TypeAsync("Коли увімкнуть ліхтар? Який графік освітлення " + tag);
        await register.Knowledge.GetByText("Графік роботи вуличного освітлення " + tag).WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, Shot("register-aids"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Позначити дублетним до " + earlierNumber }).ClickAsync();
        await page.GetByTestId("pending-link").WaitForAsync();
        await register.Knowledge.GetByRole(AriaRole.Button, new() { Name = "Надіслати як відповідь" }).First.ClickAsync();
        try
        {
            await register.Number.WaitForAsync();
        }
        catch (TimeoutException)
        {
            await BrowserApp.ScreenshotAsync(page, Shot("register-answer-failure"));
            throw;
        }
        var number = (await register.Number.InnerTextAsync()).Trim();
        await Assertions.Expect(register.SavedNotes.Filter(new() { HasText = "роз'яснено" })).ToHaveCountAsync(1);
        await Assertions.Expect(register.SavedNotes.Filter(new() { HasText = "дублетним до " + earlierNumber })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, Shot("register-answered"));

        var (_, card) = await app.Admin().GetJsonAsync("/api/v1/appeals/" + number);
        Assert.Equal("closed", card.GetProperty("status").GetString());
        Assert.Equal("explained", card.GetProperty("result").GetProperty("code").GetString());
        Assert.Equal(earlierNumber, card.GetProperty("flags").GetProperty("duplicateOf").GetString());
        _ = outageBody;
    }

    [Fact]
    public async Task CallerPop_PrefillsPhone_ConsultationFromArticle_LoggedWithCall_NoAppeal()
    {
        var tag = "прийом" + Guid.NewGuid().ToString("N")[..4];
        var articleId = await app.WithDbAsync(async db =>
        {
            var a = new KnowledgeArticle
            {
                Title = "Графік особистого прийому " + tag,
                Body = "Прийом громадян — щовівторка з 10:00 до 13:00, каб. 105.",
                IsPublic = true,
                SearchText = KnowledgeArticle.SearchTextOf("Графік особистого прийому " + tag, "Прийом громадян — щовівторка"),
                UpdatedAt = app.Time.GetUtcNow(),
            };
            db.KnowledgeArticles.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var phone = Appeals.NewPhone();
        var earlier = (await app.Admin().RegisterAsync(Appeals.Valid(phone: phone))).GetProperty("registrationNumber").GetString()!;
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator);
        var page = await ConsoleKit.SignedInPageAsync(app, email, "/console/register");
        await page.GotoAsync($"/console/register?phone={Uri.EscapeDataString(phone)}&callId=pbx-pop-1");
        var register = new RegisterPage(page);
        await Interactive.WaitAsync(page);
        await Assertions.Expect(page.GetByLabel("Телефон заявника")).ToHaveValueAsync(phone);
        await register.History.GetByText(earlier).WaitForAsync();
        var before = await app.WithDbAsync(db => db.Appeals.CountAsync());
        await page.GetByLabel("Суть звернення").PressSequentiallyAsync("Коли прийом громадян " + tag);
        await register.Knowledge.GetByRole(AriaRole.Button, new() { Name = "Консультація" }).First.ClickAsync();
        await page.GetByTestId("consultation-logged").WaitForAsync();
        var logged = await app.WithDbAsync(db => db.Consultations.Where(c => c.ArticleId == articleId).ToListAsync());
        var consultation = Assert.Single(logged);
        Assert.Equal(phone, consultation.CallerPhone);
        Assert.Equal("pbx-pop-1", consultation.CallId);
        Assert.Equal(before, await app.WithDbAsync(db => db.Appeals.CountAsync()));
    }

    [Fact]
    public async Task AppealList_FiltersInTheAddress_Sorts_Exports_Board_Reassigns_Photos_UnreadCounter()
    {
        var mine = "Ремонт " + Guid.NewGuid().ToString("N")[..4];
        var executorId = await app.CreateExecutorAsync(mine);
        var other = "Резерв " + Guid.NewGuid().ToString("N")[..4];
        await app.CreateExecutorAsync(other);
        // Received three weeks ago: past its deadline, overdue now.
        var late = Appeals.Valid(executorId: executorId);
        late["channel"] = "written";
        late["receivedAt"] = app.Time.GetUtcNow().AddDays(-21);
        var overdue = (await app.Admin().RegisterAsync(late)).GetProperty("registrationNumber").GetString()!;
        var fresh = (await app.Admin().RegisterAsync(Appeals.Valid(executorId: executorId))).GetProperty("registrationNumber").GetString()!;
        // A photo on the fresh one (a 1×1 PNG).
        using (var content = new MultipartFormDataContent())
        {
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
            var file = new ByteArrayContent(png);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            content.Add(file, "file", "photo.png");
            var upload = await app.Admin().PostAsync($"/api/v1/appeals/{fresh}/attachments", content);
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        }

        var supervisorEmail = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Ірина Контроль");
        var page = await ConsoleKit.SignedInPageAsync(app, supervisorEmail);

        var list = new AppealListPage(page);
        await list.OpenAsync($"executor={executorId}");
        await list.Row(overdue).WaitForAsync();
        await list.Row(fresh).WaitForAsync();
        var csvHref = $"/api/v1/appeals?executorId={executorId}&format=csv";
        await Assertions.Expect(list.Export).ToHaveAttributeAsync("href", csvHref);
        // The export link carries the list's filters in the API's names: the file holds the list's rows.
        var csv = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), csvHref).ToString());
        Assert.True(csv.Ok, $"CSV export answered {csv.Status}");
        var csvText = await csv.TextAsync();
        Assert.Contains(overdue, csvText);
        Assert.Contains(fresh, csvText);
        await list.SortByAsync("Номер");
        await page.WaitForURLAsync("**sort=number**");
        await Assertions.Expect(list.Rows.First).ToContainTextAsync(overdue);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Прострочені" }).CheckAsync();
        await page.WaitForURLAsync("**overdue=true**");
        await Assertions.Expect(list.Row(fresh)).ToHaveCountAsync(0);
        await list.Row(overdue).WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, Shot("appeals"));

        var board = new BoardPage(page);
        await board.OpenAsync();
        await Assertions.Expect(board.OverdueCount(mine)).ToHaveTextAsync("1");
        await board.OverdueCount(mine).ClickAsync();
        await board.List.GetByText(overdue).WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, Shot("board"));
        await board.ReassignAsync(overdue, other, "Належить до компетенції резервної бригади");
        await Assertions.Expect(board.OverdueCount(other)).ToHaveTextAsync("1");

        // A resonant mark notifies the supervisors: the menu counter rises without reloading, reading clears it.
        var notifications = new NotificationsPage(page);
        var (marked, _) = await app.Admin().PostJsonAsync($"/api/v1/appeals/{fresh}/resonant", new { reason = "Публікація в місцевих ЗМІ" });
        Assert.Equal(HttpStatusCode.OK, marked);
        await notifications.MenuBadge.WaitForAsync();
        await board.Resonant.GetByText(fresh).WaitForAsync();
        await notifications.OpenAsync();
        await page.GetByText("Резонансне звернення " + fresh).First.WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, Shot("notifications"));
        await notifications.ReadAllAsync();
        await Assertions.Expect(notifications.MenuBadge).ToHaveCountAsync(0);

        // The card shows the photo as a thumbnail and opens it large.
        await page.GotoAsync("/console/appeals/" + fresh);
        var card = new CardPage(page);
        await card.WaitReadyAsync(fresh);
        await page.GetByTestId("card-resonant").WaitForAsync();
        var thumb = page.GetByRole(AriaRole.List, new() { Name = "Фото" }).GetByRole(AriaRole.Img, new() { Name = "photo.png" });
        await thumb.WaitForAsync();
        await thumb.ClickAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = "photo.png" }).WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, Shot("card-photo"));
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ConsoleWorkspaceTests_Sqlite(SqliteBrowserApp app) : ConsoleWorkspaceTests<SqliteBrowserApp>(app), IClassFixture<SqliteBrowserApp>;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleWorkspaceTests_Postgres(PostgresBrowserApp app) : ConsoleWorkspaceTests<PostgresBrowserApp>(app), IClassFixture<PostgresBrowserApp>;
