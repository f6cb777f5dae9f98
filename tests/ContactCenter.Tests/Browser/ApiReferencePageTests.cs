namespace ContactCenter.Tests.Browser;

/// <summary>Proves the browser set-up: Debian's Chromium reaches the app on Kestrel and renders a page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferencePageTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task ApiReference_Opened_ShowsTheAppealEndpoints()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/api/docs");
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await BrowserApp.ScreenshotAsync(page, "api-reference");
        await page.GetByText("Contact Center API").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByText("Appeals").First.WaitForAsync();
    }
}
