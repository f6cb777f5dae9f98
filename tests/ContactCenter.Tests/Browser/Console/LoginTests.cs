using ContactCenter.Features.Identity;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>Console sign-in: password only, a second factor enrolled on first sign-in and then required, lockout.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task Operator_WithoutSecondFactor_SignsInAndSeesTheRegistrationScreen()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Олена Оператор");
        var page = await ConsoleKit.NewPageAsync(app);
        await page.GotoAsync("/console/register");
        // Not signed in: the console sends the browser to the login form.
        await page.WaitForURLAsync("**/console/login**");
        await BrowserApp.ScreenshotAsync(page, "console-login");
        await new LoginPage(page).SignInAsync(email, ConsoleKit.Password);
        await page.WaitForURLAsync("**/console/register");
        await page.GetByText("Олена Оператор").First.WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Реєстрація звернення" }).WaitForAsync();

        // The English switch: a cookie, the same screen in English.
        await page.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Register an appeal" }).WaitForAsync();
        await Interactive.WaitAsync(page);
        await BrowserApp.ScreenshotAsync(page, "console-register-english");
        await page.GetByRole(AriaRole.Link, new() { Name = "УКР" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Реєстрація звернення" }).WaitForAsync();
    }

    [Fact]
    public async Task Supervisor_MustEnrol_EnrolsWithQrCode_ThenNeedsTheCodeToSignIn()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Supervisor, mustEnrol: true);
        var page = await ConsoleKit.NewPageAsync(app);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, ConsoleKit.Password);

        // First sign-in: enrolment comes before any work.
        await page.WaitForURLAsync("**/console/account/enrol");
        var enrol = new EnrolPage(page);
        await enrol.QrCode.WaitForAsync();
        var key = await enrol.SharedKeyAsync();
        await BrowserApp.ScreenshotAsync(page, "console-enrol");
        await enrol.EnableAsync("000000" == ConsoleKit.Totp(key) ? "111111" : "000000");
        await page.GetByText("Невірний код.").WaitForAsync();
        await enrol.EnableAsync(ConsoleKit.Totp(key));
        await enrol.RecoveryCodes.First.WaitForAsync();
        var recovery = await enrol.RecoveryCodes.AllInnerTextsAsync();
        Assert.Equal(10, recovery.Count);

        // Sign out, sign in again: now the password alone is not enough.
        await page.GotoAsync("/console/register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Вийти" }).ClickAsync();
        await page.WaitForURLAsync("**/console/login");
        await login.SignInAsync(email, ConsoleKit.Password);
        await page.WaitForURLAsync("**/console/login/2fa**");
        await login.EnterCodeAsync("12345x");
        await Assertions.Expect(login.Error).ToContainTextAsync("Невірний код");
        await login.EnterCodeAsync(ConsoleKit.Totp(key));
        await page.WaitForURLAsync(u => u.EndsWith("/console/account/security", StringComparison.Ordinal) || u.Contains("/console/register", StringComparison.Ordinal), new() { Timeout = 60_000 });

        // A recovery code works once as well.
        var other = await app.NewPageAsync();
        var login2 = new LoginPage(other);
        await login2.OpenAsync();
        await login2.SignInAsync(email, ConsoleKit.Password);
        await other.WaitForURLAsync("**/console/login/2fa**");
        await login2.EnterCodeAsync(recovery[0]);
        await other.WaitForURLAsync(u => !u.Contains("/console/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator);
        var page = await ConsoleKit.NewPageAsync(app);
        var login = new LoginPage(page);
        await login.OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await login.SignInAsync(email, "wrong-password-" + i);
            await login.Error.WaitForAsync();
        }
        await login.SignInAsync(email, ConsoleKit.Password);
        await Assertions.Expect(login.Error).ToContainTextAsync("заблоковано");
        Assert.Contains("/console/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherSessionsToo()
    {
        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator);
        var laptop = await ConsoleKit.SignedInPageAsync(app, email, "/console/register");
        var desktop = await ConsoleKit.SignedInPageAsync(app, email, "/console/register");

        await desktop.GotoAsync("/console/account/security");
        await Interactive.WaitAsync(desktop);
        await BrowserApp.ScreenshotAsync(desktop, "console-security");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Вийти на всіх пристроях" }).ClickAsync();
        await desktop.WaitForURLAsync("**/console/login");

        // The other browser's cookie is checked against the renewed security stamp at the next validation (every minute).
        app.Time.Advance(TimeSpan.FromMinutes(2));
        await laptop.GotoAsync("/console/register");
        await laptop.WaitForURLAsync("**/console/login**");
    }
}
