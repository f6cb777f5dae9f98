using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>Page objects of the administration screens (issue 3): one per screen, role-based locators.</summary>
public abstract class AdminScreen(IPage page, string path)
{
    protected IPage Page { get; } = page;

    public async Task OpenAsync()
    {
        await Page.GotoAsync(path);
        await Interactive.WaitAsync(Page);
    }

    /// <summary>The success or error message the screen shows after an action.</summary>
    public ILocator Message(string text) => Page.Locator(".mud-snackbar").GetByText(text);

    public async Task ConfirmAsync() => await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Так" }).ClickAsync();
}

public sealed class AdminUsersPage(IPage page) : AdminScreen(page, "/console/admin/users")
{
    public async Task<string> CreateAsync(string email, string fullName, string roleLabel, bool enrolSecondFactor)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Новий користувач" }).ClickAsync();
        await Page.GetByLabel("Електронна пошта").FillAsync(email);
        await Page.GetByLabel("Прізвище, ім'я, по батькові").FillAsync(fullName);
        await Page.GetByRole(AriaRole.Group, new() { Name = "Ролі" }).GetByLabel(roleLabel, new() { Exact = true }).CheckAsync();
        var enrol = Page.GetByLabel("Підключити другий фактор при першому вході");
        if (enrolSecondFactor)
            await enrol.CheckAsync();
        else
            await enrol.UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Створити користувача" }).ClickAsync();
        var password = Page.GetByTestId("temporary-password");
        await password.WaitForAsync();
        return (await password.InnerTextAsync()).Trim();
    }

    public async Task SearchAsync(string text) => await Page.GetByLabel("Пошук за ім'ям або поштою").FillAsync(text);

    public ILocator Row(string name) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public ILocator StaffMember => Page.GetByTestId("user-staff-member");

    public ILocator ExportCsv => Page.GetByTestId("admin-export");

    public ILocator ExportXlsx => Page.GetByTestId("admin-export-xlsx");
}

public sealed class AdminCategoriesPage(IPage page) : AdminScreen(page, "/console/admin/categories")
{
    public ILocator Tree => Page.GetByRole(AriaRole.Region, new() { Name = "Категорії звернень" });

    public ILocator Row(string name) => Tree.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public async Task SelectAsync(string name)
    {
        await Row(name).First.ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Назва", new() { Exact = true })).ToHaveValueAsync(name);
    }

    public async Task EditAsync(string newName, int warningHours)
    {
        await Page.GetByLabel("Назва", new() { Exact = true }).FillAsync(newName);
        await Page.GetByLabel("Попередження, год").FillAsync(warningHours.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();
    }
}

public sealed class AdminExecutorsPage(IPage page) : AdminScreen(page, "/console/admin/executors")
{
    public ILocator Tree => Page.GetByRole(AriaRole.Region, new() { Name = "Виконавці та працівники" });

    public ILocator Row(string name) => Tree.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public async Task CreateAsync(string name, string head, string phone)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Новий виконавець" }).ClickAsync();
        await Page.GetByLabel("Назва", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Відповідальна особа").FillAsync(head);
        await Page.GetByLabel("Телефон").FillAsync(phone);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Створити" }).ClickAsync();
    }

    public async Task AddStaffAsync(string fullName, string position)
    {
        await Page.GetByRole(AriaRole.Tab).Filter(new() { HasText = "Працівники" }).ClickAsync();
        await Page.GetByLabel("ПІБ").FillAsync(fullName);
        await Page.GetByLabel("Посада").FillAsync(position);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Додати працівника" }).ClickAsync();
    }

    public ILocator StaffRow(string fullName) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = fullName });

    public ILocator StaffLogin(string fullName) => StaffRow(fullName).GetByTestId("staff-login");

    /// <summary>Opens the staff member (pencil), picks a login of the organisation and links it.</summary>
    public async Task LinkLoginAsync(string executor, string fullName, string email)
    {
        await Row(executor).First.ClickAsync();
        await Page.GetByRole(AriaRole.Tab).Filter(new() { HasText = "Працівники" }).ClickAsync();
        await StaffRow(fullName).GetByRole(AriaRole.Button, new() { Name = "Змінити" }).ClickAsync();
        var section = Page.GetByRole(AriaRole.Region, new() { Name = "Обліковий запис працівника: " + fullName });
        await section.GetByLabel("Обліковий запис організації").ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = email }).ClickAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = "Пов'язати" }).ClickAsync();
    }
}

public sealed class AdminKnowledgePage(IPage page) : AdminScreen(page, "/console/admin/knowledge")
{
    public async Task WriteAsync(string title, string firstLine, string boldWords)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Нова стаття" }).ClickAsync();
        await Page.GetByRole(AriaRole.Textbox, new() { Name = "Заголовок", Exact = true }).FillAsync(title);
        var body = Page.GetByLabel("Текст статті");
        await body.FillAsync(firstLine + "\n\n");
        await body.PressAsync("End");
        await Page.Keyboard.TypeAsync(boldWords);
        // Select the words just typed and make them bold with the toolbar.
        for (var i = 0; i < boldWords.Length; i++)
            await Page.Keyboard.PressAsync("Shift+ArrowLeft");
        await Page.GetByRole(AriaRole.Toolbar, new() { Name = "Форматування" }).GetByRole(AriaRole.Button, new() { Name = "Жирний" }).ClickAsync();
    }

    public ILocator Preview => Page.GetByTestId("kb-preview");

    public async Task PublishAndSaveAsync()
    {
        await Page.GetByRole(AriaRole.Switch).Or(Page.GetByLabel("Внутрішня")).First.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();
    }
}

public sealed class AdminAddressesPage(IPage page) : AdminScreen(page, "/console/admin/addresses")
{
    public async Task ImportAsync(string fileName, string csv)
    {
        await Page.GetByLabel("Оберіть файл CSV").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Імпортувати" }).ClickAsync();
    }

    public ILocator Accepted => Page.GetByTestId("import-accepted");

    public ILocator Rejected => Page.GetByTestId("import-rejected");

    public ILocator RejectedLines => Page.GetByRole(AriaRole.Region, new() { Name = "Відхилені рядки" }).Locator("tbody").GetByRole(AriaRole.Row);
}

public sealed class AdminApiKeysPage(IPage page) : AdminScreen(page, "/console/admin/api-keys")
{
    public async Task<string> CreateAsync(string name)
    {
        await Page.GetByLabel("Назва").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Створити ключ" }).ClickAsync();
        var key = Page.GetByTestId("new-api-key");
        await key.WaitForAsync();
        return (await key.InnerTextAsync()).Trim();
    }

    public ILocator Copy => Page.GetByRole(AriaRole.Button, new() { Name = "Копіювати" });

    public ILocator LastUsed(string name) => Page.GetByTestId("last-used-" + name);

    public async Task RevokeAsync(string name)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Відкликати " + name }).ClickAsync();
        await ConfirmAsync();
    }
}

public sealed class AdminTracksPage(IPage page) : AdminScreen(page, "/console/admin/tracks")
{
    public async Task SetTermAsync(string code, int term)
    {
        await Page.GetByLabel("Строк " + code).FillAsync(term.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Зберегти " + code }).ClickAsync();
    }
}
