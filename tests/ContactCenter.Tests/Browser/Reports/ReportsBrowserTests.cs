using ContactCenter.Features.Identity;
using ContactCenter.Tests.Browser.Console;
using Microsoft.Playwright;
using static ContactCenter.Tests.Api.Registration.RegistrationTestKit;

namespace ContactCenter.Tests.Browser.Reports;

/// <summary>The reports page of the console and the print pages, in Chromium, with screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task Supervisor_OpensReports_SeesTheQuarterAndTheDiscipline_DownloadsLinked()
    {
        await app.Admin().RegisterAsync(Appeals.Valid());
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Начальниця Звітів");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        var reports = new ReportsPage(page);

        await reports.OpenAsync();

        await Assertions.Expect(reports.Heading).ToContainTextAsync("4 квартал 2026 року");
        await Assertions.Expect(reports.Section("Вид звернення")).ToBeVisibleAsync();
        await Assertions.Expect(reports.Section("Вид звернення").GetByRole(AriaRole.Row, new() { Name = "заява" })).ToBeVisibleAsync();
        await Assertions.Expect(reports.Download("XLSX").First).ToHaveAttributeAsync("href", "/api/v1/reports/statutory?from=2026-10-01&to=2026-12-31&format=xlsx");
        await BrowserApp.ScreenshotAsync(page, "console-reports-statutory");

        await reports.TabAsync("Виконавська дисципліна");
        await Assertions.Expect(reports.Discipline.GetByRole(AriaRole.Row, new() { Name = "Усього" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-reports-discipline");
    }

    [Fact]
    public async Task Supervisor_PrintsTheCardAndTheLetter_A4SheetWithLetterhead()
    {
        var number = (await app.Admin().RegisterAsync(Appeals.Valid())).Str("registrationNumber");
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Начальник Друку");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        var print = new PrintPage(page);

        await print.OpenAsync($"/print/appeals/{number}/card");

        await Assertions.Expect(print.Title).ToContainTextAsync($"Реєстраційно-контрольна картка звернення № {number}");
        await Assertions.Expect(page.GetByText("Коваленко Олена Петрівна")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "PDF" })).ToHaveAttributeAsync("href", $"/print/appeals/{number}/card?format=pdf");
        await BrowserApp.ScreenshotAsync(page, "print-card");

        await print.OpenAsync($"/print/appeals/{number}/letter");
        await Assertions.Expect(page.GetByText("Шановний заявнику!")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "print-letter");

        await print.OpenAsync("/print/register?period=2026-11");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Список звернень громадян" }).GetByRole(AriaRole.Cell, new() { Name = number })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "print-register");
    }
}

/// <summary>The console's reports page.</summary>
public sealed class ReportsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/reports");
        await Interactive.WaitAsync(page);
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Звіт про звернення громадян за розділами класифікатора" });

    public ILocator Section(string title) => page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = title, Exact = true }) });

    public ILocator Download(string format) => page.GetByRole(AriaRole.Link, new() { Name = format });

    public ILocator Discipline => page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Надійшло питань" }) });

    public Task TabAsync(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();
}

/// <summary>A print page (card, letter, register).</summary>
public sealed class PrintPage(IPage page)
{
    public Task OpenAsync(string path) => page.GotoAsync(path);

    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}
