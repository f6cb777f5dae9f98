using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>F3.3–F3.4: an executor's requests and the supervisor's decisions on them.</summary>
public abstract class ExecutorRequestTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Decline_WithoutReason_400ReasonAndStillPending()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var requestId = await cast.RequestAsync(number, new { type = "extend", workingDays = 3, reason = "Чекаємо на підрядника" });

        foreach (var body in new object?[] { new { }, new { reason = "  " } })
        {
            var reply = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/decline", body);
            var problem = reply.Problem(HttpStatusCode.BadRequest);
            Assert.Equal(["reason"], problem.ErrorFields());
        }

        var status = await app.WithDbAsync(db => db.ExecutorRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Status.ToString()).SingleAsync());
        Assert.Equal("Pending", status);
    }

    [Fact]
    public async Task Decline_WithReason_DeclinedAndAppealUnchanged()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var requestId = await cast.RequestAsync(number, new { type = "extend", workingDays = 3, reason = "Чекаємо на підрядника" });

        var reply = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/decline",
            new { reason = "Роботи можна виконати власними силами" });

        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("declined", reply.Body.GetProperty("status").GetString());
        Assert.Equal("Роботи можна виконати власними силами", reply.Body.GetProperty("decisionReason").GetString());
        Assert.Equal(cast.Supervisor.ActorName, reply.Body.GetProperty("decidedBy").GetString());
        var card = await cast.CardAsync(number);
        Assert.Equal("inProgress", card.GetProperty("status").GetString());
        Assert.Equal("2026-12-01T17:00:00+02:00", card.GetProperty("dueAt").GetString());
        Assert.Equal(0, card.GetProperty("questions")[0].GetProperty("extendedWorkingDays").GetInt32());
        var last = (await cast.HistoryAsync(number))[^1];
        Assert.Equal("request.extend.declined", last.GetProperty("action").GetString());
        Assert.Equal("Роботи можна виконати власними силами", last.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Approve_Twice_409AndDeadlineMovedOnce()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var requestId = await cast.RequestAsync(number, new { type = "extend", workingDays = 1, reason = "Потрібен ще день" });
        var first = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, first.Status);

        var second = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/approve", new { });

        var problem = second.Problem(HttpStatusCode.Conflict);
        Assert.Equal("Запит уже розглянуто.", problem.GetProperty("detail").GetString());
        // Tue 1 Dec + 1 working day, once.
        var card = await cast.CardAsync(number);
        Assert.Equal("2026-12-02T17:00:00+02:00", card.GetProperty("dueAt").GetString());
        Assert.Equal(1, card.GetProperty("questions")[0].GetProperty("extendedWorkingDays").GetInt32());
    }

    [Fact]
    public async Task CreateRequest_SecondPendingOfSameType_409()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        await cast.RequestAsync(number, new { type = "additionalControl", reason = "Резонансне питання" });

        var reply = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/requests",
            new { type = "additionalControl", reason = "Ще раз" });

        var problem = reply.Problem(HttpStatusCode.Conflict);
        Assert.Equal("Такий запит щодо цього питання вже очікує рішення.", problem.GetProperty("detail").GetString());
        // Another type is a different request and may wait alongside.
        await cast.RequestAsync(number, new { type = "extend", workingDays = 2, reason = "Потрібен час" });
    }

    [Fact]
    public async Task Approve_ReassignWithExecutorId_AssignedToNewExecutorOldKeyLosesAccess()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var newExecutorId = await app.CreateExecutorAsync("КП «Теплокомуненерго» (тест)");
        var newExecutor = await app.IssueKeyAsync("executor", newExecutorId);
        var requestId = await cast.RequestAsync(number, new { type = "reassign", reason = "Мережа на балансі теплокомуненерго" });

        var reply = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/approve", new { executorId = newExecutorId });

        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("approved", reply.Body.GetProperty("status").GetString());
        Assert.Equal(newExecutorId, reply.Body.GetProperty("executorId").GetInt32());
        var card = await cast.CardAsync(number);
        Assert.Equal("assigned", card.GetProperty("status").GetString());
        Assert.Equal(newExecutorId, card.GetProperty("executor").GetProperty("id").GetInt32());
        var last = (await cast.HistoryAsync(number))[^1];
        Assert.Equal("request.reassign.approved", last.GetProperty("action").GetString());
        Assert.Equal("inProgress", last.GetProperty("fromStatus").GetString());
        Assert.Equal("assigned", last.GetProperty("toStatus").GetString());

        (await cast.As(cast.Executor).GetReplyAsync($"/api/v1/appeals/{number}")).Problem(HttpStatusCode.Forbidden);
        (await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/result", new { text = "Зроблено", resultCode = "resolved" }))
            .Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await cast.As(newExecutor).GetReplyAsync($"/api/v1/appeals/{number}")).Status);
        await cast.OkAsync(newExecutor, number, "accept", null, "inProgress");
    }
}

public sealed class ExecutorRequestTests_Sqlite(SqliteApp app) : ExecutorRequestTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ExecutorRequestTests_Postgres(PostgresApp app) : ExecutorRequestTests<PostgresApp>(app), IClassFixture<PostgresApp>;
