using System.Net;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>
/// Moves the state machine refuses: from the wrong status → 409, by the wrong role → 403, always as ProblemDetails,
/// and the card is left as it was.
/// </summary>
public abstract class ForbiddenTransitionTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Accept_Twice_409ProblemDetails()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var historyBefore = (await cast.HistoryAsync(number)).Length;

        var reply = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/accept", new { });

        var problem = reply.Problem(HttpStatusCode.Conflict);
        Assert.Equal("Конфлікт зі станом звернення", problem.GetProperty("title").GetString());
        Assert.Equal("Ця дія неможлива для звернення у стані «в роботі».", problem.GetProperty("detail").GetString());
        Assert.Equal(historyBefore, (await cast.HistoryAsync(number)).Length);
    }

    [Fact]
    public async Task ReportResult_BeforeAccept_409()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();

        var reply = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/result",
            new { text = "Зроблено", resultCode = "resolved" });

        var problem = reply.Problem(HttpStatusCode.Conflict);
        Assert.Equal("Ця дія неможлива для звернення у стані «передано виконавцю».", problem.GetProperty("detail").GetString());
        var card = await cast.CardAsync(number);
        Assert.Equal("assigned", card.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, card.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Reject_ByOperator_403Role()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();

        var reply = await cast.As(cast.Operator).PostReplyAsync($"/api/v1/appeals/{number}/reject", new
        {
            legalBasis = "ст. 8 Закону",
            reasons = "Повторне",
            appealProcedure = "До суду",
        });

        var problem = reply.Problem(HttpStatusCode.Forbidden);
        Assert.Equal("Ваша роль не дозволяє цю дію для звернення у стані «в роботі».", problem.GetProperty("detail").GetString());
        Assert.Equal("inProgress", (await cast.CardAsync(number)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Transitions_LeadershipKey_403EverywhereAndNothingChanged()
    {
        var cast = await Cast.Of(app);
        var registered = await cast.RegisteredAsync();
        var assigned = await cast.AssignedAsync();
        var inProgress = await cast.InProgressAsync();
        var reported = await cast.ResultReportedAsync();
        (string Number, string Action, object Body)[] attempts =
        [
            (registered, "assign", new { executorId = cast.ExecutorId }),
            (registered, "answer", new { text = "Роз'яснено" }),
            (registered, "forward", new { body = "ГУ ПФУ", explanation = "Не наша компетенція", legalBasis = "ст. 7 Закону" }),
            (registered, "reject", new { legalBasis = "ст. 8", reasons = "Повторне", appealProcedure = "До суду" }),
            (assigned, "accept", new { }),
            (inProgress, "result", new { text = "Зроблено", resultCode = "resolved" }),
            (reported, "verification", new { confirmed = true, rating = 5 }),
        ];

        foreach (var (number, action, body) in attempts)
        {
            var reply = await cast.As(cast.Leadership).PostReplyAsync($"/api/v1/appeals/{number}/{action}", body);
            Assert.True(reply.Status == HttpStatusCode.Forbidden, $"leadership {action}: {reply}");
        }

        Assert.Equal("registered", (await cast.CardAsync(registered)).GetProperty("status").GetString());
        Assert.Equal("assigned", (await cast.CardAsync(assigned)).GetProperty("status").GetString());
        Assert.Equal("inProgress", (await cast.CardAsync(inProgress)).GetProperty("status").GetString());
        Assert.Equal("resultReported", (await cast.CardAsync(reported)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Verification_ExecutorConfirmsOwnResult_403()
    {
        var cast = await Cast.Of(app);
        var number = await cast.ResultReportedAsync();

        foreach (var key in new[] { cast.Executor, cast.ExecutorStaff })
        {
            var reply = await cast.As(key).PostReplyAsync($"/api/v1/appeals/{number}/verification", new { confirmed = true, rating = 5 });
            reply.Problem(HttpStatusCode.Forbidden);
        }

        var card = await cast.CardAsync(number);
        Assert.Equal("resultReported", card.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, card.GetProperty("verification").ValueKind);
    }
}

public sealed class ForbiddenTransitionTests_Sqlite(SqliteApp app) : ForbiddenTransitionTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ForbiddenTransitionTests_Postgres(PostgresApp app) : ForbiddenTransitionTests<PostgresApp>(app), IClassFixture<PostgresApp>;
