using System.Globalization;
using System.Net;
using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Analytics;

/// <summary>
/// Every dashboard figure against a fixture computed by hand. Now is Tue 24.11.2026 10:00 Kyiv. The period is
/// 01.11–24.11. Appeals (Kyiv times):
///   A1 02.11 09:00 phone    water/E1/D1 closed 05.11 (due 10.11: on time), rating 5, confirmed
///   A2 02.11 12:00 web      water/E1/D1 closed 20.11 (due 10.11: late), rating 2, confirmed, reworked once
///   A3 10.11 phone          heating/E2/D2 in progress, due 20.11 → overdue now; a repeat of A1
///   A4 24.11 09:00 telegram water/E1/D1 + heating/E2/D2, assigned, due 05.12
///   A5 15.10 phone          water/E1/D1 in progress, due 30.10 → overdue now, outside the period
/// </summary>
public abstract class AnalyticsDashboardTests<TApp>(TApp app) where TApp : AppFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private int _e1, _e2, _d1, _d2;

    private async Task SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var existing = await app.WithDbAsync(db => Task.FromResult(db.Executors.Where(e => e.Name == "Аналітика Е1" || e.Name == "Аналітика Е2").OrderBy(e => e.Name).Select(e => e.Id).ToList()));
            if (existing.Count == 2)
            {
                (_e1, _e2) = (existing[0], existing[1]);
                var districts = await app.WithDbAsync(db => Task.FromResult(db.Districts.Where(d => d.Name.StartsWith("Район А")).OrderBy(d => d.Name).Select(d => d.Id).ToList()));
                (_d1, _d2) = (districts[0], districts[1]);
                return;
            }
            _e1 = await app.CreateExecutorAsync("Аналітика Е1");
            _e2 = await app.CreateExecutorAsync("Аналітика Е2");
            _d1 = await app.AddDistrictAsync("Район А1");
            _d2 = await app.AddDistrictAsync("Район А2");
            var a1 = await app.AddAsync(Kyiv(11, 2, 9), Channel.Phone, null,
                new FixtureQuestion(Water, _e1, _d1, AppealStatus.Closed, Kyiv(11, 10, 17), Kyiv(11, 5, 12), ResultCode.Resolved, 5, true));
            await app.AddAsync(Kyiv(11, 2, 12), Channel.Web, null,
                new FixtureQuestion(Water, _e1, _d1, AppealStatus.Closed, Kyiv(11, 10, 17), Kyiv(11, 20, 12), ResultCode.Explained, 2, true, Rework: 1));
            await app.AddAsync(Kyiv(11, 10), Channel.Phone, await app.IdOfAsync(a1),
                new FixtureQuestion(Heating, _e2, _d2, AppealStatus.InProgress, Kyiv(11, 20, 17)));
            await app.AddAsync(Kyiv(11, 24, 9), Channel.Telegram, null,
                new FixtureQuestion(Water, _e1, _d1, AppealStatus.Assigned, Kyiv(12, 5, 17)),
                new FixtureQuestion(Heating, _e2, _d2, AppealStatus.Assigned, Kyiv(12, 5, 17)));
            await app.AddAsync(Kyiv(10, 15), Channel.Phone, null,
                new FixtureQuestion(Water, _e1, _d1, AppealStatus.InProgress, Kyiv(10, 30, 17)));
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

    private static Dictionary<string, (int Count, string Link)> Slices(JsonElement body, string name) =>
        body.GetProperty(name).EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => (s.GetProperty("count").GetInt32(), s.GetProperty("link").GetString()!));

    [Fact]
    public async Task Dashboard_Totals_MatchHandCount()
    {
        var d = await DashboardAsync();
        Assert.Equal(4, d.GetProperty("total").GetInt32());
        Assert.Equal(2, d.GetProperty("closed").GetInt32());
        Assert.Equal(1, d.GetProperty("closedOnTime").GetInt32());
        Assert.Equal(0.5, d.GetProperty("onTimeShare").GetDouble());
        Assert.Equal(2, d.GetProperty("overdueNow").GetInt32());
        Assert.Equal(1, d.GetProperty("repeated").GetInt32());
        Assert.Equal(1, d.GetProperty("rework").GetInt32());
        Assert.Equal("/console/appeals?from=2026-11-01&to=2026-11-24", d.GetProperty("totalLink").GetString());
        Assert.Equal("/console/appeals?overdue=true", d.GetProperty("overdueLink").GetString());
        Assert.Equal("/console/appeals?from=2026-11-01&to=2026-11-24&repeated=true", d.GetProperty("repeatedLink").GetString());
        Assert.Equal("/console/appeals?from=2026-11-01&to=2026-11-24&reworked=true", d.GetProperty("reworkLink").GetString());
        Assert.Equal("/console/appeals?from=2026-11-01&to=2026-11-24&closed=true", d.GetProperty("closedLink").GetString());
    }

    [Fact]
    public async Task Dashboard_Breakdowns_CountAppealsOncePerBar()
    {
        var d = await DashboardAsync();
        var channel = Slices(d, "byChannel");
        Assert.Equal(2, channel["phone"].Count);
        Assert.Equal(1, channel["web"].Count);
        Assert.Equal(1, channel["telegram"].Count);
        Assert.Equal("/console/appeals?channel=telegram&from=2026-11-01&to=2026-11-24", channel["telegram"].Link);
        var status = Slices(d, "byStatus");
        Assert.Equal(new Dictionary<string, int> { ["assigned"] = 1, ["inProgress"] = 1, ["closed"] = 2 }, status.ToDictionary(x => x.Key, x => x.Value.Count));
        Assert.Equal("/console/appeals?status=inProgress&from=2026-11-01&to=2026-11-24", status["inProgress"].Link);
        var category = Slices(d, "byCategory");
        Assert.Equal(3, category[Water].Count); // A1, A2, A4
        Assert.Equal(2, category[Heating].Count); // A3, A4
        Assert.Equal($"/console/appeals?category={Water}&from=2026-11-01&to=2026-11-24", category[Water].Link);
        var executor = Slices(d, "byExecutor");
        Assert.Equal(3, executor[_e1.ToString()].Count);
        Assert.Equal(2, executor[_e2.ToString()].Count);
        Assert.Equal($"/console/appeals?executor={_e2}&from=2026-11-01&to=2026-11-24", executor[_e2.ToString()].Link);
        var district = Slices(d, "byDistrict");
        Assert.Equal(3, district[_d1.ToString()].Count);
        Assert.Equal(2, district[_d2.ToString()].Count);
        Assert.Equal($"/console/appeals?district={_d1}&from=2026-11-01&to=2026-11-24", district[_d1.ToString()].Link);
    }

    [Fact]
    public async Task Dashboard_SatisfactionAndToday_MatchHandCount()
    {
        var d = await DashboardAsync();
        var s = d.GetProperty("satisfaction");
        Assert.Equal(2, s.GetProperty("rated").GetInt32());
        Assert.Equal(3.5, s.GetProperty("average").GetDouble());
        Assert.Equal([0, 1, 0, 0, 1], s.GetProperty("byRating").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        Assert.Equal(1.0, s.GetProperty("confirmedShare").GetDouble());
        var today = d.GetProperty("today");
        Assert.Equal(1, today.GetProperty("received").GetInt32()); // A4
        Assert.Equal(0, today.GetProperty("closed").GetInt32());
        Assert.Equal(3, today.GetProperty("openNow").GetInt32()); // A3, A4, A5
        Assert.Equal(2, today.GetProperty("overdueNow").GetInt32());
        Assert.Equal("/console/appeals?from=2026-11-24&to=2026-11-24", today.GetProperty("receivedLink").GetString());
    }

    [Fact]
    public async Task Dashboard_OpenNowAndRework_ListsFilteredTheSameWay_CountAsManyAppeals()
    {
        var d = await DashboardAsync();
        Assert.Equal("/console/appeals?open=true", d.GetProperty("today").GetProperty("openLink").GetString());
        var (openStatus, open) = await app.Admin().GetJsonAsync("/api/v1/appeals?open=true");
        Assert.Equal(HttpStatusCode.OK, openStatus);
        Assert.Equal(3, open.GetProperty("total").GetInt32()); // A3, A4, A5
        Assert.Equal(d.GetProperty("today").GetProperty("openNow").GetInt32(), open.GetProperty("total").GetInt32());
        var (_, notOpen) = await app.Admin().GetJsonAsync("/api/v1/appeals?open=false");
        Assert.Equal(2, notOpen.GetProperty("total").GetInt32()); // A1, A2

        // "Rework": returned for rework at least once (A2, closed since), received in the period.
        var from = Uri.EscapeDataString(Kyiv(11, 1, 0).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(Kyiv(11, 25, 0).AddTicks(-1).ToString("O", CultureInfo.InvariantCulture));
        var (reworkedStatus, reworked) = await app.Admin().GetJsonAsync($"/api/v1/appeals?reworked=true&receivedFrom={from}&receivedTo={to}");
        Assert.Equal(HttpStatusCode.OK, reworkedStatus);
        Assert.Equal(1, reworked.GetProperty("total").GetInt32());
        Assert.Equal(d.GetProperty("rework").GetInt32(), reworked.GetProperty("total").GetInt32());
        // Still-open rework is another list: A2 is closed.
        var (_, stillOpen) = await app.Admin().GetJsonAsync($"/api/v1/appeals?rework=true&receivedFrom={from}&receivedTo={to}");
        Assert.Equal(0, stillOpen.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Dashboard_TrendByDayWeekMonth_AddsUp()
    {
        var d = await DashboardAsync("&granularity=day");
        var days = d.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(24, days.Count);
        Assert.Equal(2, days[1].GetProperty("count").GetInt32()); // 02.11
        Assert.Equal(1, days[9].GetProperty("count").GetInt32()); // 10.11
        Assert.Equal(1, days[23].GetProperty("count").GetInt32()); // 24.11
        Assert.Equal(4, days.Sum(x => x.GetProperty("count").GetInt32()));
        Assert.Equal("/console/appeals?from=2026-11-02&to=2026-11-02", days[1].GetProperty("link").GetString());

        var weeks = (await DashboardAsync("&granularity=week")).GetProperty("trend").EnumerateArray().ToList();
        // Weeks start on Monday: 26.10 (holds 01.11), 02.11, 09.11, 16.11, 23.11.
        Assert.Equal([0, 2, 1, 0, 1], weeks.Select(w => w.GetProperty("count").GetInt32()).ToArray());
        Assert.Equal("/console/appeals?from=2026-11-01&to=2026-11-01", weeks[0].GetProperty("link").GetString());

        var months = (await DashboardAsync("&granularity=month")).GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(4, Assert.Single(months).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Dashboard_Filters_NarrowToMatchingQuestions()
    {
        await SeedAsync();
        var byExecutor = await DashboardAsync($"&executor={_e1}");
        Assert.Equal(3, byExecutor.GetProperty("total").GetInt32()); // A1, A2, A4
        Assert.Equal(1, byExecutor.GetProperty("overdueNow").GetInt32()); // A5
        Assert.Equal(3, Assert.Single(Slices(byExecutor, "byCategory")).Value.Count);
        Assert.Equal($"/console/appeals?executor={_e1}&from=2026-11-01&to=2026-11-24", byExecutor.GetProperty("totalLink").GetString());

        var byDistrict = await DashboardAsync($"&district={_d2}");
        Assert.Equal(2, byDistrict.GetProperty("total").GetInt32()); // A3, A4
        Assert.Equal(1, byDistrict.GetProperty("overdueNow").GetInt32()); // A3
        Assert.Equal(1, byDistrict.GetProperty("repeated").GetInt32());

        var byCategory = await DashboardAsync($"&category={Heating}");
        Assert.Equal(2, byCategory.GetProperty("total").GetInt32());
        Assert.Equal(0, byCategory.GetProperty("closed").GetInt32());
        // A section covers its topics: the parent of water and heating holds A1–A4.
        var parent = Water.Split('.')[0];
        Assert.Equal(4, (await DashboardAsync($"&category={parent}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Dashboard_OtherRoles_Forbidden()
    {
        await SeedAsync();
        var operatorKey = await app.CreateKeyAsync("operator");
        var (status, _) = await app.Client(operatorKey).GetJsonAsync("/api/v1/analytics/dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var leadershipKey = await app.CreateKeyAsync("leadership");
        (status, _) = await app.Client(leadershipKey).GetJsonAsync("/api/v1/analytics/dashboard");
        Assert.Equal(HttpStatusCode.OK, status);
    }
}

public sealed class AnalyticsDashboardTests_Sqlite(SqliteApp app) : AnalyticsDashboardTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsDashboardTests_Postgres(PostgresApp app) : AnalyticsDashboardTests<PostgresApp>(app), IClassFixture<PostgresApp>;
