using System.Net;
using ContactCenter.Features.Control;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Control;

public abstract class DeadlineControlTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Reminder_DueMonday_SentOnceOnFridayMorningAcrossTheWeekend()
    {
        var cast = await Cast.Of(app);
        // Received Monday 23 November: simple track → due Monday 30 November 17:00; reminder Friday 27 November 08:00.
        var body = Appeals.Valid(executorId: cast.ExecutorId);
        body["receivedAt"] = "2026-11-23T10:00:00+02:00";
        var card = await cast.As(cast.Operator).RegisterAsync(body);
        var number = card.GetProperty("registrationNumber").GetString()!;
        Assert.Equal("2026-11-30T17:00:00+02:00", card.GetProperty("dueAt").GetString());

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 5, 59, 0, TimeSpan.Zero));
        await RunAsync<DeadlineReminderJob>();
        Assert.Equal(0, await CountAsync(number, "reminder"));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(RunAsync<DeadlineReminderJob>(), RunAsync<DeadlineReminderJob>());
        await RunAsync<DeadlineReminderJob>();
        Assert.Equal(1, await CountAsync(number, "reminder"));

        var (status, list) = await cast.As(cast.Executor).GetJsonAsync("/api/v1/staff-notifications?unread=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(list.EnumerateArray(), n => n.GetProperty("registrationNumber").GetString() == number && n.GetProperty("kind").GetString() == "reminder");
        var (other, otherList) = await cast.As(cast.OtherExecutor).GetJsonAsync("/api/v1/staff-notifications");
        Assert.Equal(HttpStatusCode.OK, other);
        Assert.DoesNotContain(otherList.EnumerateArray(), n => n.GetProperty("registrationNumber").GetString() == number);
    }

    [Fact]
    public async Task Overdue_ExecutorWithHead_HeadAndSupervisorsTold()
    {
        var head = await app.CreateExecutorAsync("Управління ЖКГ " + Guid.NewGuid().ToString("N")[..4]);
        var unit = await app.CreateExecutorAsync("КП Житлосервіс " + Guid.NewGuid().ToString("N")[..4], head);
        var card = await app.Admin().RegisterAsync(Appeals.Valid(executorId: unit));
        var number = card.GetProperty("registrationNumber").GetString()!;

        app.Time.SetUtcNow(card.GetProperty("dueAt").GetDateTimeOffset().AddMinutes(1));
        await RunAsync<OverdueWatchJob>();

        var rows = await app.WithDbAsync(db => db.StaffNotifications.AsNoTracking().Where(n => n.RegistrationNumber == number && n.Kind == "overdue").ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, n => n.RecipientExecutorId == head);
        Assert.Contains(rows, n => n.RecipientRole == "supervisor");
        var supervisor = await app.CreateKeyAsync("supervisor");
        var (_, list) = await app.Client(supervisor).GetJsonAsync("/api/v1/staff-notifications?unread=true");
        Assert.Contains(list.EnumerateArray(), n => n.GetProperty("registrationNumber").GetString() == number);
    }

    private async Task RunAsync<TJob>() where TJob : notnull
    {
        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        await (job switch
        {
            DeadlineReminderJob r => r.RunAsync(CancellationToken.None),
            OverdueWatchJob o => o.RunAsync(CancellationToken.None),
            _ => throw new InvalidOperationException(),
        });
    }

    private Task<int> CountAsync(string number, string kind) =>
        app.WithDbAsync(db => db.StaffNotifications.CountAsync(n => n.RegistrationNumber == number && n.Kind == kind));
}

public sealed class DeadlineControlTests_Sqlite(SqliteApp app) : DeadlineControlTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DeadlineControlTests_Postgres(PostgresApp app) : DeadlineControlTests<PostgresApp>(app), IClassFixture<PostgresApp>;
