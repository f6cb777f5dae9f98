using ContactCenter.Features.Admin;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Knowledge;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Admin;

/// <summary>
/// The services the console screens call directly (no HTTP in between): they check the role themselves, so a screen
/// reached by URL by someone else refuses; and an administrator cannot lock themselves out.
/// </summary>
public abstract class AdminServiceTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Actor> UserActorAsync(string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role}-{Guid.NewGuid():N}"[..24] + "@rada.test";
        var user = new AppUser { UserName = email, Email = email, FullName = "Тест " + role };
        Assert.True((await users.CreateAsync(user, "Service-test-2026")).Succeeded);
        await users.AddToRoleAsync(user, role);
        return new Actor(user.Id, user.FullName, role, null);
    }

    [Fact]
    public async Task Administrator_CannotLockThemselvesOrDropTheirOwnAdministratorRole()
    {
        var admin = await UserActorAsync(Roles.Administrator);

        var locking = await Assert.ThrowsAsync<RuleViolationException>(() => WithAsync<UserAdmin, UserRow>(u => u.SetLockedAsync(admin.UserId!, true, admin, default)));
        var demoting = await Assert.ThrowsAsync<RuleViolationException>(() => WithAsync<UserAdmin, UserRow>(u =>
            u.UpdateAsync(admin.UserId!, new UserInput(null, "Тест", [Roles.Operator], null, null), admin, default)));

        Assert.Equal("admin.self", locking.Code);
        Assert.Equal("admin.self", demoting.Code);
        var row = await WithAsync<UserAdmin, UserRow>(u => u.GetAsync(admin.UserId!, admin, default));
        Assert.Equal([Roles.Administrator], row.Roles);
        Assert.False(row.IsLocked);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Executor)]
    public async Task EveryScreenService_SignedInNonAdministrator_Forbidden(string role)
    {
        var actor = await UserActorAsync(role);

        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<UserAdmin, PageOf<UserRow>>(u => u.ListAsync(new UserQuery(), actor, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<UserAdmin, CreatedUser>(u =>
            u.CreateAsync(new UserInput("x@rada.test", "X", [Roles.Administrator], null, false), actor, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<ExecutorAdmin, ExecutorView>(e =>
            e.CreateAsync(new ExecutorInput("X", null, null, null, null, null, null, null, null), actor, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<CategoryAdmin, CategoryView>(c =>
            c.PutAsync("utilities.water", new CategoryInput("utilities.water", "X", "utilities", null, null, null, false, null, null), actor, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<ReviewTrackAdmin, ReviewTrackView>(t =>
            t.PutAsync("simple", new ReviewTrackInput("X", 3, ContactCenter.Core.Deadlines.TermUnit.WorkingDays), actor, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<KnowledgeAdmin, ArticleView>(k =>
            k.SaveAsync(null, new ArticleInput("X", "Y", null, true), actor, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<ApiKeyAdmin, IReadOnlyList<ApiKeyRow>>(k => k.ListAsync(actor, true, default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => WithAsync<ApiKeyAdmin, ContactCenter.Features.ApiKeys.CreatedApiKey>(k =>
            k.CreateAsync("X", Roles.Administrator, null, actor, default)));
    }
}

public sealed class AdminServiceTests_Sqlite(SqliteApp app) : AdminServiceTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AdminServiceTests_Postgres(PostgresApp app) : AdminServiceTests<PostgresApp>(app), IClassFixture<PostgresApp>;
