using ContactCenter.Features.Calendar;
using ContactCenter.Features.Reports;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ContactCenter.Features.Analytics;

/// <summary>
/// One pre-computed count of one Kyiv day (issue 8): appeals received that day counted by one figure of the dashboard
/// or of the statutory report, e.g. (<c>d.channel</c>, <c>Phone</c>) or (<c>s.category</c>, <c>utilities.water</c>).
/// Every figure is a count of appeals or questions of the day, so a period is the sum of its days.
/// </summary>
public sealed class ReportDayCount
{
    public DateOnly Day { get; set; }
    public required string Figure { get; set; }
    /// <summary>The value counted (an enum name, a category code, an executor or district id, a free-text classification); "" when the figure has none.</summary>
    public string Key { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>
/// A <see cref="ReportDayCount"/> of the dashboard filtered by one executor (<c>e3</c>), one topic (<c>cutilities.water</c>) or one
/// district (<c>d7</c>): the dashboard's figures over that value's questions, as <see cref="DashboardQueries.GetLiveAsync"/> counts them.
/// </summary>
public sealed class DashboardDayCount
{
    public required string Dimension { get; set; }
    public DateOnly Day { get; set; }
    public required string Figure { get; set; }
    public string Key { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>The single row saying how far <see cref="ReportDayCount"/> goes.</summary>
public sealed class ReportAggregateState
{
    public int Id { get; set; }
    /// <summary>Every Kyiv day up to this one is aggregated (a day without rows had no appeals).</summary>
    public DateOnly Through { get; set; }
    /// <summary>The rows hold every change made before this instant (the time the last refresh started).</summary>
    public DateTimeOffset AsOf { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }
}

/// <summary>A count of one figure on one day, aggregated or computed live.</summary>
public sealed record DayCount(DateOnly Day, string Figure, string Key, int Count);

/// <summary>
/// Daily pre-aggregates for the dashboard (unfiltered) and the statutory report. <see cref="RefreshAsync"/> (the
/// <see cref="ReportAggregatesJob"/>) stores the counts of each closed Kyiv day, computed by the same code as the live
/// reports, and recomputes a day whenever one of its appeals changed: every change to a card raises
/// <c>appeals.updated_at</c> (<see cref="Appeals.AppealProjection.Touch"/>), so the days of the appeals updated since the
/// previous refresh (less <see cref="Margin"/>, for transactions still open when it read) are recomputed.
/// A reader uses the stored rows only for days up to <see cref="ReportAggregateState.Through"/> none of whose appeals changed
/// after <see cref="ReportAggregateState.AsOf"/> − <see cref="Margin"/>; those days, today and any later day are read live,
/// so the figures are always exactly those of the live computation.
/// </summary>
public sealed class DailyAggregates(AppDbContext db, CalendarService calendar, TimeProvider time, ILogger<DailyAggregates> logger)
{
    /// <summary>Longer than any transaction that changes an appeal, so a change committed after a refresh read its day is still seen as new.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    /// <summary>The version of the stored figures: a new one (issue 8: closure and ratings count appeals; dimension rows) makes
    /// the next refresh recompute every day, and readers go live until it has.</summary>
    private const int StateId = 2;
    private const int ChunkDays = 31;

    /// <summary>The days of [<paramref name="from"/>, <paramref name="to"/>] whose stored rows are current; null when nothing is aggregated yet.</summary>
    public async Task<AggregatedDays?> UsableDaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var state = await db.Set<ReportAggregateState>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == StateId, ct);
        if (state is null || from > state.Through)
            return null;
        var zone = calendar.TimeZone;
        var last = to < state.Through ? to : state.Through;
        var since = state.AsOf - Margin;
        var fromUtc = DashboardQueries.KyivStart(from, zone);
        var toUtc = DashboardQueries.KyivStart(last.AddDays(1), zone);
        var changed = await db.Appeals.AsNoTracking()
            .Where(a => a.UpdatedAt > since && a.ReceivedAt >= fromUtc && a.ReceivedAt < toUtc)
            .Select(a => a.ReceivedAt).ToListAsync(ct);
        var dirty = changed.Select(r => DashboardQueries.KyivDay(r, zone)).ToHashSet();
        return new AggregatedDays(from, last, dirty);
    }

    /// <summary>The stored rows of the usable days, summed over the period per figure and key (and per day for <paramref name="perDay"/>).</summary>
    public async Task<List<DayCount>> ReadAsync(AggregatedDays days, IReadOnlyCollection<string> figures, string? perDay, CancellationToken ct)
    {
        var dirty = days.Dirty.ToList();
        var rows = db.Set<ReportDayCount>().AsNoTracking()
            .Where(r => r.Day >= days.From && r.Day <= days.Through && figures.Contains(r.Figure) && !dirty.Contains(r.Day));
        var sums = await rows.GroupBy(r => new { r.Figure, r.Key })
            .Select(g => new { g.Key.Figure, g.Key.Key, Count = g.Sum(r => r.Count) })
            .ToListAsync(ct);
        var result = sums.Select(s => new DayCount(days.From, s.Figure, s.Key, s.Count)).ToList();
        if (perDay is not null)
        {
            result.RemoveAll(r => r.Figure == perDay);
            result.AddRange(await rows.Where(r => r.Figure == perDay).Select(r => new DayCount(r.Day, r.Figure, r.Key, r.Count)).ToListAsync(ct));
        }
        return result;
    }

    /// <summary>The stored dashboard rows of one <see cref="DashboardDayCount.Dimension"/> on the usable days, summed as <see cref="ReadAsync"/>.</summary>
    public async Task<List<DayCount>> ReadDimensionAsync(AggregatedDays days, string dimension, string perDay, CancellationToken ct)
    {
        var dirty = days.Dirty.ToList();
        var rows = db.Set<DashboardDayCount>().AsNoTracking()
            .Where(r => r.Dimension == dimension && r.Day >= days.From && r.Day <= days.Through && !dirty.Contains(r.Day));
        var sums = await rows.Where(r => r.Figure != perDay).GroupBy(r => new { r.Figure, r.Key })
            .Select(g => new { g.Key.Figure, g.Key.Key, Count = g.Sum(r => r.Count) })
            .ToListAsync(ct);
        var result = sums.Select(s => new DayCount(days.From, s.Figure, s.Key, s.Count)).ToList();
        result.AddRange(await rows.Where(r => r.Figure == perDay).Select(r => new DayCount(r.Day, r.Figure, r.Key, r.Count)).ToListAsync(ct));
        return result;
    }

    /// <summary>
    /// Brings the rows up to yesterday (Kyiv) and recomputes the days whose appeals changed since the last refresh.
    /// Idempotent: a day's rows are replaced as a whole in one transaction; running it twice changes nothing.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var zone = calendar.TimeZone;
        var now = time.GetUtcNow();
        var today = DashboardQueries.KyivDay(now, zone);
        var through = today.AddDays(-1);
        await StatutoryReport.FillQuestionReceivedAtAsync(db, ct);

        var state = await db.Set<ReportAggregateState>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == StateId, ct);
        var days = new SortedSet<DateOnly>();
        DateOnly? firstNew;
        if (state is null)
        {
            var first = await db.Appeals.MinAsync(a => (DateTimeOffset?)a.ReceivedAt, ct);
            firstNew = first is { } f ? DashboardQueries.KyivDay(f, zone) : null;
        }
        else
        {
            firstNew = state.Through.AddDays(1);
            var since = state.AsOf - Margin;
            var todayStart = DashboardQueries.KyivStart(today, zone);
            var changed = await db.Appeals.AsNoTracking().Where(a => a.UpdatedAt > since && a.ReceivedAt < todayStart)
                .Select(a => a.ReceivedAt).ToListAsync(ct);
            days.UnionWith(changed.Select(r => DashboardQueries.KyivDay(r, zone)));
        }
        for (var d = firstNew ?? today; d <= through; d = d.AddDays(1))
            days.Add(d);

        var chunks = new List<List<DateOnly>>();
        foreach (var d in days)
        {
            if (chunks.Count == 0 || chunks[^1].Count >= ChunkDays || d.DayNumber - chunks[^1][0].DayNumber >= ChunkDays)
                chunks.Add([]);
            chunks[^1].Add(d);
        }
        var rows = 0;
        foreach (var chunk in chunks)
            rows += await ComputeAsync(chunk, ct);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var row = await db.Set<ReportAggregateState>().FirstOrDefaultAsync(s => s.Id == StateId, ct);
            if (row is null)
                db.Add(row = new ReportAggregateState { Id = StateId });
            row.Through = state is not null && state.Through > through ? state.Through : through;
            row.AsOf = now;
            row.RefreshedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            // A state of an earlier figures version says nothing of these rows.
            await db.Set<ReportAggregateState>().Where(s => s.Id != StateId).ExecuteDeleteAsync(ct);
        });
        db.ChangeTracker.Clear();
        logger.LogInformation("Report aggregates: {Days} days recomputed ({Rows} rows), through {Through}", days.Count, rows, through);
        return days.Count;
    }

    /// <summary>Recomputes the given days (within one month-long span) with the live code and replaces their rows.</summary>
    private async Task<int> ComputeAsync(List<DateOnly> days, CancellationToken ct)
    {
        var zone = calendar.TimeZone;
        var wanted = days.ToHashSet();
        var fromUtc = DashboardQueries.KyivStart(days[0], zone);
        var toUtc = DashboardQueries.KyivStart(days[^1].AddDays(1), zone);
        var counts = new List<DayCount>();
        var facts = await DashboardQueries.FactsAsync(db, fromUtc, toUtc, null, ct);
        var dayFacts = facts.Where(f => wanted.Contains(DashboardQueries.KyivDay(f.ReceivedAt, zone))).ToList();
        counts.AddRange(DashboardQueries.Tally(dayFacts, zone));
        var dimensions = DashboardQueries.TallyByDimension(dayFacts, zone)
            .Select(c => new DashboardDayCount { Dimension = c.Dimension, Day = c.Count.Day, Figure = c.Count.Figure, Key = c.Count.Key, Count = c.Count.Count }).ToList();
        foreach (var day in days)
        {
            var (start, end) = (DashboardQueries.KyivStart(day, zone), DashboardQueries.KyivStart(day.AddDays(1), zone));
            counts.AddRange(await StatutoryReport.CountAsync(db, start, end, day, ct));
        }
        var entities = counts.Where(c => c.Count != 0)
            .Select(c => new ReportDayCount { Day = c.Day, Figure = c.Figure, Key = c.Key, Count = c.Count }).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<ReportDayCount>().Where(r => days.Contains(r.Day)).ExecuteDeleteAsync(ct);
            await db.Set<DashboardDayCount>().Where(r => days.Contains(r.Day)).ExecuteDeleteAsync(ct);
            db.AddRange(entities);
            db.AddRange(dimensions);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return entities.Count + dimensions.Count;
    }
}

/// <summary>Days [<see cref="From"/>, <see cref="Through"/>] have stored rows; those in <see cref="Dirty"/> changed since and are read live.</summary>
public sealed record AggregatedDays(DateOnly From, DateOnly Through, IReadOnlySet<DateOnly> Dirty)
{
    /// <summary>The spans of [<paramref name="from"/>, <paramref name="to"/>] to read live: dirty days and every day after <see cref="Through"/>.</summary>
    public List<(DateOnly From, DateOnly To)> LiveSpans(DateOnly from, DateOnly to)
    {
        var live = Dirty.Where(d => d >= from && d <= to).ToList();
        for (var d = Through.AddDays(1) > from ? Through.AddDays(1) : from; d <= to; d = d.AddDays(1))
            live.Add(d);
        var spans = new List<(DateOnly From, DateOnly To)>();
        foreach (var d in live.Distinct().Order())
        {
            if (spans.Count > 0 && spans[^1].To.AddDays(1) == d)
                spans[^1] = (spans[^1].From, d);
            else
                spans.Add((d, d));
        }
        return spans;
    }
}

/// <summary>Keeps <see cref="ReportDayCount"/> current (every few minutes; see <see cref="DailyAggregates"/>).</summary>
[DisallowConcurrentExecution]
public sealed class ReportAggregatesJob(DailyAggregates aggregates) : IJob
{
    public static readonly JobKey Key = new("report-aggregates", "analytics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await aggregates.RefreshAsync(cancellationToken);
}
