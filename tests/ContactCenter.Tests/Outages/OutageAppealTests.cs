using System.Net;
using System.Text.Json;
using ContactCenter.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Outages;

/// <summary>Appeals and outages: automatic linking at registration, manual linking, and closing moving linked questions on.</summary>
public abstract class OutageAppealTests<TApp>(TApp app) where TApp : OutageApp
{
    private static Dictionary<string, object?> Appeal(string category, string address, int? executorId = null)
    {
        var body = Appeals.Valid(category, executorId);
        body["location"] = new Dictionary<string, object?> { ["address"] = address };
        return body;
    }

    private async Task<JsonElement> LinkedAsync(OutageTestKit kit, long id)
    {
        var (status, body) = await kit.Operator.GetJsonAsync($"/api/v1/outages/{id}/appeals");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    [Fact]
    public async Task Register_WaterQuestionAtCoveredBuilding_LinkedAutomatically()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 20, 22)))).GetProperty("id").GetInt64();

        var covered = (await app.Admin().RegisterAsync(Appeal("utilities.water", "вул. Соборна, 21, кв. 4"))).GetProperty("registrationNumber").GetString()!;
        var otherTopic = (await app.Admin().RegisterAsync(Appeal("improvement.lighting", "вул. Соборна, 21"))).GetProperty("registrationNumber").GetString()!;
        var otherPlace = (await app.Admin().RegisterAsync(Appeal("utilities.water", "вул. Соборна, 29"))).GetProperty("registrationNumber").GetString()!;
        var byId = Appeals.Valid("utilities.water");
        byId["location"] = new Dictionary<string, object?> { ["addressId"] = await Addresses.AddressTestData.BuildingIdAsync(app, "Соборна 22") };
        var byBuildingId = (await app.Admin().RegisterAsync(byId)).GetProperty("registrationNumber").GetString()!;

        var linked = (await LinkedAsync(kit, id)).EnumerateArray().ToList();
        var numbers = linked.Select(l => l.GetProperty("registrationNumber").GetString()).ToList();
        Assert.Contains(covered, numbers);
        Assert.Contains(byBuildingId, numbers);
        Assert.DoesNotContain(otherTopic, numbers);
        Assert.DoesNotContain(otherPlace, numbers);
        Assert.All(linked, l => Assert.True(l.GetProperty("automatic").GetBoolean()));

        var (_, history) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{covered}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "linkedToOutage");
    }

    [Fact]
    public async Task Register_PlannedOutageNotStarted_NotLinked()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Тараса Шевченка");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 7, 7), kind: "planned",
            startsAt: app.Time.GetUtcNow().AddDays(2)))).GetProperty("id").GetInt64();
        await app.Admin().RegisterAsync(Appeal("utilities.water", "бул. Тараса Шевченка 7"));
        Assert.Equal(0, (await LinkedAsync(kit, id)).GetArrayLength());
    }

    [Fact]
    public async Task Link_ByOperator_ListedOnce_ClosedOutage409_UnknownAppeal404()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 26, 26)))).GetProperty("id").GetInt64();
        var number = (await app.Admin().RegisterAsync(Appeal("improvement.roads", "вул. Соборна, 26"))).GetProperty("registrationNumber").GetString()!;
        var (status, body) = await kit.Operator.PostJsonAsync($"/api/v1/outages/{id}/appeals", new { registrationNumber = number });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("automatic").GetBoolean());
        (status, _) = await kit.Operator.PostJsonAsync($"/api/v1/outages/{id}/appeals", new { registrationNumber = number });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single((await LinkedAsync(kit, id)).EnumerateArray(), l => l.GetProperty("registrationNumber").GetString() == number);
        (status, _) = await kit.Operator.PostJsonAsync($"/api/v1/outages/{id}/appeals", new { registrationNumber = "99-99999" });
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _) = await app.Client(kit.LeadershipKey).PostJsonAsync($"/api/v1/outages/{id}/appeals", new { registrationNumber = number });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (anonymous, _) = await app.Client(null).GetJsonAsync($"/api/v1/outages/{id}/appeals");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);

        await kit.Executor.PostJsonAsync($"/api/v1/outages/{id}/close", new { text = "Готово" });
        (status, _) = await kit.Operator.PostJsonAsync($"/api/v1/outages/{id}/appeals", new { registrationNumber = number });
        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task Close_LinkedQuestionsInAnyOpenStep_ReachResultReportedWithHistory()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Незалежності");
        var id = (await kit.CreateAsync(kit.Executor, OutageTestKit.Body(new { kind = "buildings", streetId = street, buildings = new[] { "7" } })))
            .GetProperty("id").GetInt64();

        // Registered (nobody routed it), Assigned (to the utility), InProgress (accepted), and one linked by hand.
        var registered = (await app.Admin().RegisterAsync(Appeal("utilities.water", "просп. Незалежності, 7"))).GetProperty("registrationNumber").GetString()!;
        var assigned = (await app.Admin().RegisterAsync(Appeal("utilities.water", "просп. Незалежності, 7", kit.ExecutorId))).GetProperty("registrationNumber").GetString()!;
        var inProgress = (await app.Admin().RegisterAsync(Appeal("utilities.water", "просп. Незалежності, 7", kit.ExecutorId))).GetProperty("registrationNumber").GetString()!;
        var (accepted, _) = await kit.Executor.PostJsonAsync($"/api/v1/appeals/{inProgress}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted);
        var manual = (await app.Admin().RegisterAsync(Appeal("improvement.roads", "просп. Незалежності, 7"))).GetProperty("registrationNumber").GetString()!;
        await kit.Operator.PostJsonAsync($"/api/v1/outages/{id}/appeals", new { registrationNumber = manual });
        var unrelated = (await app.Admin().RegisterAsync(Appeal("utilities.water", "просп. Незалежності, 8", kit.ExecutorId))).GetProperty("registrationNumber").GetString()!;
        Assert.Equal(4, (await LinkedAsync(kit, id)).GetArrayLength());

        app.Time.Advance(TimeSpan.FromHours(3));
        var (status, closed) = await kit.Executor.PostJsonAsync($"/api/v1/outages/{id}/close", new { text = "Водогін відремонтовано, подачу води відновлено" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(closed.GetProperty("appeals").EnumerateArray(), a =>
        {
            Assert.Equal(JsonValueKind.Null, a.GetProperty("error").ValueKind);
            Assert.Equal("resultReported", a.GetProperty("status").GetString());
            Assert.True(a.GetProperty("moved").GetBoolean());
        });

        foreach (var number in new[] { registered, assigned, inProgress, manual })
        {
            var (_, card) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}");
            Assert.Equal("resultReported", card.GetProperty("status").GetString());
            Assert.Equal("Водогін відремонтовано, подачу води відновлено", card.GetProperty("result").GetProperty("text").GetString());
            Assert.Equal("resolved", card.GetProperty("result").GetProperty("code").GetString());
            var (_, history) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{number}/history");
            var report = Assert.Single(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "resultReported");
            Assert.Equal("inProgress", report.GetProperty("fromStatus").GetString());
            Assert.Contains("відключення", report.GetProperty("actor").GetString());
        }
        // Each applicant is told of the result through the durable outbox, written with the move.
        var told = await app.WithDbAsync(db => db.Set<Notification>()
            .Where(n => n.Kind == NotificationKind.Result && new[] { registered, assigned, inProgress, manual, unrelated }.Contains(n.RegistrationNumber))
            .Select(n => n.RegistrationNumber).ToListAsync());
        Assert.Equal(new[] { registered, assigned, inProgress, manual }.Order(), told.Order());
        var notice = Assert.Single(app.Notifications.Notices, n => n.OutageId == id);
        Assert.Equal(new[] { registered, assigned, inProgress, manual }.Order(), notice.RegistrationNumbers.Order());
        Assert.Equal("Водогін відремонтовано, подачу води відновлено", notice.ClosingText);

        var (_, untouched) = await app.Admin().GetJsonAsync($"/api/v1/appeals/{unrelated}");
        Assert.Equal("assigned", untouched.GetProperty("status").GetString());

        // Closing again retries only what is still open: nothing here, and nothing changes.
        (status, closed) = await kit.Executor.PostJsonAsync($"/api/v1/outages/{id}/close", new { text = "ще раз" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Водогін відремонтовано, подачу води відновлено", closed.GetProperty("outage").GetProperty("closingText").GetString());
        Assert.All(closed.GetProperty("appeals").EnumerateArray(), a => Assert.False(a.GetProperty("moved").GetBoolean()));
        Assert.Single(app.Notifications.Notices, n => n.OutageId == id);
    }
}

public sealed class OutageAppealTests_Sqlite(SqliteOutageApp app) : OutageAppealTests<SqliteOutageApp>(app), IClassFixture<SqliteOutageApp>;

public sealed class OutageAppealTests_Postgres(PostgresOutageApp app) : OutageAppealTests<PostgresOutageApp>(app), IClassFixture<PostgresOutageApp>;
