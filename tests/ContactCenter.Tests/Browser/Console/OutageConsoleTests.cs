using System.Net;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Informing;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Informing;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>
/// An operator works an outage in the console: finds it in the list, opens its card with the linked appeals, and
/// composes a message to the residents, seeing how many subscribers it reaches before sending.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutageConsoleTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task Operator_OutagesList_CardWithLinkedAppeals_BroadcastWithReachCount()
    {
        var place = await InformingKit.NewPlaceAsync(app);
        var executor = await InformingKit.ExecutorAsync(app, "КП Водоканал");
        var outage = await InformingKit.OutageAsync(app, executor, new { kind = "range", streetId = place.StreetId, from = 1, to = 11, side = "odd" });
        var body = Appeals.Valid(executorId: executor);
        var number = Cast.Number(await app.Admin().RegisterAsync(body));
        var (status, link) = await app.Admin().PostJsonAsync($"/api/v1/outages/{outage}/appeals", new { registrationNumber = number });
        Assert.True(status == HttpStatusCode.OK, link.ToString());
        for (var i = 1; i <= 4; i++)
            await app.TelegramAsync(InformingKit.NewChat(), SubscriptionScope.Building, place.Building(2 * i - 1));
        await app.TelegramAsync(InformingKit.NewChat(), SubscriptionScope.Building, place.Building(2)); // the even side: not reached

        var email = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Оператор Відключень");
        var page = await ConsoleKit.SignedInPageAsync(app, email);

        var list = new OutageListPage(page);
        await list.OpenAsync();
        await Assertions.Expect(list.Row(outage)).ToBeVisibleAsync();
        await Assertions.Expect(list.Row(outage)).ToContainTextAsync("1–11");
        await BrowserApp.ScreenshotAsync(page, "console-outages-list");

        await list.OpenOutageAsync(outage);
        var card = new OutageCardPage(page);
        await card.WaitReadyAsync(outage);
        await Assertions.Expect(card.AppealLink(number)).ToHaveAttributeAsync("href", $"/console/appeals/{number}");
        await BrowserApp.ScreenshotAsync(page, "console-outage-card");

        await card.BroadcastAsync();
        var compose = new BroadcastPage(page);
        await compose.WaitReadyAsync();
        await Assertions.Expect(compose.Reach).ToContainTextAsync("Отримають: 4");
        await page.GetByLabel("Текст повідомлення").FillAsync("Подачу води відновлено о 16:00.");
        await BrowserApp.ScreenshotAsync(page, "console-broadcast-compose");
        await compose.SendAsync("Подачу води відновлено о 16:00. Перші хвилини вода може бути каламутною.");
        await Assertions.Expect(compose.HistoryRow("Подачу води відновлено")).ToContainTextAsync("4");
        await BrowserApp.ScreenshotAsync(page, "console-broadcast");
    }
}
