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
        await keys.TypeAsync(categorySearch);
        // Known gap: the list does not always narrow to the typed words before Tab, so the option is clicked.
        await page.GetByRole(AriaRole.Option, new() { Name = categoryName }).ClickAsync();
        await page.GetByLabel("Адреса проблеми").FocusAsync();
        // The right category was taken: routing and the deadline are shown before saving.
        await Assertions.Expect(Executor).ToHaveTextAsync(expectedExecutor);
        await Deadline.WaitForAsync();
        await keys.TypeAsync(place);
        await keys.PressAsync("Tab");
        await keys.TypeAsync(description);
        await keys.PressAsync("Control+Enter");
    }

    public ILocator Deadline => page.GetByTestId("preview-due");

    public ILocator Executor => page.GetByTestId("preview-executor");

    public ILocator Number => page.GetByTestId("registration-number");

    public ILocator History => page.GetByRole(AriaRole.List, new() { Name = "Звернення з цього телефону" });
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
