using ContactCenter.Features.Identity;
using ContactCenter.Tests.Telephony;
using ContactCenter.Tests.UnifiedSystem;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>The browser app with the CTI webhook configured.</summary>
public sealed class CtiBrowserApp() : BrowserApp(Db.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ContactCenter:Telephony:Secret", CtiApp.Secret);
    }
}

public sealed class UnifiedSystemPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/unified-system");
        await Interactive.WaitAsync(page);
    }

    public Task UploadAsync(string name, byte[] file) =>
        page.GetByLabel("Файл CSV").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = file });

    public ILocator Summary => page.GetByTestId("us-summary");

    public ILocator Row(int line) => page.GetByRole(AriaRole.Row, new() { Name = $"Рядок {line}", Exact = true });

    public Task CommitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Імпортувати" }).ClickAsync();
}

public sealed class CallerPopPanel(IPage page)
{
    public Task WaitListeningAsync() => page.Locator("[data-cc-call-pop]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog, new() { Name = "Вхідний дзвінок" });

    public ILocator Phone => Dialog.GetByTestId("pop-phone");

    public ILocator Name => Dialog.GetByTestId("pop-name");

    public ILocator OpenAppeals => Dialog.GetByRole(AriaRole.List, new() { Name = "Відкриті звернення" });

    public Task CloseAsync() => Dialog.GetByRole(AriaRole.Button, new() { Name = "Закрити" }).ClickAsync();

    public Task NewAppealAsync() => Dialog.GetByRole(AriaRole.Button, new() { Name = "Нове звернення" }).ClickAsync();
}

/// <summary>Issue 5 in the console: the Unified System CSV upload with its preview, and the CTI screen pop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnifiedSystemBrowserTests(CtiBrowserApp app) : IClassFixture<CtiBrowserApp>
{
    [Fact]
    public async Task Operator_UploadsCsv_SeesPreviewWithRejectedRow_Confirms_CardsRegistered()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Ольга Оператор");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        var screen = new UnifiedSystemPage(page);
        await screen.OpenAsync();
        string good = UnifiedCsvFixture.NewNumber(), other = UnifiedCsvFixture.NewNumber(), bad = UnifiedCsvFixture.NewNumber();
        var file = UnifiedCsvFixture.Cp1251(
            UnifiedCsvFixture.Row(good, due: "25.11.2026 12:00"),
            UnifiedCsvFixture.Row(other, topic: "Вуличне освітлення", content: "Не світить ліхтар"),
            UnifiedCsvFixture.Row(bad, applicant: "анонім"));
        await screen.UploadAsync("export-1545.csv", file);

        await Assertions.Expect(screen.Summary).ToContainTextAsync("Створити: 2 · оновити: 0 · без змін: 0 · відхилено: 1");
        await Assertions.Expect(screen.Row(4)).ToContainTextAsync("Анонімні звернення не розглядаються");
        await Assertions.Expect(screen.Row(2)).ToContainTextAsync("Водопостачання");
        await Assertions.Expect(screen.Row(2)).ToContainTextAsync("25.11.2026 12:00");
        await BrowserApp.ScreenshotAsync(page, "console-unified-preview");
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Appeals, a => a.ExternalId == "1545:" + good)));

        await screen.CommitAsync();
        await Assertions.Expect(screen.Summary).ToContainTextAsync("Створено: 2 · оновлено: 0 · без змін: 0 · відхилено: 1");
        var link = screen.Row(2).GetByRole(AriaRole.Link);
        await Assertions.Expect(link).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}-\d{5}$"));
        await BrowserApp.ScreenshotAsync(page, "console-unified-imported");

        // The same file again: nothing to create.
        await screen.UploadAsync("export-1545.csv", file);
        await Assertions.Expect(screen.Summary).ToContainTextAsync("Створити: 0 · оновити: 0 · без змін: 2 · відхилено: 1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Імпортувати" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task AnsweredCall_PopsKnownCaller_WithAppeals_ThenUnknownCaller_OffersNewAppeal()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Павло Оператор");
        var phone = Appeals.NewPhone();
        var number = (await app.Admin().RegisterAsync(Appeals.Valid(phone: phone))).GetProperty("registrationNumber").GetString()!;
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await Interactive.WaitAsync(page);
        var pop = new CallerPopPanel(page);
        await pop.WaitListeningAsync();
        var client = app.Client(null);
        var now = app.Time.GetUtcNow();

        var call = Cti.NewCallId();
        Assert.Equal(System.Net.HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, Cti.Event("newCall", call, "0" + phone[4..], now)));
        Assert.Equal(System.Net.HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, Cti.Event("answer", call, "0" + phone[4..], now, user: email)));
        await Assertions.Expect(pop.Dialog).ToBeVisibleAsync();
        await Assertions.Expect(pop.Phone).ToHaveTextAsync(phone);
        await Assertions.Expect(pop.Name).ToHaveTextAsync("Коваленко Олена Петрівна");
        await Assertions.Expect(pop.OpenAppeals.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-caller-pop-known");
        await pop.CloseAsync();
        await Assertions.Expect(pop.Dialog).ToHaveCountAsync(0);

        var stranger = Appeals.NewPhone();
        var second = Cti.NewCallId();
        Assert.Equal(System.Net.HttpStatusCode.OK, await Cti.PostAsync(client, CtiApp.Secret, Cti.Event("answer", second, stranger, now, user: email)));
        await Assertions.Expect(pop.Dialog).ToContainTextAsync("Номер невідомий");
        await Assertions.Expect(pop.Phone).ToHaveTextAsync(stranger);
        await BrowserApp.ScreenshotAsync(page, "console-caller-pop-unknown");
        await pop.NewAppealAsync();
        // An in-app navigation (no page load): the registration screen, prefilled with the number and the call.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
            System.Text.RegularExpressions.Regex.Escape("/console/register?phone=" + Uri.EscapeDataString(stranger) + "&callId=") + @"\d+$"));
        await Assertions.Expect(pop.Dialog).ToHaveCountAsync(0);
    }
}
