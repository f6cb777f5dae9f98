using System.Net;
using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Console;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure.Security;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Console;

/// <summary>
/// Console lists over large data (issue 3): the executor scope of the list query against the access rule itself,
/// the due-today filter (API, CSV and console list) and the inbox tabs paged on the server.
/// </summary>
public abstract class ConsolePerfTests<TApp>(TApp app) where TApp : AppFixture
{
    private static List<string> Numbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("registrationNumber").GetString()!).ToList();

    private async Task<string> RegisterAsync(int executorId, string? privilege = null)
    {
        var body = Appeals.Valid("utilities.water", executorId);
        if (privilege is not null)
            ((Dictionary<string, object?>)body["applicant"]!)["privilegeCategory"] = privilege;
        return (await app.Admin().RegisterAsync(body)).GetProperty("registrationNumber").GetString()!;
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<List<string>> ScopedAsync(int executorId, AppealSearch search) => WithAsync(async sp =>
        (await sp.GetRequiredService<AppealQueries>().SearchAsync(search with { PageSize = AppealQueries.MaxPageSize }, new Actor(null, "test", Roles.Executor, executorId), default))
            .Items.Select(i => i.RegistrationNumber).Order().ToList());

    private Task SetDueAsync(string number, DateTimeOffset due) => app.WithDbAsync(async db =>
    {
        var appeal = await db.Appeals.Include(a => a.Questions).SingleAsync(a => a.RegistrationNumber == number);
        appeal.DueAt = due;
        foreach (var q in appeal.Questions)
            q.DueAt = due;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ExecutorScope_HierarchyReassignmentCoExecutors_SameAppealsAsTheAccessRule()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var parent = await app.CreateExecutorAsync("Департамент " + tag);
        var child = await app.CreateExecutorAsync("КП дочірнє " + tag, parent);
        var other = await app.CreateExecutorAsync("Інший " + tag);
        var own = await RegisterAsync(child);
        var moved = await RegisterAsync(other);
        var shared = await RegisterAsync(other);
        var foreign = await RegisterAsync(other);
        var (reassigned, _) = await app.Admin().PostJsonAsync($"/api/v1/appeals/{moved}/assign", new { executorId = child });
        Assert.Equal(HttpStatusCode.OK, reassigned);
        var (coAssigned, _) = await app.Admin().PostJsonAsync($"/api/v1/appeals/{shared}/assign", new { executorId = other, coExecutorIds = new[] { child } });
        Assert.Equal(HttpStatusCode.OK, coAssigned);

        // What the list query returns for each executor, and what the access rule (the card's check) says, over these appeals.
        var mine = new[] { own, moved, shared, foreign };
        var rule = await WithAsync(async sp =>
        {
            var access = sp.GetRequiredService<AppealAccess>();
            var appeals = await sp.GetRequiredService<ContactCenter.Infrastructure.Data.AppDbContext>().Appeals.AsNoTracking()
                .Include(a => a.Questions).ThenInclude(q => q.Assignments).Where(a => mine.Contains(a.RegistrationNumber)).ToListAsync();
            var result = new Dictionary<int, List<string>>();
            foreach (var executor in new[] { parent, child, other })
            {
                var scope = (await access.ScopeAsync(new Actor(null, "test", Roles.Executor, executor), default))!;
                result[executor] = appeals.Where(a => a.Questions.Any(q => AppealAccess.InScope(q, scope))).Select(a => a.RegistrationNumber).Order().ToList();
            }
            return result;
        });
        Assert.Equal(new[] { own, moved, shared }.Order(), rule[parent]);
        Assert.Equal(new[] { own, moved, shared }.Order(), rule[child]);
        Assert.Equal(new[] { shared, foreign }.Order(), rule[other]);
        foreach (var executor in new[] { parent, child, other })
        {
            Assert.Equal(rule[executor], await ScopedAsync(executor, new AppealSearch()));
            Assert.Equal(rule[executor], await ScopedAsync(executor, new AppealSearch(Status: AppealStatus.Assigned)));
        }
    }

    [Fact]
    public async Task DueToday_ApiCsvAndConsoleList_OpenAppealsDueWithinTheKyivDay()
    {
        var executor = await app.CreateExecutorAsync("Сьогодні " + Guid.NewGuid().ToString("N")[..4]);
        var now = app.Time.GetUtcNow();
        var (_, endOfDay) = AppealQueries.LocalDay(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv"));
        var laterToday = await RegisterAsync(executor);
        var earlierToday = await RegisterAsync(executor);
        var tomorrow = await RegisterAsync(executor);
        await SetDueAsync(laterToday, endOfDay.AddMinutes(-1));
        await SetDueAsync(earlierToday, now.AddMinutes(-1));
        await SetDueAsync(tomorrow, endOfDay.AddMinutes(1));

        var (status, page) = await app.Admin().GetJsonAsync($"/api/v1/appeals?executorId={executor}&dueToday=true&sort=number");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([laterToday, earlierToday], Numbers(page));
        var (_, all) = await app.Admin().GetJsonAsync($"/api/v1/appeals?executorId={executor}&sort=number");
        Assert.Equal([laterToday, earlierToday, tomorrow], Numbers(all));

        var filter = AppealListFilter.Parse($"?executor={executor}&dueToday=true");
        Assert.True(filter.DueToday);
        Assert.Contains("dueToday=true", filter.Href);
        var csvHref = filter.CsvHref(TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv"));
        Assert.Contains("dueToday=true", csvHref);
        var csv = await app.Admin().GetStringAsync(csvHref);
        Assert.Contains(laterToday, csv);
        Assert.Contains(earlierToday, csv);
        Assert.DoesNotContain(tomorrow, csv);

        var list = await WithAsync(async sp => (await sp.GetRequiredService<AppealQueries>()
            .SearchAsync(filter.ToSearch(TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv")), new Actor(null, "test", Roles.Administrator, null), default))
            .Items.Select(i => i.RegistrationNumber).Order().ToList());
        Assert.Equal(new[] { laterToday, earlierToday }.Order(), list);
        Assert.Equal(new[] { laterToday, earlierToday }.Order(), await ScopedAsync(executor, new AppealSearch(DueToday: true)));
    }

    [Fact]
    public async Task Inbox_PagedOnTheServer_PrivilegedFirstThenByDeadline_CountersPerTab()
    {
        var executor = await app.CreateExecutorAsync("Вхідні " + Guid.NewGuid().ToString("N")[..4]);
        var now = app.Time.GetUtcNow();
        var numbers = new List<string>();
        for (var i = 0; i < InboxQueries.PageSize + 3; i++)
            numbers.Add(await RegisterAsync(executor, privilege: i == 7 ? "combatVeteran" : null));
        // Deadlines in reverse order of registration, a week ahead (not due soon, not overdue).
        for (var i = 0; i < numbers.Count; i++)
            await SetDueAsync(numbers[i], now.AddDays(7).AddMinutes(numbers.Count - i));
        await SetDueAsync(numbers[1], now.AddHours(2)); // due soon
        var actor = new Actor(null, "test", Roles.Executor, executor);

        var first = await WithAsync(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(actor, InboxTab.New, 1, default));
        var second = await WithAsync(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(actor, InboxTab.New, 2, default));
        Assert.Equal(new InboxCount(numbers.Count, true), first.Counts[InboxTab.New]);
        Assert.Equal(new InboxCount(0, true), first.Counts[InboxTab.InWork]);
        Assert.Equal(new InboxCount(1, true), first.Counts[InboxTab.DueSoon]);
        Assert.Equal(new InboxCount(0, true), first.Counts[InboxTab.Overdue]);
        Assert.Equal(2, first.Pages);
        Assert.Equal(InboxQueries.PageSize, first.Rows.Count);
        Assert.Equal(3, second.Rows.Count);

        var expected = new[] { numbers[7], numbers[1] }
            .Concat(numbers.Where((_, i) => i is not 7 and not 1).Reverse())
            .ToList();
        Assert.Equal(expected, first.Rows.Concat(second.Rows).Select(r => r.Item.RegistrationNumber).ToList());
        Assert.True(first.Rows[0].Privileged);

        var soon = await WithAsync(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(actor, InboxTab.DueSoon, 1, default));
        Assert.Equal([numbers[1]], soon.Rows.Select(r => r.Item.RegistrationNumber).ToList());
        var beyond = await WithAsync(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(actor, InboxTab.New, 9, default));
        Assert.Equal(2, beyond.Page);
    }
}

public sealed class ConsolePerfTests_Sqlite(SqliteApp app) : ConsolePerfTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ConsolePerfTests_Postgres(PostgresApp app) : ConsolePerfTests<PostgresApp>(app), IClassFixture<PostgresApp>;
