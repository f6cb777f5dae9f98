using System.Globalization;
using System.Text;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Control;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Notifications;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Features.Quality;

public sealed record DigestItem(string RegistrationNumber, int QuestionNumber, string? Executor, DateTimeOffset? DueAt, AppealStatus Status, bool Privileged, string? Note);

public sealed record DigestExecutorGroup(int? ExecutorId, string Executor, IReadOnlyList<DigestItem> Items);

/// <summary>The contact-centre head's daily monitoring digest (F4.4).</summary>
public sealed record DigestView(
    DateOnly Day,
    DateTimeOffset BuiltAt,
    IReadOnlyList<DigestExecutorGroup> OverdueByExecutor,
    IReadOnlyList<DigestItem> DueToday,
    IReadOnlyList<DigestItem> Extensions,
    IReadOnlyList<DigestItem> Rework,
    IReadOnlyList<DigestItem> AwaitingSupervisor,
    int ClosedUnverifiedYesterday,
    IReadOnlyList<LawTimerItem>? LawTimers = null)
{
    public int OverdueCount => OverdueByExecutor.Sum(g => g.Items.Count);
}

/// <summary>Builds the digest: overdue by executor, due today, extensions (pending and granted since yesterday), rework.</summary>
public sealed class DigestService(AppDbContext db, CalendarService calendar, ExecutorDirectory executors, LawNoticeWatch notices, TimeProvider time)
{
    private const int Cap = 1000;

    public async Task<DigestView> BuildAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsSupervisorOrAdmin && actor.Role != Roles.Leadership)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        return await BuildAsync(ct);
    }

    public async Task<DigestView> BuildAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cal = await calendar.GetCalendarAsync(ct);
        var zone = cal.TimeZone;
        var today = cal.LocalDate(now);
        var dayStart = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(today.ToDateTime(TimeOnly.MinValue)));
        var dayEnd = dayStart.AddDays(1);
        var yesterday = dayStart.AddDays(-1);
        var lookup = await executors.LookupAsync(ct);
        var open = AppealStateMachine.OpenStatuses.ToList();
        var baseQuery = db.Questions.AsNoTracking().Where(q => open.Contains(q.Status));

        async Task<List<DigestItem>> ItemsAsync(IQueryable<Question> query, Func<Question, string?>? note = null)
        {
            var rows = await query.OrderBy(q => q.DueAt).ThenBy(q => q.Id).Take(Cap)
                .Select(q => new { Q = q, q.Appeal.RegistrationNumber, q.Appeal.Applicant.PrivilegeCategory }).ToListAsync(ct);
            return rows.Select(r => new DigestItem(r.RegistrationNumber, r.Q.Number, lookup.Ref(r.Q.ExecutorId)?.Name, r.Q.DueAt, r.Q.Status,
                r.PrivilegeCategory is { Length: > 0 }, note?.Invoke(r.Q))).ToList();
        }

        var overdue = await ItemsAsync(baseQuery.Where(q => q.DueAt != null && q.DueAt < now && q.Status != AppealStatus.ResultReported));
        var groups = overdue.GroupBy(i => i.Executor ?? "—").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DigestExecutorGroup(null, g.Key, g.ToList())).ToList();
        var dueToday = await ItemsAsync(baseQuery.Where(q => q.DueAt != null && q.DueAt >= now && q.DueAt < dayEnd && q.Status != AppealStatus.ResultReported));
        var rework = await ItemsAsync(baseQuery.Where(q => q.ReworkCount > 0 && q.Status != AppealStatus.ResultReported),
            q => string.Format(CultureInfo.InvariantCulture, "доопрацювань: {0}", q.ReworkCount));
        var awaiting = await ItemsAsync(baseQuery.Where(q => q.SupervisorDecisionSince != null),
            q => string.Format(CultureInfo.InvariantCulture, "доопрацювань: {0}", q.ReworkCount));

        var requests = await db.ExecutorRequests.AsNoTracking()
            .Where(r => r.Type == ExecutorRequestType.Extend
                && (r.Status == ExecutorRequestStatus.Pending || (r.Status == ExecutorRequestStatus.Approved && r.DecidedAt >= yesterday)))
            .OrderBy(r => r.Status).ThenBy(r => r.RequestedAt).Take(Cap)
            .Select(r => new { r.Status, r.WorkingDays, r.Reason, r.Question.Number, r.Question.ExecutorId, r.Question.DueAt, QStatus = r.Question.Status, r.Appeal.RegistrationNumber, r.Appeal.Applicant.PrivilegeCategory })
            .ToListAsync(ct);
        var extensions = requests.Select(r => new DigestItem(r.RegistrationNumber, r.Number, lookup.Ref(r.ExecutorId)?.Name, r.DueAt, r.QStatus,
            r.PrivilegeCategory is { Length: > 0 },
            string.Format(CultureInfo.InvariantCulture, "{0} +{1} роб. дн.: {2}", r.Status == ExecutorRequestStatus.Pending ? "на погодженні" : "погоджено", r.WorkingDays, r.Reason))).ToList();

        var unverified = await db.Questions.AsNoTracking()
            .CountAsync(q => q.VerificationVia == "unverified" && q.ClosedAt >= yesterday && q.ClosedAt < dayStart, ct);
        return new DigestView(today, now, groups, dueToday, extensions, rework, awaiting, unverified, await notices.OpenTimersAsync(ct));
    }

    public static string Render(DigestView d, TimeZoneInfo zone)
    {
        string When(DateTimeOffset? at) => at is { } a ? TimeZoneInfo.ConvertTime(a, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : "—";
        string Line(DigestItem i) => $"  • {i.RegistrationNumber}{(i.QuestionNumber > 1 ? "/" + i.QuestionNumber : "")} — {i.Executor ?? "не призначено"}, строк {When(i.DueAt)}" +
            (i.Privileged ? ", пільговик" : "") + (i.Note is { Length: > 0 } n ? $" ({n})" : "");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Щоденний моніторинг звернень на {d.Day:dd.MM.yyyy}").AppendLine().AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"Прострочено: {d.OverdueCount}").AppendLine();
        foreach (var g in d.OverdueByExecutor)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {g.Executor}: {g.Items.Count}").AppendLine();
            foreach (var i in g.Items)
                sb.AppendLine(Line(i));
        }
        void Section(string title, IReadOnlyList<DigestItem> items)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"{title}: {items.Count}").AppendLine();
            foreach (var i in items)
                sb.AppendLine(Line(i));
        }
        Section("Строк спливає сьогодні", d.DueToday);
        Section("Продовження строків", d.Extensions);
        Section("На доопрацюванні", d.Rework);
        Section("Чекають рішення керівника після доопрацювань", d.AwaitingSupervisor);
        var timers = d.LawTimers ?? [];
        sb.AppendLine().Append(CultureInfo.InvariantCulture, $"Повідомлення заявникам за законом (R2 — повернення, R6 — пересилання): {timers.Count}").AppendLine();
        foreach (var t in timers)
            sb.Append(CultureInfo.InvariantCulture, $"  • {t.RegistrationNumber}{(t.QuestionNumber > 1 ? "/" + t.QuestionNumber : "")} — {t.Rule}, до {When(t.DueAt)}{(Overdue(t) ? ", прострочено" : "")}").AppendLine();
        bool Overdue(LawTimerItem t) => t.State is NoticeState.Late or NoticeState.Failed or NoticeState.NoContact || d.BuiltAt >= t.DueAt;
        sb.AppendLine().Append(CultureInfo.InvariantCulture, $"Закрито як неперевірені за вчора: {d.ClosedUnverifiedYesterday}").AppendLine();
        return sb.ToString();
    }
}

/// <summary>
/// E-mails the digest on working days at <see cref="ControlOptions.DigestTime"/> (Kyiv). Runs often and sends once a
/// day: the day is claimed with a unique <see cref="ControlMark"/> together with a staff notification, so several
/// instances (or a late start after a restart) send it exactly once; e-mails go after the claim commits.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(
    AppDbContext db,
    DigestService digest,
    CalendarService calendar,
    IEnumerable<INotificationSender> senders,
    UserManager<AppUser> users,
    IOptions<ControlOptions> options,
    TimeProvider time,
    ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest", "quality");
    public const string Mark = "digest";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Returns the number of e-mails sent (0 when not due, already sent today, or no recipients).</summary>
    public async Task<int?> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cal = await calendar.GetCalendarAsync(ct);
        var day = cal.LocalDate(now);
        var local = TimeZoneInfo.ConvertTime(now, cal.TimeZone);
        var at = TimeOnly.ParseExact(options.Value.DigestTime, "HH:mm", CultureInfo.InvariantCulture);
        if (!cal.IsWorkingDay(day) || TimeOnly.FromDateTime(local.DateTime) < at)
            return null;
        var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await db.Set<ControlMark>().AnyAsync(m => m.Kind == Mark && m.Key == key, ct))
            return null;
        var view = await digest.BuildAsync(ct);
        db.Add(new ControlMark { Kind = Mark, Key = key, At = now });
        db.StaffNotifications.Add(new StaffNotification
        {
            At = now,
            RecipientRole = Roles.Supervisor,
            Kind = "digest",
            Text = $"Моніторинг на {day:dd.MM.yyyy}: прострочено {view.OverdueCount}, строк сьогодні {view.DueToday.Count}, продовжень {view.Extensions.Count}, на доопрацюванні {view.Rework.Count}. Докладно: /console/digest",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance claimed today's digest first.
            db.ChangeTracker.Clear();
            return null;
        }

        var recipients = options.Value.DigestRecipients.Where(r => r.Contains('@')).ToList();
        if (recipients.Count == 0)
            recipients = (await users.GetUsersInRoleAsync(Roles.Supervisor)).Where(u => u.Email is { Length: > 0 })
                .Select(u => u.Email!).Distinct().ToList();
        var sender = senders.FirstOrDefault(s => s.Channel == NotificationChannel.Email && s.Configured);
        if (sender is null || recipients.Count == 0)
        {
            logger.LogInformation("Digest {Day}: no e-mail sender or recipients; shown in the console only", key);
            return 0;
        }
        var body = DigestService.Render(view, cal.TimeZone);
        var sent = 0;
        foreach (var to in recipients)
        {
            try
            {
                // A stable key per day and recipient: a gateway retry keeps one Message-ID.
                var id = new Guid(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes($"digest:{key}:{to}")));
                await sender.SendAsync(new OutgoingMessage(id, to, $"Моніторинг звернень на {day:dd.MM.yyyy}", body), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Digest {Day} to {Recipient} failed", key, to);
            }
        }
        return sent;
    }
}
