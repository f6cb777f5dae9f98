using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Control;
using ContactCenter.Features.Notifications;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Features.Quality;

public sealed record ConfirmationCallView(
    long TaskId, string RegistrationNumber, int QuestionNumber, string ApplicantName, string? Phone, bool Privileged, string? PrivilegeCategory,
    string? ResultText, DateTimeOffset? ResultAt, DateTimeOffset CreatedAt, DateTimeOffset CloseAt, int UnansweredAttempts, int AttemptsLimit,
    DateTimeOffset? LastAttemptAt, string? LastNote, int ReworkCount, VerificationChannel Channel);

/// <param name="Answered">False: the applicant did not pick up (an unanswered attempt).</param>
public sealed record CallOutcomeInput(bool Answered, bool? Confirmed, int? Rating, string? Comment);

public enum SurveyState { Open, Answered, Closed }

public sealed record SurveyView(string Token, string RegistrationNumber, int QuestionNumber, string? ResultText, DateTimeOffset? ResultAt, SurveyState State);

public sealed record SupervisorDecisionView(
    string RegistrationNumber, int QuestionNumber, int ReworkCount, int? ExecutorId, DateTimeOffset Since, int? Rating, string? Comment, string? ResultText,
    string? Executor = null, string? Category = null, string? Description = null, DateTimeOffset? ReceivedAt = null, IReadOnlyList<ReworkStep>? History = null);

/// <summary>One step of a question's verification rounds: a result reported, sent back for rework (with the reason), brought to the supervisor.</summary>
public sealed record ReworkStep(DateTimeOffset At, string Action, string Actor, string? Comment);

public sealed record SupervisorDecisionInput(bool? Rework, string? Reason);

/// <summary>
/// The quality-verification loop (F6). When a result is reported the applicant is asked through their channel: a
/// survey link by e-mail or SMS (<c>/survey/{token}</c>), the bot's buttons (Telegram), or a confirmation call
/// listed for operators when they came by phone or left no electronic contact (privileged applicants first, R11).
/// Every answer goes through <see cref="AppealWorkflow.VerifyAsync"/>. No answer after the configured number of
/// unanswered calls, or within the configured days, closes the result as not verified (counted separately).
/// </summary>
public sealed class VerificationService(
    AppDbContext db,
    AppealWorkflow workflow,
    AuditLog audit,
    Executors.ExecutorDirectory executors,
    Categories.CategoryDirectory categories,
    IOptions<ControlOptions> options,
    TimeProvider time,
    ILogger<VerificationService> logger)
{
    public static readonly Actor SurveyApplicant = new(null, "Заявник (опитування)", "applicant", null);

    /// <summary>One pass of the job: new tasks for newly reported results, then finished and overdue tasks.</summary>
    public async Task<(int Created, int Closed)> RunAsync(CancellationToken ct)
    {
        var created = await CreateTasksAsync(ct);
        var closed = 0;
        var open = await db.Set<VerificationTask>().AsNoTracking().Where(t => t.Status == VerificationTaskStatus.Open)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        foreach (var id in open)
        {
            if (await SettleAsync(id, ct))
                closed++;
        }
        if (created + closed > 0)
            logger.LogInformation("Verification: {Created} asked, {Closed} closed as not verified", created, closed);
        return (created, closed);
    }

    private async Task<int> CreateTasksAsync(CancellationToken ct)
    {
        var tasks = db.Set<VerificationTask>();
        var due = await db.Questions.AsNoTracking()
            .Where(q => q.Status == AppealStatus.ResultReported && q.SupervisorDecisionSince == null
                && !tasks.Any(t => t.QuestionId == q.Id && t.Round == q.ReworkCount))
            .OrderBy(q => q.Id).Take(500)
            .Select(q => new { q.Id, q.AppealId, q.Number, q.ReworkCount })
            .ToListAsync(ct);
        var created = 0;
        foreach (var q in due)
        {
            db.ChangeTracker.Clear();
            var appeal = await db.Appeals.AsNoTracking().FirstAsync(a => a.Id == q.AppealId, ct);
            var now = time.GetUtcNow();
            var (channel, recipient) = NotificationOutboxInterceptor.ChooseChannel(appeal);
            var kind = appeal.Channel == Channel.Phone || channel is null ? VerificationChannel.Call
                : channel == NotificationChannel.Telegram ? VerificationChannel.Telegram
                : VerificationChannel.Link;
            var task = new VerificationTask
            {
                AppealId = q.AppealId,
                QuestionId = q.Id,
                QuestionNumber = q.Number,
                RegistrationNumber = appeal.RegistrationNumber,
                Round = q.ReworkCount,
                Channel = kind,
                Token = Portal.PortalService.NewToken(),
                Privileged = appeal.Applicant.PrivilegeCategory is { Length: > 0 },
                CreatedAt = now,
                Status = VerificationTaskStatus.Open,
            };
            Notification? survey = null;
            if (kind == VerificationChannel.Link)
            {
                survey = new Notification
                {
                    Key = Guid.NewGuid(),
                    AppealId = q.AppealId,
                    RegistrationNumber = appeal.RegistrationNumber,
                    QuestionNumber = q.Number,
                    Kind = NotificationKind.Survey,
                    Channel = channel,
                    Recipient = recipient,
                    Details = SurveyUrl(task.Token),
                    Status = NotificationStatus.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                };
                db.Add(survey);
            }
            db.Add(task);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance asked first (unique question + round).
                db.ChangeTracker.Clear();
                continue;
            }
            if (survey is not null)
                await tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.NotificationId, survey.Id), ct);
            created++;
        }
        db.ChangeTracker.Clear();
        return created;
    }

    public string SurveyUrl(string token) =>
        (options.Value.PortalBaseUrl is { Length: > 0 } b ? b.TrimEnd('/') : "") + "/survey/" + token;

    /// <summary>
    /// Brings one open task up to date: finished when the question moved on (answered through any channel), waiting
    /// for the supervisor, a call when the survey message cannot be delivered, or closed as not verified when due.
    /// Returns true when this call closed it as not verified. Every change is a conditional update on an open task.
    /// </summary>
    private async Task<bool> SettleAsync(long taskId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var o = options.Value;
        var task = await db.Set<VerificationTask>().AsNoTracking().FirstAsync(t => t.Id == taskId, ct);
        if (task.Status != VerificationTaskStatus.Open)
            return false;
        var q = await db.Questions.AsNoTracking().Where(x => x.Id == task.QuestionId)
            .Select(x => new { x.Status, x.ReworkCount, x.SupervisorDecisionSince }).FirstAsync(ct);
        var now = time.GetUtcNow();
        if (q.Status != AppealStatus.ResultReported || q.ReworkCount != task.Round || q.SupervisorDecisionSince is not null)
        {
            await FinishAsync(taskId, q.SupervisorDecisionSince is null ? VerificationTaskStatus.Answered : VerificationTaskStatus.AwaitingSupervisor, now, ct);
            return false;
        }
        var byAttempts = task.UnansweredAttempts >= o.UnansweredAttemptsToClose;
        var byTime = now >= task.CreatedAt.AddDays(o.VerificationDays);
        if (!byAttempts && !byTime)
        {
            if (task.Channel == VerificationChannel.Link && task.NotificationId is { } nid
                && await db.Set<Notification>().AnyAsync(n => n.Id == nid && (n.Status == NotificationStatus.Failed || n.Status == NotificationStatus.NoContact), ct))
            {
                // The survey link cannot reach the applicant: an operator calls instead.
                await db.Set<VerificationTask>().Where(t => t.Id == taskId && t.Status == VerificationTaskStatus.Open)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.Channel, VerificationChannel.Call), ct);
            }
            return false;
        }
        if (!await FinishAsync(taskId, VerificationTaskStatus.Unverified, now, ct))
            return false;
        var reason = byAttempts
            ? $"Заявник не відповів на {task.UnansweredAttempts} контрольні дзвінки: закрито як неперевірене."
            : $"Заявник не відповів на перевірку виконання протягом {o.VerificationDays} днів: закрито як неперевірене.";
        try
        {
            db.ChangeTracker.Clear();
            await workflow.CloseUnverifiedAsync(task.RegistrationNumber, task.QuestionNumber, new ReasonRequest(reason), Actor.System, ct);
            return true;
        }
        catch (Exception e) when (e is InvalidTransitionException or DbUpdateConcurrencyException or ConflictException)
        {
            // The applicant answered at this very moment: their answer stands.
            db.ChangeTracker.Clear();
            await db.Set<VerificationTask>().Where(t => t.Id == taskId)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, VerificationTaskStatus.Answered), ct);
            logger.LogInformation(e, "Verification task {Id} was answered while closing", taskId);
            return false;
        }
    }

    private async Task<bool> FinishAsync(long taskId, VerificationTaskStatus status, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<VerificationTask>().Where(t => t.Id == taskId && t.Status == VerificationTaskStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, status).SetProperty(t => t.FinishedAt, now), ct) == 1;

    /// <summary>«Контрольні дзвінки»: open call tasks, privileged applicants first (R11), then the oldest.</summary>
    public async Task<List<ConfirmationCallView>> ListCallsAsync(Actor actor, CancellationToken ct)
    {
        EnsureOperator(actor);
        var o = options.Value;
        var rows = await (
            from t in db.Set<VerificationTask>().AsNoTracking()
            join q in db.Questions.AsNoTracking() on t.QuestionId equals q.Id
            where t.Status == VerificationTaskStatus.Open && t.Channel == VerificationChannel.Call
                && q.Status == AppealStatus.ResultReported && q.SupervisorDecisionSince == null && q.ReworkCount == t.Round
            orderby t.Privileged descending, t.CreatedAt, t.Id
            select new { Task = t, q.ResultText, q.ResultAt, q.ReworkCount, q.Appeal.Applicant.FullName, q.Appeal.Applicant.Phone, q.Appeal.Applicant.PrivilegeCategory })
            .Take(500).ToListAsync(ct);
        audit.Add(actor, "read", "confirmationCalls", null, $"{rows.Count} items");
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new ConfirmationCallView(r.Task.Id, r.Task.RegistrationNumber, r.Task.QuestionNumber, r.FullName, r.Phone, r.Task.Privileged,
            r.PrivilegeCategory, r.ResultText, r.ResultAt, r.Task.CreatedAt, r.Task.CreatedAt.AddDays(o.VerificationDays), r.Task.UnansweredAttempts,
            o.UnansweredAttemptsToClose, r.Task.LastAttemptAt, r.Task.LastNote, r.ReworkCount, r.Task.Channel)).ToList();
    }

    /// <summary>The operator's confirmation call: the applicant's answer (through VerifyAsync) or an unanswered attempt.</summary>
    public async Task<ConfirmationCallView?> RecordCallAsync(long taskId, CallOutcomeInput input, Actor actor, CancellationToken ct)
    {
        EnsureOperator(actor);
        var task = await db.Set<VerificationTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new NotFoundException(Text.Get("verification.notFound", taskId));
        if (task.Status != VerificationTaskStatus.Open)
            throw new ConflictException(Text.Get("verification.closed"));
        var errors = new ValidationErrors();
        if (input.Answered && input.Confirmed is null)
            errors.Add("confirmed", Text.Get("field.required"));
        if (input.Answered && input.Rating is null)
            errors.Add("rating", Text.Get("rating.range"));
        if (input.Rating is { } r && r is < 1 or > 5)
            errors.Add("rating", Text.Get("rating.range"));
        if (input.Comment is { Length: > 2000 })
            errors.Add("comment", Text.Get("field.tooLong", 2000));
        errors.ThrowIfAny();
        if (input.Answered)
        {
            await workflow.VerifyAsync(task.RegistrationNumber, task.QuestionNumber,
                new VerificationRequest(input.Confirmed, input.Rating, input.Comment, "call"), actor, ct);
            await SettleAsync(taskId, ct);
            return null;
        }
        var now = time.GetUtcNow();
        var note = input.Comment?.Trim() is { Length: > 0 } c ? c : null;
        var counted = await db.Set<VerificationTask>().Where(t => t.Id == taskId && t.Status == VerificationTaskStatus.Open)
            .ExecuteUpdateAsync(u => u
                .SetProperty(t => t.UnansweredAttempts, t => t.UnansweredAttempts + 1)
                .SetProperty(t => t.LastAttemptAt, now)
                .SetProperty(t => t.LastNote, note), ct);
        if (counted == 0)
            throw new ConflictException(Text.Get("verification.closed"));
        var attempts = task.UnansweredAttempts + 1;
        var appealId = task.AppealId;
        var several = await db.Questions.CountAsync(q => q.AppealId == appealId, ct) > 1;
        db.AppealHistory.Add(new AppealHistoryEntry
        {
            AppealId = appealId,
            QuestionNumber = several ? task.QuestionNumber : null,
            At = now,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = "confirmationCallUnanswered",
            Comment = note is null ? $"{attempts}/{options.Value.UnansweredAttemptsToClose}" : $"{attempts}/{options.Value.UnansweredAttemptsToClose}: {note}",
        });
        audit.Add(actor, "update", "appeal", task.RegistrationNumber, "ConfirmationCallUnanswered");
        await db.SaveChangesAsync(ct);
        // The limit reached: closed as not verified now (the job would do the same on its next run).
        await SettleAsync(taskId, ct);
        return (await ListCallsAsync(actor, ct)).FirstOrDefault(v => v.TaskId == taskId);
    }

    public async Task<SurveyView?> SurveyAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: >= 16 and <= 64 })
            return null;
        var row = await (
            from t in db.Set<VerificationTask>().AsNoTracking()
            join q in db.Questions.AsNoTracking() on t.QuestionId equals q.Id
            where t.Token == token
            select new { t.Token, t.RegistrationNumber, t.QuestionNumber, t.Round, t.Status, t.CreatedAt, q.ResultText, q.ResultAt, QStatus = q.Status, q.ReworkCount, q.SupervisorDecisionSince, q.VerifiedAt })
            .FirstOrDefaultAsync(ct);
        if (row is null)
            return null;
        var open = row.Status == VerificationTaskStatus.Open && row.QStatus == AppealStatus.ResultReported && row.ReworkCount == row.Round && row.SupervisorDecisionSince is null;
        var state = open ? SurveyState.Open
            : row.Status is VerificationTaskStatus.Answered or VerificationTaskStatus.AwaitingSupervisor || row.VerifiedAt >= row.CreatedAt ? SurveyState.Answered
            : SurveyState.Closed;
        return new SurveyView(row.Token, row.RegistrationNumber, row.QuestionNumber, row.ResultText, row.ResultAt, state);
    }

    /// <summary>The applicant's one answer through the survey link.</summary>
    public async Task AnswerSurveyAsync(string token, bool? confirmed, int? rating, string? comment, CancellationToken ct)
    {
        var view = await SurveyAsync(token, ct) ?? throw new NotFoundException(Portal.PortalText.T("survey.missing"));
        if (view.State != SurveyState.Open)
            throw new ConflictException(Portal.PortalText.T("survey.done"));
        var errors = new ValidationErrors();
        if (confirmed is null)
            errors.Add("confirmed", Portal.PortalText.T("rate.choose"));
        if (rating is not (>= 1 and <= 5))
            errors.Add("rating", Text.Get("rating.range"));
        errors.ThrowIfAny();
        try
        {
            await workflow.VerifyAsync(view.RegistrationNumber, view.QuestionNumber, new VerificationRequest(confirmed, rating, comment, "survey"), SurveyApplicant, ct);
        }
        catch (InvalidTransitionException)
        {
            throw new ConflictException(Portal.PortalText.T("survey.done"));
        }
        var id = await db.Set<VerificationTask>().Where(t => t.Token == token).Select(t => t.Id).FirstAsync(ct);
        await SettleAsync(id, ct);
    }

    public async Task<List<SupervisorDecisionView>> SupervisorDecisionsAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var rows = await db.Questions.AsNoTracking().Where(q => q.SupervisorDecisionSince != null && q.Status == AppealStatus.ResultReported)
            .OrderBy(q => q.SupervisorDecisionSince)
            .Select(q => new
            {
                q.AppealId,
                q.Appeal.RegistrationNumber,
                q.Appeal.ReceivedAt,
                q.Number,
                q.ReworkCount,
                q.ExecutorId,
                Since = q.SupervisorDecisionSince!.Value,
                q.VerificationRating,
                q.VerificationComment,
                q.ResultText,
                q.CategoryCode,
                q.Description,
                Several = q.Appeal.Questions.Count > 1
            })
            .Take(500).ToListAsync(ct);
        var appealIds = rows.Select(r => r.AppealId).Distinct().ToList();
        // The rounds behind the decision: each reported result, each «not confirmed» with the applicant's reason.
        var steps = await db.AppealHistory.AsNoTracking()
            .Where(h => appealIds.Contains(h.AppealId) && ReworkActions.Contains(h.Action))
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new { h.AppealId, h.QuestionNumber, h.At, h.Action, h.ActorName, h.Comment })
            .ToListAsync(ct);
        var lookup = await executors.LookupAsync(ct);
        var names = await categories.AllAsync(ct);
        return rows.Select(r => new SupervisorDecisionView(r.RegistrationNumber, r.Number, r.ReworkCount, r.ExecutorId, r.Since, r.VerificationRating,
            r.VerificationComment, r.ResultText, lookup.Ref(r.ExecutorId)?.Name, names.TryGetValue(r.CategoryCode, out var c) ? c.Name : r.CategoryCode,
            r.Description, r.ReceivedAt,
            steps.Where(h => h.AppealId == r.AppealId && (h.QuestionNumber == r.Number || (!r.Several && h.QuestionNumber == null)))
                .Select(h => new ReworkStep(h.At, h.Action, h.ActorName, h.Comment)).ToList())).ToList();
    }

    private static readonly string[] ReworkActions = ["resultReported", "returnedForRework", "supervisorDecisionRequested"];

    private static void EnsureOperator(Actor actor)
    {
        if (actor.Role is not (Identity.Roles.Operator or Identity.Roles.Supervisor or Identity.Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }
}

/// <summary>Runs the verification loop on the scheduler; every step is a conditional update, so overlapping runs are harmless.</summary>
[DisallowConcurrentExecution]
public sealed class VerificationJob(VerificationService service) : IJob
{
    public static readonly JobKey Key = new("verification", "quality");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await service.RunAsync(cancellationToken);
}

public static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quality").WithTags("Quality").RequireAuthorization();
        group.MapGet("/confirmation-calls", async (VerificationService service, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await service.ListCallsAsync(http.Actor(), ct)))
            .WithName("ListConfirmationCalls").WithSummary("Results awaiting a confirmation call, privileged applicants first (operator, supervisor).");
        group.MapPost("/confirmation-calls/{taskId:long}", async (long taskId, CallOutcomeInput input, VerificationService service, HttpContext http, CancellationToken ct) =>
        {
            var view = await service.RecordCallAsync(taskId, input, http.Actor(), ct);
            return view is null ? Results.NoContent() : Results.Ok(view);
        }).WithName("RecordConfirmationCall").WithSummary("The call's outcome: the applicant's answer (confirmed, rating 1–5, comment) or an unanswered attempt.");
        group.MapGet("/supervisor-decisions", async (VerificationService service, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await service.SupervisorDecisionsAsync(http.Actor(), ct)))
            .WithName("ListSupervisorDecisions").WithSummary("Results not confirmed after the rework limit, waiting for the supervisor (F6.2).");
        group.MapPost("/supervisor-decisions/{number}", async (string number, int? question, SupervisorDecisionInput input, AppealWorkflow workflow, HttpContext http, CancellationToken ct) =>
        {
            if (input.Rework is null)
                throw AppValidationException.For("rework", Text.Get("field.required"));
            var appeal = await workflow.DecideAfterReworkLimitAsync(number, question, input.Rework.Value, new ReasonRequest(input.Reason), http.Actor(), ct);
            return TypedResults.Ok(new { appeal.RegistrationNumber, appeal.Status });
        }).WithName("DecideAfterReworkLimit").WithSummary("The supervisor sends the result back for rework (rework=true) or closes it (rework=false), with a reason.");
        group.MapGet("/digest", async (DigestService digest, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await digest.BuildAsync(http.Actor(), ct)))
            .WithName("GetDigest").WithSummary("Today's monitoring digest: overdue by executor, due today, extensions, rework (supervisor, leadership).");
        app.MapGet("/api/v1/appeals/{number}/control", async (string number, LawNoticeWatch watch, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await watch.ForAppealAsync(number, http.Actor(), ct)))
            .RequireAuthorization().WithTags("Quality")
            .WithName("GetAppealControl").WithSummary("The card's control timers: R2 return notice (10 days from receipt), R6 forward notice (5 days), R8 extension notices (before the old deadline), verification round.");
        return app;
    }
}
