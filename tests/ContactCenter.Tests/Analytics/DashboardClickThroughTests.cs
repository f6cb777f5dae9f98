using System.Net;
using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Console;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Analytics;

/// <summary>
/// Every dashboard figure opens a list of exactly as many appeals (issue 8): each figure's link is read the way the console
/// list reads it (<see cref="AppealListFilter.Parse"/>), turned into the REST search the list and its CSV use, and the
/// list's total compared with the figure and with a hand count. Now is Tue 24.11.2026 10:00 Kyiv; the period 01.11–24.11.
///   B1 02.11 phone    Q1 water/E1/D1 closed 05.11 (due 10.11, on time) rated 5; Q2 heating/E2/D2 closed 12.11 (due 10.11, late) rated 3
///   B2 03.11 web      water/E1/D2 closed today 08:00 (due 20.11, late), rated 1, returned for rework once
///   B3 05.11 phone    Q1 water/E2/D1 closed 06.11 (due 15.11, on time) rated 4; Q2 heating/E1/D1 in progress, due 20.11 → overdue
///   B4 10.11 telegram heating/E2/D2 closed today 09:00 (due 30.11, on time); a repeat of B1
///   B5 24.11 09:00 phone water/E1/D1 assigned, due 05.12
///   B6 15.10 phone    water/E1/D1 closed today 07:00 (due 30.10, late): outside the period, closed today
/// </summary>
public abstract class DashboardClickThroughTests<TApp>(TApp app) where TApp : AppFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
    private int _e1, _e2, _d1, _d2;

    private async Task SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_e1 != 0)
                return;
            var existing = await app.WithDbAsync(db => Task.FromResult(db.Executors.Where(e => e.Name.StartsWith("Клік Е")).OrderBy(e => e.Name).Select(e => e.Id).ToList()));
            if (existing.Count == 2)
            {
                (_e1, _e2) = (existing[0], existing[1]);
                var districts = await app.WithDbAsync(db => Task.FromResult(db.Districts.Where(d => d.Name.StartsWith("Клік Р")).OrderBy(d => d.Name).Select(d => d.Id).ToList()));
                (_d1, _d2) = (districts[0], districts[1]);
                return;
            }
            _e1 = await app.CreateExecutorAsync("Клік Е1");
            _e2 = await app.CreateExecutorAsync("Клік Е2");
            _d1 = await app.AddDistrictAsync("Клік Р1");
            _d2 = await app.AddDistrictAsync("Клік Р2");
            var b1 = await app.AddAsync(Kyiv(11, 2, 9), Channel.Phone, null,
                new FixtureQuestion(Water, _e1, _d1, AppealStatus.Closed, Kyiv(11, 10, 17), Kyiv(11, 5, 12), ResultCode.Resolved, 5, true),
                new FixtureQuestion(Heating, _e2, _d2, AppealStatus.Closed, Kyiv(11, 10, 17), Kyiv(11, 12, 12), ResultCode.Resolved, 3, true));
            await app.AddAsync(Kyiv(11, 3, 10), Channel.Web, null,
                new FixtureQuestion(Water, _e1, _d2, AppealStatus.Closed, Kyiv(11, 20, 17), Kyiv(11, 24, 8), ResultCode.Explained, 1, false, Rework: 1));
            await app.AddAsync(Kyiv(11, 5, 11), Channel.Phone, null,
                new FixtureQuestion(Water, _e2, _d1, AppealStatus.Closed, Kyiv(11, 15, 17), Kyiv(11, 6, 12), ResultCode.Resolved, 4, true),
                new FixtureQuestion(Heating, _e1, _d1, AppealStatus.InProgress, Kyiv(11, 20, 17)));
            await app.AddAsync(Kyiv(11, 10, 12), Channel.Telegram, await app.IdOfAsync(b1),
                new FixtureQuestion(Heating, _e2, _d2, AppealStatus.Closed, Kyiv(11, 30, 17), Kyiv(11, 24, 9), ResultCode.Resolved));
            await app.AddAsync(Kyiv(11, 24, 9), Channel.Phone, null,
                new FixtureQuestion(Water, _e1, _d1, AppealStatus.Assigned, Kyiv(12, 5, 17)));
            await app.AddAsync(Kyiv(10, 15, 9), Channel.Phone, null,
                new FixtureQuestion(Water, _e1, _d1, AppealStatus.Closed, Kyiv(10, 30, 17), Kyiv(11, 24, 7), ResultCode.Resolved));
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<JsonElement> DashboardAsync(string query = "")
    {
        await SeedAsync();
        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/analytics/dashboard?from=2026-11-01&to=2026-11-24" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>The total of the list a dashboard link opens: the console list's filters, sent as the REST search its CSV uses.</summary>
    private async Task<int> ListTotalAsync(string link)
    {
        Assert.StartsWith("/console/appeals", link, StringComparison.Ordinal);
        var filter = AppealListFilter.Parse(link.Contains('?') ? link[link.IndexOf('?')..] : "");
        var rest = filter.CsvHref(Zone).Replace("&format=csv", "", StringComparison.Ordinal).Replace("?format=csv", "?", StringComparison.Ordinal);
        var (status, body) = await app.Admin().GetJsonAsync(rest + "&pageSize=200");
        Assert.True(status == HttpStatusCode.OK, $"{rest}: {status} {body}");
        Assert.True(body.GetProperty("totalExact").GetBoolean());
        return body.GetProperty("total").GetInt32();
    }

    private async Task AssertOpensAsync(int expected, int figure, string link, string what)
    {
        Assert.True(expected == figure, $"{what}: figure {figure}, by hand {expected}");
        var total = await ListTotalAsync(link);
        Assert.True(figure == total, $"{what}: figure {figure}, list {total} ({link})");
    }

    private static int Int(JsonElement e, params string[] path)
    {
        foreach (var p in path)
            e = e.GetProperty(p);
        return e.GetInt32();
    }

    private static string Str(JsonElement e, params string[] path)
    {
        foreach (var p in path)
            e = e.GetProperty(p);
        return e.GetString()!;
    }

    [Fact]
    public async Task Unfiltered_EveryFigure_OpensAListOfAsManyAppeals()
    {
        var d = await DashboardAsync();
        await AssertOpensAsync(5, Int(d, "total"), Str(d, "totalLink"), "total");
        await AssertOpensAsync(4, Int(d, "closed"), Str(d, "closedLink"), "closed"); // B1–B4
        await AssertOpensAsync(2, Int(d, "closedOnTime"), Str(d, "closedOnTimeLink"), "closed on time"); // B3, B4 (B1 has a late question)
        await AssertOpensAsync(2, Int(d, "closed") - Int(d, "closedOnTime"), Str(d, "closedLateLink"), "closed late"); // B1, B2
        Assert.Equal(0.5, d.GetProperty("onTimeShare").GetDouble());
        await AssertOpensAsync(1, Int(d, "overdueNow"), Str(d, "overdueLink"), "overdue now"); // B3
        await AssertOpensAsync(1, Int(d, "repeated"), Str(d, "repeatedLink"), "repeated"); // B4
        await AssertOpensAsync(1, Int(d, "rework"), Str(d, "reworkLink"), "rework"); // B2

        var s = d.GetProperty("satisfaction");
        await AssertOpensAsync(3, Int(s, "rated"), Str(s, "ratedLink"), "rated"); // B1, B2, B3
        Assert.Equal(3.25, s.GetProperty("average").GetDouble()); // (5 + 3 + 1 + 4) / 4 rated questions
        var byRating = s.GetProperty("byRating").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        var ratingLinks = s.GetProperty("byRatingLinks").EnumerateArray().Select(x => x.GetString()!).ToArray();
        Assert.Equal([1, 0, 1, 1, 1], byRating);
        for (var r = 0; r < 5; r++)
            await AssertOpensAsync(byRating[r], byRating[r], ratingLinks[r], $"rating {r + 1}");

        var today = d.GetProperty("today");
        await AssertOpensAsync(1, Int(today, "received"), Str(today, "receivedLink"), "received today"); // B5
        await AssertOpensAsync(3, Int(today, "closed"), Str(today, "closedLink"), "closed today"); // B2, B4, B6
        Assert.Equal("/console/appeals?closedFrom=2026-11-24&closedTo=2026-11-24", Str(today, "closedLink"));
        await AssertOpensAsync(2, Int(today, "openNow"), Str(today, "openLink"), "open now"); // B3, B5
        await AssertOpensAsync(1, Int(today, "overdueNow"), Str(today, "overdueLink"), "overdue now (today)");

        // Every bar and every trend point.
        var expected = new Dictionary<string, int>
        {
            ["byChannel:phone"] = 3,
            ["byChannel:web"] = 1,
            ["byChannel:telegram"] = 1,
            ["byCategory:" + Water] = 4,
            ["byCategory:" + Heating] = 3,
            [$"byExecutor:{_e1}"] = 4,
            [$"byExecutor:{_e2}"] = 3,
            [$"byDistrict:{_d1}"] = 3,
            [$"byDistrict:{_d2}"] = 3,
            ["byStatus:assigned"] = 1,
            ["byStatus:inProgress"] = 1,
            ["byStatus:closed"] = 3,
        };
        foreach (var list in new[] { "byChannel", "byCategory", "byExecutor", "byDistrict", "byStatus" })
        {
            foreach (var bar in d.GetProperty(list).EnumerateArray())
            {
                var key = list + ":" + Str(bar, "key");
                Assert.True(expected.TryGetValue(key, out var count), key);
                await AssertOpensAsync(count, Int(bar, "count"), Str(bar, "link"), key);
                expected.Remove(key);
            }
        }
        Assert.Empty(expected);
        foreach (var point in d.GetProperty("trend").EnumerateArray().Where(p => Int(p, "count") > 0))
            await AssertOpensAsync(Int(point, "count"), Int(point, "count"), Str(point, "link"), "trend " + Str(point, "label"));
    }

    [Fact]
    public async Task FilteredByExecutor_EveryFigure_OpensAListOfAsManyAppeals()
    {
        await SeedAsync();
        var d = await DashboardAsync($"&executor={_e1}");
        await AssertOpensAsync(4, Int(d, "total"), Str(d, "totalLink"), "total"); // B1, B2, B3, B5
        await AssertOpensAsync(2, Int(d, "closed"), Str(d, "closedLink"), "closed"); // B1, B2
        await AssertOpensAsync(1, Int(d, "closedOnTime"), Str(d, "closedOnTimeLink"), "on time"); // B1: its E1 question was on time
        await AssertOpensAsync(1, Int(d, "closed") - Int(d, "closedOnTime"), Str(d, "closedLateLink"), "late"); // B2
        await AssertOpensAsync(1, Int(d, "overdueNow"), Str(d, "overdueLink"), "overdue"); // B3's E1 question
        await AssertOpensAsync(1, Int(d, "rework"), Str(d, "reworkLink"), "rework");
        var s = d.GetProperty("satisfaction");
        await AssertOpensAsync(2, Int(s, "rated"), Str(s, "ratedLink"), "rated"); // B1 (5), B2 (1)
        var ratingLinks = s.GetProperty("byRatingLinks").EnumerateArray().Select(x => x.GetString()!).ToArray();
        await AssertOpensAsync(1, s.GetProperty("byRating")[4].GetInt32(), ratingLinks[4], "rating 5");
        // B1's other question (E2) was rated 3: not this executor's.
        await AssertOpensAsync(0, s.GetProperty("byRating")[2].GetInt32(), ratingLinks[2], "rating 3");
        var today = d.GetProperty("today");
        await AssertOpensAsync(2, Int(today, "closed"), Str(today, "closedLink"), "closed today"); // B2, B6
        await AssertOpensAsync(2, Int(today, "openNow"), Str(today, "openLink"), "open now"); // B3, B5

        // A bar of another dimension counts appeals having ONE question of both: heating of E1 is B3 only (B1's heating is E2's).
        var heating = d.GetProperty("byCategory").EnumerateArray().Single(b => Str(b, "key") == Heating);
        await AssertOpensAsync(1, Int(heating, "count"), Str(heating, "link"), "E1 heating");
        Assert.Contains("sameQuestion=true", Str(heating, "link"), StringComparison.Ordinal);
        var d2 = d.GetProperty("byDistrict").EnumerateArray().Single(b => Str(b, "key") == _d2.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await AssertOpensAsync(1, Int(d2, "count"), Str(d2, "link"), "E1 in D2"); // B2 (B1's D2 question is E2's)
    }

    [Fact]
    public async Task FilteredBySecondExecutor_OpenAndOverdueCountItsQuestions()
    {
        await SeedAsync();
        var d = await DashboardAsync($"&executor={_e2}");
        await AssertOpensAsync(3, Int(d, "closed"), Str(d, "closedLink"), "closed"); // B1, B3, B4
        await AssertOpensAsync(2, Int(d, "closedOnTime"), Str(d, "closedOnTimeLink"), "on time"); // B3, B4
        // B3 is open and overdue, but by E1's question: E2 has nothing open.
        await AssertOpensAsync(0, Int(d, "overdueNow"), Str(d, "overdueLink"), "overdue");
        await AssertOpensAsync(0, Int(d.GetProperty("today"), "openNow"), Str(d.GetProperty("today"), "openLink"), "open now");
        Assert.Equal(0, await ListTotalAsync($"/console/appeals?executor={_e2}&overdue=true&sameQuestion=true"));
        Assert.Equal(1, await ListTotalAsync($"/console/appeals?executor={_e2}&overdue=true"));
    }

    [Fact]
    public async Task ReportFilters_OnTheRestSearch_AndBadRating_Is400()
    {
        await SeedAsync();
        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/appeals?rating=9");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("rating", out _));
        // Not rated: B4, B5, B6 of the fixture (and nothing else is rated in this database).
        var (_, notRated) = await app.Admin().GetJsonAsync("/api/v1/appeals?rated=false&closed=true");
        Assert.Equal(2, notRated.GetProperty("total").GetInt32()); // B4, B6 (B5 is not closed)
        var (_, notClosed) = await app.Admin().GetJsonAsync("/api/v1/appeals?closed=false");
        Assert.Equal(1, notClosed.GetProperty("total").GetInt32()); // B5 (B3 has a closed question)
    }

    [Fact]
    public void ListFilter_ReportFilters_RoundTrip()
    {
        var filter = AppealListFilter.Parse("?closedFrom=2026-11-24&closedTo=2026-11-24&closedOnTime=false&rating=3&rated=true&closed=true&sameQuestion=true&executor=7");
        Assert.Equal(new DateOnly(2026, 11, 24), filter.ClosedFrom);
        Assert.False(filter.ClosedOnTime);
        Assert.Equal(3, filter.Rating);
        Assert.True(filter.Rated && filter.Closed && filter.SameQuestion);
        Assert.Equal(filter, AppealListFilter.Parse("?" + filter.ToQuery()));
        var search = filter.ToSearch(Zone);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(2)), search.ClosedFrom);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(2)).AddTicks(-1), search.ClosedTo);
        Assert.Null(AppealListFilter.Parse("?rating=7&closedOnTime=maybe").Rating);
        Assert.Null(AppealListFilter.Parse("?closedOnTime=maybe").ClosedOnTime);
    }
}

public sealed class DashboardClickThroughTests_Sqlite(SqliteApp app) : DashboardClickThroughTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DashboardClickThroughTests_Postgres(PostgresApp app) : DashboardClickThroughTests<PostgresApp>(app), IClassFixture<PostgresApp>;
