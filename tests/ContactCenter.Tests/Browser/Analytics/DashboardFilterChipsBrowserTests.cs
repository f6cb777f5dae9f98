using ContactCenter.Features.Identity;
using ContactCenter.Tests.Browser.Console;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Analytics;

/// <summary>
/// A list opened from a dashboard figure carries filters that have no control of their own (closed, on time, rating …):
/// the list shows them as chips, and closing a chip removes that filter only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardFilterChipsBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task FiguresFilters_ShownAsChips_ClosingOneRemovesOnlyIt()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor);
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/appeals?closed=true&closedOnTime=false&rating=2&from=2026-11-01");
        await Interactive.WaitAsync(page);

        var chips = page.GetByTestId("dashboard-filter");
        await Assertions.Expect(chips).ToHaveCountAsync(3);
        await Assertions.Expect(chips.Nth(0)).ToContainTextAsync("Закриті");
        await Assertions.Expect(chips.Nth(1)).ToContainTextAsync("Закрито з порушенням строку");
        await Assertions.Expect(chips.Nth(2)).ToContainTextAsync("Оцінка заявника: 2 з 5");
        await BrowserApp.ScreenshotAsync(page, "console-appeals-dashboard-chips");

        await chips.Nth(1).Locator(".mud-chip-close-button").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("closedOnTime", StringComparison.Ordinal));
        Assert.Contains("closed=true", page.Url, StringComparison.Ordinal);
        Assert.Contains("rating=2", page.Url, StringComparison.Ordinal);
        Assert.Contains("from=2026-11-01", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(chips).ToHaveCountAsync(2);

        // Without such filters there is no chip row at all.
        await page.GotoAsync("/console/appeals?overdue=true");
        await Interactive.WaitAsync(page);
        await Assertions.Expect(page.GetByTestId("dashboard-filters")).ToHaveCountAsync(0);
    }
}
