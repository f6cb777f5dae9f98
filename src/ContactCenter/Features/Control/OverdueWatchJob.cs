using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactCenter.Features.Control;

/// <summary>
/// Marks questions that have passed their deadline (F4.4) once: sets <see cref="Question.OverdueFlaggedAt"/> and writes
/// an "overdue" line into the appeal's timeline. Overdue itself is computed everywhere from the deadline; this job
/// records the moment, so that escalation and reminders have one event to hang on.
/// Runs on the Quartz scheduler; on PostgreSQL the clustered job store makes one instance run it at a time, and the
/// <c>OverdueFlaggedAt IS NULL</c> guard makes a repeated run harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OverdueWatchJob(AppDbContext db, Executors.ExecutorDirectory executors, TimeProvider time, ILogger<OverdueWatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("overdue-watch", "control");
    private const int Batch = 500;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = AppealStateMachine.OpenStatuses.ToList();
        var total = 0;
        while (true)
        {
            var due = await db.Questions.AsNoTracking()
                .Where(q => q.OverdueFlaggedAt == null && q.DueAt != null && q.DueAt < now && open.Contains(q.Status))
                .OrderBy(q => q.Id)
                .Take(Batch)
                .Select(q => new { Question = q, Several = q.Appeal.Questions.Count > 1, q.Appeal.RegistrationNumber })
                .ToListAsync(ct);
            if (due.Count == 0)
                break;
            var lookup = await executors.LookupAsync(ct);
            foreach (var item in due)
                await FlagAsync(item.Question, item.Several, item.RegistrationNumber, lookup, now, ct);
            db.ChangeTracker.Clear();
            total += due.Count;
            if (due.Count < Batch)
                break;
        }
        if (total > 0)
            logger.LogInformation("Overdue watch flagged {Count} questions", total);
        return total;
    }

    /// <summary>
    /// The flag, the timeline line and the escalations commit together; the flag is claimed by a conditional update,
    /// so a concurrent run (another instance, or a run by hand) never flags or escalates the same question twice.
    /// </summary>
    private Task FlagAsync(Question question, bool several, string number, Executors.ExecutorRefLookup lookup, DateTimeOffset now, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Questions
                .Where(q => q.Id == question.Id && q.OverdueFlaggedAt == null)
                .ExecuteUpdateAsync(q => q.SetProperty(p => p.OverdueFlaggedAt, now), ct);
            if (claimed == 0)
                return;
            // Escalation (F4.4): the executor's head (the unit above it) and the supervisors are told.
            var text = $"Прострочено строк розгляду звернення {number} (виконавець: {lookup.Ref(question.ExecutorId)?.Name ?? "не призначено"}).";
            if (question.ExecutorId is { } executorId && lookup.ParentOf(executorId) is { } head)
                db.Add(new StaffNotification { At = now, RecipientExecutorId = head, Kind = "overdue", RegistrationNumber = number, Text = text });
            db.Add(new StaffNotification { At = now, RecipientRole = Identity.Roles.Supervisor, Kind = "overdue", RegistrationNumber = number, Text = text });
            db.AppealHistory.Add(new AppealHistoryEntry
            {
                AppealId = question.AppealId,
                QuestionNumber = several ? question.Number : null,
                At = now,
                ActorName = "system",
                Action = "overdue",
                Comment = question.DueAt!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
}
