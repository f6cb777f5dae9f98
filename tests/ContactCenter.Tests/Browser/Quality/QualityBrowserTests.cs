using ContactCenter.Core.Appeals;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Quality;
using ContactCenter.Tests.Api.Workflow;
using ContactCenter.Tests.Browser.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactCenter.Tests.Browser.Quality;

/// <summary>F6 in Chromium: the operator's confirmation calls and the applicant's survey link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QualityBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
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
        await cast.OkAsync(cast.Executor, number, "result", new { text = "Засувку замінено, воду подано 24.11 о 15:00", resultCode = "resolved" }, "resultReported");
        return number;
    }

    private async Task AskAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<VerificationService>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ConfirmationCalls_PrivilegedFirst_NoAnswerCounted_AnswerWithGradeCloses()
    {
        var cast = await Cast.Of(app);
        var plain = await ReportedAsync(cast);
        var privileged = await ReportedAsync(cast, privilege: "ветеран війни");
        await AskAsync();
        var operatorEmail = await ConsoleKit.CreateUserAsync(app, Roles.Operator, name: "Олена Оператор");
        var page = await ConsoleKit.SignedInPageAsync(app, operatorEmail);
        var calls = new ConfirmationCallsPage(page);
        await calls.OpenAsync();
        await calls.Row(plain).WaitForAsync();
        var order = await calls.Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('aria-label'))");
        Assert.True(Array.IndexOf(order, privileged) < Array.IndexOf(order, plain), string.Join(",", order));
        await Assertions.Expect(calls.Row(privileged)).ToContainTextAsync("пільговик");
        await BrowserApp.ScreenshotAsync(page, "quality-confirmation-calls");

        await calls.NoAnswerAsync(plain);
        await Assertions.Expect(calls.Attempts(plain)).ToContainTextAsync("1 / 3");

        await calls.RecordAnswerAsync(privileged, done: true, grade: 5, comment: "Воду дали, дякую");
        await BrowserApp.ScreenshotAsync(page, "quality-confirmation-call-answer");
        await calls.SaveAsync(privileged);
        await Assertions.Expect(calls.Row(privileged)).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "quality-confirmation-calls-after");
        var q = await app.WithDbAsync(db => db.Questions.AsNoTracking().FirstAsync(x => x.Appeal.RegistrationNumber == privileged));
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal(5, q.VerificationRating);
        Assert.Equal("call", q.VerificationVia);
    }

    [Fact]
    public async Task Survey_ApplicantOpensTheLink_ConfirmsWithAGrade_OnceOnly()
    {
        var cast = await Cast.Of(app);
        var number = await ReportedAsync(cast, email: $"s.{Guid.NewGuid():N}"[..14] + "@example.test");
        await AskAsync();
        var token = await app.WithDbAsync(db => db.Set<VerificationTask>().Where(t => t.RegistrationNumber == number).Select(t => t.Token).FirstAsync());

        var page = await app.NewPageAsync(390, 844);
        var survey = new SurveyPage(page);
        await survey.OpenAsync(token);
        Assert.Contains(number, await survey.Heading.InnerTextAsync());
        await Assertions.Expect(page.GetByText("Засувку замінено")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "quality-survey-mobile");

        // Without a grade: told so, nothing recorded.
        await page.GetByLabel("Так, вирішено").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати оцінку" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Оцінка — від 1 до 5");
        await BrowserApp.ScreenshotAsync(page, "quality-survey-error");

        await survey.AnswerAsync(solved: true, grade: 4, comment: "Дякую за швидку роботу");
        await Assertions.Expect(survey.Status).ToContainTextAsync("Дякуємо");
        await BrowserApp.ScreenshotAsync(page, "quality-survey-thanks");
        var q = await app.WithDbAsync(db => db.Questions.AsNoTracking().FirstAsync(x => x.Appeal.RegistrationNumber == number));
        Assert.Equal(AppealStatus.Closed, q.Status);
        Assert.Equal(4, q.VerificationRating);

        var desktop = await app.NewPageAsync();
        await new SurveyPage(desktop).OpenAsync(token);
        await Assertions.Expect(desktop.GetByRole(AriaRole.Status)).ToContainTextAsync("уже враховано");
        Assert.Equal(0, await desktop.GetByRole(AriaRole.Button, new() { Name = "Надіслати оцінку" }).CountAsync());
        await BrowserApp.ScreenshotAsync(desktop, "quality-survey-answered");
    }
}
