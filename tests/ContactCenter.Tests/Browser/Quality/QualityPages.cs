using ContactCenter.Tests.Browser.Console;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Quality;

/// <summary>«Контрольні дзвінки» in the console.</summary>
public sealed class ConfirmationCallsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/confirmation-calls");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Контрольні дзвінки" }).WaitForAsync();
    }

    public ILocator Row(string number) => page.GetByRole(AriaRole.Row, new() { Name = number, Exact = true });

    public ILocator Rows => page.Locator("tbody tr");

    public ILocator Attempts(string number) => Row(number).GetByTestId("call-attempts");

    public Task NoAnswerAsync(string number) => Row(number).GetByRole(AriaRole.Button, new() { Name = "Не відповідає" }).ClickAsync();

    public async Task RecordAnswerAsync(string number, bool done, int grade, string comment)
    {
        var row = Row(number);
        await row.GetByRole(AriaRole.Button, new() { Name = "Заявник відповів" }).ClickAsync();
        await row.GetByText(done ? "Так, виконано" : "Ні, не виконано").ClickAsync();
        await row.GetByRole(AriaRole.Radio, new() { Name = grade.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync(new() { Force = true });
        await row.GetByLabel("Коментар заявника").FillAsync(comment);
    }

    public Task SaveAsync(string number) => Row(number).GetByRole(AriaRole.Button, new() { Name = "Зберегти відповідь" }).ClickAsync();
}

/// <summary>The portal's survey page (<c>/survey/{token}</c>).</summary>
public sealed class SurveyPage(IPage page)
{
    public Task OpenAsync(string token) => page.GotoAsync("/survey/" + token);

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task AnswerAsync(bool solved, int grade, string comment)
    {
        await page.GetByLabel(solved ? "Так, вирішено" : "Ні, не вирішено").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Оцінка" }).GetByLabel(grade.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Коментар").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати оцінку" }).ClickAsync();
    }

    public ILocator Status => page.GetByRole(AriaRole.Status);
}
