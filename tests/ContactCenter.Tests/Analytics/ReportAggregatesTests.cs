using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Analytics;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Reports;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Analytics;

/// <summary>
/// The daily pre-aggregates give exactly the live figures: the dashboard (unfiltered) and the statutory report are built
/// from the stored days plus live days and compared, as JSON, with the live reference computation — after the first
/// refresh, after appeals of aggregated days change (closed, rated, reclassified, a back-dated appeal added), and after
/// the next refresh. Now is Tue 24.11.2026 10:00 Kyiv; appeals are spread over 20.10–24.11.
/// </summary>
public abstract class ReportAggregatesTests<TApp>(TApp app) where TApp : AppFixture
{
    private static readonly Actor Admin = new(null, "test", Roles.Administrator, null);
    private static readonly ReportPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "11.2026");
    private static readonly ReportPeriod Quarter = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4");

    private static readonly DashboardFilter[] Dashboards =
    [
        new(),
        new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 24)),
        new(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 20), Granularity: TrendGranularity.Week),
        new(new DateOnly(2025, 11, 25), new DateOnly(2026, 11, 24)),
    ];

    private async Task SeedAsync()
    {
        await app.AddAsync(new DateTimeOffset(2026, 9, 2, 10, 0, 0, TimeSpan.FromHours(3)), Channel.Phone, null,
            new FixtureQuestion(Water, null, null, AppealStatus.Registered, null));
        var e1 = await app.CreateExecutorAsync("Агрегати Е1");
        var e2 = await app.CreateExecutorAsync("Агрегати Е2");
        var d1 = await app.AddDistrictAsync("Район Агр1");
        Channel[] channels = [Channel.Phone, Channel.Web, Channel.Telegram, Channel.Email];
        for (var i = 0; i < 36; i++)
        {
            var day = new DateTimeOffset(2026, 10, 20, 8 + i % 9, 0, 0, TimeSpan.FromHours(3)).AddDays(i);
            var closed = i % 3 == 0;
            var first = new FixtureQuestion(i % 2 == 0 ? Water : Heating, i % 4 == 0 ? e2 : e1, i % 5 == 0 ? null : d1,
                closed ? AppealStatus.Closed : AppealStatus.InProgress, day.AddDays(10), closed ? day.AddDays(i % 2 == 0 ? 5 : 15) : null,
                closed ? ResultCode.Resolved : null, closed ? 1 + i % 5 : null, closed ? i % 2 == 0 : null, Rework: i % 7 == 0 ? 1 : 0);
            var questions = i % 4 == 1 ? new[] { first, first with { Category = Heating, Executor = e2 } } : [first];
            await app.AddAsync(day, channels[i % channels.Length], null, questions);
            if (i % 6 == 2)
                await app.AddAsync(day.AddHours(1), Channel.Phone, null, new FixtureQuestion(Water, e1, d1, AppealStatus.Assigned, day.AddDays(10)));
        }
        await app.WithDbAsync(async db =>
        {
            var some = await db.Appeals.Where(a => a.RegistrationNumber.StartsWith("AN-")).OrderBy(a => a.Id).Take(10).ToListAsync();
            foreach (var (a, i) in some.Select((a, i) => (a, i)))
            {
                a.Applicant.PrivilegeCategory = i % 2 == 0 ? "Учасник бойових дій" : " учасник бойових дій";
                a.Applicant.SocialStatus = i % 3 == 0 ? "пенсіонер" : null;
                a.Kind = i % 3 == 0 ? AppealKind.Complaint : AppealKind.Application;
                a.Form = i % 2 == 0 ? AppealForm.Written : AppealForm.Oral;
            }
            await db.SaveChangesAsync();
            return 0;
        });
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<int> RefreshAsync() => InScopeAsync(s => s.GetRequiredService<DailyAggregates>().RefreshAsync(default));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AppFixture.Json);

    /// <summary>Every dashboard and report period: aggregated and live side by side.</summary>
    private async Task AssertSameAsLiveAsync(string when)
    {
        foreach (var filter in Dashboards)
        {
            var (aggregated, live) = await InScopeAsync(async s =>
            {
                var q = s.GetRequiredService<DashboardQueries>();
                return (Json(await q.GetAsync(filter, default)), Json(await q.GetLiveAsync(filter, default)));
            });
            Assert.True(live == aggregated, $"{when}: dashboard {filter}\nlive:       {live}\naggregated: {aggregated}");
        }
        foreach (var period in new[] { November, Quarter })
        {
            var (aggregated, live) = await InScopeAsync(async s =>
            {
                var r = s.GetRequiredService<StatutoryReport>();
                return (Json(await r.BuildAsync(period, Admin, default)), Json(await r.BuildLiveAsync(period, Admin, default)));
            });
            Assert.True(live == aggregated, $"{when}: statutory {period.Label}\nlive:       {live}\naggregated: {aggregated}");
        }
    }

    [Fact]
    public async Task Aggregates_BeforeAndAfterChanges_EqualLiveFigures()
    {
        await SeedAsync();
        await AssertSameAsLiveAsync("before any refresh");

        Assert.True(await RefreshAsync() >= 35); // 20.10 .. 23.11
        var state = await app.WithDbAsync(db => db.Set<ReportAggregateState>().SingleAsync());
        Assert.Equal(new DateOnly(2026, 11, 23), state.Through);
        Assert.True(await app.WithDbAsync(db => db.Set<ReportDayCount>().CountAsync(r => r.Day == new DateOnly(2026, 11, 2))) > 0);
        await AssertSameAsLiveAsync("after the first refresh");
        Assert.Equal(0, await RefreshAsync()); // nothing changed: nothing recomputed
        await AssertSameAsLiveAsync("after an idle refresh");

        // Appeals of aggregated days change the way the handlers change them (each change raises updated_at).
        app.Time.Advance(TimeSpan.FromMinutes(30));
        var now = app.Time.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            var appeals = await db.Appeals.Include(a => a.Questions).Where(a => a.RegistrationNumber.StartsWith("AN-"))
                .Where(a => a.Status != AppealStatus.Closed).OrderBy(a => a.Id).Take(4).ToListAsync();
            foreach (var (a, i) in appeals.Select((a, i) => (a, i)))
            {
                var q = a.Questions[0];
                q.Status = AppealStatus.Closed;
                q.ClosedAt = now;
                q.ResultCode = ResultCode.Explained;
                q.VerificationRating = 4;
                q.VerificationConfirmed = true;
                q.CategoryCode = i % 2 == 0 ? Heating : Water;
                a.Channel = Channel.PersonalReception;
                a.Applicant.PrivilegeCategory = "ВПО";
                AppealProjection.Touch(a, now);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        // A letter registered today but received on 03.11.
        await app.AddAsync(new DateTimeOffset(2026, 11, 3, 11, 0, 0, TimeSpan.FromHours(2)), Channel.Written, null,
            new FixtureQuestion(Water, null, null, AppealStatus.Registered, null));
        await app.WithDbAsync(async db =>
        {
            await db.Appeals.Where(a => a.Channel == Channel.Written).ExecuteUpdateAsync(u => u.SetProperty(a => a.UpdatedAt, now));
            return 0;
        });
        await AssertSameAsLiveAsync("after changes to aggregated days");

        Assert.InRange(await RefreshAsync(), 2, 5); // only the changed days
        await AssertSameAsLiveAsync("after the refresh that recomputed the changed days");

        // The next day: 24.11 closes and is aggregated too.
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.True(await RefreshAsync() >= 1);
        Assert.Equal(new DateOnly(2026, 11, 24), (await app.WithDbAsync(db => db.Set<ReportAggregateState>().SingleAsync())).Through);
        await AssertSameAsLiveAsync("after a day closed");

        // The aggregated path does read the stored rows (it is not silently live): a doctored row shows, the live one does not.
        var september = new DashboardFilter(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));
        await app.WithDbAsync(db => db.Set<ReportDayCount>().Where(r => r.Day == new DateOnly(2026, 9, 2) && r.Figure == DashboardQueries.Figures.Total)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Count, 7)));
        var (aggregated, live) = await InScopeAsync(async s =>
        {
            var q = s.GetRequiredService<DashboardQueries>();
            return (await q.GetAsync(september, default), await q.GetLiveAsync(september, default));
        });
        Assert.Equal(7, aggregated.Total);
        Assert.Equal(1, live.Total);
    }
}

public sealed class ReportAggregatesTests_Sqlite(SqliteApp app) : ReportAggregatesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ReportAggregatesTests_Postgres(PostgresApp app) : ReportAggregatesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
