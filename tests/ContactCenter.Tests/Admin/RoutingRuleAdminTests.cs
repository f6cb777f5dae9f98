using System.Net;
using ContactCenter.Tests.Api.Registration;
using ContactCenter.Tests.Api.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Admin;

/// <summary>
/// Routing rules (issue 3, F3.2) as the rules screen uses them: create, change, remove with field errors; the list
/// filtered, sorted and paged in the database; who may read, change and ask for a suggestion.
/// </summary>
public abstract class RoutingRuleAdminTests<TApp>(TApp app) where TApp : AppFixture
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private async Task<int> AuditCountAsync(int id, string action) =>
        await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "routingRule" && a.EntityId == id.ToString() && a.Action == action));

    private async Task<int> DistrictAsync() => await app.WithDbAsync(async db =>
    {
        var district = new Features.Addresses.District { Name = Unique("Район ") };
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        return district.Id;
    });

    [Fact]
    public async Task Rules_CreateChangeRemove_FieldErrorsConflictsAudited()
    {
        var category = await app.CreateCategoryAsync();
        var first = await app.CreateExecutorAsync(Unique("КП Перше "));
        var second = await app.CreateExecutorAsync(Unique("КП Друге "));
        var district = await DistrictAsync();

        var empty = await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { });
        Assert.Equal(["categoryCode", "executorId"], empty.Problem(HttpStatusCode.BadRequest).ErrorFields());
        var inactive = await app.CreateExecutorAsync(Unique("КП Закрите "));
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().PutReplyAsync($"/api/v1/executors/{inactive}/active", new { active = false })).Status);
        var toInactive = await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, executorId = inactive });
        Assert.Equal(["executorId"], toInactive.Problem(HttpStatusCode.BadRequest).ErrorFields());
        Assert.Contains("неактивний", toInactive.Body.GetProperty("errors").GetProperty("executorId")[0].GetString(), StringComparison.Ordinal);

        var created = await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, executorId = first });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Body.GetProperty("id").GetInt32();
        var byDistrict = (await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, districtId = district, executorId = second })).Body.GetProperty("id").GetInt32();

        var changed = await app.Admin().PutReplyAsync($"/api/v1/routing/rules/{id}", new { categoryCode = category, executorId = second });
        Assert.Equal((HttpStatusCode.OK, second), (changed.Status, changed.Body.GetProperty("executorId").GetInt32()));
        // Changed into the same category and place as another rule: 409, nothing saved.
        (await app.Admin().PutReplyAsync($"/api/v1/routing/rules/{id}", new { categoryCode = category, districtId = district, executorId = first })).Problem(HttpStatusCode.Conflict);
        var twoPlaces = await app.Admin().PutReplyAsync($"/api/v1/routing/rules/{id}", new { categoryCode = category, districtId = district, streetId = 1, executorId = first });
        Assert.Contains("place", twoPlaces.Problem(HttpStatusCode.BadRequest).ErrorFields());
        (await app.Admin().PutReplyAsync("/api/v1/routing/rules/999999", new { categoryCode = category, executorId = first })).Problem(HttpStatusCode.NotFound);
        var saved = await app.WithDbAsync(db => db.RoutingRules.AsNoTracking().FirstAsync(r => r.Id == id));
        Assert.Equal((second, (int?)null), (saved.ExecutorId, saved.DistrictId));

        // The router sees the change at once.
        var suggestion = await app.Admin().GetReplyAsync($"/api/v1/routing/suggest?categoryCode={category}");
        Assert.Equal((second, id), (suggestion.Body.GetProperty("executorId").GetInt32(), suggestion.Body.GetProperty("ruleId").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteReplyAsync($"/api/v1/routing/rules/{id}")).Status);
        (await app.Admin().DeleteReplyAsync($"/api/v1/routing/rules/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal((1, 1, 1), (await AuditCountAsync(id, "create"), await AuditCountAsync(id, "update"), await AuditCountAsync(id, "delete")));
        Assert.True(await app.WithDbAsync(db => db.RoutingRules.AnyAsync(r => r.Id == byDistrict)));
    }

    [Fact]
    public async Task Rules_Page_CategoryCoversItsSubcategories_ExecutorFilter_SortAndPages()
    {
        var parent = await app.CreateCategoryAsync();
        var child = "test." + Guid.NewGuid().ToString("N")[..10];
        var (status, _) = await app.Admin().PutJsonAsync($"/api/v1/categories/{child}", new { name = "Підкатегорія " + child, parentCode = parent, reviewTrack = "simple" });
        Assert.Equal(HttpStatusCode.OK, status);
        var alpha = await app.CreateExecutorAsync(Unique("А-виконавець "));
        var omega = await app.CreateExecutorAsync(Unique("Я-виконавець "));
        var district = await DistrictAsync();
        foreach (var body in new object[]
        {
            new { categoryCode = parent, executorId = alpha },
            new { categoryCode = parent, districtId = district, executorId = omega },
            new { categoryCode = child, executorId = omega },
        })
            Assert.Equal(HttpStatusCode.Created, (await app.Admin().PostReplyAsync("/api/v1/routing/rules", body)).Status);

        var all = await app.Admin().GetReplyAsync($"/api/v1/routing/rules/page?category={parent}");
        Assert.Equal(3, all.Body.GetProperty("total").GetInt32());
        var onlyChild = await app.Admin().GetReplyAsync($"/api/v1/routing/rules/page?category={child}");
        Assert.Equal(child, Assert.Single(onlyChild.Body.GetProperty("items").EnumerateArray()).GetProperty("categoryCode").GetString());
        var ofOmega = await app.Admin().GetReplyAsync($"/api/v1/routing/rules/page?category={parent}&executorId={omega}");
        Assert.Equal(2, ofOmega.Body.GetProperty("total").GetInt32());

        var byExecutorDesc = await app.Admin().GetReplyAsync($"/api/v1/routing/rules/page?category={parent}&sort=executor&desc=true&pageSize=2");
        var items = byExecutorDesc.Body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal((3, 2), (byExecutorDesc.Body.GetProperty("total").GetInt32(), items.Count));
        Assert.All(items, i => Assert.Equal(omega, i.GetProperty("executorId").GetInt32()));
        var lastPage = await app.Admin().GetReplyAsync($"/api/v1/routing/rules/page?category={parent}&sort=executor&desc=true&pageSize=2&page=1");
        Assert.Equal(alpha, Assert.Single(lastPage.Body.GetProperty("items").EnumerateArray()).GetProperty("executorId").GetInt32());

        // Most specific place first, as the router ranks them; the place is named.
        var byPlace = await app.Admin().GetReplyAsync($"/api/v1/routing/rules/page?category={parent}&sort=place");
        var first = byPlace.Body.GetProperty("items")[0];
        Assert.Equal(("district", district), (first.GetProperty("placeKind").GetString(), first.GetProperty("districtId").GetInt32()));
        Assert.StartsWith("Район ", first.GetProperty("place").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, HttpStatusCode, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        // role, read the rules, change a rule, ask for a suggestion
        { "administrator", HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK },
        { "supervisor", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK },
        { "operator", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK },
        { "integration", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK },
        { "executor", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { "executorStaff", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { "leadership", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Authorization_RolesTimesOperations(string role, HttpStatusCode read, HttpStatusCode change, HttpStatusCode suggest)
    {
        var cast = await Cast.Of(app);
        var client = cast.As(cast.KeyOf(role));
        var category = await app.CreateCategoryAsync();
        var rule = (await app.Admin().PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, executorId = cast.ExecutorId })).Body.GetProperty("id").GetInt32();

        Assert.Equal(read, Status(await client.GetReplyAsync("/api/v1/routing/rules")));
        Assert.Equal(read, Status(await client.GetReplyAsync("/api/v1/routing/rules/page")));
        Assert.Equal(change, Status(await client.PostReplyAsync("/api/v1/routing/rules", new { categoryCode = category, districtId = await DistrictAsync(), executorId = cast.ExecutorId })));
        var update = change == HttpStatusCode.Created ? HttpStatusCode.OK : change;
        Assert.Equal(update, Status(await client.PutReplyAsync($"/api/v1/routing/rules/{rule}", new { categoryCode = category, executorId = cast.OtherExecutorId })));
        Assert.Equal(suggest, Status(await client.GetReplyAsync($"/api/v1/routing/suggest?categoryCode={category}")));
        Assert.Equal(change == HttpStatusCode.Created ? HttpStatusCode.NoContent : change, Status(await client.DeleteReplyAsync($"/api/v1/routing/rules/{rule}")));
        Assert.Equal(change != HttpStatusCode.Created, await app.WithDbAsync(db => db.RoutingRules.AnyAsync(r => r.Id == rule)));
    }

    private static HttpStatusCode Status(Reply reply)
    {
        if (reply.Status >= HttpStatusCode.BadRequest)
            reply.Problem(reply.Status);
        return reply.Status;
    }
}

public sealed class RoutingRuleAdminTests_Sqlite(SqliteApp app) : RoutingRuleAdminTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class RoutingRuleAdminTests_Postgres(PostgresApp app) : RoutingRuleAdminTests<PostgresApp>(app), IClassFixture<PostgresApp>;
