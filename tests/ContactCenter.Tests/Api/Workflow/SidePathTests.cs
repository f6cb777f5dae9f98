using System.Net;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>SPEC §4 side paths: answered by the operator, forwarded (R6), rejected (R5), deferred into a plan.</summary>
public abstract class SidePathTests<TApp>(TApp app) where TApp : AppFixture
{
    [Fact]
    public async Task Answer_OperatorOnRegistered_ClosedAsExplained()
    {
        var cast = await Cast.Of(app);
        var number = await cast.RegisteredAsync();

        var card = await cast.OkAsync(cast.Operator, number, "answer",
            new { text = "Планове відключення до 18:00, графік на сайті водоканалу" }, "closed");

        var result = card.GetProperty("result");
        Assert.Equal("explained", result.GetProperty("code").GetString());
        Assert.Equal("Планове відключення до 18:00, графік на сайті водоканалу", result.GetProperty("text").GetString());
        Assert.Equal("2026-11-24T10:00:00+02:00", result.GetProperty("at").GetString());
        var last = (await cast.HistoryAsync(number))[^1];
        Assert.Equal("answered", last.GetProperty("action").GetString());
        Assert.Equal("registered", last.GetProperty("fromStatus").GetString());
        Assert.Equal("closed", last.GetProperty("toStatus").GetString());
    }

    [Fact]
    public async Task Forward_BodyExplanationLegalBasis_ForwardedWithAllThree()
    {
        var cast = await Cast.Of(app);
        var number = await cast.AssignedAsync();

        var card = await cast.OkAsync(cast.Operator, number, "forward", new
        {
            body = "Головне управління Пенсійного фонду України в області",
            explanation = "Питання перерахунку пенсії належить до компетенції органів Пенсійного фонду",
            legalBasis = "ч. 3 ст. 7 Закону України «Про звернення громадян»",
        }, "forwarded");

        var result = card.GetProperty("result");
        Assert.Equal("forwarded", result.GetProperty("code").GetString());
        Assert.Equal("Головне управління Пенсійного фонду України в області", result.GetProperty("forwardedTo").GetString());
        Assert.Equal("Питання перерахунку пенсії належить до компетенції органів Пенсійного фонду", result.GetProperty("text").GetString());
        Assert.Equal("ч. 3 ст. 7 Закону України «Про звернення громадян»", result.GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task Reject_SupervisorWithR5Fields_RejectedWithLegalBasisAndProcedure()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();

        var card = await cast.OkAsync(cast.Supervisor, number, "reject", new
        {
            legalBasis = "ст. 8 Закону України «Про звернення громадян»",
            reasons = "Питання вже розглянуто по суті у зверненні 24-00017",
            appealProcedure = "Рішення може бути оскаржене до міського голови або до суду",
        }, "rejected");

        var result = card.GetProperty("result");
        Assert.Equal("refused", result.GetProperty("code").GetString());
        Assert.Equal("ст. 8 Закону України «Про звернення громадян»", result.GetProperty("legalBasis").GetString());
        Assert.Equal("Питання вже розглянуто по суті у зверненні 24-00017\n\nРішення може бути оскаржене до міського голови або до суду",
            result.GetProperty("text").GetString());
        var last = (await cast.HistoryAsync(number))[^1];
        Assert.Equal("rejected", last.GetProperty("action").GetString());
        Assert.Equal(cast.Supervisor.ActorName, last.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Reject_MissingLegalBasis_400NamingItAndNothingChanged()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var before = await cast.HistoryAsync(number);

        var reply = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/appeals/{number}/reject", new
        {
            reasons = "Повторне звернення",
            appealProcedure = "Можна оскаржити до суду",
        });

        var problem = reply.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["legalBasis"], problem.ErrorFields());
        Assert.Equal("inProgress", (await cast.CardAsync(number)).GetProperty("status").GetString());
        Assert.Equal(before.Length, (await cast.HistoryAsync(number)).Length);
    }

    [Fact]
    public async Task Approve_DeferRequest_DeferredThenExecutorReportsResultFromDeferred()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var requestId = await cast.RequestAsync(number, new { type = "defer", reason = "Заміна мережі включена до програми капремонту на 2027 рік" });

        var approved = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/approve", new { });
        Assert.True(approved.Status == HttpStatusCode.OK, approved.ToString());
        Assert.Equal("approved", approved.Body.GetProperty("status").GetString());
        var card = await cast.CardAsync(number);
        Assert.Equal("deferred", card.GetProperty("status").GetString());
        var last = (await cast.HistoryAsync(number))[^1];
        Assert.Equal("request.defer.approved", last.GetProperty("action").GetString());
        Assert.Equal("inProgress", last.GetProperty("fromStatus").GetString());
        Assert.Equal("deferred", last.GetProperty("toStatus").GetString());

        card = await cast.OkAsync(cast.Executor, number, "result", new { text = "Мережу замінено за програмою", resultCode = "resolved" }, "resultReported");
        Assert.Equal("resolved", card.GetProperty("result").GetProperty("code").GetString());
        last = (await cast.HistoryAsync(number))[^1];
        Assert.Equal("deferred", last.GetProperty("fromStatus").GetString());
        Assert.Equal("resultReported", last.GetProperty("toStatus").GetString());
    }
}

public sealed class SidePathTests_Sqlite(SqliteApp app) : SidePathTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SidePathTests_Postgres(PostgresApp app) : SidePathTests<PostgresApp>(app), IClassFixture<PostgresApp>;
