using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Features.Notifications;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Channels;

/// <summary>
/// F2.8: the durable outbox. Messages are queued with the change that causes them and delivered through the
/// applicant's channel to real local servers (SMTP, an HTTP SMS gateway, the Bot API), retried with back-off,
/// never twice.
/// </summary>
public abstract class NotificationOutboxTests<TApp>(TApp app) where TApp : ChannelsApp
{
    private async Task<List<Notification>> RowsAsync(string number) =>
        await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.RegistrationNumber == number).OrderBy(n => n.Id).ToListAsync());

    private static Dictionary<string, object?> ByEmail(string email)
    {
        var body = Appeals.Valid();
        body["channel"] = "email";
        ((Dictionary<string, object?>)body["applicant"]!)["email"] = email;
        return body;
    }

    [Fact]
    public async Task Register_ByPhone_QueuesSmsInSameTransactionAndDeliversOnce()
    {
        var phone = Appeals.NewPhone();
        var card = await app.Admin().RegisterAsync(Appeals.Valid(phone: phone));
        var number = Cast.Number(card);

        var rows = await RowsAsync(number);
        var queued = Assert.Single(rows);
        Assert.Equal(NotificationKind.Registered, queued.Kind);
        Assert.Equal(NotificationChannel.Sms, queued.Channel);
        Assert.Equal(phone, queued.Recipient);
        Assert.Equal(NotificationStatus.Pending, queued.Status);

        await app.DispatchAsync();
        await app.DispatchAsync();

        var sms = app.Gateway.On("/sms").Where(r => r.Query.Contains(queued.Key.ToString("N"), StringComparison.Ordinal)).ToList();
        var request = Assert.Single(sms);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(phone, json.RootElement.GetProperty("to").GetString());
        Assert.Contains(number, json.RootElement.GetProperty("text").GetString());
        Assert.Contains("зареєстровано", json.RootElement.GetProperty("text").GetString());
        Assert.StartsWith("Basic ", request.Headers["Authorization"]);

        var (status, list) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/notifications");
        Assert.Equal(HttpStatusCode.OK, status);
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal("sent", item.GetProperty("status").GetString());
        Assert.Equal("sms", item.GetProperty("channel").GetString());
        Assert.Equal(1, item.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Register_ByEmail_DeliveredOverSmtpWithMessageIdFromKey()
    {
        var email = $"olena.{Guid.NewGuid():N}@example.test";
        var number = Cast.Number(await app.Admin().RegisterAsync(ByEmail(email)));
        var row = Assert.Single(await RowsAsync(number));
        Assert.Equal(NotificationChannel.Email, row.Channel);

        await app.DispatchAsync();

        var mail = Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(x => x.Address == email));
        Assert.Contains(number, mail.Subject);
        Assert.Contains(number, mail.TextBody);
        Assert.Equal($"{row.Key:N}@hromada.test", mail.MessageId);
        Assert.Equal(NotificationStatus.Sent, Assert.Single(await RowsAsync(number)).Status);
    }

    [Fact]
    public async Task Register_ByTelegram_DeliveredBySendMessage()
    {
        var body = Appeals.Valid();
        body["channel"] = "telegram";
        var chat = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ((Dictionary<string, object?>)body["applicant"]!)["telegramId"] = chat;
        ((Dictionary<string, object?>)body["applicant"]!)["email"] = "tg@example.test";
        var number = Cast.Number(await app.Admin().RegisterAsync(body));
        Assert.Equal(NotificationChannel.Telegram, Assert.Single(await RowsAsync(number)).Channel);

        await app.DispatchAsync();

        var sent = Assert.Single(app.Gateway.On($"/bot{ChannelsApp.BotToken}/sendMessage"), r => r.Body.Contains(chat, StringComparison.Ordinal));
        Assert.Contains(number, sent.Body);
        Assert.Equal(NotificationStatus.Sent, Assert.Single(await RowsAsync(number)).Status);
    }

    [Fact]
    public async Task Lifecycle_ReassignExtendResult_EachQueuesItsMessage()
    {
        var cast = await Cast.Of(app);
        var body = ByEmail($"life.{Guid.NewGuid():N}@example.test");
        body["executorId"] = cast.OtherExecutorId;
        var number = Cast.Number(await cast.As(cast.Operator).RegisterAsync(body));
        // Reassignment by the supervisor: "forwarded" with the new executor's name.
        var (status, reply) = await cast.As(cast.Supervisor).PostJsonAsync($"/api/v1/appeals/{number}/assign", new { executorId = cast.ExecutorId });
        Assert.True(status == HttpStatusCode.OK, reply.ToString());
        await cast.OkAsync(cast.Executor, number, "accept", null, "inProgress");
        var requestId = await cast.RequestAsync(number, new { type = "extend", workingDays = 5, reason = "Чекаємо на матеріали для ремонту" });
        (status, reply) = await cast.As(cast.Supervisor).PostJsonAsync($"/api/v1/requests/{requestId}/approve", new { reason = "Погоджено" });
        Assert.True(status == HttpStatusCode.OK, reply.ToString());
        await cast.OkAsync(cast.Executor, number, "result", new { text = "Трубу замінено, воду подано", resultCode = "resolved" }, "resultReported");

        var rows = await RowsAsync(number);
        Assert.Equal([NotificationKind.Registered, NotificationKind.Forwarded, NotificationKind.Extended, NotificationKind.Result], rows.Select(r => r.Kind));
        Assert.All(rows, r => Assert.Equal(NotificationChannel.Email, r.Channel));

        await app.DispatchAsync();
        var mails = app.Smtp.Messages().Where(m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, mails.Count);
        var forwarded = Assert.Single(mails, m => (m.MessageId ?? "").StartsWith(rows[1].Key.ToString("N"), StringComparison.Ordinal));
        Assert.Contains("передано", forwarded.TextBody);
        var extended = Assert.Single(mails, m => (m.MessageId ?? "").StartsWith(rows[2].Key.ToString("N"), StringComparison.Ordinal));
        // R8: the reason and the new deadline (5 working days after Tue 1 Dec → Tue 8 Dec).
        Assert.Contains("Чекаємо на матеріали для ремонту", extended.TextBody);
        Assert.Contains("08.12.2026", extended.TextBody);
        var result = Assert.Single(mails, m => (m.MessageId ?? "").StartsWith(rows[3].Key.ToString("N"), StringComparison.Ordinal));
        Assert.Contains("Трубу замінено, воду подано", result.TextBody);
        Assert.Contains("Оцініть", result.TextBody);
    }

    [Fact]
    public async Task Register_RejectedByValidation_QueuesNothing()
    {
        var before = await app.WithDbAsync(db => db.Set<Notification>().CountAsync());
        var body = Appeals.Valid();
        body["description"] = "";
        body["categoryCode"] = "no.such.category";
        var (status, _) = await app.Admin().PostJsonAsync("/api/v1/appeals", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Notification>().CountAsync()));
    }

    [Fact]
    public async Task Gateway_FailsThenRecovers_RetriedWithBackOffAndSentOnce()
    {
        var number = Cast.Number(await app.Admin().RegisterAsync(Appeals.Valid()));
        var key = Assert.Single(await RowsAsync(number)).Key.ToString("N");
        // Other tests' rows may be due too; make only ours fail by failing while nothing else is pending.
        await app.DispatchAsync("drain-others");
        await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.RegistrationNumber == number)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Pending).SetProperty(n => n.Attempts, 0)));
        app.Gateway.DeliveredSms.TryRemove(key, out _);

        app.Gateway.SmsFailures.Enqueue(503);
        await app.DispatchAsync();
        var row = Assert.Single(await RowsAsync(number));
        Assert.Equal(NotificationStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("503", row.LastError);
        Assert.Equal(app.Time.GetUtcNow().AddSeconds(60), row.NextAttemptAt);

        // Not due yet: nothing goes out.
        await app.DispatchAsync();
        Assert.False(app.Gateway.DeliveredSms.ContainsKey(key));

        app.Time.Advance(TimeSpan.FromSeconds(61));
        app.Gateway.SmsFailures.Enqueue(500);
        await app.DispatchAsync();
        row = Assert.Single(await RowsAsync(number));
        Assert.Equal(2, row.Attempts);
        // Exponential: the second delay is twice the first.
        Assert.Equal(app.Time.GetUtcNow().AddSeconds(120), row.NextAttemptAt);

        app.Time.Advance(TimeSpan.FromSeconds(121));
        await app.DispatchAsync();
        row = Assert.Single(await RowsAsync(number));
        Assert.Equal(NotificationStatus.Sent, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.True(app.Gateway.DeliveredSms.ContainsKey(key));
    }

    [Fact]
    public async Task Gateway_RefusesMessage_FailedAtOnceAndShownOnCard()
    {
        await app.DispatchAsync("drain-others");
        var number = Cast.Number(await app.Admin().RegisterAsync(Appeals.Valid()));
        app.Gateway.SmsFailures.Enqueue(400);
        await app.DispatchAsync();
        var (_, list) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/notifications");
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Contains("400", item.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Dispatchers_RaceAndOneIsKilledMidSend_EveryMessageDeliveredExactlyOnce()
    {
        await app.DispatchAsync("drain-others");
        var numbers = new List<string>();
        for (var i = 0; i < 12; i++)
            numbers.Add(Cast.Number(await app.Admin().RegisterAsync(Appeals.Valid())));
        var keys = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => numbers.Contains(n.RegistrationNumber)).Select(n => n.Key).ToListAsync());
        Assert.Equal(12, keys.Count);

        // Instance A is killed while the gateway holds its first request: it never hears the answer.
        app.Gateway.SmsGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Gateway.ResetSmsArrived();
        using var kill = new CancellationTokenSource();
        var doomed = app.DispatchAsync("instance-a", kill.Token);
        await app.Gateway.SmsArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        kill.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed);
        app.Gateway.SmsGate.TrySetResult();
        app.Gateway.SmsGate = null;

        // Two live instances race over the same rows; the dead one's row stays leased.
        var results = await Task.WhenAll(app.DispatchAsync("instance-b"), app.DispatchAsync("instance-c"));
        Assert.Equal(11, results.Sum());

        // The lease expires: the orphaned message goes out (the gateway knows its id if A's request got through).
        app.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await app.DispatchAsync("instance-b"));
        Assert.Equal(0, await app.DispatchAsync("instance-c"));

        var rows = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => numbers.Contains(n.RegistrationNumber)).ToListAsync());
        Assert.All(rows, r => Assert.Equal(NotificationStatus.Sent, r.Status));
        // Each message reached the handset once; only the killed one was ever requested twice.
        foreach (var key in keys)
            Assert.True(app.Gateway.DeliveredSms.ContainsKey(key.ToString("N")), $"{key} not delivered");
        var requests = app.Gateway.On("/sms").Where(r => keys.Any(k => r.Query.Contains(k.ToString("N"), StringComparison.Ordinal))).ToList();
        Assert.InRange(requests.Count, 12, 13);
        Assert.Equal(11, rows.Count(r => r.Attempts == 1));
    }

    [Fact]
    public async Task Templates_AdministratorEdits_NextMessageUsesNewText()
    {
        var (status, list) = await app.Admin().GetJsonAsync("/api/v1/notification-templates");
        Assert.Equal(HttpStatusCode.OK, status);
        // Every kind with an editable template (broadcasts and subscription confirmations are written per message).
        Assert.Equal(NotificationTemplates.Defaults.Count, list.GetArrayLength());
        Assert.True(NotificationTemplates.Defaults.ContainsKey(NotificationKind.Survey));

        var bad = await app.Admin().PutAsJsonAsync("/api/v1/notification-templates/registered", new { subject = "", body = "без номера" }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var operatorKey = await app.CreateKeyAsync("operator");
        var forbidden = await app.Client(operatorKey).PutAsJsonAsync("/api/v1/notification-templates/registered",
            new { subject = "S {number}", body = "B {number}" }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var ok = await app.Admin().PutAsJsonAsync("/api/v1/notification-templates/forwarded",
            new { subject = "Звернення {number}: новий виконавець", body = "Шановна заявнице, звернення {number} розглядає: {details}" }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        (_, list) = await app.Admin().GetJsonAsync("/api/v1/notification-templates");
        var edited = Assert.Single(list.EnumerateArray(), t => t.GetProperty("kind").GetString() == "forwarded");
        Assert.False(edited.GetProperty("isDefault").GetBoolean());

        try
        {
            await AssertNextForwardedUsesEditedTextAsync();
        }
        finally
        {
            // The class shares one database: put the default text back for the other tests.
            var (subject, text) = NotificationTemplates.Defaults[NotificationKind.Forwarded];
            (await app.Admin().PutAsJsonAsync("/api/v1/notification-templates/forwarded", new { subject, body = text }, AppFixture.Json)).EnsureSuccessStatusCode();
        }
    }

    private async Task AssertNextForwardedUsesEditedTextAsync()
    {
        var cast = await Cast.Of(app);
        var email = $"tpl.{Guid.NewGuid():N}@example.test";
        var body = ByEmail(email);
        body["executorId"] = cast.OtherExecutorId;
        var number = Cast.Number(await app.Admin().RegisterAsync(body));
        var (status, _) = await app.Admin().PostJsonAsync($"/api/v1/appeals/{number}/assign", new { executorId = cast.ExecutorId });
        Assert.Equal(HttpStatusCode.OK, status);
        await app.DispatchAsync();
        var mail = Assert.Single(app.Smtp.Messages(), m => m.To.Mailboxes.Any(x => x.Address == email) && (m.Subject ?? "").Contains("новий виконавець", StringComparison.Ordinal));
        Assert.Contains("Шановна заявнице", mail.TextBody);
    }
}

public sealed class NotificationOutboxTests_Sqlite(ChannelsSqliteApp app) : NotificationOutboxTests<ChannelsSqliteApp>(app), IClassFixture<ChannelsSqliteApp>;

public sealed class NotificationOutboxTests_Postgres(ChannelsPostgresApp app) : NotificationOutboxTests<ChannelsPostgresApp>(app), IClassFixture<ChannelsPostgresApp>;
