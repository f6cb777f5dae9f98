using System.Net;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Control;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Notifications;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Browser.Console;
using ContactCenter.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Control;

/// <summary>Issue 6 in Chromium: held intake with a photo, the supervisor's decision after the rework limit, the terms editor, R2 on the card and in the digest.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ControlScreensTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task HeldIntake_PortalSubmissionWithPhoto_OperatorReleases_AppealHasThePhoto()
    {
        var term = "злослово" + Guid.NewGuid().ToString("N")[..6];
        var (created, _) = await app.Admin().PostJsonAsync("/api/v1/screening/terms", new { term });
        Assert.Equal(HttpStatusCode.Created, created);
        // The portal over the real port (the browser fixture serves on Kestrel), as a browser without JavaScript posts it.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = new Uri(app.BaseUrl) };
        var phone = Appeals.NewPhone();
        var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client),
            PortalForms.Valid($"Сусіди з 3-го поверху {term} і знову заливають під'їзд, фото додаю", phone), ("pidyizd.png", PortalForms.Png));
        Assert.Equal("/appeal/held", response.Headers.Location!.ToString());
        var id = await app.WithDbAsync(db => db.Set<HeldIntake>().Where(h => h.Phone == phone).Select(h => h.Id).SingleAsync());

        var page = await ConsoleKit.SignedInPageAsync(app, await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Олена Оператор"));
        var held = new HeldIntakePage(page);
        await held.OpenAsync();
        await Assertions.Expect(held.Photos(id)).ToHaveCountAsync(1);
        await Assertions.Expect(held.Photos(id)).ToHaveAttributeAsync("alt", "pidyizd.png");
        // The thumbnail really loads (cookie-authenticated file endpoint).
        Assert.True(await held.Photos(id).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await BrowserApp.ScreenshotAsync(page, "control-held-intake-photo");

        await held.ReleaseAsync(id);
        await Assertions.Expect(held.Message("Зареєстровано:")).ToBeVisibleAsync();
        var number = await app.WithDbAsync(db => db.Set<HeldIntake>().AsNoTracking().Where(h => h.Id == id).Select(h => h.RegistrationNumber).SingleAsync());
        Assert.NotNull(number);
        await Assertions.Expect(held.Message($"Зареєстровано: {number}")).ToBeVisibleAsync();
        await Assertions.Expect(held.Row(id)).ToHaveCountAsync(0);

        var card = new CardControl(page);
        await card.OpenAsync(number);
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Фото" }).Locator("img[alt='pidyizd.png']")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "control-held-released-card");
        var appealId = await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.AppealId == appealId && a.FileName == "pidyizd.png")));
    }

    /// <summary>Reported, then «not confirmed» until the rework limit (2) brings the question to the supervisor.</summary>
    private static async Task<string> AtReworkLimitAsync(Cast cast)
    {
        var number = Cast.Number(await cast.As(cast.Operator).RegisterAsync(Appeals.Valid(executorId: cast.ExecutorId)));
        await cast.OkAsync(cast.Executor, number, "accept", null, "inProgress");
        string[] reasons = ["Вода тече далі, сліди на стелі", "Після ремонту знову протікає"];
        foreach (var reason in reasons)
        {
            await cast.OkAsync(cast.Executor, number, "result", new { text = "Дах над під'їздом залатано", resultCode = "resolved" }, "resultReported");
            await cast.OkAsync(cast.Operator, number, "verification", new { confirmed = false, rating = 2, comment = reason, via = "call" }, "inProgress");
        }
        await cast.OkAsync(cast.Executor, number, "result", new { text = "Покрівлю над квартирою перекрито повністю", resultCode = "resolved" }, "resultReported");
        await cast.OkAsync(cast.Operator, number, "verification", new { confirmed = false, rating = 1, comment = "Протікає втретє", via = "call" }, "resultReported");
        return number;
    }

    [Fact]
    public async Task SupervisorDecision_AfterReworkLimit_ReasonRequired_ClosedInTheBrowser()
    {
        var cast = await Cast.Of(app);
        var number = await AtReworkLimitAsync(cast);
        var other = await AtReworkLimitAsync(cast);
        var page = await ConsoleKit.SignedInPageAsync(app, await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Ігор Керівник"));
        var decisions = new SupervisorDecisionsPage(page);
        await decisions.OpenAsync();
        var item = decisions.Item(number);
        await Assertions.Expect(item).ToContainTextAsync("доопрацювань: 2");
        await Assertions.Expect(decisions.History(number)).ToContainTextAsync("Вода тече далі, сліди на стелі");
        await Assertions.Expect(decisions.History(number)).ToContainTextAsync("Після ремонту знову протікає");
        await Assertions.Expect(decisions.History(number)).ToContainTextAsync("Протікає втретє");
        await Assertions.Expect(page.GetByTestId("menu-count-decisions")).Not.ToHaveTextAsync("0");
        await BrowserApp.ScreenshotAsync(page, "control-supervisor-decisions");

        // No reason: refused by the handler, shown under the field, nothing changes.
        await SupervisorDecisionsPage.DecideAsync(item, rework: false, reason: null);
        await Assertions.Expect(item.GetByText("Обов'язкове поле", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "control-supervisor-decision-reason-required");
        await item.GetByLabel("Причина рішення").FillAsync("Покрівлю перекрито, акт комісії від 02.12; повторне обстеження протікання не виявило");
        await item.GetByRole(AriaRole.Button, new() { Name = "Підтвердити рішення" }).ClickAsync();
        await Assertions.Expect(decisions.Item(number)).ToHaveCountAsync(0);
        var q = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(x => x.Appeal.RegistrationNumber == number));
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal("supervisor", q.VerificationVia);
        Assert.Null(q.SupervisorDecisionSince);

        // The card offers the same decision for the other one: back for one more rework.
        var card = new CardControl(page);
        await card.OpenAsync(other);
        await Assertions.Expect(page.GetByTestId("card-awaiting-decision")).ToContainTextAsync("після 2 доопрацювань");
        await BrowserApp.ScreenshotAsync(page, "control-card-supervisor-decision");
        await SupervisorDecisionsPage.DecideAsync(card.Panel, rework: true, reason: "Залучити підрядника для повної заміни покрівлі");
        await Assertions.Expect(page.GetByTestId("card-status")).ToHaveTextAsync("в роботі", new() { Timeout = 30_000 });
        var reworked = await app.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(x => x.Appeal.RegistrationNumber == other));
        Assert.Equal(AppealStatus.InProgress, reworked.Status);
        Assert.Equal(3, reworked.ReworkCount);
    }

    [Fact]
    public async Task ScreeningTerms_SupervisorAddsAndRemovesATerm_Audited()
    {
        var page = await ConsoleKit.SignedInPageAsync(app, await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Ігор Керівник"));
        var terms = new ScreeningTermsPage(page);
        await terms.OpenAsync();
        var term = "ворожслово" + Guid.NewGuid().ToString("N")[..4];
        await terms.AddAsync(term.ToUpperInvariant());
        await Assertions.Expect(terms.Row(term)).ToContainTextAsync("Ігор Керівник");
        Assert.True(await app.WithDbAsync(db => db.Set<ScreeningTerm>().AnyAsync(t => t.Term == term)));
        await BrowserApp.ScreenshotAsync(page, "control-screening-terms");

        // The same term again: refused with the handler's message.
        await terms.AddAsync(term);
        await Assertions.Expect(page.GetByText("вже є", new() { Exact = false }).First).ToBeVisibleAsync();

        await terms.RemoveAsync(term);
        await Assertions.Expect(terms.Row(term)).ToHaveCountAsync(0);
        Assert.False(await app.WithDbAsync(db => db.Set<ScreeningTerm>().AnyAsync(t => t.Term == term)));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityType == "screeningTerm" && a.Action == "delete" && a.Details == term)));
    }

    [Fact]
    public async Task R2_ReturnedAppeal_TimerOnTheCard_RedWhenTheNoticeFails_ListedInTheDigest()
    {
        var cast = await Cast.Of(app);
        var body = Appeals.Valid();
        body["channel"] = "email";
        ((Dictionary<string, object?>)body["applicant"]!)["email"] = $"r.{Guid.NewGuid():N}"[..14] + "@example.test";
        var number = Cast.Number(await cast.As(cast.Operator).RegisterAsync(body));
        await cast.OkAsync(cast.Operator, number, "return", new { explanation = "Не зазначено місце проживання заявника." }, "closed");

        var page = await ConsoleKit.SignedInPageAsync(app, await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Ігор Керівник"));
        var card = new CardControl(page);
        await card.OpenAsync(number);
        await Assertions.Expect(card.Timer("R2")).ToContainTextAsync("Повернуто заявнику: залишилось 10 з 10 днів");
        await Assertions.Expect(card.Timer("R2")).ToContainTextAsync("з 10 днів");
        await Assertions.Expect(card.Timer("R2")).ToHaveAttributeAsync("data-state", "pending");
        await BrowserApp.ScreenshotAsync(page, "control-card-r2-running");

        await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.RegistrationNumber == number && n.Kind == NotificationKind.Returned)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NotificationStatus.Failed)));
        await card.OpenAsync(number);
        await Assertions.Expect(card.Timer("R2")).ToHaveAttributeAsync("data-state", "failed");
        await Assertions.Expect(card.Timer("R2")).ToContainTextAsync("не вдалося доставити");
        await Assertions.Expect(card.Timer("R2")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-alert-.*error"));
        await BrowserApp.ScreenshotAsync(page, "control-card-r2-failed");

        await page.GotoAsync("/console/digest");
        await Interactive.WaitAsync(page);
        var row = page.GetByTestId("digest-law-timers").GetByRole(AriaRole.Row, new() { Name = number, Exact = true });
        await Assertions.Expect(row).ToContainTextAsync("R2");
        await Assertions.Expect(row).ToContainTextAsync("не вдалося доставити");
        await BrowserApp.ScreenshotAsync(page, "control-digest-law-timers");
    }
}
