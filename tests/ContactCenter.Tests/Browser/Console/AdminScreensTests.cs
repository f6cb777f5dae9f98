using System.Net;
using ContactCenter.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>
/// The administration screens in Chromium at 1366×768: each does its job end to end and leaves a screenshot
/// (artifacts/screenshots/console-admin-*.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminScreensTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private async Task<IPage> AdministratorAsync() =>
        await ConsoleKit.SignedInPageAsync(app, await ConsoleKit.CreateUserAsync(app, Roles.Administrator, name: "Наталія Адміністратор"));

    [Fact]
    public async Task Users_CreateAnOperator_TheyCanSignInWithTheTemporaryPassword()
    {
        var page = await AdministratorAsync();
        var users = new AdminUsersPage(page);
        await users.OpenAsync();
        var email = $"operator-{Guid.NewGuid():N}"[..20] + "@rada.test";

        var password = await users.CreateAsync(email, "Оксана Григоренко", "оператор", enrolSecondFactor: false);

        await Assertions.Expect(users.Row("Оксана Григоренко")).ToContainTextAsync("оператор");
        await BrowserApp.ScreenshotAsync(page, "console-admin-users");
        var theirs = await ConsoleKit.NewPageAsync(app);
        var login = new LoginPage(theirs);
        await login.OpenAsync();
        await login.SignInAsync(email, password);
        // A temporary password is replaced before any work.
        await theirs.WaitForURLAsync("**/console/account/password");
        await new ChangePasswordPage(theirs).ChangeAsync(password, "Vlasnyi-parol-2026", "Vlasnyi-parol-2026");
        await theirs.GetByText("Пароль змінено.").WaitForAsync();
        await theirs.GotoAsync("/console/register");
        await Interactive.WaitAsync(theirs);
        await Assertions.Expect(theirs.GetByText("Оксана Григоренко · оператор")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Categories_EditNameAndEarlyWarning_SavedAndShownInTheTree()
    {
        var page = await AdministratorAsync();
        var categories = new AdminCategoriesPage(page);
        await categories.OpenAsync();

        await categories.SelectAsync("Вуличне освітлення");
        await categories.EditAsync("Вуличне освітлення та ліхтарі", 6);

        await Assertions.Expect(categories.Row("Вуличне освітлення та ліхтарі")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-admin-categories");
        var saved = await app.WithDbAsync(db => db.Categories.AsNoTracking().FirstAsync(c => c.Code == "improvement.lighting"));
        Assert.Equal(("Вуличне освітлення та ліхтарі", 6), (saved.Name, saved.EarlyWarningHours));
    }

    [Fact]
    public async Task Executors_CreateOneAndAddAStaffMember()
    {
        var page = await AdministratorAsync();
        var executors = new AdminExecutorsPage(page);
        await executors.OpenAsync();
        var name = "КП «Зеленбуд» " + Guid.NewGuid().ToString("N")[..4];

        await executors.CreateAsync(name, "Литвин Сергій Іванович", "0442223344");
        await Assertions.Expect(executors.Row(name)).ToContainTextAsync("Литвин Сергій Іванович");
        await executors.AddStaffAsync("Гнатюк Марина", "інженер з благоустрою");

        await Assertions.Expect(executors.StaffRow("Гнатюк Марина")).ToContainTextAsync("інженер з благоустрою");
        await BrowserApp.ScreenshotAsync(page, "console-admin-executors");
        Assert.True(await app.WithDbAsync(db => db.ExecutorStaff.AnyAsync(s => s.FullName == "Гнатюк Марина" && s.Position == "інженер з благоустрою")));
    }

    [Fact]
    public async Task Knowledge_WriteWithTheToolbar_Publish_AndTheCitizenSeesItOnTheFaq()
    {
        var page = await AdministratorAsync();
        var kb = new AdminKnowledgePage(page);
        await kb.OpenAsync();
        await BrowserApp.ScreenshotAsync(page, "console-admin-knowledge-list");
        var title = "Прийом громадян у ЦНАП " + Guid.NewGuid().ToString("N")[..4];

        await kb.WriteAsync(title, "ЦНАП приймає без попереднього запису.", "щопонеділка з 8:00");
        await Assertions.Expect(kb.Preview.Locator("strong")).ToHaveTextAsync("щопонеділка з 8:00");
        await kb.PublishAndSaveAsync();
        await Assertions.Expect(kb.Message("Збережено.")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-admin-knowledge-editor");

        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/faq?q=" + Uri.EscapeDataString("ЦНАП"));
        var article = citizen.GetByRole(AriaRole.Group).Filter(new() { HasText = title });
        await article.GetByText(title).ClickAsync();
        await Assertions.Expect(article.Locator("strong")).ToHaveTextAsync("щопонеділка з 8:00");
    }

    [Fact]
    public async Task Addresses_ImportACsvWithOneBadLine_TheReportNamesIt()
    {
        var page = await AdministratorAsync();
        var addresses = new AdminAddressesPage(page);
        await addresses.OpenAsync();
        const string csv = "district;street_type;street;former_names;building;lat;lon\n"
            + "Центральний;вулиця;Іподромна;Кірова;14;50.45;30.52\n"
            + "Центральний;вулиця;Іподромна;;16;;\n"
            + "Центральний;шосе-тунель;Нова;;1;;\n";

        await addresses.ImportAsync("register.csv", csv);

        await Assertions.Expect(addresses.Accepted).ToHaveTextAsync("2");
        await Assertions.Expect(addresses.Rejected).ToHaveTextAsync("1");
        await Assertions.Expect(addresses.RejectedLines).ToHaveCountAsync(1);
        await Assertions.Expect(addresses.RejectedLines.First).ToContainTextAsync("шосе-тунель");
        await BrowserApp.ScreenshotAsync(page, "console-admin-addresses");
    }

    [Fact]
    public async Task ApiKeys_CreateShownOnce_UseItOnce_ThenRevoke()
    {
        var page = await AdministratorAsync();
        var keys = new AdminApiKeysPage(page);
        await keys.OpenAsync();
        var name = "АТС " + Guid.NewGuid().ToString("N")[..4];

        var key = await keys.CreateAsync(name);
        Assert.StartsWith("cc_", key, StringComparison.Ordinal);
        await Assertions.Expect(keys.Copy).ToBeVisibleAsync();
        await Assertions.Expect(keys.LastUsed(name)).ToHaveTextAsync("ще ні");
        await BrowserApp.ScreenshotAsync(page, "console-admin-api-keys");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/v1/categories", UriKind.Relative))).StatusCode);

        // Reopened, the key is no longer shown; its use is.
        await keys.OpenAsync();
        await Assertions.Expect(page.GetByTestId("new-api-key")).ToHaveCountAsync(0);
        await Assertions.Expect(keys.LastUsed(name)).Not.ToHaveTextAsync("ще ні");
        await keys.RevokeAsync(name);
        await Assertions.Expect(keys.Message($"Ключ «{name}» відкликано.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/v1/categories", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Tracks_ChangeATerm_Saved()
    {
        var page = await AdministratorAsync();
        var tracks = new AdminTracksPage(page);
        await tracks.OpenAsync();

        await tracks.SetTermAsync("complex", 15);

        await Assertions.Expect(tracks.Message("Збережено.")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-admin-tracks");
        Assert.Equal(15, await app.WithDbAsync(db => db.ReviewTracks.Where(t => t.Code == "complex").Select(t => t.Term).FirstAsync()));
    }
}
