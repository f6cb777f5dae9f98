using ContactCenter.Core.Appeals;
using ContactCenter.Core.Deadlines;
using ContactCenter.Features.Calendar;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Features.Control;

/// <summary>
/// Reminds executors of coming deadlines (F4.4): once per question, at the start of business of the working day
/// <see cref="ControlOptions.ReminderWorkingDaysBefore"/> working days before the due day. The reminder is claimed
/// with a conditional update, so two instances (or two runs) never remind twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineReminderJob(AppDbContext db, CalendarService calendar, IOptions<ControlOptions> options, TimeProvider time, ILogger<DeadlineReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("deadline-reminders", "control");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cal = await calendar.GetCalendarAsync(ct);
        var days = options.Value.ReminderWorkingDaysBefore;
        var open = AppealStateMachine.OpenStatuses.Where(s => s != AppealStatus.ResultReported).ToList();
        // No reminder can be due for a deadline further away than the reminder window plus a long holiday stretch.
        var horizon = now.AddDays(days + 14);
        var candidates = await db.Questions.AsNoTracking()
            .Where(q => q.ReminderSentAt == null && q.ExecutorId != null && q.DueAt != null && q.DueAt > now && q.DueAt < horizon && open.Contains(q.Status))
            .Select(q => new { q.Id, q.DueAt, q.ExecutorId, q.Appeal.RegistrationNumber, q.Appeal.ReceivedAt })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var q in candidates)
        {
            var remindAt = DeadlineCalculator.ReminderAt(q.DueAt!.Value, days, cal);
            // A question received after its reminder moment (a short track) is not reminded: the executor has just got it.
            if (now < remindAt || q.ReceivedAt >= remindAt)
                continue;
            if (await RemindAsync(q.Id, q.ExecutorId!.Value, q.RegistrationNumber, q.DueAt.Value, cal.TimeZone, now, ct))
                sent++;
        }
        if (sent > 0)
            logger.LogInformation("Deadline reminders sent: {Count}", sent);
        return sent;
    }

    /// <summary>Claims the reminder with a conditional update and writes the notification in the same transaction.</summary>
    private Task<bool> RemindAsync(long questionId, int executorId, string number, DateTimeOffset dueAt, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Questions
                .Where(x => x.Id == questionId && x.ReminderSentAt == null)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.ReminderSentAt, now), ct);
            if (claimed == 0)
                return false;
            db.Add(new StaffNotification
            {
                At = now,
                RecipientExecutorId = executorId,
                Kind = "reminder",
                RegistrationNumber = number,
                Text = $"Наближається строк розгляду звернення {number}: {TimeZoneInfo.ConvertTime(dueAt, zone):dd.MM.yyyy HH:mm}.",
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
}
