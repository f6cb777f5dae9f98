using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Telephony;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Analytics;

public sealed record RatingRowView(int Rank, int ExecutorId, string Executor, double Score, int Closed, int ClosedOnTime, int Executed, int Confirmed, int Rated,
    double? OnTimeShare, double? ExecutedShare, double? ConfirmedShare, double? ExecutionSpeed, double? ExplanationSpeed, double? SatisfactionIndex);

public sealed record RatingWeightsView(int Id, DateOnly EffectiveFrom, double OnTime, double Executed, double Confirmed, double ExecutionSpeed, double ExplanationSpeed,
    double Satisfaction, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record RatingView(DateOnly? Day, int WindowDays, RatingWeightsView? Weights, IReadOnlyList<RatingRowView> Rows);

public sealed record RatingPoint(DateOnly Day, int ExecutorId, string Executor, double Score, int Rank);

/// <summary>Operator statistics of a period: answered calls, appeals registered, consultations given.</summary>
public sealed record OperatorStatsView(string Operator, int Calls, int AppealsRegistered, int Consultations);

public sealed record SpikeView(long Id, DateTimeOffset DetectedAt, SpikeKind Kind, string Key, string Label, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    int Count, double Baseline, IReadOnlyList<string> Appeals, string Link);

public sealed record WeightsRequest(DateOnly? EffectiveFrom, double OnTime, double Executed, double Confirmed, double ExecutionSpeed, double ExplanationSpeed, double Satisfaction);

public sealed record ReferenceTimeRequest(double ExecutionHours, double ExplanationHours);

public sealed class AnalyticsQueries(AppDbContext db, ExecutorDirectory executors, CalendarService calendar, Microsoft.Extensions.Options.IOptions<AnalyticsOptions> options)
{
    public async Task<RatingView> RatingAsync(DateOnly? day, CancellationToken ct)
    {
        var set = db.Set<ExecutorRatingDay>().AsNoTracking();
        var d = day ?? await set.MaxAsync(r => (DateOnly?)r.Day, ct);
        if (d is null)
            return new RatingView(null, options.Value.RatingWindowDays, null, []);
        var rows = await set.Where(r => r.Day == d).OrderBy(r => r.Rank).ThenBy(r => r.ExecutorId).ToListAsync(ct);
        var names = await executors.AllAsync(ct);
        RatingWeightsView? weights = null;
        if (rows.Count > 0)
        {
            var id = rows[0].WeightsId;
            weights = await db.Set<RatingWeights>().AsNoTracking().Where(w => w.Id == id).Select(w => ToView(w)).FirstOrDefaultAsync(ct);
        }
        return new RatingView(d, options.Value.RatingWindowDays, weights, rows.Select(r => new RatingRowView(r.Rank, r.ExecutorId,
            names.TryGetValue(r.ExecutorId, out var e) ? e.Name : "#" + r.ExecutorId, r.Score, r.Closed, r.ClosedOnTime, r.Executed, r.Confirmed, r.Rated,
            r.OnTimeShare, r.ExecutedShare, r.ConfirmedShare, r.ExecutionSpeed, r.ExplanationSpeed, r.SatisfactionIndex)).ToList());
    }

    public async Task<IReadOnlyList<RatingPoint>> HistoryAsync(DateOnly? from, DateOnly? to, int? executor, CancellationToken ct)
    {
        var last = to ?? await db.Set<ExecutorRatingDay>().MaxAsync(r => (DateOnly?)r.Day, ct) ?? DateOnly.FromDateTime(DateTime.UnixEpoch);
        var first = from ?? last.AddDays(-29);
        var query = db.Set<ExecutorRatingDay>().AsNoTracking().Where(r => r.Day >= first && r.Day <= last);
        if (executor is not null)
            query = query.Where(r => r.ExecutorId == executor);
        var rows = await query.OrderBy(r => r.Day).ThenBy(r => r.Rank).Select(r => new { r.Day, r.ExecutorId, r.Score, r.Rank }).ToListAsync(ct);
        var names = await executors.AllAsync(ct);
        return rows.Select(r => new RatingPoint(r.Day, r.ExecutorId, names.TryGetValue(r.ExecutorId, out var e) ? e.Name : "#" + r.ExecutorId, r.Score, r.Rank)).ToList();
    }

    public async Task<IReadOnlyList<RatingWeightsView>> WeightsAsync(CancellationToken ct) =>
        await db.Set<RatingWeights>().AsNoTracking().OrderBy(w => w.EffectiveFrom).Select(w => ToView(w)).ToListAsync(ct);

    private static RatingWeightsView ToView(RatingWeights w) =>
        new(w.Id, w.EffectiveFrom, w.OnTime, w.Executed, w.Confirmed, w.ExecutionSpeed, w.ExplanationSpeed, w.Satisfaction, w.CreatedAt, w.CreatedByName);

    /// <summary>
    /// Per operator in the period (Kyiv days, inclusive): answered calls (the PBX's operator login, matched to a user by
    /// login, e-mail or id), appeals registered and consultations given (F1.8; by the operator's user id, or the name
    /// logged with it when there is none).
    /// </summary>
    public async Task<IReadOnlyList<OperatorStatsView>> OperatorsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = calendar.TimeZone;
        var start = DashboardQueries.KyivStart(from, zone);
        var end = DashboardQueries.KyivStart(to.AddDays(1), zone);
        var registered = await db.Appeals.AsNoTracking()
            .Where(a => a.RegisteredAt >= start && a.RegisteredAt < end && a.RegisteredByUserId != null)
            .GroupBy(a => new { a.RegisteredByUserId, a.RegisteredByName })
            .Select(g => new { g.Key.RegisteredByUserId, g.Key.RegisteredByName, Count = g.Count() })
            .ToListAsync(ct);
        var calls = await db.Set<Call>().AsNoTracking()
            .Where(c => c.StartedAt >= start && c.StartedAt < end && c.AnsweredAt != null && c.OperatorUser != null)
            .GroupBy(c => c.OperatorUser)
            .Select(g => new { Operator = g.Key!, Count = g.Count() })
            .ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking()
            .Where(c => c.At >= start && c.At < end)
            .GroupBy(c => new { c.OperatorUserId, c.OperatorName })
            .Select(g => new { g.Key.OperatorUserId, g.Key.OperatorName, Count = g.Count() })
            .ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.Email, u.FullName }).ToListAsync(ct);
        var result = new Dictionary<string, (string Name, int Calls, int Appeals, int Consultations)>(StringComparer.OrdinalIgnoreCase);
        void Count(string key, string name, int calls, int appeals, int consulted)
        {
            var cur = result.TryGetValue(key, out var known) ? known : (Name: name, Calls: 0, Appeals: 0, Consultations: 0);
            result[key] = (cur.Name, cur.Calls + calls, cur.Appeals + appeals, cur.Consultations + consulted);
        }
        foreach (var r in registered)
            Count(r.RegisteredByUserId!, r.RegisteredByName ?? r.RegisteredByUserId!, 0, r.Count, 0);
        foreach (var c in consultations)
            Count(c.OperatorUserId ?? c.OperatorName, c.OperatorName, 0, 0, c.Count);
        foreach (var c in calls)
        {
            var user = users.FirstOrDefault(u => string.Equals(u.UserName, c.Operator, StringComparison.OrdinalIgnoreCase)
                || string.Equals(u.Email, c.Operator, StringComparison.OrdinalIgnoreCase) || u.Id == c.Operator);
            Count(user?.Id ?? c.Operator, user?.FullName is { Length: > 0 } n ? n : c.Operator, c.Count, 0, 0);
        }
        return result.Values.OrderByDescending(v => v.Appeals + v.Calls + v.Consultations).ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => new OperatorStatsView(v.Name, v.Calls, v.Appeals, v.Consultations)).ToList();
    }

    public async Task<IReadOnlyList<SpikeView>> SpikesAsync(int limit, CancellationToken ct)
    {
        var rows = await db.Set<SpikeSignal>().AsNoTracking().OrderByDescending(s => s.DetectedAt).ThenByDescending(s => s.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        var zone = calendar.TimeZone;
        return rows.Select(s =>
        {
            var from = DashboardQueries.KyivDay(s.WindowStart, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var to = DashboardQueries.KyivDay(s.WindowEnd, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var filter = s.Kind switch
            {
                SpikeKind.Category => "category=" + Uri.EscapeDataString(s.Key) + "&",
                SpikeKind.District => "district=" + s.Key + "&",
                _ => "",
            };
            return new SpikeView(s.Id, s.DetectedAt, s.Kind, s.Key, s.Label, s.WindowStart, s.WindowEnd, s.Count, s.Baseline,
                s.AppealNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries), $"{DashboardQueries.ListPath}?{filter}from={from}&to={to}");
        }).ToList();
    }
}
