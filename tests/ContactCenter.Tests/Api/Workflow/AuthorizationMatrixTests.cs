using System.Net;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>
/// Authorization (API.md "Authentication", F12.2, STYLE 11): no key or a bad key → 401; every role × every operation
/// → the status the role earns; an executor sees only its organisation and the units below it.
/// The executor keys in the matrix belong to the organisation the appeal is assigned to.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) where TApp : AppFixture
{
    private static readonly string[] RoleOrder = ["operator", "supervisor", "executor", "executorStaff", "leadership", "administrator", "integration"];

    // One row per operation, one column per role in RoleOrder. Where the table differs from a plain reading of a role:
    // - verification: integrations relay the applicant's answer (Unified System, bot) — AppealStateMachine.Verifiers;
    // - assign: an integration may register (and the router assign at registration) but not route by hand:
    //   Roles.Integration is "register and read";
    // - acceptInProgress: the status is checked before the role, so everyone who can read the card gets 409.
    private static readonly (string Operation, int[] Expected)[] Table =
    [
        ("register", [201, 201, 403, 403, 403, 201, 201]),
        ("get", [200, 200, 200, 200, 200, 200, 200]),
        ("search", [200, 200, 200, 200, 200, 200, 200]),
        ("assign", [200, 200, 403, 403, 403, 200, 403]),
        ("accept", [403, 403, 200, 200, 403, 403, 403]),
        ("acceptInProgress", [409, 409, 409, 409, 409, 409, 409]),
        ("result", [403, 403, 200, 200, 403, 403, 403]),
        ("verification", [200, 200, 403, 403, 403, 200, 200]),
        ("answer", [200, 200, 403, 403, 403, 200, 403]),
        ("forward", [200, 200, 403, 403, 403, 200, 403]),
        ("reject", [403, 200, 403, 403, 403, 200, 403]),
        ("comment", [201, 201, 201, 201, 403, 201, 403]),
        ("approveRequest", [403, 200, 403, 403, 403, 200, 403]),
        ("createApiKey", [403, 403, 403, 403, 403, 201, 403]),
        ("putCategory", [403, 403, 403, 403, 403, 200, 403]),
    ];

    public static TheoryData<string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (operation, expected) in Table)
        {
            for (var i = 0; i < RoleOrder.Length; i++)
                data.Add(RoleOrder[i], operation, expected[i]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ByRole_ExpectedStatus(string role, string operation, int expected)
    {
        var cast = await Cast.Of(app);
        var client = cast.As(cast.KeyOf(role));

        var reply = operation switch
        {
            "register" => await client.PostReplyAsync("/api/v1/appeals", Appeals.Valid()),
            "get" => await client.GetReplyAsync($"/api/v1/appeals/{await cast.AssignedAsync()}"),
            "search" => await client.GetReplyAsync("/api/v1/appeals?pageSize=5"),
            "assign" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.RegisteredAsync()}/assign", new { executorId = cast.ExecutorId }),
            "accept" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.AssignedAsync()}/accept", new { }),
            "acceptInProgress" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.InProgressAsync()}/accept", new { }),
            "result" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.InProgressAsync()}/result",
                new { text = "Засувку замінено", resultCode = "resolved" }),
            "verification" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.ResultReportedAsync()}/verification",
                new { confirmed = true, rating = 4, via = "phone" }),
            "answer" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.AssignedAsync()}/answer", new { text = "Роз'яснено телефоном" }),
            "forward" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.AssignedAsync()}/forward",
                new { body = "ГУ ПФУ в області", explanation = "Поза компетенцією громади", legalBasis = "ст. 7 Закону" }),
            "reject" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.InProgressAsync()}/reject",
                new { legalBasis = "ст. 8 Закону", reasons = "Розглянуто раніше", appealProcedure = "До суду" }),
            "comment" => await client.PostReplyAsync($"/api/v1/appeals/{await cast.AssignedAsync()}/comments", new { text = "Виїхала бригада", @public = false }),
            "approveRequest" => await client.PostReplyAsync(
                $"/api/v1/requests/{await cast.RequestAsync(await cast.InProgressAsync(), new { type = "additionalControl", reason = "Резонанс" })}/approve", new { }),
            "createApiKey" => await client.PostReplyAsync("/api/v1/api-keys", new { name = "matrix-" + Guid.NewGuid().ToString("N")[..8], role = "leadership" }),
            "putCategory" => await client.PutReplyAsync($"/api/v1/categories/flow.{Guid.NewGuid().ToString("N")[..8]}",
                new { name = "Тестова категорія", reviewTrack = "simple", addressRequired = false }),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        Assert.True((int)reply.Status == expected, $"{role} {operation}: expected {expected}, got {reply}");
        if (expected >= 400)
            reply.Problem((HttpStatusCode)expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cc_this-key-was-never-issued-0000000000")]
    [InlineData("")]
    [InlineData("test-admin-key-0123456789x")]
    public async Task Endpoints_NoKeyOrBadKey_401(string? key)
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();
        var client = app.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetReplyAsync("/api/v1/appeals")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetReplyAsync($"/api/v1/appeals/{number}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostReplyAsync("/api/v1/appeals", Appeals.Valid())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostReplyAsync($"/api/v1/appeals/{number}/accept", new { })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetReplyAsync("/api/v1/requests")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostReplyAsync("/api/v1/api-keys", new { name = "x", role = "administrator" })).Status);
        Assert.Equal("assigned", (await cast.CardAsync(number)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_ExecutorKeyOwnAndOtherOrganisation_200And403()
    {
        var cast = await Cast.Of(app);
        var own = await cast.AssignedAsync();
        var other = await cast.AssignedAsync(cast.OtherExecutorId);

        var ownReply = await cast.As(cast.Executor).GetReplyAsync($"/api/v1/appeals/{own}");
        var otherReply = await cast.As(cast.Executor).GetReplyAsync($"/api/v1/appeals/{other}");
        var otherHistory = await cast.As(cast.Executor).GetReplyAsync($"/api/v1/appeals/{other}/history");

        Assert.Equal(HttpStatusCode.OK, ownReply.Status);
        Assert.Equal(own, Cast.Number(ownReply.Body));
        Assert.Equal($"Звернення {other} не належить до вашої організації.", otherReply.Problem(HttpStatusCode.Forbidden).GetProperty("detail").GetString());
        otherHistory.Problem(HttpStatusCode.Forbidden);
        // Nor can it act on it.
        (await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{other}/accept", new { })).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("assigned", (await cast.CardAsync(other)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_ExecutorKeyAppealOfSubordinateUnit_200ButNotUpwards()
    {
        var cast = await Cast.Of(app);
        var unitId = await app.CreateExecutorAsync("Дільниця №3 водоканалу (тест)", cast.ExecutorId, "utilities.water");
        var unit = await app.IssueKeyAsync("executor", unitId);
        var unitsAppeal = await cast.AssignedAsync(unitId);
        var parentsAppeal = await cast.AssignedAsync();

        Assert.Equal(HttpStatusCode.OK, (await cast.As(cast.Executor).GetReplyAsync($"/api/v1/appeals/{unitsAppeal}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await cast.As(cast.ExecutorStaff).GetReplyAsync($"/api/v1/appeals/{unitsAppeal}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await cast.As(unit).GetReplyAsync($"/api/v1/appeals/{unitsAppeal}")).Status);
        (await cast.As(unit).GetReplyAsync($"/api/v1/appeals/{parentsAppeal}")).Problem(HttpStatusCode.Forbidden);
        (await cast.As(cast.OtherExecutor).GetReplyAsync($"/api/v1/appeals/{unitsAppeal}")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Search_ExecutorKey_OnlyItsOwnAppeals()
    {
        var cast = await Cast.Of(app);
        var own = await cast.AssignedAsync();
        var other = await cast.AssignedAsync(cast.OtherExecutorId);
        var unassigned = await cast.RegisteredAsync();

        var mine = await cast.As(cast.Executor).GetReplyAsync("/api/v1/appeals?pageSize=200");
        var theirs = await cast.As(cast.OtherExecutor).GetReplyAsync("/api/v1/appeals?pageSize=200");
        var all = await cast.As(cast.Supervisor).GetReplyAsync("/api/v1/appeals?pageSize=200");

        var mineNumbers = Numbers(mine);
        Assert.Contains(own, mineNumbers);
        Assert.DoesNotContain(other, mineNumbers);
        Assert.DoesNotContain(unassigned, mineNumbers);
        Assert.DoesNotContain(mine.Body.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("executor").ValueKind == System.Text.Json.JsonValueKind.Null
                || i.GetProperty("executor").GetProperty("id").GetInt32() == cast.OtherExecutorId);
        Assert.Equal(mineNumbers.Length, mine.Body.GetProperty("total").GetInt32());
        var theirNumbers = Numbers(theirs);
        Assert.Contains(other, theirNumbers);
        Assert.DoesNotContain(own, theirNumbers);
        Assert.All(theirs.Body.GetProperty("items").EnumerateArray(),
            i => Assert.Equal(cast.OtherExecutorId, i.GetProperty("executor").GetProperty("id").GetInt32()));
        Assert.Contains(unassigned, Numbers(all));
    }

    private static string[] Numbers(Reply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        return [.. reply.Body.GetProperty("items").EnumerateArray().Select(Cast.Number)];
    }
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteApp app) : AuthorizationMatrixTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationMatrixTests_Postgres(PostgresApp app) : AuthorizationMatrixTests<PostgresApp>(app), IClassFixture<PostgresApp>;
