using System.Net.Http.Json;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Identity;
using ContactCenter.Tests.Api.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Console;

/// <summary>
/// Administration screens added for issue 3 in Chromium at 1366×768: a staff member linked to a login (shown on both
/// screens), a routing rule added and the "test routing" box naming it, and the export links following the typed filter.
/// Screenshots: artifacts/screenshots/console-admin-{staff-login,routing,users-export}.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminRoutingScreensTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private async Task<IPage> AdministratorAsync() =>
        await ConsoleKit.SignedInPageAsync(app, await ConsoleKit.CreateUserAsync(app, Roles.Administrator, name: "Наталія Адміністратор"));

    [Fact]
    public async Task Executors_LinkAStaffMemberToALogin_ShownOnBothScreens()
    {
        var executor = "КП «Житлосервіс» " + Guid.NewGuid().ToString("N")[..4];
        var executorId = await app.CreateExecutorAsync(executor);
        Assert.True((await app.Admin().PostAsJsonAsync($"/api/v1/executors/{executorId}/staff", new { fullName = "Савченко Микола Юрійович", position = "майстер" }, AppFixture.Json)).IsSuccessStatusCode);
        var email = await ConsoleKit.CreateUserAsync(app, Roles.ExecutorStaff, executorId, name: "Савченко Микола");
        var page = await AdministratorAsync();
        var executors = new AdminExecutorsPage(page);
        await executors.OpenAsync();

        await executors.LinkLoginAsync(executor, "Савченко Микола Юрійович", email);

        await Assertions.Expect(executors.Message("Обліковий запис пов'язано.")).ToBeVisibleAsync();
        await Assertions.Expect(executors.StaffLogin("Савченко Микола Юрійович")).ToHaveTextAsync(email);
        await BrowserApp.ScreenshotAsync(page, "console-admin-staff-login");
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());
        Assert.Equal(userId, await app.WithDbAsync(db => db.ExecutorStaff.Where(s => s.ExecutorId == executorId).Select(s => s.UserId).FirstAsync()));

        var users = new AdminUsersPage(page);
        await users.OpenAsync();
        await users.SearchAsync(email);
        await users.Row(email).ClickAsync();
        await Assertions.Expect(users.StaffMember).ToContainTextAsync("Савченко Микола Юрійович");
    }

    [Fact]
    public async Task Routing_AddARuleForABuilding_TheTestBoxNamesItAndTheExecutor()
    {
        var category = await app.CreateCategoryAsync();
        var executor = "КП «Теплоенерго» " + Guid.NewGuid().ToString("N")[..4];
        await app.CreateExecutorAsync(executor);
        await app.WithDbAsync(async db =>
        {
            var district = new District { Name = "Центральний" };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            var street = new Street { Type = "вулиця", Name = "Вербова", SearchName = AddressRegister.Normalize("Вербова"), DistrictId = district.Id };
            street.Buildings.Add(new Building { Number = "12" });
            street.Buildings.Add(new Building { Number = "14" });
            db.Streets.Add(street);
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<StreetCatalog>().Invalidate();
        Assert.Contains("вулиця Вербова, 12", await app.Admin().GetStringAsync(new Uri("/api/v1/addresses?q=" + Uri.EscapeDataString("Вербова 12"), UriKind.Relative)), StringComparison.Ordinal);
        var page = await AdministratorAsync();
        var routing = new AdminRoutingPage(page);
        await routing.OpenAsync();

        await routing.AddForBuildingAsync(category, category, "Вербова 12", "вулиця Вербова, 12", executor);

        await Assertions.Expect(routing.Message("Збережено.")).ToBeVisibleAsync();
        await Assertions.Expect(routing.Row(category)).ToContainTextAsync("вулиця Вербова, 12");
        await Assertions.Expect(routing.Row(category)).ToContainTextAsync(executor);
        var ruleId = await app.WithDbAsync(db => db.RoutingRules.Where(r => r.CategoryCode == category).Select(r => r.Id).SingleAsync());

        await routing.TestAsync(category, category, "Вербова 12", "вулиця Вербова, 12");

        await Assertions.Expect(routing.ResultExecutor).ToHaveTextAsync(executor);
        await Assertions.Expect(routing.ResultReason).ToHaveTextAsync("правило для будинку");
        await Assertions.Expect(routing.ResultRule).ToContainTextAsync("№" + ruleId);
        await BrowserApp.ScreenshotAsync(page, "console-admin-routing");

        // Next door the building rule does not apply: no rule, no default executor.
        await routing.TestAsync(category, category, "Вербова 14", "вулиця Вербова, 14");
        await Assertions.Expect(routing.ResultReason).ToContainTextAsync("ні правила");
        await Assertions.Expect(routing.ResultRule).ToHaveCountAsync(0);

        // An empty rule is refused with the reasons under the fields.
        await routing.NewAsync();
        await routing.SaveAsync();
        await Assertions.Expect(routing.FieldError("Оберіть категорію.")).ToBeVisibleAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.RoutingRules.CountAsync(r => r.CategoryCode == category)));
    }

    [Fact]
    public async Task Users_ExportClickedRightAfterTyping_CarriesTheTypedFilter()
    {
        var page = await AdministratorAsync();
        var users = new AdminUsersPage(page);
        await users.OpenAsync();

        // Typed and exported at once, before the list's debounced search has run.
        await users.SearchAsync("Адміністратор");
        var download = await page.RunAndWaitForDownloadAsync(() => users.ExportCsv.ClickAsync());

        Assert.Contains("/api/v1/admin/exports/users?q=" + Uri.EscapeDataString("Адміністратор") + "&", download.Url, StringComparison.Ordinal);
        await Assertions.Expect(users.ExportCsv).ToHaveAttributeAsync("href", "/api/v1/admin/exports/users?q=" + Uri.EscapeDataString("Адміністратор") + "&sort=name");
        await Assertions.Expect(users.ExportXlsx).ToHaveAttributeAsync("href", "/api/v1/admin/exports/users?q=" + Uri.EscapeDataString("Адміністратор") + "&sort=name&format=xlsx");
        await BrowserApp.ScreenshotAsync(page, "console-admin-users-export");
        await Assertions.Expect(users.Row("Наталія Адміністратор").First).ToBeVisibleAsync();
    }
}
