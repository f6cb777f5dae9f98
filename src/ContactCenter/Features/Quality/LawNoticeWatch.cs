using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Control;
using ContactCenter.Features.Notifications;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Features.Quality;

public enum NoticeState { Pending, Sent, SentLate, Failed, NoContact, Missing, Late }

/// <summary>One notice the law requires, with its limit and what the outbox says about its delivery.</summary>
public sealed record NoticeTimerView(string Rule, DateTimeOffset Since, DateTimeOffset DueAt, NoticeState State, DateTimeOffset? SentAt, string? Channel, bool Escalated, long? RequestId = null, DateTimeOffset? NewDueAt = null);

public sealed record VerificationStateView(VerificationChannel Channel, VerificationTaskStatus Status, DateTimeOffset CreatedAt, DateTimeOffset CloseAt, int UnansweredAttempts, int AttemptsLimit);

public sealed record QuestionControlView(int Number, AppealStatus Status, int ReworkCount, DateTimeOffset? SupervisorDecisionSince, NoticeTimerView? ForwardNotice,
    IReadOnlyList<NoticeTimerView> ExtensionNotices, VerificationStateView? Verification, NoticeTimerView? ReturnNotice = null);

/// <summary>An R2 or R6 notice still to reach the applicant (running) or not delivered by its limit (overdue), for the digest.</summary>
public sealed record LawTimerItem(string RegistrationNumber, int QuestionNumber, string Rule, DateTimeOffset Since, DateTimeOffset DueAt, NoticeState State, bool Escalated);

public sealed record AppealControlView(string RegistrationNumber, IReadOnlyList<QuestionControlView> Questions);

/// <summary>
/// The law's notices to the applicant, watched against the outbox: R2 — an appeal lacking the data Art. 5 requires is
/// returned with an explanation no later than <see cref="ReturnDays"/> days after it was received (counted as R10 counts
/// calendar days); R6 — an appeal forwarded to another body is told
/// to the applicant within <see cref="ControlOptions.ForwardNoticeDays"/> days; R8 — an extension's reason and new date
/// reach the applicant before the old deadline. A notice that failed, has no contact to go to, or is still not sent
/// at its limit is escalated once (a <see cref="ControlMark"/> per notice) to the supervisors and in the timeline, so
/// that someone sends it by post or calls.
/// </summary>
public sealed class LawNoticeWatch(AppDbContext db, AppealAccess access, Calendar.CalendarService calendar, IOptions<ControlOptions> options, TimeProvider time, ILogger<LawNoticeWatch> logger)
{
    /// <summary>R2: the law's term for returning an appeal to its applicant, in calendar days from receipt (Art. 5).</summary>
    public const int ReturnDays = 10;
    public const string ReturnMark = "r2";
    public const string ForwardMark = "r6";
    public const string ExtensionMark = "r8";
    private static readonly TimeSpan Window = TimeSpan.FromDays(60);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var since = now - Window;
        var escalated = 0;

        var forwarded = await db.Questions.AsNoTracking()
            .Where(q => q.Status == AppealStatus.Forwarded && q.ResultAt != null && q.ResultAt > since)
            .Select(q => new { q.Id, q.AppealId, q.Number, q.ResultAt, q.ForwardedTo, q.Appeal.RegistrationNumber, Several = q.Appeal.Questions.Count > 1 })
            .ToListAsync(ct);
        var forwardMarks = await MarksAsync(ForwardMark, forwarded.Select(f => f.Id), ct);
        foreach (var f in forwarded.Where(f => !forwardMarks.Contains(f.Id)))
        {
            var timer = await ForwardTimerAsync(f.AppealId, f.ResultAt!.Value, false, ct);
            if (!MustEscalate(timer, now))
                continue;
            var text = $"Звернення {f.RegistrationNumber} надіслано за належністю ({f.ForwardedTo}), але повідомлення заявнику {Describe(timer.State)}: " +
                $"закон вимагає повідомити його до {Local(timer.DueAt)} (ст. 7 Закону).";
            if (await EscalateAsync(ForwardMark, f.Id, f.AppealId, f.Several ? f.Number : null, f.RegistrationNumber, "forwardNotice", text, now, ct))
                escalated++;
        }

        var returned = await ReturnedSinceAsync(since, ct);
        var returnMarks = await MarksAsync(ReturnMark, returned.Select(r => r.Id), ct);
        foreach (var r in returned.Where(r => !returnMarks.Contains(r.Id)))
        {
            var timer = await ReturnTimerAsync(r.AppealId, r.ReceivedAt, r.ResultAt, false, ct);
            if (!MustEscalate(timer, now))
                continue;
            var text = $"Звернення {r.RegistrationNumber} повернуто заявнику, але повідомлення з роз'ясненням {Describe(timer.State)}: " +
                $"закон вимагає повернути його не пізніше {Local(timer.DueAt)} (ст. 5 Закону).";
            if (await EscalateAsync(ReturnMark, r.Id, r.AppealId, r.Several ? r.Number : null, r.RegistrationNumber, "returnNotice", text, now, ct))
                escalated++;
        }

        var extensions = await db.ExecutorRequests.AsNoTracking()
            .Where(r => r.Type == ExecutorRequestType.Extend && r.Status == ExecutorRequestStatus.Approved && r.PreviousDueAt != null && r.DecidedAt > since)
            .Select(r => new { r.Id, r.AppealId, r.DecidedAt, r.PreviousDueAt, r.Question.Number, r.Appeal.RegistrationNumber, Several = r.Appeal.Questions.Count > 1 })
            .ToListAsync(ct);
        var extensionMarks = await MarksAsync(ExtensionMark, extensions.Select(e => e.Id), ct);
        foreach (var e in extensions.Where(e => !extensionMarks.Contains(e.Id)))
        {
            var timer = await ExtensionTimerAsync(e.Id, e.AppealId, e.DecidedAt!.Value, e.PreviousDueAt!.Value, null, false, ct);
            if (!MustEscalate(timer, now))
                continue;
            var text = $"Строк розгляду звернення {e.RegistrationNumber} продовжено, але повідомлення заявнику {Describe(timer.State)}: " +
                $"його треба надіслати до закінчення попереднього строку {Local(timer.DueAt)} (ст. 20 Закону).";
            if (await EscalateAsync(ExtensionMark, e.Id, e.AppealId, e.Several ? e.Number : null, e.RegistrationNumber, "extensionNotice", text, now, ct))
                escalated++;
        }
        if (escalated > 0)
            logger.LogInformation("Law notices escalated: {Count}", escalated);
        return escalated;
    }

    /// <summary>Escalate a notice that cannot go (failed, no contact) at once, and one that has not gone by its limit.</summary>
    private static bool MustEscalate(NoticeTimerView timer, DateTimeOffset now) => timer.State switch
    {
        NoticeState.Sent => false,
        NoticeState.Failed or NoticeState.NoContact or NoticeState.SentLate or NoticeState.Late => true,
        _ => now >= timer.DueAt,
    };

    private static string Describe(NoticeState state) => state switch
    {
        NoticeState.Failed => "не вдалося доставити",
        NoticeState.NoContact => "нікуди надіслати (немає електронних контактів)",
        NoticeState.SentLate => "надіслано із запізненням",
        _ => "не надіслано вчасно",
    };

    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    private static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Kyiv).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private async Task<HashSet<long>> MarksAsync(string kind, IEnumerable<long> ids, CancellationToken ct)
    {
        var keys = ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (keys.Count == 0)
            return [];
        var found = await db.Set<ControlMark>().AsNoTracking().Where(m => m.Kind == kind && keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct);
        return found.Select(k => long.Parse(k, CultureInfo.InvariantCulture)).ToHashSet();
    }

    private async Task<NoticeTimerView> ForwardTimerAsync(long appealId, DateTimeOffset forwardedAt, bool escalated, CancellationToken ct)
    {
        var due = forwardedAt.AddDays(options.Value.ForwardNoticeDays);
        var notice = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.AppealId == appealId && n.Kind == NotificationKind.Forwarded && n.CreatedAt >= forwardedAt)
            .OrderBy(n => n.Id).FirstOrDefaultAsync(ct);
        return new NoticeTimerView("R6", forwardedAt, due, StateOf(notice, due, time.GetUtcNow()), notice?.SentAt, notice?.Channel?.ToString(), escalated);
    }

    private sealed record Returned(long Id, long AppealId, int Number, DateTimeOffset ReceivedAt, DateTimeOffset ResultAt, string RegistrationNumber, bool Several);

    private async Task<List<Returned>> ReturnedSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        (await db.Questions.AsNoTracking()
            .Where(q => q.ResultCode == ResultCode.Returned && q.ResultAt != null && q.ResultAt > since)
            .OrderBy(q => q.ResultAt).Take(1000)
            .Select(q => new { q.Id, q.AppealId, q.Number, q.Appeal.ReceivedAt, q.ResultAt, q.Appeal.RegistrationNumber, Several = q.Appeal.Questions.Count > 1 })
            .ToListAsync(ct))
        .Select(q => new Returned(q.Id, q.AppealId, q.Number, q.ReceivedAt, q.ResultAt!.Value, q.RegistrationNumber, q.Several)).ToList();

    /// <summary>R2: the return notice (explanation) must reach the applicant within <see cref="ReturnDays"/> calendar days of receipt.</summary>
    private async Task<NoticeTimerView> ReturnTimerAsync(long appealId, DateTimeOffset receivedAt, DateTimeOffset returnedAt, bool escalated, CancellationToken ct)
    {
        var due = Core.Deadlines.DeadlineCalculator.Due(receivedAt, new Core.Deadlines.ReviewTrack("r2", ReturnDays, Core.Deadlines.TermUnit.CalendarDays),
            await calendar.GetCalendarAsync(ct));
        var notice = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.AppealId == appealId && n.Kind == NotificationKind.Returned && n.CreatedAt >= returnedAt)
            .OrderBy(n => n.Id).FirstOrDefaultAsync(ct);
        return new NoticeTimerView("R2", receivedAt, due, StateOf(notice, due, time.GetUtcNow()), notice?.SentAt, notice?.Channel?.ToString(), escalated);
    }

    /// <summary>
    /// The R2 and R6 notices that have not reached their applicants: still within the limit (running) or past it,
    /// failed or with no contact (overdue). The digest lists them; the oldest limit first.
    /// </summary>
    public async Task<List<LawTimerItem>> OpenTimersAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow() - Window;
        var items = new List<LawTimerItem>();
        var returned = await ReturnedSinceAsync(since, ct);
        var marks = await MarksAsync(ReturnMark, returned.Select(r => r.Id), ct);
        foreach (var r in returned)
        {
            var t = await ReturnTimerAsync(r.AppealId, r.ReceivedAt, r.ResultAt, marks.Contains(r.Id), ct);
            items.Add(new LawTimerItem(r.RegistrationNumber, r.Number, t.Rule, t.Since, t.DueAt, t.State, t.Escalated));
        }
        var forwarded = await db.Questions.AsNoTracking()
            .Where(q => q.Status == AppealStatus.Forwarded && q.ResultAt != null && q.ResultAt > since)
            .OrderBy(q => q.ResultAt).Take(1000)
            .Select(q => new { q.Id, q.AppealId, q.Number, q.ResultAt, q.Appeal.RegistrationNumber })
            .ToListAsync(ct);
        var forwardMarks = await MarksAsync(ForwardMark, forwarded.Select(f => f.Id), ct);
        foreach (var f in forwarded)
        {
            var t = await ForwardTimerAsync(f.AppealId, f.ResultAt!.Value, forwardMarks.Contains(f.Id), ct);
            items.Add(new LawTimerItem(f.RegistrationNumber, f.Number, t.Rule, t.Since, t.DueAt, t.State, t.Escalated));
        }
        return items.Where(i => i.State is not (NoticeState.Sent or NoticeState.SentLate)).OrderBy(i => i.DueAt).ToList();
    }

    private async Task<NoticeTimerView> ExtensionTimerAsync(long requestId, long appealId, DateTimeOffset decidedAt, DateTimeOffset oldDue, DateTimeOffset? newDue, bool escalated, CancellationToken ct)
    {
        var notice = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.AppealId == appealId && n.Kind == NotificationKind.Extended && n.CreatedAt >= decidedAt)
            .OrderBy(n => n.Id).FirstOrDefaultAsync(ct);
        return new NoticeTimerView("R8", decidedAt, oldDue, StateOf(notice, oldDue, time.GetUtcNow()), notice?.SentAt, notice?.Channel?.ToString(), escalated, requestId,
            newDue ?? notice?.DueAt);
    }

    private static NoticeState StateOf(Notification? n, DateTimeOffset due, DateTimeOffset now) => n switch
    {
        null => now >= due ? NoticeState.Late : NoticeState.Missing,
        { Status: NotificationStatus.Sent, SentAt: { } at } => at <= due ? NoticeState.Sent : NoticeState.SentLate,
        { Status: NotificationStatus.Failed } => NoticeState.Failed,
        { Status: NotificationStatus.NoContact } => NoticeState.NoContact,
        _ => now >= due ? NoticeState.Late : NoticeState.Pending,
    };

    /// <summary>Claims the escalation (unique mark) and writes the staff notification and the timeline line with it.</summary>
    private async Task<bool> EscalateAsync(string kind, long id, long appealId, int? questionNumber, string number, string notificationKind, string text, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Add(new ControlMark { Kind = kind, Key = id.ToString(CultureInfo.InvariantCulture), At = now });
        db.StaffNotifications.Add(new StaffNotification { At = now, RecipientRole = Identity.Roles.Supervisor, Kind = notificationKind, RegistrationNumber = number, Text = text });
        db.AppealHistory.Add(new AppealHistoryEntry
        {
            AppealId = appealId,
            QuestionNumber = questionNumber,
            At = now,
            ActorName = "system",
            Action = notificationKind + "Escalated",
            Comment = text,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance escalated it first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The control timers of one appeal for the card: R2, R6 and R8 notices, the verification round.</summary>
    public async Task<AppealControlView> ForAppealAsync(string number, Actor actor, CancellationToken ct)
    {
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.Questions).ThenInclude(q => q.Assignments).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.RegistrationNumber == number, ct)
            ?? throw new Infrastructure.Errors.NotFoundException(Text.Get("appeal.notFound", number));
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var o = options.Value;
        var questionIds = appeal.Questions.Select(q => q.Id).ToList();
        var requests = await db.ExecutorRequests.AsNoTracking()
            .Where(r => r.AppealId == appeal.Id && r.Type == ExecutorRequestType.Extend && r.Status == ExecutorRequestStatus.Approved && r.PreviousDueAt != null)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var marks = await db.Set<ControlMark>().AsNoTracking().Where(m => m.Kind == ForwardMark || m.Kind == ExtensionMark || m.Kind == ReturnMark)
            .Where(m => questionIds.Select(i => i.ToString()).Contains(m.Key) || requests.Select(r => r.Id.ToString()).Contains(m.Key))
            .Select(m => m.Kind + ":" + m.Key).ToListAsync(ct);
        var tasks = await db.Set<VerificationTask>().AsNoTracking().Where(t => t.AppealId == appeal.Id).ToListAsync(ct);
        var views = new List<QuestionControlView>();
        foreach (var q in appeal.Questions.OrderBy(q => q.Number))
        {
            NoticeTimerView? forward = null;
            if (q.Status == AppealStatus.Forwarded && q.ResultAt is { } at)
                forward = await ForwardTimerAsync(appeal.Id, at, marks.Contains($"{ForwardMark}:{q.Id}"), ct);
            NoticeTimerView? returnNotice = null;
            if (q.ResultCode == ResultCode.Returned && q.ResultAt is { } returnedAt)
                returnNotice = await ReturnTimerAsync(appeal.Id, appeal.ReceivedAt, returnedAt, marks.Contains($"{ReturnMark}:{q.Id}"), ct);
            var extensions = new List<NoticeTimerView>();
            foreach (var r in requests.Where(r => r.QuestionId == q.Id))
                extensions.Add(await ExtensionTimerAsync(r.Id, appeal.Id, r.DecidedAt!.Value, r.PreviousDueAt!.Value, null, marks.Contains($"{ExtensionMark}:{r.Id}"), ct));
            var task = tasks.Where(t => t.QuestionId == q.Id).OrderByDescending(t => t.Round).FirstOrDefault();
            var verification = task is null ? null
                : new VerificationStateView(task.Channel, task.Status, task.CreatedAt, task.CreatedAt.AddDays(o.VerificationDays), task.UnansweredAttempts, o.UnansweredAttemptsToClose);
            views.Add(new QuestionControlView(q.Number, q.Status, q.ReworkCount, q.SupervisorDecisionSince, forward, extensions, verification, returnNotice));
        }
        return new AppealControlView(appeal.RegistrationNumber, views);
    }
}

[DisallowConcurrentExecution]
public sealed class LawNoticeWatchJob(LawNoticeWatch watch) : IJob
{
    public static readonly JobKey Key = new("law-notices", "quality");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await watch.RunAsync(cancellationToken);
}
