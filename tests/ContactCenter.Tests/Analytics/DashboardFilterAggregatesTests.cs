using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Analytics;
using ContactCenter.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Analytics;

/// <summary>
/// The dashboard filtered by one executor, one topic or one district reads per-dimension daily rows
/// (<see cref="DashboardDayCount"/>) and gives exactly the live figures: before any refresh, after it, after appeals of
/// aggregated days change (reassigned, closed, rated, moved to another district) and after the next refresh.
/// Now is Tue 24.11.2026 10:00 Kyiv; appeals are spread over 20.10–24.11.
/// </summary>
public abstract class DashboardFilterAggregatesTests<TApp>(TApp app) where TApp : AppFixture
{
    private int _e1, _e2, _d1, _d2;

    private async Task SeedAsync()
    {
        _e1 = await app.CreateExecutorAsync("Вимір Е1");
        _e2 = await app.CreateExecutorAsync("Вимір Е2");
        _d1 = await app.AddDistrictAsync("Вимір Р1");
        _d2 = await app.AddDistrictAsync("Вимір Р2");
        Channel[] channels = [Channel.Phone, Channel.Web, Channel.Telegram];
        for (var i = 0; i < 30; i++)
        {
            var day = new DateTimeOffset(2026, 10, 24, 8 + i % 9, 0, 0, TimeSpan.FromHours(3)).AddDays(i);
            var closed = i % 3 != 1;
            var first = new FixtureQuestion(i % 2 == 0 ? Water : Heating, i % 4 == 0 ? _e2 : _e1, i % 5 == 0 ? null : i % 3 == 0 ? _d2 : _d1,
                closed ? AppealStatus.Closed : AppealStatus.InProgress, day.AddDays(8), closed ? day.AddDays(i % 2 == 0 ? 3 : 12) : null,
                closed ? ResultCode.Resolved : null, closed && i % 4 != 3 ? 1 + i % 5 : null, closed ? i % 2 == 0 : null, Rework: i % 7 == 0 ? 1 : 0);
            // Every third appeal has a second question of the other executor and district, sometimes still open.
            var questions = i % 3 == 2
                ? new[] { first, first with { Category = Heating, Executor = first.Executor == _e1 ? _e2 : _e1, District = _d2, Status = i % 2 == 0 ? AppealStatus.Assigned : AppealStatus.Closed, Rating = i % 2 == 0 ? null : 2 } }
                : [first];
            await app.AddAsync(day, channels[i % channels.Length], null, questions);
        }
    }

    private DashboardFilter[] Filters() =>
    [
        new(Executor: _e1),
        new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 24), Executor: _e2),
        new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20), Category: Water, Granularity: TrendGranularity.Week),
        new(new DateOnly(2025, 11, 25), new DateOnly(2026, 11, 24), District: _d1),
        new(District: _d2),
        // Two filters: always live.
        new(Executor: _e1, District: _d2),
    ];

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<int> RefreshAsync() => InScopeAsync(s => s.GetRequiredService<DailyAggregates>().RefreshAsync(default));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AppFixture.Json);

    private async Task AssertSameAsLiveAsync(string when)
    {
        foreach (var filter in Filters())
        {
            var (aggregated, live) = await InScopeAsync(async s =>
            {
                var q = s.GetRequiredService<DashboardQueries>();
                return (Json(await q.GetAsync(filter, default)), Json(await q.GetLiveAsync(filter, default)));
            });
            Assert.True(live == aggregated, $"{when}: dashboard {filter}\nlive:       {live}\naggregated: {aggregated}");
        }
    }

    [Fact]
    public async Task FilteredByOneValue_FromDimensionRows_EqualsLive()
    {
        await SeedAsync();
        await AssertSameAsLiveAsync("before any refresh");
        Assert.True(await RefreshAsync() >= 30);
        var e1 = DashboardQueries.ExecutorDimension(_e1);
        Assert.True(await app.WithDbAsync(db => db.Set<DashboardDayCount>().CountAsync(r => r.Dimension == e1)) > 0);
        Assert.True(await app.WithDbAsync(db => db.Set<DashboardDayCount>().CountAsync(r => r.Dimension == "c" + Water)) > 0);
        await AssertSameAsLiveAsync("after the first refresh");

        // Changes to aggregated days, the way the handlers make them (each raises updated_at).
        app.Time.Advance(TimeSpan.FromMinutes(30));
        var now = app.Time.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            var appeals = await db.Appeals.Include(a => a.Questions).Where(a => a.RegistrationNumber.StartsWith("AN-"))
                .Where(a => a.Status != AppealStatus.Closed).OrderBy(a => a.Id).Take(3).ToListAsync();
            foreach (var (a, i) in appeals.Select((a, i) => (a, i)))
            {
                var q = a.Questions[0];
                q.ExecutorId = i % 2 == 0 ? _e2 : _e1;
                q.Location.DistrictId = _d2;
                q.Status = AppealStatus.Closed;
                q.ClosedAt = now;
                q.VerificationRating = 5;
                q.VerificationConfirmed = true;
                AppealProjection.Touch(a, now);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        await AssertSameAsLiveAsync("after changes to aggregated days");
        Assert.InRange(await RefreshAsync(), 1, 4);
        await AssertSameAsLiveAsync("after the refresh of the changed days");

        // The filtered path does read the stored rows: a doctored row shows in it and not in the live figures.
        var november2 = new DateOnly(2026, 11, 2);
        var dimension = await app.WithDbAsync(db => db.Set<DashboardDayCount>()
            .Where(r => r.Day == november2 && r.Figure == DashboardQueries.Figures.Total && r.Dimension.StartsWith("e")).Select(r => r.Dimension).FirstAsync());
        await app.WithDbAsync(db => db.Set<DashboardDayCount>().Where(r => r.Day == november2 && r.Figure == DashboardQueries.Figures.Total && r.Dimension == dimension)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Count, 40)));
        var filter = new DashboardFilter(november2, november2, Executor: int.Parse(dimension[1..], System.Globalization.CultureInfo.InvariantCulture));
        var (aggregated, live) = await InScopeAsync(async s =>
        {
            var q = s.GetRequiredService<DashboardQueries>();
            return (await q.GetAsync(filter, default), await q.GetLiveAsync(filter, default));
        });
        Assert.Equal(40, aggregated.Total);
        Assert.Equal(1, live.Total);
    }
}

public sealed class DashboardFilterAggregatesTests_Sqlite(SqliteApp app) : DashboardFilterAggregatesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DashboardFilterAggregatesTests_Postgres(PostgresApp app) : DashboardFilterAggregatesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
