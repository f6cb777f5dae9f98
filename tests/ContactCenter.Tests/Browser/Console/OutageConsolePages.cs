using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>The outages list (/console/outages).</summary>
public sealed class OutageListPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/console/outages");
        await Interactive.WaitAsync(page);
    }

    public ILocator Row(long id) => page.GetByRole(AriaRole.Row, new() { Name = $"Відключення №{id}" });

    public Task OpenOutageAsync(long id) => Row(id).GetByRole(AriaRole.Link, new() { Name = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
}

/// <summary>One outage's card (/console/outages/{id}).</summary>
public sealed class OutageCardPage(IPage page)
{
    public async Task WaitReadyAsync(long id)
    {
        await page.WaitForURLAsync($"**/console/outages/{id}");
        await Interactive.WaitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Відключення №{id}" }).WaitForAsync();
    }

    public ILocator AppealLink(string number) => page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });

    public Task BroadcastAsync() => page.GetByRole(AriaRole.Link, new() { Name = "Повідомити мешканців" }).ClickAsync();
}

/// <summary>The broadcast compose screen with its history (/console/broadcasts).</summary>
public sealed class BroadcastPage(IPage page)
{
    public async Task WaitReadyAsync()
    {
        await page.WaitForURLAsync("**/console/broadcasts**");
        await Interactive.WaitAsync(page);
    }

    public ILocator Reach => page.GetByTestId("broadcast-reach");

    public ILocator HistoryRow(string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    public async Task SendAsync(string text)
    {
        await page.GetByLabel("Текст повідомлення").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати" }).ClickAsync();
        // The count is shown again with the question; the second click sends.
        await page.GetByText("Скасувати розсилку після надсилання неможливо").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати" }).ClickAsync();
    }
}
