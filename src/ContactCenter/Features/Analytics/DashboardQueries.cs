using System.Globalization;
using System.Linq.Expressions;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Analytics;

public enum TrendGranularity { Day, Week, Month }

/// <summary>Dashboard filters. Dates are Kyiv calendar days, both inclusive; the default is the last 30 days.</summary>
public sealed record DashboardFilter(DateOnly? From = null, DateOnly? To = null, int? Executor = null, string? Category = null, int? District = null, TrendGranularity? Granularity = null);

/// <summary>One bar or slice; <see cref="Link"/> opens the list of the appeals behind it.</summary>
public sealed record DashboardSlice(string Key, string Label, int Count, string Link);

public sealed record TrendPoint(DateOnly Start, string Label, int Count, string Link);

/// <summary>Rated (and ByRating) count appeals having a (matching) question rated (so); the average is over rated questions;
/// verified and confirmed count questions.</summary>
public sealed record SatisfactionFigures(int Rated, double? Average, IReadOnlyList<int> ByRating, int Verified, int Confirmed, double? ConfirmedShare,
    string RatedLink, IReadOnlyList<string> ByRatingLinks);

/// <summary>Closed: appeals having a (matching) question closed today.</summary>
public sealed record TodayFigures(int Received, string ReceivedLink, int Closed, int OpenNow, string OpenLink, int OverdueNow, string OverdueLink, string ClosedLink);

/// <summary>
/// The dashboard (F9.1). Appeals are counted once each: an appeal is in the period when it was received in it, and
/// it matches the executor/category/district filters when one of its questions does. Breakdowns by category,
/// executor and district count the appeals having a question there (an appeal with two topics is in both bars).
/// Closure, timeliness and satisfaction belong to questions and are counted per question.
/// </summary>
public sealed record DashboardView(
    DateOnly From,
    DateOnly To,
    TrendGranularity Granularity,
    int Total,
    string TotalLink,
    int Closed,
    int ClosedOnTime,
    double? OnTimeShare,
    string ClosedLink,
    string ClosedOnTimeLink,
    string ClosedLateLink,
    int OverdueNow,
    string OverdueLink,
    int Repeated,
    string RepeatedLink,
    int Rework,
    string ReworkLink,
    SatisfactionFigures Satisfaction,
    TodayFigures Today,
    IReadOnlyList<DashboardSlice> ByCategory,
    IReadOnlyList<DashboardSlice> ByChannel,
    IReadOnlyList<DashboardSlice> ByExecutor,
    IReadOnlyList<DashboardSlice> ByStatus,
    IReadOnlyList<DashboardSlice> ByDistrict,
    IReadOnlyList<TrendPoint> Trend);

public sealed class DashboardQueries(AppDbContext db, CalendarService calendar, CategoryDirectory categories, ExecutorDirectory executors, TimeProvider time,
    DailyAggregates aggregates)
{
    public const string ListPath = "/console/appeals";

    /// <summary>
    /// The dashboard. Without an executor/category/district filter the closed days of the period come from the daily
    /// pre-aggregates (<see cref="DailyAggregates"/>) and the rest is read live; the figures are the same as
    /// <see cref="GetLiveAsync"/>'s.
    /// </summary>
    public Task<DashboardView> GetAsync(DashboardFilter filter, CancellationToken ct) => GetAsync(filter, useAggregates: true, ct);

    /// <summary>The reference computation: every figure from the period's questions, read live.</summary>
    public Task<DashboardView> GetLiveAsync(DashboardFilter filter, CancellationToken ct) => GetAsync(filter, useAggregates: false, ct);

    private async Task<DashboardView> GetAsync(DashboardFilter filter, bool useAggregates, CancellationToken ct)
    {
        var zone = calendar.TimeZone;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var to = filter.To ?? today;
        var from = filter.From ?? to.AddDays(-29);
        if (from > to)
            (from, to) = (to, from);
        var granularity = filter.Granularity ?? (to.DayNumber - from.DayNumber <= 62 ? TrendGranularity.Day : to.DayNumber - from.DayNumber <= 366 ? TrendGranularity.Week : TrendGranularity.Month);
        var fromUtc = KyivStart(from, zone);
        var toUtc = KyivStart(to.AddDays(1), zone);

        var allCategories = await categories.AllAsync(ct);
        var codes = filter.Category is { Length: > 0 } c ? WithDescendants(c, allCategories) : null;
        var question = QuestionFilter(codes, filter.Executor, filter.District);
        var links = new Links(filter, from, to);

        // Per-day counts of the period: stored for closed, unchanged days (unfiltered only: a filter changes which
        // appeals count), otherwise tallied from one narrow read of the questions with their appeal's columns
        // (index-only on PostgreSQL: see AnalyticsModel).
        var dimension = question is null ? null : DimensionOf(filter, codes);
        var usable = useAggregates && (question is null || dimension is not null) ? await aggregates.UsableDaysAsync(from, to, ct) : null;
        List<DayCount> counts;
        if (usable is null)
        {
            counts = Tally(await FactsAsync(db, fromUtc, toUtc, question, ct), zone);
        }
        else
        {
            counts = dimension is null
                ? await aggregates.ReadAsync(usable, Figures.All, Figures.Total, ct)
                : await aggregates.ReadDimensionAsync(usable, dimension, Figures.Total, ct);
            foreach (var (spanFrom, spanTo) in usable.LiveSpans(from, to))
                counts.AddRange(Tally(await FactsAsync(db, KyivStart(spanFrom, zone), KyivStart(spanTo.AddDays(1), zone), question, ct), zone));
        }
        var sums = counts.GroupBy(x => (x.Figure, x.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        int Sum(string figure, string key = "") => sums.GetValueOrDefault((figure, key));
        List<(TKey Key, int Count)> By<TKey>(string figure, Func<string, TKey> parse) =>
            sums.Where(s => s.Key.Figure == figure && s.Value != 0).Select(s => (parse(s.Key.Key), s.Value)).ToList();
        static int Int(string key) => int.Parse(key, CultureInfo.InvariantCulture);

        var total = Sum(Figures.Total);
        var byChannel = By(Figures.Channel, Enum.Parse<Channel>);
        var byStatus = By(Figures.Status, Enum.Parse<AppealStatus>);
        var repeated = Sum(Figures.Repeated);
        var byCategory = By(Figures.Category, k => k);
        var byExecutor = By(Figures.Executor, Int);
        var byDistrict = By(Figures.District, Int);
        var rework = Sum(Figures.Rework);
        var closed = Sum(Figures.Closed);
        var onTime = Sum(Figures.OnTime);
        var verified = Sum(Figures.Verified);
        var confirmed = Sum(Figures.Confirmed);
        var distribution = Enumerable.Range(1, 5).Select(r => Sum(Figures.Rating, r.ToString(CultureInfo.InvariantCulture))).ToList();
        var rated = Sum(Figures.Rated);
        var ratedQuestions = Sum(Figures.RatedQuestions);
        var ratingSum = Sum(Figures.RatingSum);

        // Now: open and overdue whatever the period; today: since Kyiv midnight. Without a filter these are appeal
        // counts on the appeals' (status, due_at) index; with one, appeals having an open (overdue) matching question.
        var open = AppealStateMachine.OpenStatuses.ToList();
        var todayStart = KyivStart(today, zone);
        int overdueNow, openNow, receivedToday;
        if (question is null)
        {
            // One pass over the (status, due_at) index gives both.
            var openCounts = await db.Appeals.Where(a => open.Contains(a.Status)).GroupBy(a => 1)
                .Select(g => new { Open = g.Count(), Overdue = g.Count(a => a.DueAt != null && a.DueAt < now) }).FirstOrDefaultAsync(ct);
            openNow = openCounts?.Open ?? 0;
            overdueNow = openCounts?.Overdue ?? 0;
            receivedToday = await db.Appeals.CountAsync(a => a.ReceivedAt >= todayStart, ct);
        }
        else
        {
            // One pass over the matching open questions ((executor|category|district, status, due_at) indexes) gives both.
            var matching = db.Questions.Where(question);
            var openCounts = await matching.Where(q => open.Contains(q.Status)).GroupBy(q => 1)
                .Select(g => new
                {
                    Open = g.Select(q => q.AppealId).Distinct().Count(),
                    Overdue = g.Where(q => q.DueAt != null && q.DueAt < now).Select(q => q.AppealId).Distinct().Count(),
                }).FirstOrDefaultAsync(ct);
            openNow = openCounts?.Open ?? 0;
            overdueNow = openCounts?.Overdue ?? 0;
            receivedToday = await matching.Where(q => q.Appeal.ReceivedAt >= todayStart).Select(q => q.AppealId).Distinct().CountAsync(ct);
        }
        // Appeals having a (matching) question closed today: the list's closedFrom=closedTo=today.
        var closedTodayQuery = db.Questions.Where(q => q.ClosedAt >= todayStart);
        if (question is not null)
            closedTodayQuery = closedTodayQuery.Where(question);
        var closedToday = await closedTodayQuery.Select(q => q.AppealId).Distinct().CountAsync(ct);

        var trend = Trend(counts.Where(x => x.Figure == Figures.Total).Select(x => (x.Day, x.Count)), from, to, granularity, links);

        var executorNames = await executors.AllAsync(ct);
        var districtNames = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        string CategoryName(string code) => allCategories.TryGetValue(code, out var cat) ? (AnalyticsText.English && cat.NameEn is { Length: > 0 } ? cat.NameEn : cat.Name) : code;


        return new DashboardView(
            from, to, granularity,
            total, links.For(),
            closed, onTime, Share(onTime, closed), links.For(closed: true), links.For(closedOnTime: true), links.For(closedOnTime: false),
            overdueNow, links.For(overdue: true, period: false),
            repeated, links.For(repeated: true),
            rework, links.For(reworked: true),
            new SatisfactionFigures(rated, ratedQuestions == 0 ? null : Math.Round((double)ratingSum / ratedQuestions, 2), distribution, verified, confirmed, Share(confirmed, verified),
                links.For(rated: true), Enumerable.Range(1, 5).Select(r => links.For(rating: r)).ToList()),
            new TodayFigures(receivedToday, links.For(from: today, to: today), closedToday, openNow, links.ForOpen(), overdueNow, links.For(overdue: true, period: false),
                links.For(closedFrom: today, period: false)),
            byCategory.OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => new DashboardSlice(x.Key, CategoryName(x.Key), x.Count, links.For(category: x.Key))).ToList(),
            byChannel.OrderByDescending(x => x.Count).ThenBy(x => x.Key)
                .Select(x => new DashboardSlice(Camel(x.Key.ToString()), AnalyticsText.Channel(x.Key), x.Count, links.For(channel: Camel(x.Key.ToString())))).ToList(),
            byExecutor.OrderByDescending(x => x.Count).ThenBy(x => x.Key)
                .Select(x => new DashboardSlice(x.Key.ToString(CultureInfo.InvariantCulture), executorNames.TryGetValue(x.Key, out var e) ? e.Name : "#" + x.Key,
                    x.Count, links.For(executor: x.Key))).ToList(),
            byStatus.OrderBy(x => x.Key)
                .Select(x => new DashboardSlice(Camel(x.Key.ToString()), Infrastructure.Text.Status(x.Key), x.Count, links.For(status: Camel(x.Key.ToString())))).ToList(),
            byDistrict.OrderByDescending(x => x.Count).ThenBy(x => x.Key)
                .Select(x => new DashboardSlice(x.Key.ToString(CultureInfo.InvariantCulture), districtNames.GetValueOrDefault(x.Key, "#" + x.Key),
                    x.Count, links.For(district: x.Key))).ToList(),
            trend);
    }

    public static DateTimeOffset KyivStart(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly KyivDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A category and every category below it (a filter on a section covers its topics).</summary>
    public static List<string> WithDescendants(string code, IReadOnlyDictionary<string, Category> all)
    {
        var result = new List<string> { code };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(all.Values.Where(c => string.Equals(c.ParentCode, result[i], StringComparison.OrdinalIgnoreCase)).Select(c => c.Code));
        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    public static Expression<Func<Question, bool>>? QuestionFilter(List<string>? codes, int? executor, int? district)
    {
        if (codes is null && executor is null && district is null)
            return null;
        return q => (codes == null || codes.Contains(q.CategoryCode))
            && (executor == null || q.ExecutorId == executor)
            && (district == null || q.Location.DistrictId == district);
    }

    /// <summary>One question of the period with its appeal's columns: everything the dashboard counts.</summary>
    public sealed record Fact(long AppealId, DateTimeOffset ReceivedAt, Channel Channel, AppealStatus Status, bool Repeated, string CategoryCode, int? ExecutorId,
        int? DistrictId, DateTimeOffset? ClosedAt, DateTimeOffset? DueAt, int ReworkCount, int? VerificationRating, bool? VerificationConfirmed);

    /// <summary>The questions of the appeals received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) that match the filter.</summary>
    public static Task<List<Fact>> FactsAsync(AppDbContext db, DateTimeOffset fromUtc, DateTimeOffset toUtc, Expression<Func<Question, bool>>? question, CancellationToken ct)
    {
        var questions = db.Questions.AsNoTracking().Where(q => q.Appeal.ReceivedAt >= fromUtc && q.Appeal.ReceivedAt < toUtc);
        if (question is not null)
            questions = questions.Where(question);
        return questions.Select(q => new Fact(q.AppealId, q.Appeal.ReceivedAt, q.Appeal.Channel, q.Appeal.Status, q.Appeal.RepeatOfId != null,
                q.CategoryCode, q.ExecutorId, q.Location.DistrictId, q.ClosedAt, q.DueAt, q.ReworkCount, q.VerificationRating, q.VerificationConfirmed))
            .ToListAsync(ct);
    }

    /// <summary>The dashboard's figures (see <see cref="Figures"/>).</summary>
    public static class Figures
    {
        public const string Total = "d.total";
        public const string Channel = "d.channel";
        public const string Status = "d.status";
        public const string Repeated = "d.repeated";
        public const string Rework = "d.rework";
        public const string Category = "d.category";
        public const string Executor = "d.executor";
        public const string District = "d.district";
        // Appeals (issue 8: each figure opens a list of as many appeals): having a closed question; having one and every closed
        // one closed in time; having a question rated N; having a rated question.
        public const string Closed = "d.closedA";
        public const string OnTime = "d.onTimeA";
        public const string Rating = "d.ratingA";
        public const string Rated = "d.ratedA";
        // Questions: verified, confirmed; rated and the sum of their ratings (the average rating is per rated question).
        public const string Verified = "d.verified";
        public const string Confirmed = "d.confirmed";
        public const string RatedQuestions = "d.ratedQ";
        public const string RatingSum = "d.ratingSum";
        public static readonly IReadOnlyList<string> All = [Total, Channel, Status, Repeated, Rework, Category, Executor, District, Closed, OnTime, Rating, Rated,
            Verified, Confirmed, RatedQuestions, RatingSum];
    }

    /// <summary>
    /// Every dashboard figure per Kyiv day of receipt. An appeal is received on one day, so counting it once per day
    /// counts it once in any period made of whole days: a period's figures are the sums of its days'.
    /// Appeal-level figures (total, channel, status, repeated) count each appeal once; category, executor and district
    /// count the appeals having a question there; closure, timeliness and satisfaction count questions.
    /// </summary>
    public static List<DayCount> Tally(IEnumerable<Fact> facts, TimeZoneInfo zone)
    {
        var result = new List<DayCount>();
        foreach (var day in facts.GroupBy(f => KyivDay(f.ReceivedAt, zone)))
        {
            void Add(string figure, string key, int count)
            {
                if (count != 0)
                    result.Add(new DayCount(day.Key, figure, key, count));
            }
            void AddBy(IEnumerable<Fact> rows, string figure, Func<Fact, string> key)
            {
                foreach (var g in rows.GroupBy(key, StringComparer.Ordinal))
                    Add(figure, g.Key, g.Select(f => f.AppealId).Distinct().Count());
            }
            var dayFacts = day.ToList();
            var perAppeal = dayFacts.DistinctBy(f => f.AppealId).ToList();
            Add(Figures.Total, "", perAppeal.Count);
            AddBy(perAppeal, Figures.Channel, f => f.Channel.ToString());
            AddBy(perAppeal, Figures.Status, f => f.Status.ToString());
            Add(Figures.Repeated, "", perAppeal.Count(f => f.Repeated));
            Add(Figures.Rework, "", dayFacts.Where(f => f.ReworkCount > 0).Select(f => f.AppealId).Distinct().Count());
            AddBy(dayFacts, Figures.Category, f => f.CategoryCode);
            AddBy(dayFacts.Where(f => f.ExecutorId is not null), Figures.Executor, f => f.ExecutorId!.Value.ToString(CultureInfo.InvariantCulture));
            AddBy(dayFacts.Where(f => f.DistrictId is not null), Figures.District, f => f.DistrictId!.Value.ToString(CultureInfo.InvariantCulture));
            // Closure and ratings count appeals, as the lists they open (AppealQueries.ReportFilters) do.
            var closedByAppeal = dayFacts.Where(f => f.ClosedAt is not null).GroupBy(f => f.AppealId).ToList();
            Add(Figures.Closed, "", closedByAppeal.Count);
            Add(Figures.OnTime, "", closedByAppeal.Count(g => g.All(f => !IsLate(f))));
            Add(Figures.Verified, "", dayFacts.Count(f => f.VerificationConfirmed is not null));
            Add(Figures.Confirmed, "", dayFacts.Count(f => f.VerificationConfirmed == true));
            var ratedFacts = dayFacts.Where(f => f.VerificationRating is not null).ToList();
            Add(Figures.Rated, "", ratedFacts.Select(f => f.AppealId).Distinct().Count());
            AddBy(ratedFacts, Figures.Rating, f => f.VerificationRating!.Value.ToString(CultureInfo.InvariantCulture));
            Add(Figures.RatedQuestions, "", ratedFacts.Count);
            Add(Figures.RatingSum, "", ratedFacts.Sum(f => f.VerificationRating!.Value));
        }
        return result;
    }

    /// <summary>Closed after its deadline (the list's <c>closedOnTime=false</c>).</summary>
    private static bool IsLate(Fact f) => f.ClosedAt is not null && f.DueAt is not null && f.ClosedAt > f.DueAt;

    /// <summary>
    /// <see cref="Tally"/> of the questions of each executor, topic and district apart: the dashboard filtered by that one value,
    /// per day (<see cref="DashboardDayCount"/>). Dimension names: <c>e</c> + executor id, <c>c</c> + category code, <c>d</c> + district id.
    /// </summary>
    public static IEnumerable<(string Dimension, DayCount Count)> TallyByDimension(IReadOnlyCollection<Fact> facts, TimeZoneInfo zone)
    {
        foreach (var g in facts.Where(f => f.ExecutorId is not null).GroupBy(f => f.ExecutorId!.Value))
            foreach (var c in Tally(g, zone))
                yield return (ExecutorDimension(g.Key), c);
        foreach (var g in facts.GroupBy(f => f.CategoryCode, StringComparer.Ordinal))
            foreach (var c in Tally(g, zone))
                yield return (CategoryDimension(g.Key), c);
        foreach (var g in facts.Where(f => f.DistrictId is not null).GroupBy(f => f.DistrictId!.Value))
            foreach (var c in Tally(g, zone))
                yield return (DistrictDimension(g.Key), c);
    }

    public static string ExecutorDimension(int id) => "e" + id.ToString(CultureInfo.InvariantCulture);

    public static string CategoryDimension(string code) => "c" + code;

    public static string DistrictDimension(int id) => "d" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored dimension a filter of exactly one executor, one topic without subtopics or one district reads; otherwise null (live).</summary>
    private static string? DimensionOf(DashboardFilter filter, List<string>? codes) => (filter.Executor, codes, filter.District) switch
    {
        ({ } e, null, null) => ExecutorDimension(e),
        (null, [var code], null) when code.Length <= 79 => CategoryDimension(code),
        (null, null, { } d) => DistrictDimension(d),
        _ => null,
    };

    private static List<TrendPoint> Trend(IEnumerable<(DateOnly Day, int Count)> days, DateOnly from, DateOnly to, TrendGranularity granularity, Links links)
    {
        static DateOnly BucketStart(DateOnly d, TrendGranularity g) => g switch
        {
            TrendGranularity.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
            TrendGranularity.Month => new DateOnly(d.Year, d.Month, 1),
            _ => d,
        };
        static DateOnly Next(DateOnly d, TrendGranularity g) => g switch
        {
            TrendGranularity.Week => d.AddDays(7),
            TrendGranularity.Month => d.AddMonths(1),
            _ => d.AddDays(1),
        };
        var counts = new Dictionary<DateOnly, int>();
        foreach (var (day, count) in days)
        {
            var key = BucketStart(day, granularity);
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
        var points = new List<TrendPoint>();
        for (var start = BucketStart(from, granularity); start <= to; start = Next(start, granularity))
        {
            var first = start < from ? from : start;
            var last = Next(start, granularity).AddDays(-1);
            if (last > to)
                last = to;
            var label = granularity switch
            {
                TrendGranularity.Month => start.ToString("MM.yyyy", CultureInfo.InvariantCulture),
                _ => start.ToString("dd.MM", CultureInfo.InvariantCulture),
            };
            points.Add(new TrendPoint(start, label, counts.GetValueOrDefault(start), links.For(from: first, to: last)));
        }
        return points;
    }

    /// <summary>Links to the appeal list (<c>/console/appeals</c>) with exactly the parameters that page understands.</summary>
    private sealed class Links(DashboardFilter filter, DateOnly from, DateOnly to)
    {
        public string For(string? status = null, string? category = null, int? executor = null, int? district = null, string? channel = null,
            DateOnly? from = null, DateOnly? to = null, bool overdue = false, bool repeated = false, bool reworked = false, bool period = true, bool open = false,
            bool closed = false, bool? closedOnTime = null, int? rating = null, bool rated = false, DateOnly? closedFrom = null)
        {
            var p = new List<string>();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                    p.Add(name + "=" + Uri.EscapeDataString(value));
            }
            Add("status", status);
            Add("category", category ?? filter.Category);
            Add("executor", (executor ?? filter.Executor)?.ToString(CultureInfo.InvariantCulture));
            Add("district", (district ?? filter.District)?.ToString(CultureInfo.InvariantCulture));
            Add("channel", channel);
            if (period)
            {
                Add("from", (from ?? from1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Add("to", (to ?? to1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            if (overdue)
                Add("overdue", "true");
            if (repeated)
                Add("repeated", "true");
            if (reworked)
                Add("reworked", "true");
            if (open)
                Add("open", "true");
            if (closedFrom is { } closedDay)
            {
                Add("closedFrom", closedDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Add("closedTo", closedDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            if (closed)
                Add("closed", "true");
            if (closedOnTime is { } onTime)
                Add("closedOnTime", onTime ? "true" : "false");
            if (rating is { } r)
                Add("rating", r.ToString(CultureInfo.InvariantCulture));
            if (rated)
                Add("rated", "true");
            // The filtered dashboard counts appeals having ONE matching question that also is in the bar (or open, overdue,
            // reworked); the list's filters each find some question unless told to look for one meeting them all.
            var dimensions = ((category ?? filter.Category) is { Length: > 0 } ? 1 : 0) + ((executor ?? filter.Executor) is null ? 0 : 1)
                + ((district ?? filter.District) is null ? 0 : 1);
            if (dimensions >= 2 || (dimensions == 1 && (overdue || open || reworked)))
                Add("sameQuestion", "true");
            return p.Count == 0 ? ListPath : ListPath + "?" + string.Join("&", p);
        }

        /// <summary>Open appeals now, whatever the period: the list's <c>open=true</c> (an open status).</summary>
        public string ForOpen() => For(open: true, period: false);

        private readonly DateOnly from1 = from;
        private readonly DateOnly to1 = to;
    }
}
