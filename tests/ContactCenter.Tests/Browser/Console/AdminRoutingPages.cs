using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>The routing rules screen: the list, the rule editor and the "test routing" box.</summary>
public sealed class AdminRoutingPage(IPage page) : AdminScreen(page, "/console/admin/routing")
{
    public ILocator Rules => Page.GetByRole(AriaRole.Region, new() { Name = "Правила маршрутизації", Exact = true });

    public ILocator Row(string text) => Rules.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    public ILocator Editor => Page.GetByRole(AriaRole.Region, new() { Name = "Правило маршрутизації", Exact = true });

    public ILocator Tester => Page.GetByRole(AriaRole.Region, new() { Name = "Перевірка маршруту" });

    public async Task NewAsync() => await Page.GetByRole(AriaRole.Button, new() { Name = "Нове правило" }).ClickAsync();

    /// <summary>A rule for one building: the category and the address picked from their lists, the executor chosen.</summary>
    public async Task AddForBuildingAsync(string categorySearch, string categoryLabel, string addressSearch, string address, string executor)
    {
        await NewAsync();
        await PickAsync(Editor.GetByLabel("Категорія"), categorySearch, categoryLabel);
        await ChooseAsync(Editor.GetByLabel("Де діє правило"), "будинок");
        await PickAsync(Editor.GetByLabel("Будинок (адреса з реєстру)"), addressSearch, address);
        await ChooseAsync(Editor.GetByLabel("Виконавець"), executor);
        await SaveAsync();
    }

    public async Task SaveAsync() => await Editor.GetByRole(AriaRole.Button, new() { Name = "Створити" }).Or(Editor.GetByRole(AriaRole.Button, new() { Name = "Зберегти" })).ClickAsync();

    public ILocator FieldError(string text) => Editor.GetByText(text);

    public async Task TestAsync(string categorySearch, string categoryLabel, string addressSearch, string address)
    {
        await PickAsync(Tester.GetByLabel("Категорія"), categorySearch, categoryLabel);
        await PickAsync(Tester.GetByLabel("Адреса проблеми"), addressSearch, address);
        await Tester.GetByRole(AriaRole.Button, new() { Name = "Перевірити" }).ClickAsync();
    }

    public ILocator ResultExecutor => Page.GetByTestId("routing-result-executor");

    public ILocator ResultReason => Page.GetByTestId("routing-result-reason");

    public ILocator ResultRule => Page.GetByTestId("routing-result-rule");

    private async Task PickAsync(ILocator box, string search, string option)
    {
        // Typed as a person types (the address box searches the register after a pause in typing).
        await box.ClickAsync();
        await box.PressSequentiallyAsync(search, new() { Delay = 40 });
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).First.ClickAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(box).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(option)));
    }

    private async Task ChooseAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }
}
