using ContactCenter.Tests.Browser.Console;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Control;

/// <summary>«Затримані звернення» (<c>/console/held-intake</c>).</summary>
public sealed class HeldIntakePage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/held-intake");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Затримані звернення" }).WaitForAsync();
    }

    public ILocator Row(long id) => page.GetByRole(AriaRole.Row, new() { Name = "#" + id, Exact = true });

    public ILocator Photos(long id) => Row(id).GetByTestId("held-files").Locator("img");

    public Task ReleaseAsync(long id) => Row(id).GetByRole(AriaRole.Button, new() { Name = "Зареєструвати" }).ClickAsync();

    public ILocator Message(string text) => page.Locator(".mud-snackbar").GetByText(text);
}

/// <summary>«Рішення керівника» (<c>/console/supervisor-decisions</c>) and the same decision panel on the card.</summary>
public sealed class SupervisorDecisionsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/supervisor-decisions");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Рішення керівника після доопрацювань" }).WaitForAsync();
    }

    public ILocator Item(string number) => page.GetByRole(AriaRole.Article, new() { Name = number, Exact = true });

    public ILocator History(string number) => Item(number).GetByTestId("decision-history");

    public static async Task DecideAsync(ILocator scope, bool rework, string? reason)
    {
        await scope.GetByRole(AriaRole.Button, new() { Name = rework ? "Повернути на доопрацювання" : "Закрити рішенням керівника" }).ClickAsync();
        if (reason is not null)
            await scope.GetByLabel("Причина рішення").FillAsync(reason);
        await scope.GetByRole(AriaRole.Button, new() { Name = "Підтвердити рішення" }).ClickAsync();
    }

    public ILocator Empty => page.GetByTestId("decisions-empty");
}

/// <summary>«Мова ворожнечі: слова» (<c>/console/screening-terms</c>).</summary>
public sealed class ScreeningTermsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/screening-terms");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Мова ворожнечі: слова для затримання" }).WaitForAsync();
    }

    public ILocator Row(string term) => page.GetByRole(AriaRole.Row, new() { Name = term, Exact = true });

    public async Task AddAsync(string term)
    {
        await page.GetByLabel("Слово або його початок").FillAsync(term);
        await page.GetByRole(AriaRole.Button, new() { Name = "Додати" }).ClickAsync();
    }

    public async Task RemoveAsync(string term)
    {
        await Row(term).GetByRole(AriaRole.Button, new() { Name = "Вилучити" }).ClickAsync();
        await Row(term).GetByText($"Вилучити «{term}» з переліку?").WaitForAsync();
        await Row(term).GetByRole(AriaRole.Button, new() { Name = "Вилучити" }).ClickAsync();
    }
}

/// <summary>The appeal card's control panel (<c>LawTimers</c>).</summary>
public sealed class CardControl(IPage page)
{
    public async Task OpenAsync(string number)
    {
        await page.GotoAsync("/console/appeals/" + number);
        await Interactive.WaitAsync(page);
        await page.GetByTestId("card-status").WaitForAsync();
    }

    public ILocator Timer(string rule) => page.GetByTestId("law-timer-" + rule.ToLowerInvariant());

    public ILocator Panel => page.GetByTestId("law-timers");
}
