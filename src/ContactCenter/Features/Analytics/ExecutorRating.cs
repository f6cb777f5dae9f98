using ContactCenter.Core.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Features.Analytics;

/// <summary>
/// The executor rating (F9.3), in the manner of the Kyiv 1551 ranking. For a day D and an executor, the questions of
/// that executor finished (closed) in the <see cref="AnalyticsOptions.RatingWindowDays"/> Kyiv days ending with D give:
/// on time (closed no later than the deadline), executed (result «вирішено позитивно»), confirmed (never returned for
/// rework and not rejected by the applicant), execution speed and explanation speed (the category's reference time
/// divided by the time from registration to the result, capped at 1, averaged over the positive results and the
/// explanations), and satisfaction ((mean rating − 1) / 4 over the rated ones). The score is the weighted mean of the
/// components that have data, × 100, with the weights version in force on D; executors are ranked by score.
/// </summary>
public sealed class ExecutorRating(AppDbContext db, CalendarService calendar, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    public async Task<RatingWeights> WeightsForAsync(DateOnly day, CancellationToken ct) =>
        await db.Set<RatingWeights>().AsNoTracking().Where(w => w.EffectiveFrom <= day).OrderByDescending(w => w.EffectiveFrom).FirstAsync(ct);

    /// <summary>Computes and stores the rating of one day; running it again replaces that day's rows (idempotent).</summary>
    public async Task<int> ComputeDayAsync(DateOnly day, CancellationToken ct)
    {
        var zone = calendar.TimeZone;
        var weights = await WeightsForAsync(day, ct);
        var start = DashboardQueries.KyivStart(day.AddDays(1 - options.Value.RatingWindowDays), zone);
        var end = DashboardQueries.KyivStart(day.AddDays(1), zone);
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.ExecutorId != null && q.ClosedAt >= start && q.ClosedAt < end)
            .Select(q => new QuestionFacts(q.ExecutorId!.Value, q.CategoryCode, q.Appeal.RegisteredAt, q.DueAt, q.ClosedAt!.Value, q.ResultAt,
                q.ResultCode, q.ReworkCount, q.VerificationConfirmed, q.VerificationRating))
            .ToListAsync(ct);
        var references = await db.Set<CategoryReferenceTime>().AsNoTracking().ToDictionaryAsync(r => r.CategoryCode, StringComparer.OrdinalIgnoreCase, ct);
        var now = time.GetUtcNow();
        var results = rows.GroupBy(r => r.ExecutorId)
            .Select(g => Score(day, g.Key, g.ToList(), weights, references, now))
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Closed).ThenBy(r => r.ExecutorId)
            .ToList();
        for (var i = 0; i < results.Count; i++)
            results[i].Rank = i > 0 && results[i].Score == results[i - 1].Score ? results[i - 1].Rank : i + 1;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<ExecutorRatingDay>().Where(r => r.Day == day).ExecuteDeleteAsync(ct);
            db.AddRange(results);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return results.Count;
    }

    private sealed record QuestionFacts(int ExecutorId, string CategoryCode, DateTimeOffset RegisteredAt, DateTimeOffset? DueAt, DateTimeOffset ClosedAt,
        DateTimeOffset? ResultAt, ResultCode? ResultCode, int ReworkCount, bool? VerificationConfirmed, int? VerificationRating);

    private ExecutorRatingDay Score(DateOnly day, int executorId, List<QuestionFacts> q, RatingWeights w, IReadOnlyDictionary<string, CategoryReferenceTime> references, DateTimeOffset now)
    {
        double? Speed(ResultCode code, Func<CategoryReferenceTime?, double> reference)
        {
            var speeds = q.Where(x => x.ResultCode == code).Select(x =>
            {
                var hours = ((x.ResultAt ?? x.ClosedAt) - x.RegisteredAt).TotalHours;
                var refHours = reference(references.GetValueOrDefault(x.CategoryCode));
                return hours <= refHours ? 1.0 : refHours / hours;
            }).ToList();
            return speeds.Count == 0 ? null : speeds.Average();
        }
        var closed = q.Count;
        var onTime = q.Count(x => x.DueAt is null || x.ClosedAt <= x.DueAt);
        var executed = q.Count(x => x.ResultCode == Core.Appeals.ResultCode.Resolved);
        var confirmed = q.Count(x => x.ReworkCount == 0 && x.VerificationConfirmed != false);
        var rated = q.Where(x => x.VerificationRating is not null).ToList();
        var row = new ExecutorRatingDay
        {
            Day = day,
            ExecutorId = executorId,
            WeightsId = w.Id,
            Closed = closed,
            ClosedOnTime = onTime,
            Executed = executed,
            Confirmed = confirmed,
            Rated = rated.Count,
            OnTimeShare = (double)onTime / closed,
            ExecutedShare = (double)executed / closed,
            ConfirmedShare = (double)confirmed / closed,
            ExecutionSpeed = Speed(Core.Appeals.ResultCode.Resolved, r => r?.ExecutionHours ?? options.Value.DefaultExecutionHours),
            ExplanationSpeed = Speed(Core.Appeals.ResultCode.Explained, r => r?.ExplanationHours ?? options.Value.DefaultExplanationHours),
            SatisfactionIndex = rated.Count == 0 ? null : (rated.Average(x => x.VerificationRating!.Value) - 1) / 4,
            ComputedAt = now,
        };
        row.Score = Math.Round(WeightedScore(row, w), 2);
        return row;
    }

    /// <summary>The weighted mean of the components that have data, 0..100 (a component without data neither helps nor hurts).</summary>
    public static double WeightedScore(ExecutorRatingDay r, RatingWeights w)
    {
        var parts = new (double? Value, double Weight)[]
        {
            (r.OnTimeShare, w.OnTime), (r.ExecutedShare, w.Executed), (r.ConfirmedShare, w.Confirmed),
            (r.ExecutionSpeed, w.ExecutionSpeed), (r.ExplanationSpeed, w.ExplanationSpeed), (r.SatisfactionIndex, w.Satisfaction),
        };
        var weight = parts.Where(p => p.Value is not null).Sum(p => p.Weight);
        return weight <= 0 ? 0 : 100 * parts.Where(p => p.Value is not null).Sum(p => p.Value!.Value * p.Weight) / weight;
    }
}

/// <summary>
/// Recomputes the rating of yesterday and today every hour (a question closed late in the evening still lands in
/// yesterday's row), and fills up to a window of missing days after a pause. Each day is replaced whole, so a
/// repeated or concurrent run leaves the same rows.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExecutorRatingJob(ExecutorRating rating, AppDbContext db, CalendarService calendar, TimeProvider time, ILogger<ExecutorRatingJob> logger) : IJob
{
    public static readonly JobKey Key = new("executor-rating", "analytics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DashboardQueries.KyivDay(time.GetUtcNow(), calendar.TimeZone);
        var lastDone = await db.Set<ExecutorRatingDay>().MaxAsync(r => (DateOnly?)r.Day, ct);
        var first = lastDone is { } d && d < today ? d : today.AddDays(-1);
        if (first < today.AddDays(-30))
            first = today.AddDays(-30);
        var rows = 0;
        for (var day = first; day <= today; day = day.AddDays(1))
            rows += await rating.ComputeDayAsync(day, ct);
        logger.LogInformation("Executor rating computed for {From}..{To}: {Rows} rows", first, today, rows);
        return rows;
    }
}
