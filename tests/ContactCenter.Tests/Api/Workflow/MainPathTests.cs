using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>
/// SPEC §4 main path through the REST API with real keys of every party, and the rework loop (F6.2).
/// The clock stands at Tue 2026-11-24 10:00 Kyiv; the simple track gives 5 working days.
/// </summary>
public abstract class MainPathTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Workflow_RegisterAcceptExtendReportVerify_ClosedWithFullHistory()
    {
        var cast = await Cast.Of(app);

        // Operator registers straight to the executor: assigned, due Tue 1 Dec 17:00 (5 working days after Tue 24 Nov).
        var body = Appeals.Valid();
        body["executorId"] = cast.ExecutorId;
        var card = await cast.As(cast.Operator).RegisterAsync(body);
        var number = Cast.Number(card);
        Assert.Equal("assigned", card.GetProperty("status").GetString());
        Assert.Equal(cast.ExecutorId, card.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal("2026-12-01T17:00:00+02:00", card.GetProperty("dueAt").GetString());

        await cast.OkAsync(cast.Executor, number, "accept", null, "inProgress");

        var extend = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/requests",
            new { type = "extend", workingDays = 5, reason = "Потрібна заміна ділянки трубопроводу, чекаємо на матеріали" });
        Assert.Equal(HttpStatusCode.Created, extend.Status);
        Assert.Equal("pending", extend.Body.GetProperty("status").GetString());
        var requestId = extend.Body.GetProperty("id").GetInt64();

        var approved = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/approve", new { reason = "Погоджено" });
        Assert.True(approved.Status == HttpStatusCode.OK, approved.ToString());
        Assert.Equal("approved", approved.Body.GetProperty("status").GetString());
        Assert.Equal(cast.Supervisor.ActorName, approved.Body.GetProperty("decidedBy").GetString());

        // Wed 2, Thu 3, Fri 4, Mon 7, Tue 8 December: the fifth working day after the old deadline, close of business.
        card = await cast.CardAsync(number);
        Assert.Equal("2026-12-08T17:00:00+02:00", card.GetProperty("dueAt").GetString());
        Assert.Equal("2026-12-08T17:00:00+02:00", card.GetProperty("questions")[0].GetProperty("dueAt").GetString());
        Assert.Equal(5, card.GetProperty("questions")[0].GetProperty("extendedWorkingDays").GetInt32());
        Assert.Equal("inProgress", card.GetProperty("status").GetString());

        // R8: the applicant is told the extension — the approval is a public history entry.
        var appealId = await cast.AppealIdAsync(number);
        var publicApproval = await app.WithDbAsync(db => db.AppealHistory.AsNoTracking()
            .Where(h => h.AppealId == appealId && h.Action == "request.extend.approved")
            .Select(h => new { h.Public, h.Comment })
            .SingleAsync());
        Assert.True(publicApproval.Public);
        // The public timeline says the new deadline in Kyiv time, the way the applicant reads it.
        Assert.StartsWith("08.12.2026 17:00", publicApproval.Comment);

        var reported = await cast.OkAsync(cast.Executor, number, "result",
            new { text = "Ділянку трубопроводу замінено, тиск відновлено", resultCode = "resolved" }, "resultReported");
        Assert.Equal("resolved", reported.GetProperty("result").GetProperty("code").GetString());
        Assert.Equal("Ділянку трубопроводу замінено, тиск відновлено", reported.GetProperty("result").GetProperty("text").GetString());

        var closed = await cast.OkAsync(cast.Operator, number, "verification",
            new { confirmed = true, rating = 5, comment = "Дякую, вода є", via = "phone" }, "closed");
        Assert.True(closed.GetProperty("verification").GetProperty("confirmed").GetBoolean());
        Assert.Equal(5, closed.GetProperty("verification").GetProperty("rating").GetInt32());
        Assert.Equal("phone", closed.GetProperty("verification").GetProperty("via").GetString());
        Assert.Equal("resolved", closed.GetProperty("result").GetProperty("code").GetString());
        Assert.Equal(0, closed.GetProperty("questions")[0].GetProperty("reworkCount").GetInt32());

        var history = await cast.HistoryAsync(number);
        Assert.Equal(
            [
                ("registered", cast.Operator.ActorName, null, "registered"),
                ("assigned", cast.Operator.ActorName, "registered", "assigned"),
                ("accepted", cast.Executor.ActorName, "assigned", "inProgress"),
                ("request.extend", cast.Executor.ActorName, null, null),
                ("request.extend.approved", cast.Supervisor.ActorName, null, null),
                ("resultReported", cast.Executor.ActorName, "inProgress", "resultReported"),
                ("verified", cast.Operator.ActorName, "resultReported", "closed"),
            ],
            history.Select(Step).ToArray());
    }

    [Fact]
    public async Task Verification_NotConfirmed_BackInProgressWithReworkCounted()
    {
        var cast = await Cast.Of(app);
        var number = await cast.ResultReportedAsync();

        var card = await cast.OkAsync(cast.Operator, number, "verification",
            new { confirmed = false, comment = "Води досі немає", via = "phone" }, "inProgress");

        var question = card.GetProperty("questions")[0];
        Assert.Equal(1, question.GetProperty("reworkCount").GetInt32());
        Assert.Equal("inProgress", question.GetProperty("status").GetString());
        Assert.Equal(cast.ExecutorId, question.GetProperty("executor").GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("result").ValueKind);
        Assert.False(card.GetProperty("verification").GetProperty("confirmed").GetBoolean());
        var last = (await cast.HistoryAsync(number))[^1];
        Assert.Equal(("returnedForRework", cast.Operator.ActorName, "resultReported", "inProgress"), Step(last));

        // The same executor works it again and reports anew; a second failure counts again.
        await cast.OkAsync(cast.Executor, number, "result", new { text = "Повторно промито мережу", resultCode = "resolved" }, "resultReported");
        card = await cast.OkAsync(cast.Operator, number, "verification", new { confirmed = false, via = "phone" }, "inProgress");
        Assert.Equal(2, card.GetProperty("questions")[0].GetProperty("reworkCount").GetInt32());
    }

    private static (string Action, string Actor, string? From, string? To) Step(JsonElement h) =>
        (h.GetProperty("action").GetString()!, h.GetProperty("actor").GetString()!, Str(h.GetProperty("fromStatus")), Str(h.GetProperty("toStatus")));

    private static string? Str(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
}

public sealed class MainPathTests_Sqlite(SqliteApp app) : MainPathTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class MainPathTests_Postgres(PostgresApp app) : MainPathTests<PostgresApp>(app), IClassFixture<PostgresApp>;
