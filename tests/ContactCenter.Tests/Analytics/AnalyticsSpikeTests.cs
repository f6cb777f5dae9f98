using System.Net;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Analytics;
using ContactCenter.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Analytics;

/// <summary>
/// Defaults: window 6 h, baseline the same 6 h of the same weekday over 4 weeks, at least 5 appeals and 3 × the usual.
/// Now is Tue 24.11 10:00 Kyiv: the window is 04:00–10:00. Water: 6 now, 1 in the baseline (mean 0.25, counted as 1)
/// → a spike. Heating: 6 now, 8 in each baseline week (mean 8) → usual.
/// </summary>
public abstract class AnalyticsSpikeTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<int> DetectAsync()
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<SpikeDetector>().RunAsync(CancellationToken.None)).Count;
    }

    private static FixtureQuestion Open(string category) => new(category, null, null, AppealStatus.Registered, Kyiv(12, 1, 17));

    [Fact]
    public async Task Spike_SignalledOnceWithItsAppeals_UsualLevelIsNot()
    {
        var water = new List<string>();
        for (var i = 0; i < 6; i++)
            water.Add(await app.AddAsync(Kyiv(11, 24, 5 + i % 5, 10 * i), Channel.Phone, null, Open(Water)));
        await app.AddAsync(Kyiv(11, 17, 6), Channel.Phone, null, Open(Water));
        for (var i = 0; i < 6; i++)
            await app.AddAsync(Kyiv(11, 24, 5 + i % 5, 5), Channel.Phone, null, Open(Heating));
        for (var week = 1; week <= 4; week++)
        {
            for (var i = 0; i < 8; i++)
                await app.AddAsync(Kyiv(11, 24, 5 + i % 5).AddDays(-7 * week), Channel.Phone, null, Open(Heating));
        }

        Assert.Equal(1, await DetectAsync());
        // Still spiking an hour later, with one more appeal: the same signal, updated, no second notice.
        app.Time.Advance(TimeSpan.FromHours(1));
        water.Add(await app.AddAsync(Kyiv(11, 24, 10, 30), Channel.Phone, null, Open(Water)));
        Assert.Equal(0, await DetectAsync());
        Assert.Equal(0, await DetectAsync());

        var signals = await app.WithDbAsync(db => db.Set<SpikeSignal>().ToListAsync());
        var signal = Assert.Single(signals);
        Assert.Equal(SpikeKind.Category, signal.Kind);
        Assert.Equal(Water, signal.Key);
        Assert.Equal(7, signal.Count);
        Assert.Equal(0.25, signal.Baseline);
        Assert.Equal(water.Order(StringComparer.Ordinal), signal.AppealNumbers.Split(',').Order(StringComparer.Ordinal));
        var notices = await app.WithDbAsync(db => db.StaffNotifications.Where(n => n.Kind == "spike").ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal("supervisor", notice.RecipientRole);
        Assert.Contains(water[0], notice.Text);

        var (status, list) = await app.Admin().GetJsonAsync("/api/v1/analytics/spikes");
        Assert.Equal(HttpStatusCode.OK, status);
        var view = Assert.Single(list.EnumerateArray());
        Assert.Equal("category", view.GetProperty("kind").GetString());
        Assert.Equal($"/console/appeals?category={Water}&from=2026-11-24&to=2026-11-24", view.GetProperty("link").GetString());
        Assert.Equal(7, view.GetProperty("appeals").GetArrayLength());
    }
}

public sealed class AnalyticsSpikeTests_Sqlite(SqliteApp app) : AnalyticsSpikeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsSpikeTests_Postgres(PostgresApp app) : AnalyticsSpikeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
