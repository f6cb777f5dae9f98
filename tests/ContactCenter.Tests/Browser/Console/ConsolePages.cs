using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>Waits until the Blazor circuit is connected (typing earlier would be lost to the re-render).</summary>
public static class Interactive
{
    public static Task WaitAsync(IPage page) =>
        page.Locator("[data-cc-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
}

public sealed class RegisterPage(IPage page)
{
    public async Task OpenAsync()
    {
        if (!page.Url.Contains("/console/register", StringComparison.Ordinal))
            await page.GotoAsync("/console/register");
        await WaitReadyAsync();
    }

    public async Task WaitReadyAsync()
    {
        await Interactive.WaitAsync(page);
        await page.GetByLabel("Телефон заявника").FocusAsync();
    }

    /// <summary>Fills the form the way an operator does during a call: typing and Tab, Ctrl+Enter to save (the category option is clicked).</summary>
    public async Task RegisterByKeyboardAsync(string phone, string name, string residence, string categorySearch, string categoryName, string expectedExecutor, string place, string description)
    {
        var keys = page.Keyboard;
        await keys.TypeAsync(phone);
        await keys.PressAsync("Tab");
        await keys.TypeAsync(name);
        await keys.PressAsync("Tab");
        await keys.TypeAsync(residence);
        await keys.PressAsync("Tab");
        await PickCategoryByKeyboardAsync(categorySearch, categoryName);
        // The right category was taken: routing and the deadline are shown before saving.
        await Assertions.Expect(Executor).ToHaveTextAsync(expectedExecutor);
        await Deadline.WaitForAsync();
        await keys.TypeAsync(place);
        await keys.PressAsync("Tab");
        await keys.TypeAsync(description);
        await keys.PressAsync("Control+Enter");
    }

    /// <summary>Keyboard only: type words of the category, wait until the list has narrowed to it, Tab takes it and moves on.</summary>
    public async Task PickCategoryByKeyboardAsync(string search, string categoryName)
    {
        // At a person's pace. Blazor Server sends a round trip per key; on a machine loaded far beyond a desk's
        // (CI), a late render can put an older text back into the box. The operator then sees the wrong list and
        // types the words again (Ctrl+A, retype) — still keyboard only; so does the test, at most twice more.
        var box = page.GetByLabel("Категорія");
        var options = page.GetByRole(AriaRole.Option);
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.TypeAsync(search, new() { Delay = 60 });
            try
            {
                await Assertions.Expect(box).ToHaveValueAsync(search, new() { Timeout = 5_000 });
                await Assertions.Expect(options).ToHaveCountAsync(1, new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.PressAsync("Backspace");
            }
        }
        await Assertions.Expect(options.First).ToContainTextAsync(categoryName);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Категорія")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(categoryName)));
    }

    public ILocator Knowledge => page.GetByRole(AriaRole.List, new() { Name = "База знань" });

    public ILocator Duplicates => page.GetByRole(AriaRole.List, new() { Name = "Відкриті звернення про це місце" });

    public ILocator Outages => page.GetByRole(AriaRole.List, new() { Name = "Діючі відключення за цією адресою" });

    public ILocator SavedNotes => page.GetByTestId("saved-note");

    public ILocator Deadline => page.GetByTestId("preview-due");

    public ILocator Executor => page.GetByTestId("preview-executor");

    public ILocator Number => page.GetByTestId("registration-number");

    public ILocator History => page.GetByRole(AriaRole.List, new() { Name = "Звернення з цього телефону" });

    public ILocator ApplicantName => page.GetByLabel("ПІБ заявника");

    public ILocator Residence => page.GetByLabel("Адреса проживання");

    /// <summary>The applicants the lookup found (issue 3).</summary>
    public ILocator ApplicantMatches => page.GetByTestId("applicant-matches");

    public ILocator PickApplicant(string fullName) => page.GetByRole(AriaRole.Button, new() { Name = "Обрати заявника " + fullName });

    /// <summary>The appeals of the applicant picked from the lookup.</summary>
    public ILocator ApplicantHistory(string fullName) => page.GetByRole(AriaRole.List, new() { Name = "Звернення заявника: " + fullName });
}

public sealed class InboxPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/inbox");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Tab).First.WaitForAsync();
    }

    public ILocator Row(string number) => page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });

    public Task OpenAppealAsync(string number) => Row(number).ClickAsync();

    public ILocator Tab(string nameStart) => page.GetByRole(AriaRole.Tab).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(nameStart)) });

    public ILocator Rows => page.GetByTestId("inbox-rows").Locator("tbody tr");

    public ILocator PageLabel => page.GetByTestId("inbox-page");

    public Task GoToPageAsync(int number) => page.Locator(".mud-pagination button")
        .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "$") }).ClickAsync();
}

public sealed class CardPage(IPage page)
{
    public async Task WaitReadyAsync(string number)
    {
        await page.WaitForURLAsync("**/console/appeals/" + number);
        await Interactive.WaitAsync(page);
    }

    public ILocator Status => page.GetByTestId("card-status");

    public ILocator Due => page.GetByTestId("card-due");

    public ILocator Refused => page.GetByTestId("card-refused");

    public ILocator Action(string name) => page.GetByRole(AriaRole.Button, new() { Name = name });

    public async Task AcceptAsync() => await Action("Прийняти до виконання").ClickAsync();

    public async Task RequestExtensionAsync(int days, string reason)
    {
        await Action("Запит на продовження строку").ClickAsync();
        await page.GetByLabel("Робочих днів").FillAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Обґрунтування").FillAsync(reason);
        await Action("Виконати").ClickAsync();
    }

    public async Task ReportResultAsync(string outcome, string text)
    {
        await Action("Звітувати про результат").ClickAsync();
        await page.GetByLabel("Результат розгляду").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = outcome }).ClickAsync();
        await page.GetByLabel("Текст").FillAsync(text);
        await Action("Виконати").ClickAsync();
    }
}

public sealed class ApprovalsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/approvals");
        await Interactive.WaitAsync(page);
    }

    public ILocator Row(string number) => page.GetByRole(AriaRole.Row, new() { Name = number });

    public Task ApproveAsync(string number) => Row(number).GetByRole(AriaRole.Button, new() { Name = "Погодити" }).ClickAsync();
}

public sealed class AppealListPage(IPage page)
{
    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync("/console/appeals" + (query.Length > 0 ? "?" + query : ""));
        await Interactive.WaitAsync(page);
        await Table.WaitForAsync();
    }

    public ILocator Table => page.GetByTestId("appeal-list").Locator("table");

    public ILocator Row(string number) => Table.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });

    public ILocator Rows => Table.Locator("tbody tr");

    public ILocator Export => page.GetByRole(AriaRole.Link, new() { Name = "Експорт CSV" });

    public ILocator Total => page.GetByTestId("list-total");

    public Task SortByAsync(string column) => page.GetByRole(AriaRole.Link, new() { Name = "Сортувати: " + column }).ClickAsync();
}

public sealed class BoardPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/board");
        await Interactive.WaitAsync(page);
        await page.GetByText("За виконавцями").WaitForAsync();
    }

    public ILocator OverdueCount(string executor) => page.GetByRole(AriaRole.Button, new() { Name = "Прострочені: " + executor, Exact = true });

    public ILocator List => page.GetByTestId("board-list");

    public ILocator Resonant => page.GetByTestId("board-resonant");

    public async Task ReassignAsync(string number, string executor, string reason)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Перепризначити " + number }).ClickAsync();
        await page.GetByLabel("Новий виконавець").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = executor }).ClickAsync();
        await page.GetByLabel("Обґрунтування").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Виконати" }).ClickAsync();
    }
}

public sealed class NotificationsPage(IPage page)
{
    public ILocator MenuBadge => page.GetByTestId("menu-count-notifications");

    public async Task OpenAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Сповіщення" }).First.ClickAsync();
        await page.WaitForURLAsync("**/console/notifications");
    }

    public Task ReadAllAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Позначити всі прочитаними" }).ClickAsync();
}
