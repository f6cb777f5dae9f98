using ContactCenter.Features.Admin;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>The change-password screen: forced after a temporary password, and reachable by anyone from the app bar.</summary>
public sealed class ChangePasswordPage(IPage page)
{
    public ILocator Current => page.GetByLabel("Поточний пароль");
    public ILocator New => page.GetByLabel("Новий пароль", new() { Exact = true });
    public ILocator Confirm => page.GetByLabel("Новий пароль ще раз");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Змінити пароль" });

    public async Task ChangeAsync(string current, string next, string confirm)
    {
        await Current.FillAsync(current);
        await New.FillAsync(next);
        await Confirm.FillAsync(confirm);
        await Submit.ClickAsync();
    }
}

/// <summary>
/// A user created by an administrator signs in with the temporary password and is held on the change-password page
/// — whatever console page they open — until they set their own; then the console opens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordChangeTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task TemporaryPassword_SignIn_EveryPageRedirectsToChange_UntilChanged()
    {
        var email = $"temp-{Guid.NewGuid():N}"[..20] + "@test.local";
        CreatedUser created;
        using (var scope = app.Services.CreateScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(
                new UserInput(email, "Тарас Тимчасовий", [Roles.Operator], null, false), Actor.System with { Role = Roles.Administrator }, default);
        }
        var page = await ConsoleKit.NewPageAsync(app);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, created.TemporaryPassword);
        await page.WaitForURLAsync("**/console/account/password");
        await page.GetByText("Ви увійшли з тимчасовим паролем").WaitForAsync();

        // Any other console page sends the user back here.
        await page.GotoAsync("/console/register");
        await page.WaitForURLAsync("**/console/account/password");

        var form = new ChangePasswordPage(page);
        await form.ChangeAsync(created.TemporaryPassword, "Novyi-parol-2026", "Novyi-parol-2027");
        await page.GetByText("Паролі не збігаються.").WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, "console-password-forced");
        await form.ChangeAsync(created.TemporaryPassword, "Novyi-parol-2026", "Novyi-parol-2026");
        await page.GetByText("Пароль змінено.").WaitForAsync();

        await page.GotoAsync("/console/register");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Реєстрація звернення" }).WaitForAsync();
        Assert.EndsWith("/console/register", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        // The self-service link stays in the app bar.
        await page.GetByRole(AriaRole.Link, new() { Name = "Змінити пароль" }).WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, "console-after-password-change");
    }
}
