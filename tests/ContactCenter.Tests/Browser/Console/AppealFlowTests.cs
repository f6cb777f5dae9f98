using ContactCenter.Features.Identity;
using ContactCenter.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>
/// The console end to end, in three browser contexts: an operator registers a caller's appeal from the keyboard,
/// the executor sees it arrive live, accepts it and asks for more time, the supervisor approves, the executor's
/// open card shows the new deadline and the result is reported. And the wall: another organisation's executor is refused.
/// </summary>
public abstract class AppealFlowTests<TApp>(TApp app) where TApp : BrowserApp
{
    private const string Category = "improvement.lighting";

    /// <summary>Screenshots of the SQLite run keep their old names; the PostgreSQL run adds "-pg".</summary>
    private string Shot(string name) => "console-" + name + (app.Db == Db.Postgres ? "-pg" : "");

    [Fact]
    public async Task Operator_Registers_Executor_SeesItLive_Accepts_Extends_SupervisorApproves_ResultReported()
    {
        var executorName = "Міськсвітло " + Guid.NewGuid().ToString("N")[..4];
        var executorId = await app.CreateExecutorAsync(executorName, null, Category);
        var (rule, _) = await app.Admin().PostJsonAsync("/api/v1/routing/rules", new { categoryCode = Category, executorId });
        Assert.Equal(System.Net.HttpStatusCode.Created, rule);
        var operatorEmail = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Олена Оператор");
        var executorEmail = await ConsoleKit.CreateUserAsync(app, Roles.Executor, executorId, name: "Василь Виконавець");
        var supervisorEmail = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, name: "Марія Начальник");

        // The executor's inbox is open before the call comes in.
        var executor = await ConsoleKit.SignedInPageAsync(app, executorEmail, "/console/inbox");
        var inbox = new InboxPage(executor);
        await inbox.OpenAsync();

        var operatorPage = await ConsoleKit.SignedInPageAsync(app, operatorEmail, "/console/register");
        var register = new RegisterPage(operatorPage);
        await register.WaitReadyAsync();
        await BrowserApp.ScreenshotAsync(operatorPage, Shot("register-empty"));
        // Saving an empty form names every missing field, in Ukrainian, next to the field.
        await operatorPage.Keyboard.PressAsync("Control+Enter");
        await operatorPage.GetByText("Виправте поля, позначені червоним.").WaitForAsync();
        await operatorPage.GetByText("Оберіть категорію.").First.WaitForAsync();
        await BrowserApp.ScreenshotAsync(operatorPage, Shot("register-errors"));
        await register.WaitReadyAsync();
        var phone = Appeals.NewPhone();
        await register.RegisterByKeyboardAsync(phone, "Петренко Іван Іванович", "вул. Шевченка, 1, кв. 2",
            "освітл", "Вуличне освітлення", executorName, "вул. Садова, 5", "Не світить ліхтар біля під'їзду третій вечір поспіль.");
        await register.Number.WaitForAsync();
        var number = (await register.Number.InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{2}-\d{5}$", number);
        await BrowserApp.ScreenshotAsync(operatorPage, Shot("register-saved"));

        // Without reloading, the executor's inbox shows it.
        await inbox.Row(number).WaitForAsync(new() { Timeout = 60_000 });
        await BrowserApp.ScreenshotAsync(executor, Shot("inbox"));
        await inbox.OpenAppealAsync(number);
        var card = new CardPage(executor);
        await card.WaitReadyAsync(number);
        await Assertions.Expect(card.Status).ToHaveTextAsync("передано виконавцю");
        await card.AcceptAsync();
        await Assertions.Expect(card.Status).ToHaveTextAsync("в роботі");
        var dueBefore = await card.Due.InnerTextAsync();
        await card.RequestExtensionAsync(5, "Потрібна заміна кабелю, чекаємо постачання.");
        await executor.GetByText("Готово").First.WaitForAsync();

        // The supervisor approves with one click.
        var supervisor = await ConsoleKit.SignedInPageAsync(app, supervisorEmail);
        var approvals = new ApprovalsPage(supervisor);
        await approvals.OpenAsync();
        await approvals.Row(number).WaitForAsync();
        await BrowserApp.ScreenshotAsync(supervisor, Shot("approvals"));
        await approvals.ApproveAsync(number);
        await Assertions.Expect(approvals.Row(number)).ToHaveCountAsync(0);

        // The executor's open card shows the new deadline by itself.
        await Assertions.Expect(card.Due).Not.ToHaveTextAsync(dueBefore, new() { Timeout = 60_000 });
        await BrowserApp.ScreenshotAsync(executor, Shot("card"));

        await card.ReportResultAsync("вирішено позитивно", "Кабель замінено, ліхтар світить.");
        try
        {
            await Assertions.Expect(card.Status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("виконано|результат|перевір", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        }
        catch (PlaywrightException)
        {
            // Keep what the executor saw, to tell a lost selection from a refused action.
            await BrowserApp.ScreenshotAsync(executor, Shot("card-result-failure"));
            throw;
        }

        // The operator, taking the same caller again, sees the earlier appeal as they type the phone.
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Нове звернення" }).ClickAsync();
        await register.WaitReadyAsync();
        await operatorPage.Keyboard.TypeAsync(phone);
        await register.History.GetByText(number).WaitForAsync();
    }

    [Fact]
    public async Task Executor_OpeningAnotherOrganisationsAppealByUrl_IsRefused()
    {
        var mine = await app.CreateExecutorAsync("Водоканал " + Guid.NewGuid().ToString("N")[..4]);
        var theirs = await app.CreateExecutorAsync("Теплоенерго " + Guid.NewGuid().ToString("N")[..4]);
        var appeal = await app.Admin().RegisterAsync(Appeals.Valid(executorId: theirs));
        var number = appeal.GetProperty("registrationNumber").GetString()!;
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Executor, mine);

        var page = await ConsoleKit.SignedInPageAsync(app, email, "/console/inbox");
        await page.GotoAsync("/console/appeals/" + number);
        var card = new CardPage(page);
        await Assertions.Expect(card.Refused).ToHaveTextAsync("Доступ заборонено.");
        await Assertions.Expect(page.GetByText(appeal.GetProperty("description").GetString()!)).ToHaveCountAsync(0);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class AppealFlowTests_Sqlite(SqliteBrowserApp app) : AppealFlowTests<SqliteBrowserApp>(app), IClassFixture<SqliteBrowserApp>;

[Collection(BrowserCollection.Name)]
public sealed class AppealFlowTests_Postgres(PostgresBrowserApp app) : AppealFlowTests<PostgresBrowserApp>(app), IClassFixture<PostgresBrowserApp>;
