using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Analytics;
using ContactCenter.Tests.Browser.Console;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Analytics;

/// <summary>The dashboard page: the figures on screen, one screen object.</summary>
public sealed class DashboardPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/dashboard");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Надійшло за період" }).WaitForAsync();
    }

    public ILocator Kpi(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });

    public ILocator TodayReceived => page.GetByTestId("today-received");

    public ILocator Bar(string listName, string label) => page.GetByLabel(listName).GetByRole(AriaRole.Link, new() { Name = label });
}

/// <summary>The head opens the dashboard over a month of appeals, sees the figures and clicks through to the list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsDashboardBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static readonly string[] Categories = ["utilities.water", "utilities.heating", "improvement.roads", "improvement.lighting", "improvement.waste", "utilities.elevator", "transport.public", "social.benefits"];
    private static readonly Channel[] Channels = [Channel.Phone, Channel.Phone, Channel.Phone, Channel.Web, Channel.Telegram, Channel.Email, Channel.Written];

    /// <summary>A deterministic month: more on weekdays, a heating wave in the last week.</summary>
    private async Task SeedMonthAsync()
    {
        var rng = new Random(8);
        var executors = new List<int>();
        foreach (var name in new[] { "КП «Водоканал»", "КП «Теплоенерго»", "Відділ благоустрою", "УЖКГ", "Управління соцзахисту" })
            executors.Add(await app.CreateExecutorAsync(name));
        var districts = new List<int>();
        foreach (var name in new[] { "Центральний", "Заводський", "Північний", "Старе місто" })
            districts.Add(await app.AddDistrictAsync(name));
        var start = AnalyticsFixtures.Kyiv(10, 26, 0);
        for (var day = 0; day < 30; day++)
        {
            var at = start.AddDays(day);
            var weekend = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var count = (weekend ? 2 : 5) + rng.Next(4) + (day > 22 ? 4 : 0);
            for (var i = 0; i < count; i++)
            {
                var received = at.AddHours(8 + rng.Next(10)).AddMinutes(rng.Next(60));
                var category = day > 22 && i % 2 == 0 ? "utilities.heating" : Categories[rng.Next(Categories.Length)];
                var executor = executors[Array.IndexOf(Categories, category) % executors.Count];
                var due = received.AddDays(10);
                var age = (AnalyticsFixtures.Kyiv(11, 24, 10) - received).TotalDays;
                FixtureQuestion q;
                if (age > 6 && rng.Next(10) < 7)
                {
                    var closed = received.AddDays(1 + rng.Next(13));
                    if (closed > AnalyticsFixtures.Kyiv(11, 24, 9))
                        closed = AnalyticsFixtures.Kyiv(11, 24, 9);
                    q = new FixtureQuestion(category, executor, districts[rng.Next(districts.Count)], AppealStatus.Closed, due, closed,
                        rng.Next(4) == 0 ? ResultCode.Explained : ResultCode.Resolved, rng.Next(3) == 0 ? null : 2 + rng.Next(4), true, rng.Next(12) == 0 ? 1 : 0);
                }
                else
                {
                    q = new FixtureQuestion(category, executor, districts[rng.Next(districts.Count)], rng.Next(3) == 0 ? AppealStatus.Assigned : AppealStatus.InProgress, due);
                }
                await app.AddAsync(received, Channels[rng.Next(Channels.Length)], null, q);
            }
        }
    }

    [Fact]
    public async Task Leadership_SeesTheDashboard_AndAFigureOpensTheListBehindIt()
    {
        await SeedMonthAsync();
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Leadership, name: "Голова громади");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();

        await Assertions.Expect(dashboard.Kpi("Прострочено зараз")).ToBeVisibleAsync();
        await Assertions.Expect(dashboard.Bar("category", "Теплопостачання")).ToBeVisibleAsync();
        await page.Locator(".mud-chart svg").First.WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, "console-analytics-dashboard");

        await dashboard.Kpi("Прострочено зараз").ClickAsync();
        await page.WaitForURLAsync("**/console/appeals?overdue=true");

        await dashboard.OpenAsync();
        await dashboard.Bar("category", "Теплопостачання").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/console/appeals?category=utilities.heating&from=2026-10-26&to=2026-11-24", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leadership_SeesTheRankingAndTheSpikes()
    {
        if (!await app.WithDbAsync(db => Task.FromResult(db.Appeals.Any())))
            await SeedMonthAsync();
        var (status, _) = await app.Admin().PostJsonAsync("/api/v1/analytics/rating/compute?day=2026-11-23", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        (status, _) = await app.Admin().PostJsonAsync("/api/v1/analytics/rating/compute?day=2026-11-24", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Leadership, name: "Заступник голови");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/rating");
        await Interactive.WaitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "КП «Теплоенерго»" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "console-analytics-rating");
        await page.GotoAsync("/console/spikes");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Сплески звернень" })).ToBeVisibleAsync();
    }
}
