using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Consultations;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Analytics;
using ContactCenter.Tests.Browser.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Browser.Analytics;

/// <summary>The rating settings page (/console/rating/settings).</summary>
public sealed class RatingSetupPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/rating/settings");
        await Interactive.WaitAsync(page);
        await page.GetByTestId("weights-in-force").WaitForAsync();
    }

    public ILocator Versions => page.GetByTestId("weights-row");

    public ILocator Version(string day) => Versions.Filter(new() { HasText = day });

    public ILocator WeightsError => page.GetByTestId("weights-error");

    public ILocator Reference(string category) => page.Locator($"[data-testid=reference-row][data-category='{category}']");

    public async Task SetWeightAsync(string component, string value)
    {
        var field = page.GetByLabel(component, new() { Exact = true });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    public Task CreateVersionAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Створити версію" }).ClickAsync();

    public async Task SetReferenceAsync(string category, string executionHours, string explanationHours)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Змінити " + category }).ClickAsync();
        var row = Reference(category);
        await row.GetByLabel("Виконання, год").FillAsync(executionHours);
        await row.GetByLabel("Виконання, год").PressAsync("Tab");
        await row.GetByLabel("Роз'яснення, год").FillAsync(explanationHours);
        await row.GetByLabel("Роз'яснення, год").PressAsync("Tab");
        await row.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();
    }

    public Task RecomputeAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Перерахувати" }).ClickAsync();

    public ILocator Recomputed => page.GetByTestId("recomputed");
}

/// <summary>
/// The analysis screens an official works with: the rating settings, the operators' figures, the spikes page hearing
/// a new signal while open, the dashboard's figures opening the very lists they count, and the outage form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsConsoleBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    /// <summary>From the top: the console's app bar is fixed, so a full-page shot of a scrolled page draws it mid-page.</summary>
    private static async Task ShotFromTopAsync(IPage page, string name)
    {
        await page.Mouse.MoveAsync(700, 400);
        await page.Mouse.WheelAsync(0, -20000);
        await BrowserApp.ScreenshotAsync(page, name);
    }

    private static int Number(string text) => int.Parse(Regex.Replace(text, @"\D", ""), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Head_AddsAWeightsVersion_SetsAReferenceTime_AndRecomputesADay()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Начальник контакт-центру");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        var settings = new RatingSetupPage(page);
        await settings.OpenAsync();
        await Assertions.Expect(page.GetByTestId("weights-in-force")).ToContainTextAsync("01.01.2000");

        // A new version from tomorrow (the form starts from the weights in force): on time counts double.
        await settings.SetWeightAsync("Вчасно", "2");
        await settings.SetWeightAsync("Задоволеність", "1");
        await settings.CreateVersionAsync();
        await Assertions.Expect(settings.Version("25.11.2026")).ToContainTextAsync("запланована");
        await Assertions.Expect(settings.Versions).ToHaveCountAsync(2);
        // The same day again: refused with the reason, nothing added.
        await settings.CreateVersionAsync();
        await Assertions.Expect(settings.WeightsError).ToContainTextAsync("2026-11-25");
        await Assertions.Expect(settings.Versions).ToHaveCountAsync(2);

        await settings.SetReferenceAsync("utilities.water", "48", "24");
        await Assertions.Expect(settings.Reference("utilities.water")).ToContainTextAsync("48");
        await Assertions.Expect(settings.Reference("utilities.water")).Not.ToContainTextAsync("типово");
        await Assertions.Expect(settings.Reference("utilities.heating")).ToContainTextAsync("типово");

        await settings.RecomputeAsync();
        await Assertions.Expect(settings.Recomputed).ToContainTextAsync("24.11.2026");
        await ShotFromTopAsync(page, "console-analytics-rating-settings");

        var stored = await app.WithDbAsync(db => db.Set<ContactCenter.Features.Analytics.RatingWeights>().SingleAsync(w => w.EffectiveFrom == new DateOnly(2026, 11, 25)));
        Assert.Equal(2, stored.OnTime);
        Assert.Equal(1, stored.Satisfaction);
        Assert.Equal("Начальник контакт-центру", stored.CreatedByName);
        var water = await app.WithDbAsync(db => db.Set<ContactCenter.Features.Analytics.CategoryReferenceTime>().SingleAsync(r => r.CategoryCode == "utilities.water"));
        Assert.Equal((48.0, 24.0), (water.ExecutionHours, water.ExplanationHours));
    }

    [Fact]
    public async Task Leadership_SeesConsultationsPerOperator_ForThePeriod()
    {
        var operatorEmail = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Оксана Петренко");
        var operatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == operatorEmail).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
                db.Consultations.Add(new Consultation { At = Kyiv(11, 24, 8, 10 * i), OperatorUserId = operatorId, OperatorName = "Оксана Петренко", Topic = "Графік подачі води" });
            // Before the last 30 days the page shows by default: not counted.
            db.Consultations.Add(new Consultation { At = Kyiv(10, 20, 9), OperatorUserId = operatorId, OperatorName = "Оксана Петренко", Topic = "Субсидія" });
            return await db.SaveChangesAsync();
        });
        for (var i = 0; i < 2; i++)
        {
            var number = await app.AddAsync(Kyiv(11, 24, 8, 30 + i), Channel.Phone, null, new FixtureQuestion("utilities.elevator", null, null, AppealStatus.Registered, Kyiv(12, 5)));
            await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == number)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RegisteredByUserId, operatorId).SetProperty(a => a.RegisteredByName, "Оксана Петренко")));
        }

        var email = await ConsoleKit.CreateUserAsync(app, Roles.Leadership, name: "Голова громади");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/rating?tab=operators");
        await Interactive.WaitAsync(page);
        var row = page.GetByTestId("operator-row").Filter(new() { HasText = "Оксана Петренко" });
        // The last 30 days: calls, appeals, consultations.
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(["Оксана Петренко", "0", "2", "3"]);
        await BrowserApp.ScreenshotAsync(page, "console-analytics-operators");
    }

    [Fact]
    public async Task SpikesPage_ShowsANewSignalWithoutReload_AndItsAppealsOpenInTheList()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Черговий начальник");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/spikes");
        await Interactive.WaitAsync(page);
        var rows = page.GetByTestId("spike-row").Filter(new() { HasText = "Вивезення сміття" });
        await Assertions.Expect(rows).ToHaveCountAsync(0);

        // Six waste appeals this morning (04:00–10:00) and none on the same hours of the weeks before: a spike.
        var numbers = new List<string>();
        for (var i = 0; i < 6; i++)
            numbers.Add(await app.AddAsync(Kyiv(11, 24, 4 + i, 20), Channel.Phone, null, new FixtureQuestion("improvement.waste", null, null, AppealStatus.Registered, Kyiv(12, 1, 17))));
        var (status, body) = await app.Admin().PostJsonAsync("/api/v1/analytics/spikes/detect", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("raised").GetInt32() >= 1);

        // The open page shows it without a reload, with every appeal behind it.
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        foreach (var number in numbers)
            await Assertions.Expect(rows.GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(rows.Locator("td").Nth(2)).ToHaveTextAsync("6");
        await BrowserApp.ScreenshotAsync(page, "console-analytics-spikes-live");

        // The signal opens the list of those appeals.
        await rows.GetByRole(AriaRole.Link, new() { Name = "6", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/console/appeals?category=improvement.waste&from=2026-11-24&to=2026-11-24", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("list-total")).ToHaveTextAsync("Знайдено: 6");
        foreach (var number in numbers)
            await Assertions.Expect(page.GetByTestId("appeal-list").GetByText(number)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dashboard_EachFigureClicked_OpensAListOfThatManyAppeals()
    {
        var e1 = await app.CreateExecutorAsync("Аналітика Е1");
        var e2 = await app.CreateExecutorAsync("Аналітика Е2");
        var left = await app.AddDistrictAsync("Лівобережний");
        var right = await app.AddDistrictAsync("Правобережний");
        var first = await app.AddAsync(Kyiv(11, 3, 10), Channel.Phone, null,
            new FixtureQuestion("utilities.heating", e1, left, AppealStatus.Closed, Kyiv(11, 13, 17), Kyiv(11, 10, 12), ResultCode.Resolved, 4, true, Rework: 1));
        var firstId = await app.IdOfAsync(first);
        await app.AddAsync(Kyiv(11, 12, 11), Channel.Web, firstId,
            new FixtureQuestion("utilities.heating", e1, left, AppealStatus.InProgress, Kyiv(11, 20, 17)));
        await app.AddAsync(Kyiv(11, 18, 9), Channel.Telegram, null,
            new FixtureQuestion("utilities.heating", e2, right, AppealStatus.Assigned, Kyiv(12, 2, 17)),
            new FixtureQuestion("utilities.water", e1, right, AppealStatus.Assigned, Kyiv(12, 2, 17)));
        await app.AddAsync(Kyiv(11, 21, 15), Channel.Phone, null,
            new FixtureQuestion("utilities.water", e2, left, AppealStatus.InProgress, Kyiv(11, 23, 17)));
        await app.AddAsync(Kyiv(11, 24, 7), Channel.Email, null,
            new FixtureQuestion("utilities.water", e2, null, AppealStatus.Registered, Kyiv(12, 8, 17)));

        var email = await ConsoleKit.CreateUserAsync(app, Roles.Leadership, name: "Перший заступник");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        var dashboard = new DashboardPage(page);

        async Task CheckAsync(ILocator link, ILocator figure, string what)
        {
            await dashboard.OpenAsync();
            var count = Number(await figure.InnerTextAsync());
            Assert.True(count > 0, what + " is zero: nothing to compare");
            await link.ClickAsync();
            await page.WaitForURLAsync("**/console/appeals**");
            await Assertions.Expect(page.GetByTestId("list-total")).ToHaveTextAsync("Знайдено: " + count.ToString(CultureInfo.InvariantCulture));
        }

        await CheckAsync(dashboard.Kpi("Надійшло за період"), dashboard.Kpi("Надійшло за період").Locator(".kpi-value"), "total");
        await CheckAsync(dashboard.Kpi("Прострочено зараз"), dashboard.Kpi("Прострочено зараз").Locator(".kpi-value"), "overdue");
        await CheckAsync(dashboard.Kpi("Повторні"), dashboard.Kpi("Повторні").Locator(".kpi-value"), "repeated");
        await CheckAsync(page.Locator("a.today-item").Filter(new() { Has = dashboard.TodayReceived }), dashboard.TodayReceived, "today");
        // Open now opens the list of open appeals (open=true); "rework" the appeals of the period ever returned for it.
        var openNow = page.Locator("a.today-item").Filter(new() { HasText = "на контролі" });
        await CheckAsync(openNow, openNow.Locator("b"), "open now");
        await CheckAsync(dashboard.Kpi("Поверталися на доопрацювання"), dashboard.Kpi("Поверталися на доопрацювання").Locator(".kpi-value"), "rework");
        // Every bar of every list: topics, executors, districts, statuses.
        foreach (var list in new[] { "category", "executor", "district", "status" })
        {
            await dashboard.OpenAsync();
            var bars = page.GetByLabel(list, new() { Exact = true }).Locator("a.barlist-row");
            var count = await bars.CountAsync();
            Assert.True(count >= 2, $"{list}: {count} bars");
            for (var i = 0; i < count; i++)
                await CheckAsync(bars.Nth(i), bars.Nth(i).Locator(".barlist-count"), $"{list} #{i}");
        }
    }

    [Fact]
    public async Task Operator_RegistersAnOutage_OnTheConsoleForm()
    {
        var executor = await app.CreateExecutorAsync("КП «Водоканал» (відключення)");
        await app.AddDistrictAsync("Слобідський");
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Оператор відключень");
        var page = await ConsoleKit.SignedInPageAsync(app, email);
        await page.GotoAsync("/console/outages/new");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Реєстрація відключення" }).WaitForAsync();

        // Nothing filled: the form says what is missing and stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Зареєструвати" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Обов'язкове поле.").First).ToBeVisibleAsync();
        Assert.Contains("/console/outages/new", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Тип", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "водопостачання", Exact = true }).ClickAsync();
        await page.GetByLabel("Виконавець", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "КП «Водоканал» (відключення)" }).ClickAsync();
        await page.GetByLabel("Коротка інформація").FillAsync("Аварія на водогоні, вул. Сумська");
        await page.GetByLabel("Причини", new() { Exact = true }).FillAsync("Пошкодження труби");
        await page.GetByLabel("Що охоплено").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "район", Exact = true }).ClickAsync();
        await page.GetByLabel("Район", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Слобідський" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "console-outage-create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Зареєструвати" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/console/outages/\d+$"));
        var id = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await new OutageCardPage(page).WaitReadyAsync(id);
        await Assertions.Expect(page.GetByText("Аварія на водогоні, вул. Сумська").First).ToBeVisibleAsync();
        var outage = await app.WithDbAsync(db => db.Set<ContactCenter.Features.Outages.Outage>().Include(o => o.Areas).SingleAsync(o => o.Id == id));
        Assert.Equal(ContactCenter.Features.Outages.OutageType.Water, outage.Type);
        Assert.Equal(ContactCenter.Features.Outages.OutageKind.Emergency, outage.Kind);
        Assert.Equal(executor, outage.ExecutorId);
        var area = Assert.Single(outage.Areas);
        Assert.Equal(ContactCenter.Features.Outages.OutageAreaKind.District, area.Kind);
    }
}
