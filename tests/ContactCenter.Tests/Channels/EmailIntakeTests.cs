using System.Net;
using ContactCenter.Features.Email;
using ContactCenter.Features.Notifications;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ContactCenter.Tests.Channels;

/// <summary>F2.2: IMAP intake from a real Dovecot mailbox — drafts, reply threading, attachments, exactly once across a crash.</summary>
public abstract class EmailIntakeTests<TApp>(TApp app) where TApp : ChannelsApp
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static MimeMessage Mail(string from, string subject, string text, bool withPhoto = false)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@mail.example.test" };
        message.From.Add(new MailboxAddress("Олена Коваленко", from));
        message.To.Add(new MailboxAddress("Контакт-центр", "zvernennia@hromada.test"));
        var body = new BodyBuilder { TextBody = text };
        if (withPhoto)
            body.Attachments.Add("фото-під'їзду.png", Png, new ContentType("image", "png"));
        body.Attachments.Add("run.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03], new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task<int> IntakeAsync(Func<InboundEmail, Task>? afterCommit = null)
    {
        using var scope = app.Services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<EmailIntake>();
        intake.AfterCommit = afterCommit;
        return await intake.RunOnceAsync(CancellationToken.None);
    }

    private Task<List<InboundEmail>> RowsAsync(params string?[] messageIds) =>
        app.WithDbAsync(db => db.Set<InboundEmail>().AsNoTracking().Include(e => e.Attachments).Where(e => messageIds.Contains((string?)e.MessageId)).ToListAsync());

    private static string NewAddress() => $"olena.{Guid.NewGuid():N}"[..16] + "@example.test";

    [Fact]
    public async Task NewMessage_BecomesDraftWithPhoto_OperatorCompletesIt_OnceOnly()
    {
        var from = NewAddress();
        var mail = Mail(from, "Немає води", "Третій день немає води в будинку на вул. Соборній, 5.", withPhoto: true);
        await app.Imap.AppendAsync(mail);

        Assert.True(await IntakeAsync() >= 1);
        var draft = Assert.Single(await RowsAsync(mail.MessageId));
        Assert.Equal(InboundEmailOutcome.Draft, draft.Outcome);
        Assert.Equal(from, draft.FromAddress);
        Assert.Contains("Соборній", draft.Text);
        // The photo is kept; an executable is not.
        var photo = Assert.Single(draft.Attachments);
        Assert.Equal("image/png", photo.ContentType);
        Assert.Equal(Png, photo.Data);
        Assert.Equal(0, await app.Imap.UnseenCountAsync());

        var (status, drafts) = await app.Admin().GetJsonAsync("/api/v1/email/drafts");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(drafts.EnumerateArray(), d => d.GetProperty("id").GetInt64() == draft.Id);

        var body = Appeals.Valid();
        ((Dictionary<string, object?>)body["applicant"]!)["email"] = from;
        var operatorClient = app.Client(await app.CreateKeyAsync("operator"));
        var (created, card) = await operatorClient.PostJsonAsync($"/api/v1/email/drafts/{draft.Id}/register", body);
        Assert.True(created == HttpStatusCode.Created, card.ToString());
        var number = Cast.Number(card);
        Assert.Equal("email", card.GetProperty("channel").GetString());
        var (again, card2) = await operatorClient.PostJsonAsync($"/api/v1/email/drafts/{draft.Id}/register", body);
        Assert.Equal(HttpStatusCode.Created, again);
        Assert.Equal(number, Cast.Number(card2));

        var (_, files) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/attachments");
        Assert.Equal("image/png", Assert.Single(files.EnumerateArray()).GetProperty("contentType").GetString());
        // The applicant hears back by e-mail, the channel they came by.
        var note = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.RegistrationNumber == number));
        Assert.Equal(NotificationChannel.Email, note.Channel);
        Assert.Equal(from, note.Recipient);
        (_, drafts) = await app.Admin().GetJsonAsync("/api/v1/email/drafts");
        Assert.DoesNotContain(drafts.EnumerateArray(), d => d.GetProperty("id").GetInt64() == draft.Id);
    }

    [Fact]
    public async Task Reply_WithRegistrationNumberInSubject_AttachedToThatAppeal()
    {
        var number = Cast.Number(await app.Admin().RegisterAsync(Appeals.Valid()));
        var reply = Mail(NewAddress(), $"Re: Ваше звернення № {number} зареєстровано", "Додаю фото, вода так і не з'явилась.", withPhoto: true);
        await app.Imap.AppendAsync(reply);

        await IntakeAsync();

        var row = Assert.Single(await RowsAsync(reply.MessageId));
        Assert.Equal(InboundEmailOutcome.AttachedToAppeal, row.Outcome);
        Assert.Equal(number, row.RegistrationNumber);
        Assert.Empty(row.Attachments);
        var (_, files) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/attachments");
        Assert.Single(files.EnumerateArray());
        var (_, history) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "emailReply");
    }

    [Fact]
    public async Task Intake_KilledAfterCommitBeforeFlag_RestartTakesEveryMessageOnce()
    {
        await IntakeAsync(); // take whatever earlier tests left
        var mails = Enumerable.Range(1, 3).Select(i => Mail(NewAddress(), $"Звернення {i}", $"Текст звернення {i}")).ToList();
        foreach (var m in mails)
            await app.Imap.AppendAsync(m);

        var commits = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => IntakeAsync(_ =>
            ++commits == 2 ? throw new InvalidOperationException("killed") : Task.CompletedTask));
        Assert.Equal(2, commits);
        Assert.Equal(2, await app.Imap.UnseenCountAsync());

        Assert.Equal(1, await IntakeAsync());
        Assert.Equal(0, await app.Imap.UnseenCountAsync());
        var rows = await RowsAsync(mails.Select(m => m.MessageId).ToArray());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(InboundEmailOutcome.Draft, r.Outcome));
        Assert.Equal(0, await IntakeAsync());
    }

    [Fact]
    public async Task Intake_BlockedSender_KeptAsBlockedNotDraft()
    {
        var from = NewAddress();
        var (status, _) = await app.Admin().PostJsonAsync("/api/v1/blocklist", new { kind = "email", value = from.ToUpperInvariant(), reason = "Розсилка образ" });
        Assert.Equal(HttpStatusCode.Created, status);
        var mail = Mail(from, "Спам", "Образливий текст");
        await app.Imap.AppendAsync(mail);
        await IntakeAsync();
        Assert.Equal(InboundEmailOutcome.Blocked, Assert.Single(await RowsAsync(mail.MessageId)).Outcome);
    }
}

public sealed class EmailIntakeTests_Sqlite(ChannelsSqliteApp app) : EmailIntakeTests<ChannelsSqliteApp>(app), IClassFixture<ChannelsSqliteApp>;

public sealed class EmailIntakeTests_Postgres(ChannelsPostgresApp app) : EmailIntakeTests<ChannelsPostgresApp>(app), IClassFixture<ChannelsPostgresApp>;
