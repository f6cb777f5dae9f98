using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Api.Workflow;

/// <summary>
/// R8 / F4.2 through the API: an extension is 1–15 working days, all extensions together at most 15 working days,
/// and never past 45 days from receipt. A refusal is 422 with the cap's code and a Ukrainian detail, and changes nothing.
/// Dates are counted by hand: martial law is in force, so only weekends are days off.
/// </summary>
public abstract class ExtensionCapTests<TApp>(TApp app) where TApp : AppFixture
{
    private const string TooLongUk = "Загальний строк продовження розгляду не може перевищувати 15 робочих днів.";
    private const string PastLegalLimitUk =
        "Загальний строк розгляду звернення не може перевищувати 45 днів від дня його надходження (ст. 20 Закону України «Про звернення громадян»).";

    [Theory]
    [InlineData(16)]
    [InlineData(0)]
    public async Task CreateRequest_ExtensionOutOfRange_400WorkingDays(int workingDays)
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();

        var reply = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/requests",
            new { type = "extend", workingDays, reason = "Потрібен час" });

        var problem = reply.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["workingDays"], problem.ErrorFields());
        Assert.Equal("Продовження — від 1 до 15 робочих днів.", problem.GetProperty("errors").GetProperty("workingDays")[0].GetString());
    }

    [Fact]
    public async Task CreateRequest_SecondExtensionOf10After10_422TooLongNothingChanged()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        await ApproveAsync(cast, await cast.RequestAsync(number, new { type = "extend", workingDays = 10, reason = "Закупівля труб" }));
        // Ten working days after Tue 1 Dec: 2 3 4 7 8 9 10 11 14 15.
        Assert.Equal("2026-12-15T17:00:00+02:00", (await cast.CardAsync(number)).GetProperty("dueAt").GetString());

        var reply = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/requests",
            new { type = "extend", workingDays = 10, reason = "Ще не привезли труби" });

        var problem = reply.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("extension.tooLong", problem.GetProperty("code").GetString());
        Assert.Equal(TooLongUk, problem.GetProperty("detail").GetString());
        var card = await cast.CardAsync(number);
        Assert.Equal("2026-12-15T17:00:00+02:00", card.GetProperty("dueAt").GetString());
        Assert.Equal(10, card.GetProperty("questions")[0].GetProperty("extendedWorkingDays").GetInt32());
        Assert.Equal(0, await PendingRequestsAsync(cast, number));

        // What is left of the cap — exactly 5 — is still granted: 16 17 18 21 22 December.
        await ApproveAsync(cast, await cast.RequestAsync(number, new { type = "extend", workingDays = 5, reason = "Останній етап робіт" }));
        card = await cast.CardAsync(number);
        Assert.Equal("2026-12-22T17:00:00+02:00", card.GetProperty("dueAt").GetString());
        Assert.Equal(15, card.GetProperty("questions")[0].GetProperty("extendedWorkingDays").GetInt32());
    }

    [Fact]
    public async Task Approve_CapReachedWhileRequestPending_422TooLongRequestStaysPending()
    {
        var cast = await Cast.Of(app);
        var number = await cast.InProgressAsync();
        var requestId = await cast.RequestAsync(number, new { type = "extend", workingDays = 10, reason = "Закупівля труб" });
        // A second extension cannot be asked while one is pending (409), so an earlier grant of 10 days that lands
        // between the request and the decision is put in place directly: the approval must check the cap again.
        var appealId = await cast.AppealIdAsync(number);
        await app.WithDbAsync(db => db.Questions.Where(q => q.AppealId == appealId)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.ExtendedWorkingDays, 10)));

        var reply = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/approve", new { });

        var problem = reply.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("extension.tooLong", problem.GetProperty("code").GetString());
        Assert.Equal(TooLongUk, problem.GetProperty("detail").GetString());
        Assert.Equal("2026-12-01T17:00:00+02:00", (await cast.CardAsync(number)).GetProperty("dueAt").GetString());
        Assert.Equal(1, await PendingRequestsAsync(cast, number));
    }

    [Fact]
    public async Task CreateRequest_ComplexAppealReceived40DaysAgo_422PastLegalLimitNothingChanged()
    {
        var cast = await Cast.Of(app);
        var body = Appeals.Valid();
        body["reviewTrack"] = "complex";
        body["receivedAt"] = "2026-10-15T10:00:00+03:00";
        var number = await cast.InProgressAsync(body);
        // 20 working days after Thu 15 Oct: Fri 16 Oct is the 1st, Thu 12 Nov the 20th.
        Assert.Equal("2026-11-12T17:00:00+02:00", (await cast.CardAsync(number)).GetProperty("dueAt").GetString());
        // 5 more: 13 16 17 18 19 November; still before the legal limit (15 Oct + 45 = Sun 29 Nov → Mon 30 Nov).
        await ApproveAsync(cast, await cast.RequestAsync(number, new { type = "extend", workingDays = 5, reason = "Експертиза" }));
        Assert.Equal("2026-11-19T17:00:00+02:00", (await cast.CardAsync(number)).GetProperty("dueAt").GetString());

        // 10 more would be Thu 3 Dec: within the 15-day cap (5 + 10) but past 30 Nov.
        var reply = await cast.As(cast.Executor).PostReplyAsync($"/api/v1/appeals/{number}/requests",
            new { type = "extend", workingDays = 10, reason = "Експертиза затягується" });

        var problem = reply.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("extension.pastLegalLimit", problem.GetProperty("code").GetString());
        Assert.Equal(PastLegalLimitUk, problem.GetProperty("detail").GetString());
        var card = await cast.CardAsync(number);
        Assert.Equal("2026-11-19T17:00:00+02:00", card.GetProperty("dueAt").GetString());
        Assert.Equal(5, card.GetProperty("questions")[0].GetProperty("extendedWorkingDays").GetInt32());
        Assert.Equal(0, await PendingRequestsAsync(cast, number));
    }

    private static async Task ApproveAsync(Cast cast, long requestId)
    {
        var reply = await cast.As(cast.Supervisor).PostReplyAsync($"/api/v1/requests/{requestId}/approve", new { });
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("approved", reply.Body.GetProperty("status").GetString());
    }

    private static async Task<int> PendingRequestsAsync(Cast cast, string number)
    {
        var reply = await cast.As(cast.Supervisor).GetReplyAsync("/api/v1/requests?status=pending");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        return reply.Body.EnumerateArray().Count(r => r.GetProperty("registrationNumber").GetString() == number);
    }
}

public sealed class ExtensionCapTests_Sqlite(SqliteApp app) : ExtensionCapTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ExtensionCapTests_Postgres(PostgresApp app) : ExtensionCapTests<PostgresApp>(app), IClassFixture<PostgresApp>;
