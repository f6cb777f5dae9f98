using ContactCenter.Features.Identity;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>The administrator makes a working day a day off; the deadline preview moves by a day.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminCalendarTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task Administrator_AddsATransferredDayOff_AndTheDeadlinePreviewMoves()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Administrator, name: "Адмін Тестовий");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/admin/calendar");
        await Interactive.WaitAsync(page);
        var preview = page.GetByTestId("calendar-preview-due");
        // Tue 24.11.2026 10:00 Kyiv + five working days ("simple" track).
        await Assertions.Expect(preview).ToHaveTextAsync("01.12.2026 17:00");
        await BrowserApp.ScreenshotAsync(page, "console-admin-calendar");

        // Thursday 26.11 becomes a day off: one working day fewer before the deadline.
        await page.GetByLabel("Дата").FillAsync("2026-11-26");
        await page.GetByLabel("Коментар").FillAsync("Перенесено на суботу");
        await page.GetByRole(AriaRole.Button, new() { Name = "Додати перенесення" }).ClickAsync();
        await Assertions.Expect(preview).ToHaveTextAsync("02.12.2026 17:00");
        await page.GetByRole(AriaRole.Cell, new() { Name = "26.11.2026" }).WaitForAsync();
    }
}
