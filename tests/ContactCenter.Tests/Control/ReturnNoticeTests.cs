using System.Net;
using ContactCenter.Features.Notifications;
using ContactCenter.Features.Quality;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Control;

/// <summary>
/// R2: an appeal lacking required data is returned with an explanation no later than 10 days after receipt — the
/// explanation goes out through the outbox, the card shows the limit, the watch escalates a notice that did not go,
/// and the digest lists the notices still to reach their applicants.
/// </summary>
public abstract class ReturnNoticeTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<string> ReturnedAsync(Cast cast)
    {
        var body = Appeals.Valid();
        body["channel"] = "email";
        ((Dictionary<string, object?>)body["applicant"]!)["email"] = $"r.{Guid.NewGuid():N}"[..14] + "@example.test";
        var number = Cast.Number(await cast.As(cast.Operator).RegisterAsync(body));
        await cast.OkAsync(cast.Operator, number, "return", new { explanation = "Не зазначено місце проживання заявника (ст. 5 Закону)." }, "closed");
        return number;
    }

    private async Task<System.Text.Json.JsonElement> TimerAsync(Cast cast, string number)
    {
        var (status, control) = await cast.As(cast.Operator).GetJsonAsync($"/api/v1/appeals/{number}/control");
        Assert.Equal(HttpStatusCode.OK, status);
        return control.GetProperty("questions")[0].GetProperty("returnNotice");
    }

    private async Task<List<LawTimerItem>> OpenTimersAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LawNoticeWatch>().OpenTimersAsync(CancellationToken.None);
    }

    private async Task<int> WatchAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LawNoticeWatch>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Return_QueuesTheExplanation_TimerRunsTenDaysFromReceipt_SentNoticeStopsIt()
    {
        var cast = await Cast.Of(app);
        var number = await ReturnedAsync(cast);
        var received = (await cast.CardAsync(number)).GetProperty("receivedAt").GetDateTimeOffset();

        var notice = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.RegistrationNumber == number && n.Kind == NotificationKind.Returned));
        Assert.Equal(NotificationChannel.Email, notice.Channel);
        Assert.Contains("місце проживання", notice.Details);

        var timer = await TimerAsync(cast, number);
        Assert.Equal("R2", timer.GetProperty("rule").GetString());
        Assert.Equal("pending", timer.GetProperty("state").GetString());
        var due = timer.GetProperty("dueAt").GetDateTimeOffset();
        // Ten calendar days after the day of receipt, at close of business (moved past a day off): never sooner, at most a weekend later.
        Assert.InRange(due, received.AddDays(10), received.AddDays(13));
        Assert.Contains(await OpenTimersAsync(), t => t.RegistrationNumber == number && t.Rule == "R2");

        await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == notice.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NotificationStatus.Sent).SetProperty(n => n.SentAt, received.AddHours(1))));
        Assert.Equal("sent", (await TimerAsync(cast, number)).GetProperty("state").GetString());
        Assert.DoesNotContain(await OpenTimersAsync(), t => t.RegistrationNumber == number);
    }

    [Fact]
    public async Task Return_NoticeNotSentByTheLimit_EscalatedOnce_LateOnTheCardAndInTheDigest()
    {
        var cast = await Cast.Of(app);
        var number = await ReturnedAsync(cast);
        var due = (await TimerAsync(cast, number)).GetProperty("dueAt").GetDateTimeOffset();

        app.Time.SetUtcNow(due.AddMinutes(-1));
        await WatchAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.StaffNotifications.CountAsync(n => n.RegistrationNumber == number && n.Kind == "returnNotice")));

        app.Time.SetUtcNow(due.AddMinutes(1));
        await Task.WhenAll(WatchAsync(), WatchAsync());
        await WatchAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.StaffNotifications.CountAsync(n => n.RegistrationNumber == number && n.Kind == "returnNotice")));
        var timer = await TimerAsync(cast, number);
        Assert.Equal("late", timer.GetProperty("state").GetString());
        Assert.True(timer.GetProperty("escalated").GetBoolean());

        var (status, digest) = await cast.As(cast.Supervisor).GetJsonAsync("/api/v1/quality/digest");
        Assert.Equal(HttpStatusCode.OK, status);
        var item = Assert.Single(digest.GetProperty("lawTimers").EnumerateArray(), t => t.GetProperty("registrationNumber").GetString() == number);
        Assert.Equal("late", item.GetProperty("state").GetString());
    }
}

public sealed class ReturnNoticeTests_Sqlite(SqliteApp app) : ReturnNoticeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ReturnNoticeTests_Postgres(PostgresApp app) : ReturnNoticeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
