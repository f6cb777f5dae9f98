using System.Net;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Seed;
using ContactCenter.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Seed;

public abstract class DemoDataSeederTests<TApp>(TApp app) where TApp : AppFixture
{
    // The fixture starts with demo data off; each test seeds, which after the first is a no-op by design.
    private async Task SeedAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IDemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_AppealsInEveryStatus()
    {
        await SeedAsync();

        var statuses = await app.WithDbAsync(db => db.Appeals.Select(a => a.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<AppealStatus>().Order(), statuses.Order());
        Assert.Equal(DemoDataSeeder.AppealCount, await app.WithDbAsync(db => db.Appeals.CountAsync()));

        var now = app.Time.GetUtcNow();
        var open = AppealStateMachine.OpenStatuses.ToList();
        Assert.True(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => open.Contains(a.Status) && a.DueAt < now)), "some open appeals are overdue");
        Assert.True(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => open.Contains(a.Status) && a.DueAt > now)), "some open appeals are on time");
        Assert.True(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.Questions.Count > 1)), "some appeals raise several questions");
        Assert.True(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.IsCollective)));
        Assert.True(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.HideIdentity)));
        Assert.True(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.Applicant.PrivilegeCategory == "ВПО")));
        // History written on the seed clock lies in the past, within the demo period.
        var (first, last) = await app.WithDbAsync(async db => (await db.AppealHistory.MinAsync(h => h.At), await db.AppealHistory.MaxAsync(h => h.At)));
        Assert.InRange(first, now.AddDays(-DemoDataSeeder.Days - 1), now);
        Assert.InRange(last, first, now);
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_CardsReadableThroughApi()
    {
        await SeedAsync();
        var number = await app.WithDbAsync(db => db.Appeals.Where(a => a.Status == AppealStatus.Closed).Select(a => a.RegistrationNumber).FirstAsync());

        var (status, card) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("closed", card.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_EveryLoginSignsInWithItsRole()
    {
        await SeedAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        foreach (var login in DemoCommunity.Logins)
        {
            var user = await users.FindByEmailAsync(login.Email);
            Assert.NotNull(user);
            Assert.Equal([login.Role], await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, DemoCommunity.Password), login.Email);
            Assert.Equal(login.Executor is not null, user.ExecutorId is not null);
        }
        var roles = DemoCommunity.Logins.Select(l => l.Role).ToHashSet();
        Assert.All(Roles.All.Where(r => r != Roles.Integration), r => Assert.Contains(r, roles));
    }

    [Fact]
    public async Task SeedAsync_SecondRun_AddsNothing()
    {
        await SeedAsync();
        var before = await CountsAsync();

        await SeedAsync();

        Assert.Equal(before, await CountsAsync());
    }

    private Task<int[]> CountsAsync() => app.WithDbAsync(async db => new[]
    {
        await db.Executors.CountAsync(), await db.ExecutorStaff.CountAsync(), await db.Districts.CountAsync(), await db.Streets.CountAsync(),
        await db.Buildings.CountAsync(), await db.RoutingRules.CountAsync(), await db.Users.CountAsync(), await db.Appeals.CountAsync(),
        await db.AppealHistory.CountAsync(), await db.ExecutorRequests.CountAsync(),
    });
}

public sealed class DemoDataSeederTests_Sqlite(SqliteApp app) : DemoDataSeederTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DemoDataSeederTests_Postgres(PostgresApp app) : DemoDataSeederTests<PostgresApp>(app), IClassFixture<PostgresApp>;
