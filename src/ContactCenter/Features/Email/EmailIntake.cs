using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Blocklist;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace ContactCenter.Features.Email;

/// <summary>
/// Polls the intake mailbox over IMAP. Each unseen message is committed first — as a draft appeal for an operator, as a
/// reply attached to the appeal whose registration number its subject carries, or as blocked — together with its
/// Message-ID; only then is it flagged \Seen. A crash between the two leaves it unseen: the next poll finds the
/// Message-ID already committed and only flags it, so nothing is registered twice.
/// </summary>
public sealed partial class EmailIntake(
    AppDbContext db,
    BlocklistService blocklist,
    Control.IntakeScreening screening,
    IOptions<ImapOptions> imap,
    IOptions<ContactCenterOptions> app,
    TimeProvider time,
    ILogger<EmailIntake> logger)
{
    /// <summary>Test seam: runs after a message is committed and before it is flagged (a crash there is what tests simulate).</summary>
    internal Func<InboundEmail, Task>? AfterCommit { get; set; }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = imap.Value;
        if (!o.Configured)
            return 0;
        using var client = new ImapClient { Timeout = 60_000 };
        await client.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, true), ct);
        await client.AuthenticateAsync(o.User!, o.Password ?? "", ct);
        var folder = await client.GetFolderAsync(o.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var uids = await folder.SearchAsync(SearchQuery.NotSeen, ct);
        var taken = 0;
        foreach (var uid in uids.Take(o.BatchSize))
        {
            var message = await folder.GetMessageAsync(uid, ct);
            var row = await ProcessAsync(message, ct);
            if (row is not null)
            {
                taken++;
                if (AfterCommit is { } hook)
                    await hook(row);
            }
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, true, ct);
        }
        await client.DisconnectAsync(true, ct);
        return taken;
    }

    /// <summary>Commits what the message becomes; null when it was already taken (by an earlier run or another instance).</summary>
    public async Task<InboundEmail?> ProcessAsync(MimeMessage message, CancellationToken ct)
    {
        var messageId = IdOf(message);
        if (await db.Set<InboundEmail>().AnyAsync(e => e.MessageId == messageId, ct))
            return null;
        var from = message.From.Mailboxes.FirstOrDefault();
        var subject = Truncate(message.Subject ?? "", 500);
        var row = new InboundEmail
        {
            MessageId = messageId,
            FromAddress = from?.Address is { Length: > 0 } a ? Truncate(a.ToLowerInvariant(), 254) : null,
            FromName = from?.Name is { Length: > 0 } n ? Truncate(n, 300) : null,
            Subject = subject,
            Text = Truncate(TextOf(message), 8000),
            SentAt = message.Date == DateTimeOffset.MinValue ? null : message.Date.ToUniversalTime(),
            ReceivedAt = time.GetUtcNow(),
            ProcessedByName = "email intake",
        };
        var files = FilesOf(message, app.Value.Attachments.MaxBytes);

        if (await blocklist.IsBlockedAsync(BlockKind.Email, row.FromAddress, ct))
        {
            row.Outcome = InboundEmailOutcome.Blocked;
        }
        else if (await FindAppealAsync(subject, ct) is { } appeal)
        {
            row.Outcome = InboundEmailOutcome.AttachedToAppeal;
            row.AppealId = appeal.Id;
            row.RegistrationNumber = appeal.RegistrationNumber;
            var author = row.FromName is { } name ? $"{name} <{row.FromAddress}>" : row.FromAddress ?? "e-mail";
            db.AppealComments.Add(new AppealComment
            {
                AppealId = appeal.Id,
                At = row.ReceivedAt,
                AuthorName = Truncate(author, 300),
                Text = Truncate($"{subject}\n\n{row.Text}", 4000),
                Public = false,
            });
            db.AppealHistory.Add(new AppealHistoryEntry
            {
                AppealId = appeal.Id,
                At = row.ReceivedAt,
                ActorName = "e-mail",
                Action = "emailReply",
                Comment = Truncate(subject, 4000),
                Public = false,
            });
            foreach (var f in files)
            {
                db.Attachments.Add(new Attachment
                {
                    AppealId = appeal.Id,
                    FileName = f.FileName,
                    ContentType = f.ContentType,
                    Size = f.Data.Length,
                    UploadedAt = row.ReceivedAt,
                    UploadedByName = "e-mail: " + (row.FromAddress ?? "?"),
                    Content = new AttachmentContent { Data = f.Data },
                });
            }
        }
        else
        {
            // F5.4: a text with a hate-speech term waits for an operator's review instead of joining the drafts.
            var screened = await screening.ScreenAsync(new Control.IntakeCandidate("email", Channel.Email, row.FromName, null, row.FromAddress, null,
                $"{subject}\n\n{row.Text}", SourceRef: messageId), save: false, ct);
            row.Outcome = screened.Verdict == Control.ScreeningVerdict.Hold ? InboundEmailOutcome.Held : InboundEmailOutcome.Draft;
            row.Attachments.AddRange(files);
        }
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            if (!await db.Set<InboundEmail>().AsNoTracking().AnyAsync(x => x.MessageId == messageId, CancellationToken.None))
                throw;
            // Another instance committed the same message first.
            logger.LogInformation(e, "E-mail {MessageId} was taken by another instance", messageId);
            return null;
        }
        return row;
    }

    private async Task<Appeal?> FindAppealAsync(string subject, CancellationToken ct)
    {
        var candidates = Tokens().Matches(subject).Select(m => m.Value.Trim('.', '-', '/')).Where(t => t.Any(char.IsDigit) && t.Length <= 32)
            .Distinct().Take(10).ToList();
        if (candidates.Count == 0)
            return null;
        return await db.Appeals.AsNoTracking().Where(a => candidates.Contains(a.RegistrationNumber)).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}/.\-]*")]
    private static partial Regex Tokens();

    public static string IdOf(MimeMessage message)
    {
        if (message.MessageId is { Length: > 0 } id)
            return Truncate(id, 500);
        // No Message-ID: the same message always hashes the same.
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    private static string TextOf(MimeMessage message)
    {
        if (message.TextBody is { Length: > 0 } text)
            return text.Trim();
        if (message.HtmlBody is { Length: > 0 } html)
            return System.Net.WebUtility.HtmlDecode(HtmlTags().Replace(html, " ")).Trim();
        return "";
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTags();

    private static List<InboundEmailAttachment> FilesOf(MimeMessage message, long maxBytes)
    {
        var files = new List<InboundEmailAttachment>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var stream = new MemoryStream();
            part.Content?.DecodeTo(stream);
            if (stream.Length == 0 || stream.Length > maxBytes)
                continue;
            var data = stream.ToArray();
            var name = Path.GetFileName(part.FileName ?? "");
            // The same rule as uploads: only document and image types we recognise by content are kept.
            if (FileSignatures.Detect(data, name) is not { } contentType)
                continue;
            files.Add(new InboundEmailAttachment
            {
                FileName = string.IsNullOrWhiteSpace(name) ? "file" : name.Length > 200 ? name[^200..] : name,
                ContentType = contentType,
                Data = data,
            });
        }
        return files;
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}

[DisallowConcurrentExecution]
public sealed class EmailIntakeJob(EmailIntake intake) : IJob
{
    public static readonly JobKey Key = new("email-intake", "channels");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await intake.RunOnceAsync(cancellationToken);
}
