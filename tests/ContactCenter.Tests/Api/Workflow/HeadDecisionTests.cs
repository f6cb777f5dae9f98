using System.Net;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>The transitions beyond API.md's list: termination (R9), return for missing data (R2), resume, unverified close (F6.3).</summary>
public abstract class HeadDecisionTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Terminate_BySupervisorWithReason_ClosedTerminated_OperatorForbidden()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();

        var byOperator = await cast.As(cast.Operator).PostReplyAsync($"/api/v1/appeals/{number}/terminate", new { reason = "Те саме питання вже вирішено" });
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.Status);

        var card = await cast.OkAsync(cast.Supervisor, number, "terminate", new { reason = "Те саме питання вже вирішено по суті", earlierRegistrationNumber = "26-00001" }, "closed");
        var result = card.GetProperty("result");
        Assert.Equal("terminated", result.GetProperty("code").GetString());
        Assert.Equal("Те саме питання вже вирішено по суті (26-00001)", result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Return_WithoutExplanation_400_WithExplanation_ClosedReturned()
    {
        var cast = await Cast.Of(app);
        var number = await cast.RegisteredAsync();

        var missing = await cast.As(cast.Operator).PostReplyAsync($"/api/v1/appeals/{number}/return", new { });
        Assert.True(missing.Problem(HttpStatusCode.BadRequest).GetProperty("errors").TryGetProperty("explanation", out _));

        var card = await cast.OkAsync(cast.Operator, number, "return", new { explanation = "Не зазначено місце проживання (ст. 5 Закону)" }, "closed");
        Assert.Equal("returned", card.GetProperty("result").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Resume_DeferredByExecutor_InProgress()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var request = await cast.RequestAsync(number, new { type = "defer", reason = "Включено до програми ремонту на 2027 рік" });
        var approved = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{request}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.Status);

        await cast.OkAsync(cast.Executor, number, "resume", new { reason = "Кошти виділено" }, "inProgress");
    }

    [Fact]
    public async Task CloseUnverified_AfterResult_ClosedWithoutVerification_ExecutorForbidden()
    {
        var cast = await Cast.Of(app);
        var number = await cast.ResultReportedAsync();

        var byExecutor = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/close-unverified", new { });
        Assert.Equal(HttpStatusCode.Forbidden, byExecutor.Status);

        var card = await cast.OkAsync(cast.Supervisor, number, "close-unverified", new { reason = "Заявник не відповів за 3 спроби" }, "closed");
        // No answer was recorded: the question carries no verification, and the timeline says why it closed.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, card.GetProperty("questions")[0].GetProperty("verification").ValueKind);
        var history = await cast.HistoryAsync(number);
        Assert.Equal("closedUnverified", history[^1].GetProperty("action").GetString());
    }
}

public sealed class HeadDecisionTests_Sqlite(SqliteApp app) : HeadDecisionTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class HeadDecisionTests_Postgres(PostgresApp app) : HeadDecisionTests<PostgresApp>(app), IClassFixture<PostgresApp>;
