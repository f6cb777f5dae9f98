using System.Net;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Console;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using ContactCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Console;

/// <summary>
/// The executor inbox read in one pass over the executor's open appeals (semi-join scope, tabs decided in memory) against
/// the shape it replaced: each tab a capped, scoped search ordered privileged first then by deadline (R11) — over a
/// hierarchy, a reassignment, co-executor and for-information assignments, multi-question appeals and rework.
/// </summary>
public abstract class InboxScopeTests<TApp>(TApp app) where TApp : AppFixture
{
    private sealed record Setup(int Parent, int Child, int Other, int Small, Dictionary<string, string> Numbers);

    private async Task<string> RegisterAsync(int executorId, string? privilege = null)
    {
        var body = Appeals.Valid("utilities.water", executorId);
        if (privilege is not null)
            ((Dictionary<string, object?>)body["applicant"]!)["privilegeCategory"] = privilege;
        return (await app.Admin().RegisterAsync(body)).GetProperty("registrationNumber").GetString()!;
    }

    private async Task<string> RegisterManyAsync(params int[] executorIds)
    {
        var body = Appeals.Valid();
        body.Remove("categoryCode");
        body.Remove("description");
        body.Remove("location");
        body.Remove("executorId");
        body["questions"] = executorIds.Select((e, i) => new
        {
            categoryCode = "utilities.water",
            description = $"Питання {i + 1}: немає води",
            location = new { address = "вул. Соборна, 5" },
            executorId = e,
        }).ToArray();
        return (await app.Admin().RegisterAsync(body)).GetProperty("registrationNumber").GetString()!;
    }

    private async Task AssignAsync(string number, object body, int? question = null)
    {
        var url = $"/api/v1/appeals/{number}/assign" + (question is { } q ? $"?question={q}" : "");
        var (status, reply) = await app.Admin().PostJsonAsync(url, body);
        Assert.True(status == HttpStatusCode.OK, $"assign {number}: {(int)status} {reply}");
    }

    /// <summary>Puts an appeal where a tab needs it: the appeal's status and deadline, its questions' statuses (by number).</summary>
    private Task SetAsync(string number, AppealStatus status, DateTimeOffset due, Dictionary<int, AppealStatus>? questions = null, int rework = 0) =>
        app.WithDbAsync(async db =>
        {
            var appeal = await db.Appeals.Include(a => a.Questions).SingleAsync(a => a.RegistrationNumber == number);
            appeal.Status = status;
            appeal.DueAt = due;
            foreach (var q in appeal.Questions)
            {
                q.Status = questions?.GetValueOrDefault(q.Number, status) ?? status;
                q.DueAt = due;
                q.ReworkCount = rework;
            }
            return await db.SaveChangesAsync();
        });

    private async Task<Setup> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var parent = await app.CreateExecutorAsync("Департамент вхідних " + tag);
        var child = await app.CreateExecutorAsync("КП вхідних " + tag, parent);
        var other = await app.CreateExecutorAsync("Інше КП " + tag);
        var small = await app.CreateExecutorAsync("Мале КП " + tag);
        var now = app.Time.GetUtcNow();
        var n = new Dictionary<string, string>
        {
            ["own"] = await RegisterAsync(child),
            ["ownPrivileged"] = await RegisterAsync(child, "combatVeteran"),
            ["ownOverdue"] = await RegisterAsync(child),
            ["ownOverduePrivileged"] = await RegisterAsync(child, "disabled"),
            ["ownSoon"] = await RegisterAsync(child),
            ["ownInWork"] = await RegisterAsync(child),
            ["ownRework"] = await RegisterAsync(child),
            ["ownDeferredOverdue"] = await RegisterAsync(child),
            ["ownClosed"] = await RegisterAsync(child),
            ["parentOwn"] = await RegisterAsync(parent),
            ["movedToChild"] = await RegisterAsync(other),
            ["movedAway"] = await RegisterAsync(child),
            ["coExecutor"] = await RegisterAsync(other),
            ["forInformation"] = await RegisterAsync(other),
            ["multiClosedMine"] = await RegisterManyAsync(child, other),
            ["multiOpenMine"] = await RegisterManyAsync(other, child),
            ["multiSecondCoExecutor"] = await RegisterManyAsync(other, other),
            ["foreign"] = await RegisterAsync(other),
            ["smallOwn"] = await RegisterAsync(small),
        };
        await AssignAsync(n["movedToChild"], new { executorId = child });
        await AssignAsync(n["movedAway"], new { executorId = other });
        await AssignAsync(n["coExecutor"], new { executorId = other, coExecutorIds = new[] { child } });
        await AssignAsync(n["forInformation"], new { executorId = other, forInformationIds = new[] { small } });
        await AssignAsync(n["multiSecondCoExecutor"], new { executorId = other, coExecutorIds = new[] { small } }, question: 2);

        var week = now.AddDays(7);
        await SetAsync(n["own"], AppealStatus.Assigned, week.AddMinutes(5));
        await SetAsync(n["ownPrivileged"], AppealStatus.Assigned, week.AddMinutes(9));
        await SetAsync(n["ownOverdue"], AppealStatus.InProgress, now.AddHours(-5));
        await SetAsync(n["ownOverduePrivileged"], AppealStatus.Assigned, now.AddHours(-1));
        await SetAsync(n["ownSoon"], AppealStatus.InProgress, now.AddHours(3));
        await SetAsync(n["ownInWork"], AppealStatus.InProgress, week.AddMinutes(1));
        await SetAsync(n["ownRework"], AppealStatus.InProgress, week.AddMinutes(2), rework: 1);
        await SetAsync(n["ownDeferredOverdue"], AppealStatus.Deferred, now.AddHours(-2));
        await SetAsync(n["ownClosed"], AppealStatus.Closed, now.AddDays(-3));
        await SetAsync(n["parentOwn"], AppealStatus.Assigned, now.AddHours(1));
        await SetAsync(n["movedToChild"], AppealStatus.Assigned, week.AddMinutes(3));
        await SetAsync(n["movedAway"], AppealStatus.Assigned, week.AddMinutes(4));
        await SetAsync(n["coExecutor"], AppealStatus.InProgress, now.AddHours(-3));
        await SetAsync(n["forInformation"], AppealStatus.Assigned, now.AddHours(40));
        // The appeal is open and in work although the child's own question is closed: it stays in the child's inbox.
        await SetAsync(n["multiClosedMine"], AppealStatus.InProgress, week.AddMinutes(6), new() { [1] = AppealStatus.Closed, [2] = AppealStatus.InProgress });
        await SetAsync(n["multiOpenMine"], AppealStatus.Assigned, now.AddHours(-4), new() { [1] = AppealStatus.ResultReported, [2] = AppealStatus.Assigned });
        await SetAsync(n["multiSecondCoExecutor"], AppealStatus.Assigned, week.AddMinutes(7));
        await SetAsync(n["foreign"], AppealStatus.Assigned, now.AddHours(2));
        await SetAsync(n["smallOwn"], AppealStatus.InProgress, now.AddHours(-6), rework: 2);
        return new Setup(parent, child, other, small, n);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>What the inbox showed before: each tab's capped count and its page as a scoped search.</summary>
    private Task<(Dictionary<InboxTab, InboxCount> Counts, List<(string Number, bool Privileged)> Rows)> SearchedAsync(Actor actor, InboxTab tab) => WithAsync(async sp =>
    {
        var inbox = sp.GetRequiredService<InboxQueries>();
        var queries = sp.GetRequiredService<AppealQueries>();
        var counts = new Dictionary<InboxTab, InboxCount>();
        foreach (var t in Enum.GetValues<InboxTab>())
        {
            var (count, exact) = await queries.CountAsync(inbox.Search(t), actor, default);
            counts[t] = new InboxCount(count, exact);
        }
        var page = await queries.SearchAsync(inbox.Search(tab) with { PageSize = InboxQueries.PageSize, Sort = "due", PrivilegedFirst = true }, actor, default);
        return (counts, page.Items.Select(i => (i.RegistrationNumber, !string.IsNullOrEmpty(i.Applicant.PrivilegeCategory))).ToList());
    });

    private Task<InboxView> InboxAsync(Actor actor, InboxTab tab) =>
        WithAsync(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(actor, tab, 1, default));

    [Fact]
    public async Task Inbox_EveryTabOfEveryExecutor_SameCountersAndPageAsTheScopedSearches()
    {
        var s = await ArrangeAsync();
        var shown = new Dictionary<int, Dictionary<InboxTab, List<string>>>();
        foreach (var executor in new[] { s.Parent, s.Child, s.Other, s.Small })
        {
            var actor = new Actor(null, "test", Roles.Executor, executor);
            shown[executor] = [];
            foreach (var tab in Enum.GetValues<InboxTab>())
            {
                var (counts, rows) = await SearchedAsync(actor, tab);
                var view = await InboxAsync(actor, tab);
                Assert.Equal(counts.OrderBy(c => c.Key), view.Counts.OrderBy(c => c.Key));
                Assert.Equal(rows, view.Rows.Select(r => (r.Item.RegistrationNumber, r.Privileged)).ToList());
                Assert.Equal(1, view.Pages);
                shown[executor][tab] = rows.Select(r => r.Number).ToList();
            }
        }

        // And what the searches (so the inbox) show is the access rule's answer on these appeals.
        var n = s.Numbers;
        var child = shown[s.Child];
        Assert.Equal([n["ownOverduePrivileged"], n["ownPrivileged"], n["multiOpenMine"], n["movedToChild"], n["own"]], child[InboxTab.New]);
        Assert.Equal([n["ownOverdue"], n["coExecutor"], n["ownSoon"], n["ownInWork"], n["ownRework"], n["multiClosedMine"]], child[InboxTab.InWork]);
        Assert.Equal([n["ownSoon"]], child[InboxTab.DueSoon]);
        Assert.Equal([n["ownOverduePrivileged"], n["ownOverdue"], n["multiOpenMine"], n["coExecutor"], n["ownDeferredOverdue"]], child[InboxTab.Overdue]);
        Assert.Equal([n["ownRework"]], child[InboxTab.Rework]);
        Assert.Equal(child[InboxTab.New].Append(n["parentOwn"]).Order(), shown[s.Parent][InboxTab.New].Order());
        Assert.DoesNotContain(n["movedToChild"], shown[s.Other][InboxTab.New]);
        Assert.Contains(n["movedAway"], shown[s.Other][InboxTab.New]);
        Assert.DoesNotContain(n["movedAway"], child[InboxTab.New]);
        Assert.Equal([n["smallOwn"]], shown[s.Small][InboxTab.Rework]);
        Assert.Equal([n["forInformation"], n["multiSecondCoExecutor"]], shown[s.Small][InboxTab.New]);
        Assert.Equal([n["forInformation"]], shown[s.Small][InboxTab.DueSoon]);
    }

    [Fact]
    public async Task Inbox_MoreThanAPage_PagesAndCappedCountersAsTheSearches()
    {
        var executor = await app.CreateExecutorAsync("Багато вхідних " + Guid.NewGuid().ToString("N")[..4]);
        var now = app.Time.GetUtcNow();
        for (var i = 0; i < InboxQueries.PageSize + 4; i++)
        {
            var number = await RegisterAsync(executor, privilege: i % 9 == 4 ? "combatVeteran" : null);
            // Two appeals share each deadline, so the order falls back to the id as in the searches.
            await SetAsync(number, AppealStatus.Assigned, now.AddHours(-1 - (i / 2)));
        }
        var actor = new Actor(null, "test", Roles.Executor, executor);
        var searched = new List<string>();
        var shown = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            var result = await WithAsync(sp => sp.GetRequiredService<AppealQueries>().SearchAsync(
                sp.GetRequiredService<InboxQueries>().Search(InboxTab.Overdue) with { Page = page, PageSize = InboxQueries.PageSize, Sort = "due", PrivilegedFirst = true },
                actor, default));
            searched.AddRange(result.Items.Select(i => i.RegistrationNumber));
            var view = await WithAsync(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(actor, InboxTab.Overdue, page, default));
            Assert.Equal(2, view.Pages);
            Assert.Equal(page, view.Page);
            Assert.Equal(new InboxCount(InboxQueries.PageSize + 4, true), view.Counts[InboxTab.Overdue]);
            Assert.Equal(view.Counts[InboxTab.Overdue], view.Counts[InboxTab.New]);
            shown.AddRange(view.Rows.Select(r => r.Item.RegistrationNumber));
        }
        Assert.Equal(InboxQueries.PageSize + 4, shown.Distinct().Count());
        Assert.Equal(searched, shown);
        var beyond = await WithAsync(sp => sp.GetRequiredService<InboxQueries>().LoadAsync(actor, InboxTab.Overdue, 7, default));
        Assert.Equal(2, beyond.Page);
        Assert.Equal(4, beyond.Rows.Count);
    }

    [Fact]
    public async Task MainAssignments_ActiveOnlyForTheQuestionsOwnExecutor_SoTheScopeSemiJoinNeedsOnlyTheOtherRoles()
    {
        await ArrangeAsync();
        var mismatched = await app.WithDbAsync(db => db.Assignments
            .Where(x => x.Active && x.Role == AssignmentRole.Main)
            .Join(db.Questions, x => x.QuestionId, q => q.Id, (x, q) => new { x.ExecutorId, QuestionExecutorId = q.ExecutorId })
            .CountAsync(p => p.QuestionExecutorId == null || p.ExecutorId != p.QuestionExecutorId));
        Assert.Equal(0, mismatched);
    }
}

public sealed class InboxScopeTests_Sqlite(SqliteApp app) : InboxScopeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class InboxScopeTests_Postgres(PostgresApp app) : InboxScopeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
