using System.Net;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Notifications;
using ContactCenter.Features.Quality;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Quality;

/// <summary>R6 and R8: the applicant's notices watched against the outbox, escalated once when they do not go in time.</summary>
public abstract class ControlNoticeTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<int> WatchAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LawNoticeWatch>().RunAsync(CancellationToken.None);
    }

    private Task<int> EscalationsAsync(string number, string kind) =>
        app.WithDbAsync(db => db.StaffNotifications.CountAsync(n => n.RegistrationNumber == number && n.Kind == kind));

    private Task MarkAsync(string number, NotificationKind kind, NotificationStatus status, DateTimeOffset? sentAt) =>
        app.WithDbAsync(db => db.Set<Notification>().Where(n => n.RegistrationNumber == number && n.Kind == kind)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, status).SetProperty(n => n.SentAt, sentAt)));

    private static Dictionary<string, object?> ByEmail(int? executorId = null)
    {
        var body = Appeals.Valid(executorId: executorId);
        body["channel"] = "email";
        ((Dictionary<string, object?>)body["applicant"]!)["email"] = $"n.{Guid.NewGuid():N}"[..14] + "@example.test";
        return body;
    }

    private async Task<(string Number, DateTimeOffset At)> ForwardedAsync(Cast cast)
    {
        var number = Cast.Number(await cast.As(cast.Operator).RegisterAsync(ByEmail()));
        var card = await cast.OkAsync(cast.Operator, number, "forward",
            new { body = "Головне управління Держпродспоживслужби", explanation = "Питання якості продуктів — не наша компетенція", legalBasis = "ст. 7 Закону" }, "forwarded");
        return (number, app.Time.GetUtcNow());
    }

    [Fact]
    public async Task R6_ForwardNoticeNotSentWithinFiveDays_EscalatedOnce_TimerOnTheCard()
    {
        var cast = await Cast.Of(app);
        var (number, at) = await ForwardedAsync(cast);

        var (status, control) = await cast.As(cast.Operator).GetJsonAsync($"/api/v1/appeals/{number}/control");
        Assert.Equal(HttpStatusCode.OK, status);
        var timer = control.GetProperty("questions")[0].GetProperty("forwardNotice");
        Assert.Equal(at.AddDays(5), timer.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("pending", timer.GetProperty("state").GetString());

        app.Time.SetUtcNow(at.AddDays(5).AddMinutes(-1));
        await WatchAsync();
        Assert.Equal(0, await EscalationsAsync(number, "forwardNotice"));

        app.Time.SetUtcNow(at.AddDays(5));
        await Task.WhenAll(WatchAsync(), WatchAsync());
        await WatchAsync();
        Assert.Equal(1, await EscalationsAsync(number, "forwardNotice"));
        Assert.Single(await cast.HistoryAsync(number), h => h.GetProperty("action").GetString() == "forwardNoticeEscalated");
        (_, control) = await cast.As(cast.Operator).GetJsonAsync($"/api/v1/appeals/{number}/control");
        timer = control.GetProperty("questions")[0].GetProperty("forwardNotice");
        Assert.Equal("late", timer.GetProperty("state").GetString());
        Assert.True(timer.GetProperty("escalated").GetBoolean());
    }

    [Fact]
    public async Task R6_ForwardNoticeSentInTime_NotEscalated_FailedOneEscalatedAtOnce()
    {
        var cast = await Cast.Of(app);
        var (sent, at) = await ForwardedAsync(cast);
        await MarkAsync(sent, NotificationKind.Forwarded, NotificationStatus.Sent, at.AddMinutes(1));
        var (failed, _) = await ForwardedAsync(cast);
        await MarkAsync(failed, NotificationKind.Forwarded, NotificationStatus.Failed, null);
        await WatchAsync();
        Assert.Equal(1, await EscalationsAsync(failed, "forwardNotice"));
        app.Time.SetUtcNow(at.AddDays(6));
        await WatchAsync();
        Assert.Equal(0, await EscalationsAsync(sent, "forwardNotice"));
        Assert.Equal(1, await EscalationsAsync(failed, "forwardNotice"));
        var (_, control) = await cast.As(cast.Operator).GetJsonAsync($"/api/v1/appeals/{sent}/control");
        Assert.Equal("sent", control.GetProperty("questions")[0].GetProperty("forwardNotice").GetProperty("state").GetString());
    }

    [Fact]
    public async Task R8_ExtensionNoticeMustGoBeforeTheOldDeadline()
    {
        var cast = await Cast.Of(app);
        async Task<(string Number, DateTimeOffset OldDue)> ExtendedAsync()
        {
            var number = await cast.InProgressAsync(ByEmail());
            var oldDue = (await cast.CardAsync(number)).GetProperty("dueAt").GetDateTimeOffset();
            var id = await cast.RequestAsync(number, new { type = "extend", workingDays = 5, reason = "Чекаємо на матеріали" });
            var reply = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{id}/approve", new { reason = "Погоджено" });
            Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
            return (number, oldDue);
        }
        var (late, oldDue) = await ExtendedAsync();
        var (onTime, _) = await ExtendedAsync();
        Assert.Equal(oldDue, await app.WithDbAsync(db => db.ExecutorRequests.Where(r => r.Appeal.RegistrationNumber == late).Select(r => r.PreviousDueAt).FirstAsync()));
        await MarkAsync(onTime, NotificationKind.Extended, NotificationStatus.Sent, app.Time.GetUtcNow().AddMinutes(5));
        app.Time.SetUtcNow(oldDue.AddMinutes(-1));
        await WatchAsync();
        Assert.Equal(0, await EscalationsAsync(late, "extensionNotice"));

        app.Time.SetUtcNow(oldDue);
        await WatchAsync();
        await WatchAsync();
        Assert.Equal(1, await EscalationsAsync(late, "extensionNotice"));
        Assert.Equal(0, await EscalationsAsync(onTime, "extensionNotice"));
        var (_, control) = await cast.As(cast.Supervisor).GetJsonAsync($"/api/v1/appeals/{late}/control");
        var notice = Assert.Single(control.GetProperty("questions")[0].GetProperty("extensionNotices").EnumerateArray());
        Assert.Equal(oldDue, notice.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("late", notice.GetProperty("state").GetString());
        Assert.True(notice.GetProperty("escalated").GetBoolean());
    }
}

public sealed class ControlNoticeTests_Sqlite(SqliteApp app) : ControlNoticeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ControlNoticeTests_Postgres(PostgresApp app) : ControlNoticeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
