using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Console;

public sealed record BoardRow(int ExecutorId, string ExecutorName, int Overdue, int DueToday);

public sealed record BoardAppeal(string RegistrationNumber, AppealStatus Status, DateTimeOffset? DueAt, bool Overdue, string? ExecutorName, string Description, bool Resonant);

public sealed record DeadlineBoard(IReadOnlyList<BoardRow> Rows, IReadOnlyList<BoardAppeal> Resonant);

/// <summary>
/// The supervisor's deadline board (F5): per executor, how many open questions are overdue and how many fall due
/// today (Kyiv day), and the open resonant appeals. Counted on the questions table (index on executor, status, deadline):
/// only questions due before the end of today are read.
/// </summary>
public sealed class BoardQueries(AppDbContext db, ExecutorDirectory executors, CalendarService calendar, TimeProvider time)
{
    public async Task<DeadlineBoard> LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var endOfToday = EndOfToday(now);
        var open = AppealStateMachine.OpenStatuses.ToList();
        var counts = await db.Questions.AsNoTracking()
            .Where(q => q.ExecutorId != null && q.DueAt != null && q.DueAt < endOfToday && open.Contains(q.Status))
            .GroupBy(q => q.ExecutorId!.Value)
            .Select(g => new { ExecutorId = g.Key, Overdue = g.Count(q => q.DueAt < now), DueToday = g.Count(q => q.DueAt >= now) })
            .ToListAsync(ct);
        var lookup = await executors.AllAsync(ct);
        var rows = counts
            .Select(c => new BoardRow(c.ExecutorId, lookup.TryGetValue(c.ExecutorId, out var e) ? e.Name : "#" + c.ExecutorId, c.Overdue, c.DueToday))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.DueToday).ThenBy(r => r.ExecutorName)
            .ToList();
        var resonant = await List(db.Appeals.AsNoTracking().Where(a => a.Resonant && open.Contains(a.Status)).OrderBy(a => a.DueAt), now, ct);
        return new DeadlineBoard(rows, resonant);
    }

    /// <summary>The open appeals of one executor that are overdue (<paramref name="overdue"/>) or fall due today.</summary>
    public async Task<IReadOnlyList<BoardAppeal>> AppealsAsync(int executorId, bool overdue, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var endOfToday = EndOfToday(now);
        var open = AppealStateMachine.OpenStatuses.ToList();
        var questions = db.Questions.Where(q => q.ExecutorId == executorId && q.DueAt != null && open.Contains(q.Status));
        questions = overdue ? questions.Where(q => q.DueAt < now) : questions.Where(q => q.DueAt >= now && q.DueAt < endOfToday);
        var ids = questions.Select(q => q.AppealId);
        return await List(db.Appeals.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.DueAt), now, ct);
    }

    private async Task<List<BoardAppeal>> List(IQueryable<Appeal> query, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await query.Take(100).Select(a => new
        {
            a.RegistrationNumber,
            a.Status,
            a.DueAt,
            a.Description,
            a.Resonant,
            ExecutorId = a.Questions.OrderBy(q => q.Number).Select(q => q.ExecutorId).FirstOrDefault(),
        }).ToListAsync(ct);
        var lookup = await executors.AllAsync(ct);
        return rows.Select(r => new BoardAppeal(r.RegistrationNumber, r.Status, r.DueAt, AppealQueries.IsOverdue(r.Status, r.DueAt, now),
            r.ExecutorId is { } id && lookup.TryGetValue(id, out var e) ? e.Name : null,
            r.Description.Length > 120 ? r.Description[..120] + "…" : r.Description, r.Resonant)).ToList();
    }

    private DateTimeOffset EndOfToday(DateTimeOffset now) => AppealQueries.LocalDay(now, calendar.TimeZone).End;
}
