using System.Runtime.CompilerServices;
using ContactCenter.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactCenter.Features.Notifications;

/// <summary>
/// Writes the applicant's notifications into the outbox inside the same <c>SaveChanges</c> (one transaction) as the
/// change that causes them, so a committed change always has its message queued and a rolled-back one never does.
/// It reads the timeline lines the handlers already add (every lifecycle change writes one), so no handler has to
/// remember to notify: registration → registration number; reassignment or forwarding → forwarded; an approved
/// extension → its reason and new deadline (R8); a reported result → the result and the survey request.
/// </summary>
public sealed class NotificationOutboxInterceptor : SaveChangesInterceptor
{
    public static readonly NotificationOutboxInterceptor Instance = new();

    // A retried SaveChanges (execution strategy) sees the same added lines again: queue each line once.
    private static readonly ConditionalWeakTable<AppealHistoryEntry, object> Queued = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enqueue(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Enqueue(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public static NotificationKind? KindOf(string action) => action switch
    {
        "registered" => NotificationKind.Registered,
        "reassigned" or "request.reassign.approved" or "forwarded" => NotificationKind.Forwarded,
        "request.extend.approved" => NotificationKind.Extended,
        "resultReported" => NotificationKind.Result,
        "returned" => NotificationKind.Returned,
        _ => null,
    };

    private static void Enqueue(DbContext? context)
    {
        if (context is null)
            return;
        var lines = context.ChangeTracker.Entries<AppealHistoryEntry>()
            .Where(e => e.State == EntityState.Added && KindOf(e.Entity.Action) is not null)
            .Select(e => e.Entity)
            .ToList();
        if (lines.Count == 0)
            return;
        var appeals = context.ChangeTracker.Entries<Appeal>().Select(e => e.Entity).ToList();
        foreach (var line in lines)
        {
            if (Queued.TryGetValue(line, out _))
                continue;
            var appeal = appeals.FirstOrDefault(a => (line.AppealId != 0 && a.Id == line.AppealId) || a.History.Contains(line));
            if (appeal is null)
                continue;
            Queued.AddOrUpdate(line, line);
            var kind = KindOf(line.Action)!.Value;
            var question = line.QuestionNumber is { } n ? appeal.Questions.FirstOrDefault(q => q.Number == n) : appeal.Questions.FirstOrDefault();
            var (channel, recipient) = ChooseChannel(appeal);
            var notification = new Notification
            {
                Key = Guid.NewGuid(),
                Appeal = appeal,
                RegistrationNumber = appeal.RegistrationNumber,
                QuestionNumber = line.QuestionNumber,
                Kind = kind,
                Channel = channel,
                Recipient = recipient,
                Status = channel is null ? NotificationStatus.NoContact : NotificationStatus.Pending,
                CreatedAt = line.At,
                NextAttemptAt = line.At,
            };
            switch (kind)
            {
                case NotificationKind.Forwarded:
                    notification.Details = line.Comment;
                    break;
                case NotificationKind.Extended:
                    notification.DueAt = question?.DueAt;
                    notification.Details = context.ChangeTracker.Entries<ExecutorRequest>()
                        .Select(e => e.Entity)
                        .FirstOrDefault(r => r.Type == ExecutorRequestType.Extend && r.Status == ExecutorRequestStatus.Approved
                            && question != null && r.QuestionId == question.Id)?.Reason;
                    break;
                case NotificationKind.Result:
                    notification.Details = question?.ResultText;
                    break;
                case NotificationKind.Returned:
                    notification.Details = question?.ResultText;
                    break;
            }
            context.Add(notification);
        }
    }

    /// <summary>
    /// Telegram when the applicant has a chat (they came by the bot or linked their chat in it: their choice);
    /// otherwise the channel they came by when it can answer; otherwise e-mail, then SMS.
    /// </summary>
    public static (NotificationChannel? Channel, string? Recipient) ChooseChannel(Appeal appeal)
    {
        var a = appeal.Applicant;
        if (a.TelegramId is { Length: > 0 })
            return (NotificationChannel.Telegram, a.TelegramId);
        if (appeal.Channel is Appeals.Channel.Email or Appeals.Channel.Web && a.Email is { Length: > 0 })
            return (NotificationChannel.Email, a.Email);
        if (appeal.Channel is Appeals.Channel.Phone && a.Phone is { Length: > 0 })
            return (NotificationChannel.Sms, a.Phone);
        if (a.TelegramId is { Length: > 0 })
            return (NotificationChannel.Telegram, a.TelegramId);
        if (a.Email is { Length: > 0 })
            return (NotificationChannel.Email, a.Email);
        if (a.Phone is { Length: > 0 })
            return (NotificationChannel.Sms, a.Phone);
        return (null, null);
    }
}
