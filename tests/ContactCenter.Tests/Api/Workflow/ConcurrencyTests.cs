using System.Net;
using ContactCenter.Core.Appeals;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>Two concurrent conflicting updates of one appeal never both win (Appeal.Version is the concurrency token).</summary>
public abstract class ConcurrencyTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task SaveChanges_SameAppealChangedInTwoScopes_SecondThrowsConcurrency()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var a1 = await db1.Appeals.SingleAsync(a => a.RegistrationNumber == number);
        var a2 = await db2.Appeals.SingleAsync(a => a.RegistrationNumber == number);
        Assert.Equal(a1.Version, a2.Version);

        a1.Status = AppealStatus.InProgress;
        a1.Version++;
        a2.Status = AppealStatus.Closed;
        a2.Version++;
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        var stored = await app.WithDbAsync(db => db.Appeals.AsNoTracking().SingleAsync(a => a.RegistrationNumber == number));
        Assert.Equal(AppealStatus.InProgress, stored.Status);
        Assert.Equal(a1.Version, stored.Version);
    }

    [Fact]
    public async Task Accept_TenParallelCalls_ExactlyOne200RestConflictOneHistoryEntry()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();
        var clients = Enumerable.Range(0, 10).Select(_ => cast.As(cast.Executor)).ToArray();
        using var start = new SemaphoreSlim(0);

        var calls = clients.Select(async c =>
        {
            await start.WaitAsync();
            return await c.PostReplyAsync($"/api/v1/appeals/{number}/accept", new { });
        }).ToArray();
        start.Release(calls.Length);
        var replies = await Task.WhenAll(calls);

        var statuses = replies.Select(r => (int)r.Status).Order().ToArray();
        Assert.True(statuses.Count(s => s == 200) == 1 && statuses.Count(s => s == 409) == 9,
            "Expected one 200 and nine 409: " + string.Join(" | ", replies.Select(r => r.ToString())));
        Assert.All(replies.Where(r => r.Status == HttpStatusCode.Conflict), r => r.Problem(HttpStatusCode.Conflict));
        var history = await cast.HistoryAsync(number);
        Assert.Single(history, h => h.GetProperty("action").GetString() == "accepted");
        var card = await cast.CardAsync(number);
        Assert.Equal("inProgress", card.GetProperty("status").GetString());
        var audited = await app.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .CountAsync(e => e.EntityType == "appeal" && e.EntityId == number && e.Action == "update" && e.Details == "Accept"));
        Assert.Equal(1, audited);
    }
}

public sealed class ConcurrencyTests_Sqlite(SqliteApp app) : ConcurrencyTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ConcurrencyTests_Postgres(PostgresApp app) : ConcurrencyTests<PostgresApp>(app), IClassFixture<PostgresApp>;
