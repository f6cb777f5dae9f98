using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Portal;

/// <summary>The «Подати звернення» screen.</summary>
public sealed class SubmitPage(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync() => await page.GotoAsync("/appeal/new");

    public async Task FillAsync(string description, string phone)
    {
        await page.GetByLabel("Тема звернення").SelectOptionAsync("utilities.water");
        await page.GetByLabel("Суть звернення").FillAsync(description);
        await page.GetByLabel("Адреса, де виникла проблема").FillAsync("вул. Соборна, 5");
        await page.GetByLabel("Прізвище, ім'я та по батькові").FillAsync("Коваленко Олена Петрівна");
        await page.GetByLabel("Телефон", new() { Exact = false }).First.FillAsync(phone);
        await page.GetByLabel("Електронна пошта").FillAsync("olena@example.com");
        await page.GetByLabel("Місце проживання (адреса)").FillAsync("вул. Соборна, 5, кв. 12");
        await page.GetByLabel("даю згоду").CheckAsync();
    }

    public async Task AddPhotosAsync(params (string Name, byte[] Data)[] photos) =>
        await page.GetByLabel("Фото").SetInputFilesAsync(photos.Select(p => new FilePayload { Name = p.Name, MimeType = "image/png", Buffer = p.Data }));

    public async Task SendAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати звернення" }).ClickAsync();

    /// <summary>After a successful send: the registration number and the private link.</summary>
    public async Task<(string Number, string Link)> ResultAsync()
    {
        await page.WaitForURLAsync(new Regex("/appeal/done/"));
        var number = await page.Locator("#registration-number").InnerTextAsync();
        var link = await page.Locator("#tracking-link").GetAttributeAsync("href");
        return (number.Trim(), link!);
    }

    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert);
}

/// <summary>The «Стан звернення» screens: the look-up form and the private page.</summary>
public sealed class TrackPage(IPage page)
{
    public async Task ByNumberAsync(string number, string phone)
    {
        await page.GotoAsync("/track");
        await page.GetByLabel("Реєстраційний номер").FillAsync(number);
        await page.GetByLabel("Телефон, вказаний у зверненні").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Перевірити" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/track/.+"));
    }

    public Task<string> HeadingAsync() => page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();

    public Task<string> StatusAsync() => page.Locator("#status").InnerTextAsync();
}

/// <summary>The «Питання-відповідь» screen.</summary>
public sealed class FaqPage(IPage page)
{
    public async Task SearchAsync(string text)
    {
        await page.GotoAsync("/faq");
        await page.GetByLabel("Пошук у відповідях").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Знайти" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("q="));
    }

    public ILocator Questions => page.Locator(".faq summary");
}

/// <summary>The rating form on the private tracking page.</summary>
public sealed class RatePage(IPage page)
{
    public ILocator Section => page.GetByRole(AriaRole.Region, new() { Name = "Оцініть результат" });

    public async Task RateAsync(bool solved, int rating, string comment)
    {
        await page.GetByLabel(solved ? "Так, вирішено" : "Ні, не вирішено").CheckAsync();
        await page.GetByLabel("Оцінка").SelectOptionAsync(rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Коментар").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати оцінку" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("rated=true"));
    }
}
