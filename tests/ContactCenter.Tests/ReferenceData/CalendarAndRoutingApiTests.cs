using System.Net;

using System.Net.Http.Json;

namespace ContactCenter.Tests.ReferenceData;

public abstract class CalendarAndRoutingApiTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Deadline_TransferredDayOffAdded_PreviewMovesByOneWorkingDay()
    {
        // Received Friday 2027-03-05 10:00: simple track (5 WD) ends Friday 12 March, 15:45.
        var url = "/api/v1/calendar/deadline?track=simple&from=2027-03-05T10:00:00%2B02:00";
        var (_, before) = await app.Admin().GetJsonAsync(url);
        Assert.Equal("2027-03-12T15:45:00+02:00", before.GetProperty("dueAt").GetString());

        var (status, _) = await app.Admin().PostJsonAsync("/api/v1/calendar/transfers", new { date = "2027-03-10", isWorking = false, comment = "перенесено" });
        Assert.Equal(HttpStatusCode.OK, status);

        // Wednesday 10 March is now a day off: the fifth working day is Monday 15 March, 17:00.
        var (_, after) = await app.Admin().GetJsonAsync(url);
        Assert.Equal("2027-03-15T17:00:00+02:00", after.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task Deadline_UnknownTrackOrBadDate_400WithBothFields()
    {
        var (status, body) = await app.Admin().GetJsonAsync("/api/v1/calendar/deadline?track=nope&from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("track", out _));
        Assert.True(errors.TryGetProperty("from", out _));
    }

    [Fact]
    public async Task ReviewTrack_TermLongerThanTheLawAllows_400()
    {
        var response = await app.Admin().PutAsJsonAsync("/api/v1/review-tracks/long", new { name = "Довгий", term = 40, unit = "calendarDays" }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var ok = await app.Admin().PutAsJsonAsync("/api/v1/review-tracks/ten", new { name = "Десять днів", term = 10, unit = "workingDays" }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var (_, tracks) = await app.Admin().GetJsonAsync("/api/v1/review-tracks");
        Assert.Contains(tracks.EnumerateArray(), t => t.GetProperty("code").GetString() == "ten" && t.GetProperty("term").GetInt32() == 10);
    }

    [Fact]
    public async Task Suggest_RuleForDistrictBeatsCategoryDefault()
    {
        var fallback = await app.CreateExecutorAsync("Управління ЖКГ " + Guid.NewGuid().ToString("N")[..4]);
        var local = await app.CreateExecutorAsync("КП Житлосервіс " + Guid.NewGuid().ToString("N")[..4]);
        var (buildingId, districtId) = await app.WithDbAsync(async db =>
        {
            var district = new Features.Addresses.District { Name = "Північний " + Guid.NewGuid().ToString("N")[..4] };
            var street = new Features.Addresses.Street { Type = "вулиця", Name = "Липова", SearchName = "липова", Buildings = [] };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            street.DistrictId = district.Id;
            street.Buildings.Add(new Features.Addresses.Building { Number = "7", DistrictId = district.Id });
            db.Streets.Add(street);
            await db.SaveChangesAsync();
            return (street.Buildings[0].Id, district.Id);
        });
        var (ruleStatus, _) = await app.Admin().PostJsonAsync("/api/v1/routing/rules", new { categoryCode = "utilities.elevator", districtId, executorId = local });
        Assert.Equal(HttpStatusCode.Created, ruleStatus);
        var put = await app.Admin().PutAsJsonAsync("/api/v1/categories/utilities.elevator",
            new { name = "Ліфти", parentCode = "utilities", defaultExecutorId = fallback, reviewTrack = "simple", addressRequired = true }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var (_, inDistrict) = await app.Admin().GetJsonAsync($"/api/v1/routing/suggest?categoryCode=utilities.elevator&addressId={buildingId}");
        var (_, elsewhere) = await app.Admin().GetJsonAsync("/api/v1/routing/suggest?categoryCode=utilities.elevator");

        Assert.Equal(local, inDistrict.GetProperty("executorId").GetInt32());
        Assert.Equal("district", inDistrict.GetProperty("reason").GetString());
        Assert.Equal(fallback, elsewhere.GetProperty("executorId").GetInt32());
        Assert.Equal("categoryDefault", elsewhere.GetProperty("reason").GetString());
        // Tuesday 10:00 + 5 working days.
        Assert.Equal("2026-12-01T17:00:00+02:00", elsewhere.GetProperty("dueAt").GetString());
    }
}

public sealed class CalendarAndRoutingApiTests_Sqlite(SqliteApp app) : CalendarAndRoutingApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CalendarAndRoutingApiTests_Postgres(PostgresApp app) : CalendarAndRoutingApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
