using System.Security.Cryptography;
using ContactCenter.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>Staff accounts for console tests, and the RFC 6238 codes an authenticator app would show.</summary>
public static class ConsoleKit
{
    public const string Password = "Console-test-2026";

    public static async Task<string> CreateUserAsync(BrowserApp app, string role, int? executorId = null, bool mustEnrol = false, string? name = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}"[..24] + "@test.local";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name ?? "Тест " + role, ExecutorId = executorId, MustEnrolTwoFactor = mustEnrol };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return email;
    }

    /// <summary>A page with room for a loaded CI machine: waiting is not asserting, so a generous limit costs nothing when all is well.</summary>
    public static async Task<IPage> NewPageAsync(BrowserApp app)
    {
        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return page;
    }

    /// <summary>Signs in on the console login form and waits for the console to open.</summary>
    public static async Task<IPage> SignedInPageAsync(BrowserApp app, string email, string? expectPath = null)
    {
        var page = await NewPageAsync(app);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, Password);
        await page.WaitForURLAsync(u => !u.Contains("/console/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        if (expectPath is not null)
            await page.WaitForURLAsync("**" + expectPath + "**", new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) from a Base32 key, at the real clock — as the phone computes it.</summary>
    public static string Totp(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32(base32Key);
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8)
            message[i] = (byte)(counter & 0xff);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}

public sealed class LoginPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/console/login");

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Електронна пошта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
    }

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task EnterCodeAsync(string code)
    {
        await page.GetByLabel("Код").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Підтвердити" }).ClickAsync();
    }
}

public sealed class EnrolPage(IPage page)
{
    public Task<string> SharedKeyAsync() => page.GetByTestId("shared-key").InnerTextAsync();

    public ILocator QrCode => page.GetByRole(AriaRole.Img, new() { Name = "QR-код для застосунку-автентифікатора" });

    public ILocator RecoveryCodes => page.GetByRole(AriaRole.List, new() { Name = "Коди відновлення" }).GetByRole(AriaRole.Listitem);

    public async Task EnableAsync(string code)
    {
        await page.GetByLabel("Код").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Підключити" }).ClickAsync();
    }
}
