using System.Net;
using System.Net.Http.Json;

namespace ContactCenter.Tests.Outages;

public abstract class OutageLifecycleTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Create_ByExecutor_OwnOrganisationActiveWithCoverage()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var outage = await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 1, 9, "odd")));
        Assert.Equal(kit.ExecutorId, outage.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal("active", outage.GetProperty("status").GetString());
        Assert.Equal("emergency", outage.GetProperty("kind").GetString());
        Assert.Equal(6, outage.GetProperty("coveredBuildings").GetInt32()); // 1, 3, 5, 5а, 7, 9
        Assert.Contains("1–9", outage.GetProperty("areas")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Create_StartsTomorrow_Planned()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Ринкова");
        var outage = await kit.CreateAsync(kit.Operator, OutageTestKit.Body(new { kind = "street", streetId = street }, kind: "planned",
            executorId: kit.ExecutorId, startsAt: app.Time.GetUtcNow().AddDays(1), expectedEndAt: app.Time.GetUtcNow().AddDays(1).AddHours(6)));
        Assert.Equal("planned", outage.GetProperty("status").GetString());
        var (_, list) = await app.Client(null).GetJsonAsync("/api/v1/outages?status=planned");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetInt64() == outage.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Create_Invalid_400ListsEveryField()
    {
        var kit = await OutageTestKit.Of(app);
        var (status, body) = await kit.Operator.PostJsonAsync("/api/v1/outages", new { information = " " });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        foreach (var field in new[] { "type", "kind", "information", "executorId", "areas" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");

        var street = await kit.StreetIdAsync("Соборна");
        var start = app.Time.GetUtcNow();
        (status, body) = await kit.Operator.PostJsonAsync("/api/v1/outages", OutageTestKit.Body(
            OutageTestKit.Range(street, 10, 5), executorId: kit.ExecutorId, startsAt: start, expectedEndAt: start.AddHours(-1),
            moreAreas: [new { kind = "street", street = "Неіснуюча" }, new { kind = "buildings", streetId = street }, new { kind = "district", districtId = 999999 }]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        errors = body.GetProperty("errors");
        foreach (var field in new[] { "expectedEndAt", "areas[0].to", "areas[1].street", "areas[2].buildings", "areas[3].districtId" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
    }

    [Fact]
    public async Task Create_ExecutorForAnotherOrganisation_403_LeadershipToo()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var (status, _) = await kit.Executor.PostJsonAsync("/api/v1/outages", OutageTestKit.Body(OutageTestKit.Range(street, 1, 3), executorId: kit.OtherExecutorId));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _) = await app.Client(kit.LeadershipKey).PostJsonAsync("/api/v1/outages", OutageTestKit.Body(OutageTestKit.Range(street, 1, 3), executorId: kit.ExecutorId));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _) = await app.Client(null).PostJsonAsync("/api/v1/outages", OutageTestKit.Body(OutageTestKit.Range(street, 1, 3), executorId: kit.ExecutorId));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Lifecycle_UpdateNoteClose_ThenClosedRefusesChanges()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Андріївський");
        var outage = await kit.CreateAsync(kit.Operator, OutageTestKit.Body(new { kind = "street", streetId = street }, executorId: kit.ExecutorId));
        var id = outage.GetProperty("id").GetInt64();

        var changed = OutageTestKit.Body(new { kind = "buildings", streetId = street, buildings = new[] { "3" } }, type: "hotWater", executorId: kit.ExecutorId);
        changed["information"] = "Ремонт бойлера";
        var response = await kit.Executor.PutAsJsonAsync($"/api/v1/outages/{id}", changed, AppFixture.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (status, body) = await kit.Executor.PostJsonAsync($"/api/v1/outages/{id}/updates", new { text = "Бригада на місці" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hotWater", body.GetProperty("type").GetString());
        Assert.Equal("Ремонт бойлера", body.GetProperty("information").GetString());
        Assert.Equal("Бригада на місці", body.GetProperty("updates")[0].GetProperty("text").GetString());
        Assert.Equal("2026-11-24T10:00:00+02:00", body.GetProperty("updates")[0].GetProperty("at").GetString());

        (status, _) = await kit.Operator.PostJsonAsync($"/api/v1/outages/{id}/close", new { text = "Усунено" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _) = await app.Client(kit.OtherExecutorKey).PostJsonAsync($"/api/v1/outages/{id}/close", new { text = "Усунено" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, body) = await kit.Executor.PostJsonAsync($"/api/v1/outages/{id}/close", new { text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, body) = await kit.Executor.PostJsonAsync($"/api/v1/outages/{id}/close", new { text = "Бойлер замінено" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("closed", body.GetProperty("outage").GetProperty("status").GetString());
        Assert.Equal("Бойлер замінено", body.GetProperty("outage").GetProperty("closingText").GetString());

        response = await kit.Executor.PutAsJsonAsync($"/api/v1/outages/{id}", changed, AppFixture.Json);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        (status, _) = await kit.Executor.PostJsonAsync($"/api/v1/outages/{id}/updates", new { text = "ще" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        var (_, open) = await app.Client(null).GetJsonAsync("/api/v1/outages");
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetInt64() == id);
        var (_, closed) = await app.Client(null).GetJsonAsync("/api/v1/outages?status=closed");
        Assert.Contains(closed.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain(id, await kit.AtAsync("address=" + Uri.EscapeDataString("узвіз Андріївський 3")));
    }

    [Fact]
    public async Task PublicView_Anonymous_NoStaffNames()
    {
        var kit = await OutageTestKit.Of(app);
        var street = await kit.StreetIdAsync("Соборна");
        var outage = await kit.CreateAsync(kit.Executor, OutageTestKit.Body(OutageTestKit.Range(street, 2, 4)));
        var (status, body) = await app.Client(null).GetJsonAsync($"/api/v1/outages/{outage.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, status);
        var text = body.ToString();
        Assert.DoesNotContain("createdBy", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("API:", text, StringComparison.Ordinal);
        var (unknown, _) = await app.Client(null).GetJsonAsync("/api/v1/outages/99999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }
}

public sealed class OutageLifecycleTests_Sqlite(SqliteApp app) : OutageLifecycleTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class OutageLifecycleTests_Postgres(PostgresApp app) : OutageLifecycleTests<PostgresApp>(app), IClassFixture<PostgresApp>;
