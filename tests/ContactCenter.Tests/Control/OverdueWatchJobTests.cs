using ContactCenter.Features.Control;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ContactCenter.Tests.Control;

public abstract class OverdueWatchJobTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Run_QuestionPastDeadline_FlaggedOnceWithTimelineEntry()
    {
        var registered = await app.Admin().RegisterAsync(Appeals.Valid());
        var number = registered.GetProperty("registrationNumber").GetString()!;
        var due = registered.GetProperty("dueAt").GetDateTimeOffset();

        Assert.Equal(0, await RunJobAndCountFlagsAsync(number));
        app.Time.SetUtcNow(due.AddMinutes(1));
        Assert.Equal(1, await RunJobAndCountFlagsAsync(number));
        Assert.Equal(1, await RunJobAndCountFlagsAsync(number));

        var (_, history) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "overdue");
        var (_, card) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}");
        Assert.True(card.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Scheduler_Started_JobRegisteredWithTheProvidersStore()
    {
        var factory = app.Services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await factory.GetScheduler(CancellationToken.None);
        Assert.NotNull(scheduler);
        Assert.True(await scheduler.Exists(OverdueWatchJob.Key, CancellationToken.None));
        var meta = await scheduler.GetMetadata(CancellationToken.None);
        // Several instances on one PostgreSQL share the jobs; SQLite is a single process.
        Assert.Equal(app.Db == Db.Postgres, meta.JobStoreClustered);
        Assert.Equal(app.Db == Db.Postgres, meta.JobStorePersistent);
    }

    private async Task<int> RunJobAndCountFlagsAsync(string number)
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OverdueWatchJob>().RunAsync(CancellationToken.None);
        return await app.WithDbAsync(db => db.AppealHistory.CountAsync(h =>
            h.Action == "overdue" && db.Appeals.Any(a => a.Id == h.AppealId && a.RegistrationNumber == number)));
    }
}

public sealed class OverdueWatchJobTests_Sqlite(SqliteApp app) : OverdueWatchJobTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class OverdueWatchJobTests_Postgres(PostgresApp app) : OverdueWatchJobTests<PostgresApp>(app), IClassFixture<PostgresApp>;
