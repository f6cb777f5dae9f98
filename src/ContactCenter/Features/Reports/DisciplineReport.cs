using ContactCenter.Core.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Reports;

public sealed record DisciplineRow(
    int? ExecutorId, string Executor, int Received, int Closed, int ClosedOnTime, int ClosedLate, int Extended, int OpenNow, int OverdueNow,
    double? OnTimeShare);

public sealed record DisciplineReportView(string Period, DateOnly From, DateOnly To, DateTimeOffset AsOf, IReadOnlyList<DisciplineRow> Rows, DisciplineRow Total);

/// <summary>
/// Executive discipline per executor (004 §6.13): the questions of appeals received in the period, by their current main
/// executor. <b>Closed</b> = in a final status (closed, rejected, forwarded); on time when the executor's answer
/// (<c>resultAt</c>, else <c>closedAt</c>) came no later than the deadline (the deadline as extended), late otherwise.
/// <b>Extended</b> = the deadline was extended at least once. <b>Open now</b> and <b>overdue now</b> use the project's one
/// definition (an open status; overdue = open and now &gt; deadline), as of the moment the report is built.
/// </summary>
public sealed class DisciplineReport(AppDbContext db, ExecutorDirectory executors, CalendarService calendar, TimeProvider time)
{
    public async Task<DisciplineReportView> BuildAsync(ReportPeriod period, Actor actor, CancellationToken ct)
    {
        StatutoryReport.EnsureCanRead(actor);
        var (start, end) = period.Instants(calendar.TimeZone);
        var now = time.GetUtcNow();

        await StatutoryReport.FillQuestionReceivedAtAsync(db, ct);
        var groups = await db.Questions.AsNoTracking()
            .Where(q => q.ReceivedAt >= start && q.ReceivedAt < end)
            .GroupBy(q => new
            {
                q.ExecutorId,
                Final = q.Status == AppealStatus.Closed || q.Status == AppealStatus.Rejected || q.Status == AppealStatus.Forwarded,
                OnTime = q.DueAt == null || (q.ResultAt ?? q.ClosedAt) <= q.DueAt,
                Extended = q.ExtendedWorkingDays > 0,
                PastDue = q.DueAt != null && q.DueAt < now,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var all = await executors.AllAsync(ct);
        var rows = groups
            .GroupBy(g => g.Key.ExecutorId)
            .Select(e =>
            {
                var received = e.Sum(g => g.Count);
                var closed = e.Where(g => g.Key.Final).Sum(g => g.Count);
                var onTime = e.Where(g => g.Key.Final && g.Key.OnTime).Sum(g => g.Count);
                var open = e.Where(g => !g.Key.Final).Sum(g => g.Count);
                var overdue = e.Where(g => !g.Key.Final && g.Key.PastDue).Sum(g => g.Count);
                var extended = e.Where(g => g.Key.Extended).Sum(g => g.Count);
                var name = e.Key is { } id ? all.TryGetValue(id, out var x) ? x.Name : "#" + id : Text.Get("report.noExecutor");
                return Row(e.Key, name, received, closed, onTime, extended, open, overdue);
            })
            .OrderBy(r => r.ExecutorId is null).ThenBy(r => r.Executor, StringComparer.CurrentCulture)
            .ToList();
        var total = Row(null, Text.Get("report.total"), rows.Sum(r => r.Received), rows.Sum(r => r.Closed), rows.Sum(r => r.ClosedOnTime),
            rows.Sum(r => r.Extended), rows.Sum(r => r.OpenNow), rows.Sum(r => r.OverdueNow));
        return new DisciplineReportView(period.Label, period.From, period.To, TimeZoneInfo.ConvertTime(now, calendar.TimeZone), rows, total);
    }

    private static DisciplineRow Row(int? id, string name, int received, int closed, int onTime, int extended, int open, int overdue) =>
        new(id, name, received, closed, onTime, closed - onTime, extended, open, overdue,
            closed == 0 ? null : Math.Round(100.0 * onTime / closed, 1));
}
