using System.Net;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Tests.Api.Registration;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Admin;

/// <summary>
/// Accounts and routing administration (issue 3): a temporary password must be changed at the first sign-in, an
/// administrator resets a forgotten one, the user changes their own under Identity's rules with Ukrainian messages;
/// routing rules by street sit between building and district.
/// </summary>
public abstract class AdminAccountsTests<TApp>(TApp app) where TApp : AppFixture
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task<(string Id, string Email, string Password)> CreateUserAsync()
    {
        var email = Unique("temp.") + "@rada.test";
        var created = await app.Admin().PostReplyAsync("/api/v1/users", new { email, fullName = "Оксана Тимчасова", roles = new[] { "operator" }, mustEnrolTwoFactor = false });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return (created.Body.GetProperty("user").GetProperty("id").GetString()!, email, created.Body.GetProperty("temporaryPassword").GetString()!);
    }

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<bool> PasswordWorksAsync(string email, string password) =>
        WithAsync<UserManager<AppUser>, bool>(async users => await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password));

    [Fact]
    public async Task CreatedUser_MustChangePassword_UntilTheyChangeIt()
    {
        var (id, email, temporary) = await CreateUserAsync();
        var row = await app.Admin().GetReplyAsync($"/api/v1/users/{id}");
        Assert.True(row.Body.GetProperty("mustChangePassword").GetBoolean());

        await WithAsync<PasswordChange, AppUser>(p => p.ChangeAsync(id, new PasswordChangeInput(temporary, "Vlasnyi-parol-2026", "Vlasnyi-parol-2026"), default));

        Assert.False((await app.Admin().GetReplyAsync($"/api/v1/users/{id}")).Body.GetProperty("mustChangePassword").GetBoolean());
        Assert.True(await PasswordWorksAsync(email, "Vlasnyi-parol-2026"));
        Assert.False(await PasswordWorksAsync(email, temporary));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "user" && a.EntityId == id && a.Action == "changePassword")));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentMismatchOrWeak_FieldErrorsInUkrainian_NothingChanges()
    {
        var (id, email, temporary) = await CreateUserAsync();

        var wrong = await Assert.ThrowsAsync<AppValidationException>(() => WithAsync<PasswordChange, AppUser>(p =>
            p.ChangeAsync(id, new PasswordChangeInput("Not-the-password-1", "Vlasnyi-parol-2026", "Vlasnyi-parol-2026"), default)));
        Assert.Equal(["Невірний поточний пароль."], wrong.Errors["currentPassword"]);

        var mismatch = await Assert.ThrowsAsync<AppValidationException>(() => WithAsync<PasswordChange, AppUser>(p =>
            p.ChangeAsync(id, new PasswordChangeInput(temporary, "Vlasnyi-parol-2026", "Vlasnyi-parol-2027"), default)));
        Assert.Equal(["confirm"], mismatch.Errors.Keys);

        var weak = await Assert.ThrowsAsync<AppValidationException>(() => WithAsync<PasswordChange, AppUser>(p =>
            p.ChangeAsync(id, new PasswordChangeInput(temporary, "korotkyi", "korotkyi"), default)));
        Assert.Contains("Пароль має містити щонайменше 10 символів.", weak.Errors["newPassword"]);
        Assert.Contains("Пароль має містити цифру.", weak.Errors["newPassword"]);

        Assert.True(await PasswordWorksAsync(email, temporary));
        Assert.True((await app.Admin().GetReplyAsync($"/api/v1/users/{id}")).Body.GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task ResetPassword_NewTemporaryPasswordOnce_OldStops_StampRenewed_Audited_AdminOnly()
    {
        var (id, email, temporary) = await CreateUserAsync();
        await WithAsync<PasswordChange, AppUser>(p => p.ChangeAsync(id, new PasswordChangeInput(temporary, "Zabutyi-parol-2026", "Zabutyi-parol-2026"), default));
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

        var reset = await app.Admin().PostReplyAsync($"/api/v1/users/{id}/reset-password", null);

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        var fresh = reset.Body.GetProperty("temporaryPassword").GetString()!;
        Assert.True(reset.Body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        Assert.True(await PasswordWorksAsync(email, fresh));
        Assert.False(await PasswordWorksAsync(email, "Zabutyi-parol-2026"));
        Assert.NotEqual(stamp, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "user" && a.EntityId == id && a.Action == "resetPassword")));

        var supervisorKey = await app.CreateKeyAsync(Roles.Supervisor);
        (await app.Client(supervisorKey).PostReplyAsync($"/api/v1/users/{id}/reset-password", null)).Problem(HttpStatusCode.Forbidden);
        Assert.True(await PasswordWorksAsync(email, fresh));
    }

    [Fact]
    public async Task RoutingRule_ByStreet_BeatsDistrict_LosesToBuilding_OnePlacePerRule_NoDuplicates()
    {
        var byDistrict = await app.CreateExecutorAsync(Unique("Район "));
        var byStreet = await app.CreateExecutorAsync(Unique("Вулиця "));
        var byBuilding = await app.CreateExecutorAsync(Unique("Будинок "));
        var category = await app.CreateCategoryAsync();
        var (b1, b2, streetId, districtId) = await app.WithDbAsync(async db =>
        {
            var district = new Features.Addresses.District { Name = Unique("Центральний ") };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            var street = new Features.Addresses.Street { Type = "вулиця", Name = Unique("Соборна"), SearchName = Unique("соборна"), DistrictId = district.Id };
            street.Buildings.Add(new Features.Addresses.Building { Number = "5", DistrictId = district.Id });
            street.Buildings.Add(new Features.Addresses.Building { Number = "7", DistrictId = district.Id });
            db.Streets.Add(street);
            await db.SaveChangesAsync();
            return (street.Buildings[0].Id, street.Buildings[1].Id, street.Id, district.Id);
        });
        Assert.Equal(HttpStatusCode.Created, (await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, districtId, executorId = byDistrict })).Status);
        Assert.Equal(HttpStatusCode.Created, (await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, streetId, executorId = byStreet })).Status);
        Assert.Equal(HttpStatusCode.Created, (await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, buildingId = b1, executorId = byBuilding })).Status);

        var atBuilding = await app.Admin().GetReplyAsync($"/api/v1/routing/suggest?categoryCode={category}&addressId={b1}");
        var onStreet = await app.Admin().GetReplyAsync($"/api/v1/routing/suggest?categoryCode={category}&addressId={b2}");
        Assert.Equal((byBuilding, "building"), (atBuilding.Body.GetProperty("executorId").GetInt32(), atBuilding.Body.GetProperty("reason").GetString()));
        Assert.Equal((byStreet, "street"), (onStreet.Body.GetProperty("executorId").GetInt32(), onStreet.Body.GetProperty("reason").GetString()));

        var twoPlaces = await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, streetId, districtId, executorId = byStreet });
        Assert.Equal(["place"], twoPlaces.Problem(HttpStatusCode.BadRequest).ErrorFields());
        (await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, streetId, executorId = byDistrict })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDbAsync(db => db.RoutingRules.CountAsync(r => r.CategoryCode == category && r.StreetId == streetId)));
    }
}

public sealed class AdminAccountsTests_Sqlite(SqliteApp app) : AdminAccountsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AdminAccountsTests_Postgres(PostgresApp app) : AdminAccountsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
