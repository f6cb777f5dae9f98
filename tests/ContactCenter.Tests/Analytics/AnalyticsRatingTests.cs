using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Analytics;
using ContactCenter.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Analytics;

/// <summary>
/// The rating of 23.11.2026 (window 25.10–23.11) by hand:
///   E1: A1 water, registered 02.11 09:00, resolved 05.11 12:00 (due 10.11: on time), rating 5, confirmed;
///       A2 water, registered 02.11 12:00, explained 20.11 12:00 (due 10.11: late), rating 2, reworked once.
///       on time 1/2, executed 1/2, confirmed 1/2, execution speed 1 (75 h ≤ 360 h default),
///       explanation speed 216 h / 432 h = 0.5 (water's reference set to 216 h), satisfaction (3.5 − 1) / 4 = 0.625
///       → 100 × (.25·.5 + .15·.5 + .20·.5 + .10·1 + .10·.5 + .20·.625) / 1 = 57.5
///   E2: A6 heating, resolved next day, on time, no rating → on time, executed, confirmed, execution speed all 1,
///       no explanation or satisfaction → 100 (weights of the missing components are left out).
/// </summary>
public abstract class AnalyticsRatingTests<TApp>(TApp app) where TApp : AppFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly DateOnly Day = new(2026, 11, 23);
    private int _e1, _e2;

    private async Task SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var existing = await app.WithDbAsync(db => db.Executors.Where(e => e.Name.StartsWith("Рейтинг Е")).OrderBy(e => e.Name).Select(e => e.Id).ToListAsync());
            if (existing.Count == 2)
            {
                (_e1, _e2) = (existing[0], existing[1]);
                return;
            }
            _e1 = await app.CreateExecutorAsync("Рейтинг Е1");
            _e2 = await app.CreateExecutorAsync("Рейтинг Е2");
            await app.AddAsync(Kyiv(11, 2, 9), Channel.Phone, null,
                new FixtureQuestion(Water, _e1, null, AppealStatus.Closed, Kyiv(11, 10, 17), Kyiv(11, 5, 12), ResultCode.Resolved, 5, true));
            await app.AddAsync(Kyiv(11, 2, 12), Channel.Web, null,
                new FixtureQuestion(Water, _e1, null, AppealStatus.Closed, Kyiv(11, 10, 17), Kyiv(11, 20, 12), ResultCode.Explained, 2, true, Rework: 1));
            await app.AddAsync(Kyiv(11, 12), Channel.Phone, null,
                new FixtureQuestion(Heating, _e2, null, AppealStatus.Closed, Kyiv(11, 20, 17), Kyiv(11, 13), ResultCode.Resolved));
            // Closed outside the window of 23.11 (and 24.11): never counted.
            await app.AddAsync(Kyiv(9, 1), Channel.Phone, null,
                new FixtureQuestion(Heating, _e2, null, AppealStatus.Closed, Kyiv(9, 5, 17), Kyiv(9, 20), ResultCode.Refused));
            var response = await app.Admin().PutAsJsonAsync($"/api/v1/analytics/reference-times/{Water}", new { executionHours = 360, explanationHours = 216 }, AppFixture.Json);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<JsonElement> ComputeAndReadAsync(DateOnly day)
    {
        var (status, _) = await app.Admin().PostJsonAsync($"/api/v1/analytics/rating/compute?day={day:yyyy-MM-dd}", null);
        Assert.Equal(HttpStatusCode.OK, status);
        (status, var body) = await app.Admin().GetJsonAsync($"/api/v1/analytics/rating?day={day:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    [Fact]
    public async Task Rating_Day_ScoresAndRanksByHand()
    {
        await SeedAsync();
        var body = await ComputeAndReadAsync(Day);
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(_e2, rows[0].GetProperty("executorId").GetInt32());
        Assert.Equal(1, rows[0].GetProperty("rank").GetInt32());
        Assert.Equal(100, rows[0].GetProperty("score").GetDouble());
        var e1 = rows[1];
        Assert.Equal(_e1, e1.GetProperty("executorId").GetInt32());
        Assert.Equal(2, e1.GetProperty("rank").GetInt32());
        Assert.Equal(57.5, e1.GetProperty("score").GetDouble());
        Assert.Equal(2, e1.GetProperty("closed").GetInt32());
        Assert.Equal(0.5, e1.GetProperty("onTimeShare").GetDouble());
        Assert.Equal(0.5, e1.GetProperty("executedShare").GetDouble());
        Assert.Equal(0.5, e1.GetProperty("confirmedShare").GetDouble());
        Assert.Equal(1.0, e1.GetProperty("executionSpeed").GetDouble());
        Assert.Equal(0.5, e1.GetProperty("explanationSpeed").GetDouble(), 6);
        Assert.Equal(0.625, e1.GetProperty("satisfactionIndex").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("satisfactionIndex").ValueKind);
        Assert.Equal("2000-01-01", body.GetProperty("weights").GetProperty("effectiveFrom").GetString());
    }

    [Fact]
    public async Task Rating_ComputedTwice_SameRowsNoDuplicates()
    {
        await SeedAsync();
        var first = await ComputeAndReadAsync(Day);
        var second = await ComputeAndReadAsync(Day);
        Assert.Equal(first.GetProperty("rows").ToString(), second.GetProperty("rows").ToString());
        var count = await app.WithDbAsync(db => db.Set<ExecutorRatingDay>().CountAsync(r => r.Day == Day));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Rating_NewWeightsVersion_AppliesFromItsDayOldDaysKeepTheirs()
    {
        await SeedAsync();
        // A version may not start in the past: old days keep their weights.
        var (status, problem) = await app.Admin().PostJsonAsync("/api/v1/analytics/rating/weights",
            new { effectiveFrom = "2026-11-23", onTime = 1, executed = 0, confirmed = 0, executionSpeed = 0, explanationSpeed = 0, satisfaction = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("effectiveFrom", out _));
        (status, _) = await app.Admin().PostJsonAsync("/api/v1/analytics/rating/weights",
            new { effectiveFrom = "2026-11-24", onTime = 1, executed = 0, confirmed = 0, executionSpeed = 0, explanationSpeed = 0, satisfaction = 0 });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict, status.ToString());

        var yesterday = await ComputeAndReadAsync(Day);
        var today = await ComputeAndReadAsync(Day.AddDays(1));
        Assert.Equal("2000-01-01", yesterday.GetProperty("weights").GetProperty("effectiveFrom").GetString());
        Assert.Equal(57.5, yesterday.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("executorId").GetInt32() == _e1).GetProperty("score").GetDouble());
        Assert.Equal("2026-11-24", today.GetProperty("weights").GetProperty("effectiveFrom").GetString());
        // Only on time counts now: E1 closed one of two on time.
        Assert.Equal(50, today.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("executorId").GetInt32() == _e1).GetProperty("score").GetDouble());

        var (_, versions) = await app.Admin().GetJsonAsync("/api/v1/analytics/rating/weights");
        Assert.Equal(["2000-01-01", "2026-11-24"], versions.EnumerateArray().Select(v => v.GetProperty("effectiveFrom").GetString()!).ToArray());
        var (_, history) = await app.Admin().GetJsonAsync($"/api/v1/analytics/rating/history?from=2026-11-23&to=2026-11-24&executor={_e1}");
        Assert.Equal([57.5, 50.0], history.EnumerateArray().Select(p => p.GetProperty("score").GetDouble()).ToArray());
    }

    [Fact]
    public async Task RatingJob_FillsYesterdayAndToday()
    {
        await SeedAsync();
        using var scope = app.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ExecutorRatingJob>().RunAsync(CancellationToken.None);
        Assert.True(rows >= 4, $"rows {rows}");
        var days = await app.WithDbAsync(db => db.Set<ExecutorRatingDay>().Select(r => r.Day).Distinct().ToListAsync());
        Assert.Contains(Day, days);
        Assert.Contains(Day.AddDays(1), days);
    }

    [Fact]
    public async Task OperatorStatistics_CountsRegisteredAppeals_NoConsultationsIsZero()
    {
        await SeedAsync();
        var operatorKey = await app.CreateKeyAsync("operator");
        await app.Client(operatorKey).RegisterAsync(Appeals.Valid());
        await app.Client(operatorKey).RegisterAsync(Appeals.Valid());
        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/analytics/operators?from=2026-11-24&to=2026-11-24");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = body.EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("appealsRegistered").GetInt32() == 2 && r.GetProperty("consultations").GetInt32() == 0);
    }
}

public sealed class AnalyticsRatingTests_Sqlite(SqliteApp app) : AnalyticsRatingTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsRatingTests_Postgres(PostgresApp app) : AnalyticsRatingTests<PostgresApp>(app), IClassFixture<PostgresApp>;
