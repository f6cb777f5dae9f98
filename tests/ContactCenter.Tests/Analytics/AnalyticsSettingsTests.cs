using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Analytics;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Consultations;
using ContactCenter.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Tests.Analytics.AnalyticsFixtures;

namespace ContactCenter.Tests.Analytics;

/// <summary>
/// The rating settings (weights versions, reference times, recomputing a day) through the one service the API and the
/// console share; operator statistics with consultations; a new spike signal on the real-time seam. Now is 24.11.2026
/// 10:00 Kyiv.
/// </summary>
public abstract class AnalyticsSettingsTests<TApp>(TApp app) where TApp : AppFixture
{
    private static async Task<HttpStatusCode> PutAsync(HttpClient client, string url, object body) =>
        (await client.PutAsJsonAsync(url, body, AppFixture.Json)).StatusCode;

    [Fact]
    public async Task Settings_TheHeadChangesThem_LeadershipOnlyReads_InputIsChecked()
    {
        var head = app.Client(await app.CreateKeyAsync("supervisor"));
        var leadership = app.Client(await app.CreateKeyAsync("leadership"));

        // Weights: the head adds a version from next month; leadership may read, not add.
        var (status, created) = await head.PostJsonAsync("/api/v1/analytics/rating/weights",
            new { effectiveFrom = "2026-12-01", onTime = 2, executed = 1, confirmed = 1, executionSpeed = 0, explanationSpeed = 0, satisfaction = 1 });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(2, created.GetProperty("onTime").GetDouble());
        (status, _) = await leadership.PostJsonAsync("/api/v1/analytics/rating/weights",
            new { effectiveFrom = "2026-12-02", onTime = 1, executed = 1, confirmed = 1, executionSpeed = 1, explanationSpeed = 1, satisfaction = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (_, versions) = await leadership.GetJsonAsync("/api/v1/analytics/rating/weights");
        Assert.Equal(["2000-01-01", "2026-12-01"], versions.EnumerateArray().Select(v => v.GetProperty("effectiveFrom").GetString()!).ToArray());

        // The same day twice: 409; a negative weight or all zeros: 400 on "weights".
        (status, _) = await head.PostJsonAsync("/api/v1/analytics/rating/weights",
            new { effectiveFrom = "2026-12-01", onTime = 1, executed = 1, confirmed = 1, executionSpeed = 1, explanationSpeed = 1, satisfaction = 1 });
        Assert.Equal(HttpStatusCode.Conflict, status);
        (status, var problem) = await head.PostJsonAsync("/api/v1/analytics/rating/weights",
            new { effectiveFrom = "2026-12-03", onTime = -1, executed = 1, confirmed = 1, executionSpeed = 1, explanationSpeed = 1, satisfaction = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("weights", out _));
        (status, problem) = await head.PostJsonAsync("/api/v1/analytics/rating/weights",
            new { effectiveFrom = "2026-12-03", onTime = 0, executed = 0, confirmed = 0, executionSpeed = 0, explanationSpeed = 0, satisfaction = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("weights", out _));

        // Reference times: the head sets water's; an unknown category is 404; each non-positive time is named.
        Assert.Equal(HttpStatusCode.NoContent, await PutAsync(head, $"/api/v1/analytics/reference-times/{Water}", new { executionHours = 48, explanationHours = 24 }));
        Assert.Equal(HttpStatusCode.Forbidden, await PutAsync(leadership, $"/api/v1/analytics/reference-times/{Water}", new { executionHours = 1, explanationHours = 1 }));
        Assert.Equal(HttpStatusCode.NotFound, await PutAsync(head, "/api/v1/analytics/reference-times/no.such.category", new { executionHours = 1, explanationHours = 1 }));
        var response = await head.PutAsJsonAsync($"/api/v1/analytics/reference-times/{Water}", new { executionHours = 10, explanationHours = 0 }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(AppFixture.Json)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("explanationHours", out _));
        Assert.False(errors.TryGetProperty("executionHours", out _));

        var (_, times) = await leadership.GetJsonAsync("/api/v1/analytics/reference-times");
        var water = times.EnumerateArray().Single(t => t.GetProperty("categoryCode").GetString() == Water);
        Assert.Equal(48, water.GetProperty("executionHours").GetDouble());
        Assert.Equal(24, water.GetProperty("explanationHours").GetDouble());
        Assert.False(water.GetProperty("isDefault").GetBoolean());
        var heating = times.EnumerateArray().Single(t => t.GetProperty("categoryCode").GetString() == Heating);
        Assert.Equal(15 * 24, heating.GetProperty("executionHours").GetDouble());
        Assert.Equal(5 * 24, heating.GetProperty("explanationHours").GetDouble());
        Assert.True(heating.GetProperty("isDefault").GetBoolean());

        // Recomputing a day: the head may, leadership may not; both are audited changes, not reads.
        (status, _) = await leadership.PostJsonAsync("/api/v1/analytics/rating/compute?day=2026-11-23", null);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, var computed) = await head.PostJsonAsync("/api/v1/analytics/rating/compute?day=2026-11-23", null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-11-23", computed.GetProperty("day").GetString());
        var audited = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "ratingWeights.create" || a.Action == "referenceTime.set" || a.Action == "rating.compute")
            .Select(a => a.Action + " " + a.EntityId).ToListAsync());
        Assert.Equal(["rating.compute 2026-11-23", "ratingWeights.create 2026-12-01", $"referenceTime.set {Water}"], audited.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The period 16.11–17.11 (Kyiv days, both included; Kyiv is UTC+2 in November), by hand:
    ///   А (user op-a): consultations at 16.11 00:00 and 17.11 23:59 count, 15.11 23:59 and 18.11 00:00 do not; one appeal → 1 appeal, 2 consultations;
    ///   Б (a PBX operator without a user account, by name): three consultations on 17.11 → 0 appeals, 3 consultations;
    ///   В (user op-c): two appeals registered on 17.11, no consultations → 2 appeals, 0 consultations.
    /// Ordered by the sum of the three, then by name: А (3), Б (3), В (2).
    /// </summary>
    [Fact]
    public async Task OperatorStatistics_CountConsultationsPerOperatorInThePeriod_ByHand()
    {
        await app.WithDbAsync(async db =>
        {
            Consultation C(DateTimeOffset at, string? user, string name) => new() { At = at, OperatorUserId = user, OperatorName = name, Topic = "Графік вивезення сміття" };
            db.Consultations.AddRange(
                C(Kyiv(11, 16, 0, 0), "op-a", "Оператор А"),
                C(Kyiv(11, 17, 23, 59), "op-a", "Оператор А"),
                C(Kyiv(11, 15, 23, 59), "op-a", "Оператор А"),
                C(Kyiv(11, 18, 0, 0), "op-a", "Оператор А"),
                C(Kyiv(11, 17, 9), null, "Оператор Б"),
                C(Kyiv(11, 17, 10), null, "Оператор Б"),
                C(Kyiv(11, 17, 11), null, "Оператор Б"));
            return await db.SaveChangesAsync();
        });
        var byA = await app.AddAsync(Kyiv(11, 16, 12), Channel.Phone, null, new FixtureQuestion(Water, null, null, AppealStatus.Registered, Kyiv(12, 1)));
        var byC1 = await app.AddAsync(Kyiv(11, 17, 12), Channel.Phone, null, new FixtureQuestion(Water, null, null, AppealStatus.Registered, Kyiv(12, 1)));
        var byC2 = await app.AddAsync(Kyiv(11, 17, 13), Channel.Phone, null, new FixtureQuestion(Heating, null, null, AppealStatus.Registered, Kyiv(12, 1)));
        await app.WithDbAsync(async db =>
        {
            await db.Appeals.Where(a => a.RegistrationNumber == byA).ExecuteUpdateAsync(s => s.SetProperty(a => a.RegisteredByUserId, "op-a").SetProperty(a => a.RegisteredByName, "Оператор А"));
            return await db.Appeals.Where(a => a.RegistrationNumber == byC1 || a.RegistrationNumber == byC2)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RegisteredByUserId, "op-c").SetProperty(a => a.RegisteredByName, "Оператор В"));
        });

        var (status, body) = await app.Client(await app.CreateKeyAsync("leadership")).GetJsonAsync("/api/v1/analytics/operators?from=2026-11-16&to=2026-11-17");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = body.EnumerateArray()
            .Select(r => $"{r.GetProperty("operator").GetString()}: {r.GetProperty("calls").GetInt32()}/{r.GetProperty("appealsRegistered").GetInt32()}/{r.GetProperty("consultations").GetInt32()}")
            .ToArray();
        Assert.Equal(["Оператор А: 0/1/2", "Оператор Б: 0/0/3", "Оператор В: 0/2/0"], rows);

        // One day: 17.11 only.
        (_, body) = await app.Admin().GetJsonAsync("/api/v1/analytics/operators?from=2026-11-17&to=2026-11-17");
        rows = body.EnumerateArray()
            .Select(r => $"{r.GetProperty("operator").GetString()}: {r.GetProperty("appealsRegistered").GetInt32()}/{r.GetProperty("consultations").GetInt32()}")
            .ToArray();
        Assert.Equal(["Оператор Б: 0/3", "Оператор В: 2/0", "Оператор А: 0/1"], rows);
    }

    /// <summary>Five water appeals in the window and none before: a spike; the new signal goes out on the appeal events seam once.</summary>
    [Fact]
    public async Task NewSpikeSignal_IsPublishedOnTheLiveSeam_Once()
    {
        var bus = app.Services.GetRequiredService<AppealEventBus>();
        using var subscription = bus.Subscribe();
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
            numbers.Add(await app.AddAsync(Kyiv(11, 24, 5 + i, 15), Channel.Phone, null, new FixtureQuestion(Water, null, null, AppealStatus.Registered, Kyiv(12, 1, 17))));

        using (var scope = app.Services.CreateScope())
            Assert.Single(await scope.ServiceProvider.GetRequiredService<SpikeDetector>().RunAsync(CancellationToken.None));
        var events = Drain(subscription).Where(e => e.Action == SpikeDetector.SignalledAction).ToList();
        var signalled = Assert.Single(events);
        Assert.Equal(numbers.Order(StringComparer.Ordinal).First(), signalled.RegistrationNumber);
        var notice = Assert.Single(await app.WithDbAsync(db => db.StaffNotifications.Where(n => n.Kind == "spike").ToListAsync()));
        Assert.Equal("supervisor", notice.RecipientRole);

        // The same spike seen again: updated quietly.
        using (var scope = app.Services.CreateScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<SpikeDetector>().RunAsync(CancellationToken.None));
        Assert.DoesNotContain(Drain(subscription), e => e.Action == SpikeDetector.SignalledAction);
    }

    private static List<AppealChanged> Drain(AppealEventBus.Subscription subscription)
    {
        var list = new List<AppealChanged>();
        while (subscription.Reader.TryRead(out var change))
            list.Add(change);
        return list;
    }
}

public sealed class AnalyticsSettingsTests_Sqlite(SqliteApp app) : AnalyticsSettingsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsSettingsTests_Postgres(PostgresApp app) : AnalyticsSettingsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
