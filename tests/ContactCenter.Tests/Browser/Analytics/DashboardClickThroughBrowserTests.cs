using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Analytics;
using ContactCenter.Tests.Browser.Console;
using Microsoft.Playwright;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Browser.Analytics;

/// <summary>
/// The figures that used to count questions open lists of as many appeals (issue 8): "closed today", the on-time share's
/// two counts and the satisfaction card. An appeal with two questions closed today counts once; one with a late question
/// is not "on time".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardClickThroughBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    /// <summary>The first number of a figure («2 звернень з оцінкою, підтверджено 100 %» → 2).</summary>
    private static int Number(string text) => int.Parse(Regex.Match(text, @"\d+").Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ClosedToday_OnTime_AndSatisfaction_OpenListsOfThatManyAppeals()
    {
        var e1 = await app.CreateExecutorAsync("КП «Водоканал» (клік)");
        var e2 = await app.CreateExecutorAsync("КП «Теплоенерго» (клік)");
        var district = await app.AddDistrictAsync("Центральний (клік)");
        // Two questions closed today in one appeal (one late), one closed today on time, one closed earlier on time.
        await app.AddAsync(Kyiv(11, 9, 10), Channel.Phone, null,
            new FixtureQuestion(Water, e1, district, AppealStatus.Closed, Kyiv(11, 20, 17), Kyiv(11, 24, 8), ResultCode.Resolved, 4, true),
            new FixtureQuestion(Heating, e2, district, AppealStatus.Closed, Kyiv(11, 23, 17), Kyiv(11, 24, 9), ResultCode.Resolved, 2, true));
        await app.AddAsync(Kyiv(11, 12, 11), Channel.Web, null,
            new FixtureQuestion(Heating, e2, district, AppealStatus.Closed, Kyiv(11, 26, 17), Kyiv(11, 24, 7), ResultCode.Resolved, 5, true));
        await app.AddAsync(Kyiv(11, 3, 9), Channel.Telegram, null,
            new FixtureQuestion(Water, e1, district, AppealStatus.Closed, Kyiv(11, 13, 17), Kyiv(11, 6, 12), ResultCode.Explained));
        await app.AddAsync(Kyiv(11, 20, 15), Channel.Phone, null,
            new FixtureQuestion(Water, e1, district, AppealStatus.InProgress, Kyiv(12, 3, 17)));

        var email = await ConsoleKit.CreateUserAsync(app, Roles.Leadership, name: "Керуюча справами");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        var dashboard = new DashboardPage(page);

        async Task CheckAsync(ILocator link, ILocator figure, int expected, string what, string? shot = null)
        {
            await dashboard.OpenAsync();
            var count = Number(await figure.InnerTextAsync());
            Assert.True(count == expected, $"{what}: {count}, by hand {expected}");
            if (shot is not null)
                await BrowserApp.ScreenshotAsync(page, shot);
            await link.ClickAsync();
            await page.WaitForURLAsync("**/console/appeals**");
            await Assertions.Expect(page.GetByTestId("list-total")).ToHaveTextAsync("Знайдено: " + count.ToString(CultureInfo.InvariantCulture));
        }

        var closedToday = page.Locator("a.today-item").Filter(new() { Has = page.GetByTestId("today-closed") });
        await CheckAsync(closedToday, page.GetByTestId("today-closed"), 2, "closed today", "dashboard-click-through");
        Assert.Contains("closedFrom=2026-11-24&closedTo=2026-11-24", page.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "dashboard-click-through-closed-today-list");
        // On time: the two appeals whose closed questions all kept their deadline; the share's second number: all three closed.
        await CheckAsync(dashboard.Kpi("Закрито вчасно"), page.GetByTestId("closed-on-time"), 2, "closed on time");
        await CheckAsync(page.GetByTestId("closed-all"), page.GetByTestId("closed-all"), 3, "closed");
        await CheckAsync(dashboard.Kpi("Задоволеність"), dashboard.Kpi("Задоволеність").Locator(".kpi-note"), 2, "rated appeals");
    }
}
