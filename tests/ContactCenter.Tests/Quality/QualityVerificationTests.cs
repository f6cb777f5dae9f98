using System.Net;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Notifications;
using ContactCenter.Features.Quality;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Tests.Quality;

/// <summary>F6: the survey loop — survey link, confirmation calls, no answer, unanswered attempts, the rework limit.</summary>
public abstract class QualityVerificationTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<(int Created, int Closed)> RunAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<VerificationService>().RunAsync(CancellationToken.None);
    }

    private Task<VerificationTask> TaskAsync(string number) =>
        app.WithDbAsync(db => db.Set<VerificationTask>().AsNoTracking().OrderByDescending(t => t.Id).FirstAsync(t => t.RegistrationNumber == number));

    private Task<Question> QuestionAsync(string number) =>
        app.WithDbAsync(db => db.Questions.AsNoTracking().FirstAsync(q => q.Appeal.RegistrationNumber == number));

    /// <summary>A result reported on an appeal that came by e-mail (or by phone when <paramref name="email"/> is null).</summary>
    private async Task<string> ReportedAsync(Cast cast, string? email = null, string? privilege = null)
    {
        var body = Appeals.Valid(executorId: cast.ExecutorId);
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        if (email is not null)
        {
            body["channel"] = "email";
            applicant["email"] = email;
        }
        if (privilege is not null)
            applicant["privilegeCategory"] = privilege;
        var number = Cast.Number(await cast.As(cast.Operator).RegisterAsync(body));
        await cast.OkAsync(cast.Executor, number, "accept", null, "inProgress");
        await ReportAsync(cast, number);
        return number;
    }

    private static Task ReportAsync(Cast cast, string number) =>
        cast.OkAsync(cast.Executor, number, "result", new { text = "Засувку замінено, воду подано", resultCode = "resolved" }, "resultReported");

    private static string NewEmail() => $"q.{Guid.NewGuid():N}"[..14] + "@example.test";

    [Fact]
    public async Task Survey_EmailApplicant_GetsALink_ConfirmsOnce_Closed()
    {
        var cast = await Cast.Of(app);
        var number = await ReportedAsync(cast, NewEmail());
        await RunAsync();
        var task = await TaskAsync(number);
        Assert.Equal(VerificationChannel.Link, task.Channel);
        Assert.True(task.Token.Length >= 30);
        var survey = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.RegistrationNumber == number && n.Kind == NotificationKind.Survey));
        Assert.Equal(NotificationChannel.Email, survey.Channel);
        Assert.EndsWith("/survey/" + task.Token, survey.Details);
        Assert.Equal(survey.Id, task.NotificationId);
        // A second run asks nothing again.
        Assert.Equal(0, (await RunAsync()).Created);

        var client = PortalForms.NewClient(app);
        var (antiforgery, _) = await PortalForms.OpenFormAsync(client, "/survey/" + task.Token);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/survey/" + task.Token));
        Assert.Contains("Засувку замінено", page);
        Assert.Contains("Чи вирішено вашу проблему?", page);

        // A grade is required on the survey.
        var missing = await PortalForms.PostFormAsync(client, "/survey/" + task.Token, antiforgery, new() { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Оцінка — від 1 до 5", System.Net.WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));

        var ok = await PortalForms.PostFormAsync(client, "/survey/" + task.Token, antiforgery, new() { ["confirmed"] = "true", ["rating"] = "4", ["comment"] = "Дякую" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var q = await QuestionAsync(number);
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal(4, q.VerificationRating);
        Assert.Equal("survey", q.VerificationVia);
        Assert.Equal(VerificationTaskStatus.Answered, (await TaskAsync(number)).Status);

        // One answer only.
        var again = await PortalForms.PostFormAsync(client, "/survey/" + task.Token, antiforgery, new() { ["confirmed"] = "false", ["rating"] = "1" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("відповідь уже враховано", System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(AppealStatus.Closed, (await QuestionAsync(number)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/survey/" + new string('x', 32))).StatusCode);
    }

    [Fact]
    public async Task Survey_NotConfirmed_BackToTheExecutorForRework_NewRoundAsksAgain()
    {
        var cast = await Cast.Of(app);
        var number = await ReportedAsync(cast, NewEmail());
        await RunAsync();
        var first = await TaskAsync(number);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<VerificationService>().AnswerSurveyAsync(first.Token, false, 2, "Вода так і не тече", CancellationToken.None);
        var q = await QuestionAsync(number);
        Assert.Equal(AppealStatus.InProgress, q.Status);
        Assert.Equal(1, q.ReworkCount);
        Assert.Equal(cast.ExecutorId, q.ExecutorId);

        await ReportAsync(cast, number);
        await RunAsync();
        var second = await TaskAsync(number);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(1, second.Round);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task NoAnswer_WithinTheConfiguredDays_ClosedAsNotVerified_Once()
    {
        var cast = await Cast.Of(app);
        var number = await ReportedAsync(cast, NewEmail());
        await RunAsync();
        var task = await TaskAsync(number);

        app.Time.SetUtcNow(task.CreatedAt.AddDays(10).AddMinutes(-1));
        await RunAsync();
        Assert.Equal(AppealStatus.ResultReported, (await QuestionAsync(number)).Status);

        app.Time.SetUtcNow(task.CreatedAt.AddDays(10));
        await Task.WhenAll(RunAsync(), RunAsync());
        await RunAsync();
        var q = await QuestionAsync(number);
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal("unverified", q.VerificationVia);
        Assert.Null(q.VerificationConfirmed);
        Assert.Equal(VerificationTaskStatus.Unverified, (await TaskAsync(number)).Status);
        var history = await cast.HistoryAsync(number);
        Assert.Single(history, h => h.GetProperty("action").GetString() == "closedUnverified");
        // The survey link now says so and takes no answer.
        var page = System.Net.WebUtility.HtmlDecode(await PortalForms.NewClient(app).GetStringAsync("/survey/" + task.Token));
        Assert.Contains("Опитування за цим посиланням завершено", page);
    }

    [Fact]
    public async Task ConfirmationCalls_PhoneApplicants_PrivilegedFirst_AnsweredCallCloses()
    {
        var cast = await Cast.Of(app);
        var plain = await ReportedAsync(cast);
        var privileged = await ReportedAsync(cast, privilege: "особа з інвалідністю I групи");
        await RunAsync();
        Assert.Equal(VerificationChannel.Call, (await TaskAsync(plain)).Channel);

        var (status, list) = await cast.As(cast.Operator).GetJsonAsync("/api/v1/quality/confirmation-calls");
        Assert.Equal(HttpStatusCode.OK, status);
        var numbers = list.EnumerateArray().Select(c => c.GetProperty("registrationNumber").GetString()).ToList();
        Assert.True(numbers.IndexOf(privileged) >= 0 && numbers.IndexOf(privileged) < numbers.IndexOf(plain), string.Join(",", numbers));
        var (executorStatus, _) = await cast.As(cast.Executor).GetJsonAsync("/api/v1/quality/confirmation-calls");
        Assert.Equal(HttpStatusCode.Forbidden, executorStatus);

        var task = await TaskAsync(plain);
        var (noGrade, _) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/quality/confirmation-calls/{task.Id}", new { answered = true, confirmed = true });
        Assert.Equal(HttpStatusCode.BadRequest, noGrade);
        var (done, _) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/quality/confirmation-calls/{task.Id}", new { answered = true, confirmed = true, rating = 5, comment = "Все гаразд" });
        Assert.Equal(HttpStatusCode.NoContent, done);
        var q = await QuestionAsync(plain);
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal(5, q.VerificationRating);
        Assert.Equal("call", q.VerificationVia);
        (_, list) = await cast.As(cast.Operator).GetJsonAsync("/api/v1/quality/confirmation-calls");
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("registrationNumber").GetString() == plain);
    }

    [Fact]
    public async Task ConfirmationCalls_ThreeUnansweredAttempts_ClosedAsNotVerified()
    {
        var cast = await Cast.Of(app);
        var number = await ReportedAsync(cast);
        await RunAsync();
        var task = await TaskAsync(number);
        for (var i = 1; i <= 2; i++)
        {
            var (s, view) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/quality/confirmation-calls/{task.Id}", new { answered = false, comment = "Не бере слухавку" });
            Assert.Equal(HttpStatusCode.OK, s);
            Assert.Equal(i, view.GetProperty("unansweredAttempts").GetInt32());
        }
        Assert.Equal(AppealStatus.ResultReported, (await QuestionAsync(number)).Status);
        var (last, _) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/quality/confirmation-calls/{task.Id}", new { answered = false });
        Assert.Equal(HttpStatusCode.NoContent, last);
        var q = await QuestionAsync(number);
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal("unverified", q.VerificationVia);
        var history = await cast.HistoryAsync(number);
        Assert.Equal(3, history.Count(h => h.GetProperty("action").GetString() == "confirmationCallUnanswered"));
        Assert.Single(history, h => h.GetProperty("action").GetString() == "closedUnverified");
        // Nothing more to record, and the job changes nothing.
        var (closed, _) = await cast.As(cast.Operator).PostJsonAsync($"/api/v1/quality/confirmation-calls/{task.Id}", new { answered = false });
        Assert.Equal(HttpStatusCode.Conflict, closed);
        await RunAsync();
        Assert.Single(await cast.HistoryAsync(number), h => h.GetProperty("action").GetString() == "closedUnverified");
    }

    [Fact]
    public async Task ReworkLimit_ThirdNotConfirmed_GoesToTheSupervisor_WhoDecides()
    {
        var cast = await Cast.Of(app);
        var number = await ReportedAsync(cast);
        var url = $"/api/v1/appeals/{number}/verification";
        for (var round = 1; round <= 2; round++)
        {
            await cast.OkAsync(cast.Operator, number, "verification", new { confirmed = false, rating = 2, comment = "Не зроблено" }, "inProgress");
            Assert.Equal(round, (await QuestionAsync(number)).ReworkCount);
            await ReportAsync(cast, number);
        }
        // The third «not confirmed»: stays on verification and waits for the supervisor.
        await cast.OkAsync(cast.Operator, number, "verification", new { confirmed = false, rating = 1, comment = "Знову не зроблено" }, "resultReported");
        var q = await QuestionAsync(number);
        Assert.NotNull(q.SupervisorDecisionSince);
        Assert.Equal(2, q.ReworkCount);
        var notified = await app.WithDbAsync(db => db.StaffNotifications.AsNoTracking().Where(n => n.RegistrationNumber == number && n.Kind == "reworkLimit").ToListAsync());
        Assert.Equal("supervisor", Assert.Single(notified).RecipientRole);
        // No second objection, no unverified close while the supervisor decides.
        var (again, _) = await cast.As(cast.Operator).PostJsonAsync(url, new { confirmed = false, rating = 1 });
        Assert.Equal(HttpStatusCode.Conflict, again);
        app.Time.Advance(TimeSpan.FromDays(30));
        await RunAsync();
        Assert.Equal(AppealStatus.ResultReported, (await QuestionAsync(number)).Status);

        var (forbidden, _) = await cast.As(cast.Operator).GetJsonAsync("/api/v1/quality/supervisor-decisions");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        var (status, list) = await cast.As(cast.Supervisor).GetJsonAsync("/api/v1/quality/supervisor-decisions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("registrationNumber").GetString() == number && d.GetProperty("reworkCount").GetInt32() == 2);

        var (noReason, _) = await cast.As(cast.Supervisor).PostJsonAsync($"/api/v1/quality/supervisor-decisions/{number}", new { rework = true });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        var (sent, _) = await cast.As(cast.Supervisor).PostJsonAsync($"/api/v1/quality/supervisor-decisions/{number}", new { rework = true, reason = "Ще одна спроба: замініть стояк" });
        Assert.Equal(HttpStatusCode.OK, sent);
        q = await QuestionAsync(number);
        Assert.Equal(AppealStatus.InProgress, q.Status);
        Assert.Equal(3, q.ReworkCount);
        Assert.Null(q.SupervisorDecisionSince);

        await ReportAsync(cast, number);
        await cast.OkAsync(cast.Operator, number, "verification", new { confirmed = false, rating = 1 }, "resultReported");
        var (closed, _) = await cast.As(cast.Supervisor).PostJsonAsync($"/api/v1/quality/supervisor-decisions/{number}", new { rework = false, reason = "Роботи виконано згідно з актом" });
        Assert.Equal(HttpStatusCode.OK, closed);
        q = await QuestionAsync(number);
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.False(q.VerificationConfirmed);
        Assert.Equal("supervisor", q.VerificationVia);
        Assert.Contains(await cast.HistoryAsync(number), h => h.GetProperty("action").GetString() == "closedBySupervisor");
    }
}

public sealed class QualityVerificationTests_Sqlite(SqliteApp app) : QualityVerificationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class QualityVerificationTests_Postgres(PostgresApp app) : QualityVerificationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
