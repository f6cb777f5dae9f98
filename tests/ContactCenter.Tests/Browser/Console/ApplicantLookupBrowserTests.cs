using ContactCenter.Features.Identity;
using ContactCenter.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>
/// Issue 3 in the browser: the operator finds a returning applicant by surname, picks them, sees their earlier appeal
/// and registers; and the outage form drops a «required» error as soon as its field is filled.
/// </summary>
public abstract class ApplicantLookupBrowserTests<TApp>(TApp app) where TApp : BrowserApp
{
    private string Shot(string name) => "console-" + name + (app.Db == Db.Postgres ? "-pg" : "");

    [Fact]
    public async Task Operator_TypesSurname_PicksApplicant_SeesEarlierAppeal_Registers()
    {
        var u = Guid.NewGuid().ToString("N")[..4];
        var surname = "Ґонтар" + string.Concat(u.Select(c => "абвгдежзиклмнопр"[Convert.ToInt32(c.ToString(), 16)]));
        var fullName = surname + " Ївга Петрівна";
        var earlierBody = Infrastructure.Appeals.Valid("improvement.lighting");
        var applicant = (Dictionary<string, object?>)earlierBody["applicant"]!;
        applicant["fullName"] = fullName;
        applicant["address"] = "м. Київ, вул. Соборна, 15, кв. 4";
        var earlier = (await app.Admin().RegisterAsync(earlierBody)).GetProperty("registrationNumber").GetString()!;
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Ірина Оператор");

        var page = await ConsoleKit.SignedInPageAsync(app, email, "/console/register");
        var register = new RegisterPage(page);
        await register.WaitReadyAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(surname.ToLowerInvariant(), new() { Delay = 40 });

        // The match appears beside the form while the caret stays in the name box.
        var pick = register.PickApplicant(fullName);
        await pick.WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(register.ApplicantName).ToBeFocusedAsync();
        await Assertions.Expect(register.ApplicantMatches).ToContainTextAsync("Звернень: 1, на контролі: 1");
        await BrowserApp.ScreenshotAsync(page, Shot("register-lookup"));

        await pick.ClickAsync();
        await Assertions.Expect(register.ApplicantName).ToHaveValueAsync(fullName);
        await Assertions.Expect(register.Residence).ToHaveValueAsync("м. Київ, вул. Соборна, 15, кв. 4");
        await register.ApplicantHistory(fullName).GetByText(earlier).WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, Shot("register-picked"));

        await page.GetByLabel("Категорія").FocusAsync();
        await register.PickCategoryByKeyboardAsync("освітл", "Вуличне освітлення");
        await page.Keyboard.TypeAsync("вул. Садова, 5");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Знову не світить ліхтар біля будинку.");
        await page.Keyboard.PressAsync("Control+Enter");
        await register.Number.WaitForAsync();
        var number = (await register.Number.InnerTextAsync()).Trim();
        Assert.NotEqual(earlier, number);

        var (_, card) = await app.Admin().GetJsonAsync("/api/v1/appeals/" + number);
        Assert.Equal(fullName, card.GetProperty("applicant").GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task OutageForm_RequiredError_GoesAway_WhenTheFieldIsFilled()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Оператор форми");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/outages/new");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Реєстрація відключення" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Зареєструвати" }).ClickAsync();

        var information = page.Locator(".mud-input-control", new() { Has = page.GetByLabel("Коротка інформація") }).GetByText("Обов'язкове поле.");
        var type = page.Locator(".mud-input-control", new() { Has = page.GetByLabel("Тип", new() { Exact = true }) }).GetByText("Обов'язкове поле.");
        await Assertions.Expect(information).ToBeVisibleAsync();
        await Assertions.Expect(type).ToBeVisibleAsync();

        await page.GetByLabel("Коротка інформація").FillAsync("Аварія на водогоні");
        await Assertions.Expect(information).ToHaveCountAsync(0);
        // Only the field filled loses its error.
        await Assertions.Expect(type).ToBeVisibleAsync();
        await page.GetByLabel("Тип", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "водопостачання", Exact = true }).ClickAsync();
        await Assertions.Expect(type).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, Shot("outage-create-errors-clearing"));
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ApplicantLookupBrowserTests_Sqlite(SqliteBrowserApp app) : ApplicantLookupBrowserTests<SqliteBrowserApp>(app), IClassFixture<SqliteBrowserApp>;

[Collection(BrowserCollection.Name)]
public sealed class ApplicantLookupBrowserTests_Postgres(PostgresBrowserApp app) : ApplicantLookupBrowserTests<PostgresBrowserApp>(app), IClassFixture<PostgresBrowserApp>;
