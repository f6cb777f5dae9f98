using System.Net;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>
/// Issue 3: the console is usable at 1366×768 and on a tablet (1024×768 landscape, 768×1024 portrait, touch). Every main
/// screen, opened by the role that works in it: the page never scrolls sideways (wide tables scroll in their own
/// container), the menu is reachable (a toggle on a narrow screen), the main action is on screen, uncovered, its text fits
/// and on a tablet it is big enough for a finger; the app bar's controls fit. Screenshots:
/// artifacts/screenshots/console-responsive-*.png. Layout, not data: one database is enough.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsiveLayoutTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private const string Category = "improvement.lighting";

    /// <summary>One console screen: who opens it, where, the menu entry that leads to it and its main action.</summary>
    private sealed record Screen(string Name, string Role, string Path, string MenuEntry, Func<IPage, ILocator> MainAction);

    [Theory]
    [InlineData("1366x768")]
    [InlineData("tablet-1024x768")]
    [InlineData("tablet-768x1024")]
    public async Task EveryMainScreen_FitsTheScreen_MenuReachable_MainActionUsable(string sizeName)
    {
        var size = ScreenSize.Named(sizeName);
        var (assigned, pending) = await AppealsToShowAsync();
        Screen[] screens =
        [
            new("register", Roles.Operator, "/console/register", "Реєстрація звернення", p => Button(p, "Зареєструвати")),
            new("appeals", Roles.Operator, "/console/appeals", "Усі звернення", p => p.GetByRole(AriaRole.Link, new() { Name = "Експорт CSV" })),
            new("outages", Roles.Operator, "/console/outages", "Відключення", p => p.GetByRole(AriaRole.Link, new() { Name = "Нове відключення" })),
            new("inbox", Roles.Executor, "/console/inbox", "Вхідні", p => p.GetByRole(AriaRole.Link, new() { Name = assigned, Exact = true })),
            new("card", Roles.Executor, "/console/appeals/" + assigned, "Усі звернення", p => Button(p, "Прийняти до виконання")),
            new("approvals", Roles.Supervisor, "/console/approvals", "Запити на погодження", p => p.GetByRole(AriaRole.Row, new() { Name = pending }).GetByRole(AriaRole.Button, new() { Name = "Погодити" })),
            new("board", Roles.Supervisor, "/console/board", "Контроль строків", p => p.GetByRole(AriaRole.Button, new() { Name = "Прострочені: " + _executorName, Exact = true })),
            new("dashboard", Roles.Supervisor, "/console/dashboard", "Аналітика", p => p.Locator(".mud-toggle-item").Filter(new() { HasText = "тижні" })),
            new("reports", Roles.Supervisor, "/console/reports", "Звіти", p => Button(p, "Сформувати")),
            new("admin-users", Roles.Administrator, "/console/admin/users", "Користувачі та ролі", p => Button(p, "Новий користувач")),
            new("admin-executors", Roles.Administrator, "/console/admin/executors", "Виконавці", p => Button(p, "Новий виконавець")),
            new("admin-categories", Roles.Administrator, "/console/admin/categories", "Категорії", p => Button(p, "Нова категорія")),
            new("admin-calendar", Roles.Administrator, "/console/admin/calendar", "Робочий календар", p => Button(p, "Додати перенесення")),
            new("admin-knowledge", Roles.Administrator, "/console/admin/knowledge", "База знань", p => Button(p, "Нова стаття")),
            new("admin-addresses", Roles.Administrator, "/console/admin/addresses", "Адресний реєстр", p => Button(p, "Імпортувати")),
            new("admin-api-keys", Roles.Administrator, "/console/admin/api-keys", "API-ключі", p => Button(p, "Створити ключ")),
        ];

        var problems = new List<string>();
        foreach (var group in screens.GroupBy(s => s.Role))
        {
            var page = await SignedInAsync(group.Key, size);
            foreach (var screen in group)
                problems.AddRange((await CheckAsync(page, screen, size)).Select(p => $"{screen.Name} at {size}: {p}"));
            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("tablet-1024x768")]
    [InlineData("tablet-768x1024")]
    public async Task English_OnATablet_LongerWordsStillFit(string sizeName)
    {
        var size = ScreenSize.Named(sizeName);
        var (assigned, _) = await AppealsToShowAsync();
        Screen[] screens =
        [
            new("en-register", Roles.Operator, "/console/register", "Register an appeal", p => Button(p, "Register (Ctrl+Enter)")),
            new("en-appeals", Roles.Operator, "/console/appeals", "All appeals", p => p.GetByRole(AriaRole.Link, new() { Name = "Export CSV" })),
            new("en-card", Roles.Operator, "/console/appeals/" + assigned, "All appeals", p => Button(p, "Add comment")),
        ];
        var page = await SignedInAsync(Roles.Operator, size);
        await page.GotoAsync("/console/account/culture?culture=en&returnUrl=%2Fconsole%2Fregister");
        await Interactive.WaitAsync(page);
        await Assertions.Expect(new ConsoleChrome(page).SignOut).ToBeVisibleAsync();

        var problems = new List<string>();
        foreach (var screen in screens)
            problems.AddRange((await CheckAsync(page, screen, size)).Select(p => $"{screen.Name} at {size}: {p}"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Administration_OnATablet_TappingARow_BringsTheFormBelowTheListIntoView()
    {
        var size = ScreenSize.TabletLandscape;
        var page = await SignedInAsync(Roles.Administrator, size);
        var categories = new AdminCategoriesPage(page);
        await categories.OpenAsync();
        var name = page.GetByLabel("Назва", new() { Exact = true });

        await categories.Row("Вуличне освітлення").First.TapAsync();

        await Assertions.Expect(name).ToHaveValueAsync("Вуличне освітлення");
        await Assertions.Expect(name).ToBeInViewportAsync();
        await ShotAsync(page, $"console-responsive-admin-categories-picked-{size.Name}", size);
    }

    /// <summary>
    /// On a touch screen, what the finger sees: Chromium's full-page capture resizes the page and drops touch
    /// emulation (and with it the (pointer: coarse) styles) for the shot, so tablets get the viewport only.
    /// </summary>
    private static Task ShotAsync(IPage page, string name, ScreenSize size) => size.Touch
        ? page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotDir, name + ".png") })
        : BrowserApp.ScreenshotAsync(page, name);

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name }).First;

    private async Task<List<string>> CheckAsync(IPage page, Screen screen, ScreenSize size)
    {
        var problems = new List<string>();
        await page.GotoAsync(screen.Path);
        await Interactive.WaitAsync(page);
        var main = screen.MainAction(page);
        try
        {
            await main.WaitForAsync();
        }
        catch (TimeoutException)
        {
            await BrowserApp.ScreenshotAsync(page, $"console-responsive-{screen.Name}-{size.Name}-failure");
            problems.Add("the main action never appeared");
            return problems;
        }
        await ShotAsync(page, $"console-responsive-{screen.Name}-{size.Name}", size);

        var overflow = await LayoutProbe.HorizontalOverflowAsync(page);
        if (overflow > 0)
            problems.Add($"the page scrolls sideways by {overflow} px: " + string.Join(", ", await LayoutProbe.WiderThanViewportAsync(page)));
        if (await LayoutProbe.ProblemOfAsync(main, size.Touch ? ScreenSize.TouchTarget : 0) is { } action)
            problems.Add("main action " + action);

        var chrome = new ConsoleChrome(page);
        foreach (var (name, control) in new[] { ("sign-out", chrome.SignOut), ("УКР", chrome.Language("УКР")), ("ENG", chrome.Language("ENG")), ("menu toggle", chrome.MenuToggle) })
        {
            if (await LayoutProbe.ProblemOfAsync(control, 0) is { } bar)
                problems.Add($"app bar {name} {bar}");
        }
        var clipped = await LayoutProbe.ClippedControlsAsync(page);
        if (clipped.Length > 0)
            problems.Add("text clipped in " + string.Join("; ", clipped));

        // The menu: beside the page on a wide screen; behind the toggle on a narrow one, and the toggle opens it.
        var link = chrome.MenuLink(screen.MenuEntry);
        if (size.MenuCollapses)
        {
            if (await link.IsVisibleAsync() && await LayoutProbe.ProblemOfAsync(link, 0) is null)
                problems.Add("the menu is open over the page on a narrow screen");
            await chrome.MenuToggle.ClickAsync();
            await Assertions.Expect(link).ToBeVisibleAsync();
        }
        if (await LayoutProbe.ProblemOfAsync(link, size.Touch ? ScreenSize.TouchTarget : 0) is { } menu)
            problems.Add($"menu entry '{screen.MenuEntry}' {menu}");
        if (size.MenuCollapses)
            await ShotAsync(page, $"console-responsive-{screen.Name}-{size.Name}-menu", size);
        return problems;
    }

    private async Task<IPage> SignedInAsync(string role, ScreenSize size)
    {
        var executorId = role == Roles.Executor ? await ExecutorIdAsync() : (int?)null;
        var email = await ConsoleKit.CreateUserAsync(app, role, executorId, name: "Тетяна Планшетна");
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "uk-UA",
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            HasTouch = size.Touch,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, ConsoleKit.Password);
        await page.WaitForURLAsync(u => !u.Contains("/console/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        return page;
    }

    private readonly string _executorName = "КП «Міськсвітло» " + Guid.NewGuid().ToString("N")[..4];
    private int? _executorId;

    private async Task<int> ExecutorIdAsync()
    {
        _executorId ??= await app.CreateExecutorAsync(_executorName, null, Category);
        return _executorId.Value;
    }

    /// <summary>
    /// An appeal waiting in the executor's inbox, one whose extension awaits the supervisor and one overdue (the board
    /// lists only overdue and due-today work).
    /// </summary>
    private async Task<(string Assigned, string Pending)> AppealsToShowAsync()
    {
        var executorId = await ExecutorIdAsync();
        var executor = app.Client(await app.CreateKeyAsync(Roles.Executor, executorId));
        var assigned = (await app.Admin().RegisterAsync(Appeals.Valid(Category, executorId))).GetProperty("registrationNumber").GetString()!;
        var pending = (await app.Admin().RegisterAsync(Appeals.Valid(Category, executorId))).GetProperty("registrationNumber").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await executor.PostReplyAsync($"/api/v1/appeals/{pending}/accept", new { })).Status);
        var extend = await executor.PostReplyAsync($"/api/v1/appeals/{pending}/requests",
            new { type = "extend", workingDays = 5, reason = "Потрібна заміна кабелю, чекаємо на постачання" });
        Assert.Equal(HttpStatusCode.Created, extend.Status);
        var overdue = (await app.Admin().RegisterAsync(Appeals.Valid(Category, executorId))).GetProperty("registrationNumber").GetString()!;
        var past = app.Time.GetUtcNow().AddDays(-2);
        await app.WithDbAsync(db => db.Questions.Where(q => q.Appeal.RegistrationNumber == overdue).ExecuteUpdateAsync(q => q.SetProperty(x => x.DueAt, past)));
        await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == overdue).ExecuteUpdateAsync(a => a.SetProperty(x => x.DueAt, past)));
        return (assigned, pending);
    }
}
