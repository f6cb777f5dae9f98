using ContactCenter.Features.Console;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>The executor's inbox paged on the server with counters per tab, and the list's "due today" filter.</summary>
public abstract class InboxPagingTests<TApp>(TApp app) where TApp : BrowserApp
{
    private string Shot(string name) => "console-" + name + (app.Db == Db.Postgres ? "-pg" : "");

    [Fact]
    public async Task Executor_PagesTheInbox_SwitchesTabs_FiltersTheListByDueToday()
    {
        var executorId = await app.CreateExecutorAsync("КП Сторінки " + Guid.NewGuid().ToString("N")[..4]);
        var now = app.Time.GetUtcNow();
        var numbers = new List<string>();
        for (var i = 0; i < InboxQueries.PageSize + 2; i++)
            numbers.Add((await app.Admin().RegisterAsync(Appeals.Valid("utilities.water", executorId))).GetProperty("registrationNumber").GetString()!);
        // Every deadline a week ahead, in registration order; the last one due within the hour (due soon and due today).
        await app.WithDbAsync(async db =>
        {
            var appeals = await db.Appeals.Include(a => a.Questions).Where(a => numbers.Contains(a.RegistrationNumber)).ToListAsync();
            foreach (var a in appeals)
            {
                var due = a.RegistrationNumber == numbers[^1] ? now.AddMinutes(30) : now.AddDays(7).AddMinutes(numbers.IndexOf(a.RegistrationNumber));
                a.DueAt = due;
                foreach (var q in a.Questions)
                    q.DueAt = due;
            }
            return await db.SaveChangesAsync();
        });
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Executor, executorId, name: "Ірина Виконавиця");
        var page = await ConsoleKit.SignedInPageAsync(app, email, "/console/inbox");
        var inbox = new InboxPage(page);
        await inbox.OpenAsync();

        await Assertions.Expect(inbox.Tab("Нові")).ToHaveTextAsync($"Нові ({numbers.Count})");
        await Assertions.Expect(inbox.Tab("Строк спливає")).ToHaveTextAsync("Строк спливає (1)");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(InboxQueries.PageSize);
        // By deadline: the one due within the hour leads.
        await Assertions.Expect(inbox.Rows.First).ToContainTextAsync(numbers[^1]);
        await BrowserApp.ScreenshotAsync(page, Shot("inbox-paged"));

        await inbox.GoToPageAsync(2);
        await Assertions.Expect(inbox.PageLabel).ToHaveTextAsync("Сторінка 2");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(2);
        await Assertions.Expect(inbox.Rows.Last).ToContainTextAsync(numbers[^2]);

        await inbox.Tab("Строк спливає").ClickAsync();
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(inbox.Row(numbers[^1])).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, Shot("inbox-due-soon"));

        var list = new AppealListPage(page);
        await list.OpenAsync("dueToday=true");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Строк сьогодні" })).ToBeCheckedAsync();
        await Assertions.Expect(list.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(list.Row(numbers[^1])).ToBeVisibleAsync();
        await Assertions.Expect(list.Export).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("dueToday=true"));
        await BrowserApp.ScreenshotAsync(page, Shot("list-due-today"));
    }
}

[Collection(BrowserCollection.Name)]
public sealed class InboxPagingTests_Sqlite(SqliteBrowserApp app) : InboxPagingTests<SqliteBrowserApp>(app), IClassFixture<SqliteBrowserApp>;

[Collection(BrowserCollection.Name)]
public sealed class InboxPagingTests_Postgres(PostgresBrowserApp app) : InboxPagingTests<PostgresBrowserApp>(app), IClassFixture<PostgresBrowserApp>;
