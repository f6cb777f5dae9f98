using ContactCenter.Features.Identity;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

public sealed class RegisterTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task Operator_RegistersFromTheKeyboard_AndSeesTheNumber()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator);
        var page = await ConsoleKit.SignedInPageAsync(app, email, "/console/register");
        var register = new RegisterPage(page);
        await register.WaitReadyAsync();
        await BrowserApp.ScreenshotAsync(page, "console-register-empty");
        await page.Keyboard.TypeAsync("+380671234567");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Петренко Іван Іванович");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("вул. Шевченка, 1, кв. 2");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("освітлення");
        await page.GetByRole(AriaRole.Option).First.WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, "console-register-category");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("preview-due").WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, "console-register-filled");
    }
}

public sealed class RegisterPage(IPage page)
{
    public Task WaitReadyAsync() => page.GetByLabel("Телефон заявника").WaitForAsync();
}
