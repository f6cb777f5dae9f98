using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Features.Notifications;

/// <summary>
/// Sends due outbox messages. A row is claimed by a conditional UPDATE that sets a lease (the same statement on
/// SQLite and PostgreSQL: only one of several racing instances changes the row), sent, and marked sent only after the
/// gateway accepted it. A sender that dies mid-way leaves a lease that expires, and the row is sent again later — the
/// idempotency key (SMS id, e-mail Message-ID) lets the gateway drop that one repeat. Failures retry with
/// exponential back-off until <see cref="NotificationOptions.MaxAttempts"/>.
/// </summary>
public sealed class NotificationDispatcher(
    AppDbContext db,
    IEnumerable<INotificationSender> senders,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger,
    Informing.OutboxRateLimiter? limiter = null)
{
    public async Task<int> RunOnceAsync(string instance, CancellationToken ct)
    {
        var o = options.Value;
        var byChannel = senders.Where(s => s.Configured).ToDictionary(s => s.Channel);
        if (byChannel.Count == 0)
            return 0;
        var channels = byChannel.Keys.Select(c => (NotificationChannel?)c).ToList();
        var now = time.GetUtcNow();
        // Broadcasts (Features/Informing) go at a controlled rate per channel and after messages about appeals.
        var exhausted = limiter is null ? [] : await limiter.ExhaustedAsync(ct);
        var due = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now && (n.LeaseUntil == null || n.LeaseUntil < now)
                && channels.Contains(n.Channel) && (n.BroadcastId == null || !exhausted.Contains(n.Channel)))
            .OrderBy(n => n.BroadcastId != null).ThenBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.BroadcastId, n.Channel })
            .Take(o.BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        var templates = await NotificationTemplates.LoadAsync(db, ct);
        var sent = 0;
        foreach (var (id, broadcastId, channel) in due.Select(d => (d.Id, d.BroadcastId, d.Channel)))
        {
            var rated = broadcastId is not null && limiter is not null;
            if (rated && exhausted.Contains(channel))
                continue;
            var lease = instance + ":" + Guid.NewGuid().ToString("N")[..8];
            now = time.GetUtcNow();
            var leaseUntil = now.AddSeconds(o.LeaseSeconds);
            // The claim: whoever changes the row owns it until the lease ends.
            var claimed = await db.Set<Notification>()
                .Where(n => n.Id == id && n.Status == NotificationStatus.Pending && (n.LeaseUntil == null || n.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.LeaseUntil, leaseUntil)
                    .SetProperty(n => n.LeaseOwner, lease)
                    .SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
            if (claimed == 0)
                continue;
            if (rated && !await limiter!.TryTakeAsync(channel!.Value, ct))
            {
                // This minute's budget is spent: give the row back as it was, for the next window.
                await db.Set<Notification>().Where(n => n.Id == id && n.LeaseOwner == lease)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(n => n.Attempts, n => n.Attempts - 1), CancellationToken.None);
                exhausted.Add(channel);
                continue;
            }
            var row = await db.Set<Notification>().AsNoTracking().FirstAsync(n => n.Id == id, ct);
            // Broadcasts and subscription confirmations are rendered when queued; messages about appeals use the templates.
            var (subject, body) = templates.TryGetValue(row.Kind, out var template)
                ? NotificationTemplates.Render(template, row)
                : (row.Subject ?? "", row.Body ?? "");
            try
            {
                await byChannel[row.Channel!.Value].SendAsync(new OutgoingMessage(row.Key, row.Recipient!, subject, body, row.Kind, row.RegistrationNumber, row.QuestionNumber), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var permanent = e is PermanentDeliveryException || row.Attempts >= o.MaxAttempts;
                var delay = Math.Min(o.MaxDelaySeconds, o.BaseDelaySeconds * Math.Pow(2, Math.Min(row.Attempts - 1, 30)));
                var next = time.GetUtcNow().AddSeconds(delay);
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                logger.LogWarning(e, "Notification {Id} to {Channel} failed (attempt {Attempt})", id, row.Channel, row.Attempts);
                await db.Set<Notification>().Where(n => n.Id == id && n.LeaseOwner == lease)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(n => n.Status, permanent ? NotificationStatus.Failed : NotificationStatus.Pending)
                        .SetProperty(n => n.NextAttemptAt, next)
                        .SetProperty(n => n.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(n => n.LastError, error)
                        .SetProperty(n => n.Subject, subject)
                        .SetProperty(n => n.Body, body), CancellationToken.None);
                continue;
            }
            // Accepted by the gateway: record it even if the caller is stopping, so it is never sent again.
            var sentAt = time.GetUtcNow();
            await db.Set<Notification>().Where(n => n.Id == id && n.LeaseOwner == lease)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Status, NotificationStatus.Sent)
                    .SetProperty(n => n.SentAt, sentAt)
                    .SetProperty(n => n.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(n => n.LastError, (string?)null)
                    .SetProperty(n => n.Subject, subject)
                    .SetProperty(n => n.Body, body), CancellationToken.None);
            sent++;
        }
        return sent;
    }
}

/// <summary>Runs the dispatcher on the Quartz scheduler (clustered on PostgreSQL; the lease makes overlaps harmless anyway).</summary>
[DisallowConcurrentExecution]
public sealed class NotificationDispatchJob(NotificationDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("notification-dispatch", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.RunOnceAsync(context.Scheduler.SchedulerInstanceId, cancellationToken);
}
