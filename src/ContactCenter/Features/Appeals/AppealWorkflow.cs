using ContactCenter.Core.Appeals;
using ContactCenter.Core.Deadlines;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Events;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// Every lifecycle transition of an appeal question and every executor request, through the one state
/// machine (<see cref="AppealStateMachine"/>), with history, audit and optimistic concurrency (409 on a lost race).
/// The REST API and the staff console call these same methods.
/// </summary>
public sealed class AppealWorkflow(
    AppDbContext db,
    AppealAccess access,
    ExecutorDirectory executors,
    CalendarService calendar,
    AuditLog audit,
    AppealEvents events,
    Microsoft.Extensions.Options.IOptions<Control.ControlOptions> control,
    TimeProvider time)
{
    public async Task<Appeal> LoadAsync(string registrationNumber, CancellationToken ct)
    {
        var appeal = await db.Appeals
            .Include(a => a.Questions).ThenInclude(q => q.Assignments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.RegistrationNumber == registrationNumber, ct);
        return appeal ?? throw new NotFoundException(Text.Get("appeal.notFound", registrationNumber));
    }

    public static Question PickQuestion(Appeal appeal, int? number)
    {
        if (number is null)
        {
            if (appeal.Questions.Count == 1)
                return appeal.Questions[0];
            throw AppValidationException.For("question", Text.Get("question.required"));
        }
        return appeal.Questions.FirstOrDefault(q => q.Number == number)
            ?? throw new NotFoundException(Text.Get("question.notFound", number));
    }

    public async Task<Appeal> AssignAsync(string number, int? questionNumber, AssignRequest request, Actor actor, CancellationToken ct)
    {
        var appeal = await LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var question = PickQuestion(appeal, questionNumber);
        var lookup = await executors.LookupAsync(ct);
        var errors = new ValidationErrors();
        var executorId = request.ExecutorId ?? (actor.IsExecutorSide ? question.ExecutorId : null);
        if (executorId is null)
            errors.Add("executorId", Text.Get("field.required"));
        else if (!lookup.Exists(executorId.Value))
            errors.Add("executorId", Text.Get("executor.unknown", executorId));
        foreach (var id in (request.CoExecutorIds ?? []).Concat(request.ForInformationIds ?? []))
        {
            if (!lookup.Exists(id))
                errors.Add("coExecutorIds", Text.Get("executor.unknown", id));
        }
        if (executorId is { } target && appeal.Kind == AppealKind.Complaint && appeal.ContestedExecutorId == target)
            errors.Add("executorId", Text.Get("complaint.contestedExecutor"));
        // The concrete assignee (F3.3) is a staff member of the executor that works the question, linked to a login.
        if (!string.IsNullOrEmpty(request.AssigneeUserId) && executorId is { } owner &&
            !await db.ExecutorStaff.AnyAsync(s => s.ExecutorId == owner && s.UserId == request.AssigneeUserId, ct))
            errors.Add("assigneeUserId", Text.Get("assignee.notStaff"));
        errors.ThrowIfAny();

        var now = time.GetUtcNow();
        if (executorId == question.ExecutorId && question.Status != AppealStatus.Registered)
        {
            // Same executor: the organisation names its concrete staff member (F3.3); no status change.
            await access.EnsureCanActAsync(appeal, question, actor, ct);
            if (!actor.IsExecutorSide && !actor.IsSupervisorOrAdmin)
                throw new ForbiddenException(Text.Get("error.forbidden"));
            question.AssigneeUserId = request.AssigneeUserId;
            AddCoExecutors(question, request, now);
            Touch(appeal, now);
            AddHistory(appeal, question, actor, "assigneeSet", null, null, request.AssigneeUserId ?? request.Comment, isPublic: false);
            audit.Add(actor, "update", "appeal", appeal.RegistrationNumber, "assignee");
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(appeal, "assigneeSet", ct);
            return appeal;
        }

        var trigger = question.Status == AppealStatus.Registered ? AppealTrigger.Assign : AppealTrigger.Reassign;
        var outcome = AppealStateMachine.Fire(question.Status, trigger, actor.ActorRole);
        MoveTo(question, executorId!.Value, request.AssigneeUserId, now);
        AddCoExecutors(question, request, now);
        question.Status = outcome.To;
        Touch(appeal, now);
        AddHistory(appeal, question, actor, trigger == AppealTrigger.Assign ? "assigned" : "reassigned", outcome.From, outcome.To,
            Join(lookup.Ref(executorId)!.Name, request.Comment), isPublic: true);
        audit.Add(actor, "update", "appeal", appeal.RegistrationNumber, $"{trigger} to executor {executorId}");
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, trigger == AppealTrigger.Assign ? "assigned" : "reassigned", ct);
        return appeal;
    }

    public Task<Appeal> AcceptAsync(string number, int? questionNumber, Actor actor, CancellationToken ct) =>
        TransitionAsync(number, questionNumber, AppealTrigger.Accept, actor, "accepted", null, true, (q, now) => q.AcceptedAt = now, ct);

    public async Task<Appeal> ReportResultAsync(string number, int? questionNumber, ResultRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "text", request.Text, 8000);
        if (request.ResultCode is not (ResultCode.Resolved or ResultCode.Refused or ResultCode.Explained))
            errors.Add("resultCode", Text.Get("result.code.invalid"));
        errors.ThrowIfAny();
        return await TransitionAsync(number, questionNumber, AppealTrigger.ReportResult, actor, "resultReported", request.Text, true, (q, now) =>
        {
            q.ResultCode = request.ResultCode;
            q.ResultText = request.Text!.Trim();
            q.ResultAt = now;
        }, ct);
    }

    public async Task<Appeal> VerifyAsync(string number, int? questionNumber, VerificationRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.Confirmed is null)
            errors.Add("confirmed", Text.Get("field.required"));
        if (request.Rating is { } r && r is < 1 or > 5)
            errors.Add("rating", Text.Get("rating.range"));
        if (request.Comment is { Length: > 4000 })
            errors.Add("comment", Text.Get("field.tooLong", 4000));
        errors.ThrowIfAny();
        var confirmed = request.Confirmed!.Value;
        if (!confirmed)
        {
            var loaded = await LoadAsync(number, ct);
            var current = PickQuestion(loaded, questionNumber);
            var limit = control.Value.ReworkLimit;
            if (current.SupervisorDecisionSince is not null)
                throw new ConflictException(Text.Get("verification.supervisorPending", limit));
            // F6.2: after the configured number of reworks a further «not confirmed» goes to the supervisor to decide.
            if (current.Status == AppealStatus.ResultReported && current.ReworkCount >= limit)
                return await RequestSupervisorDecisionAsync(loaded, current, request, actor, ct);
        }
        return await TransitionAsync(number, questionNumber, confirmed ? AppealTrigger.ConfirmResult : AppealTrigger.RejectResult, actor,
            confirmed ? "verified" : "returnedForRework", request.Comment, true, (q, now) =>
            {
                q.VerificationConfirmed = confirmed;
                q.VerificationRating = request.Rating;
                q.VerificationComment = request.Comment?.Trim();
                q.VerificationVia = request.Via?.Trim() is { Length: > 0 } via ? via[..Math.Min(via.Length, 32)] : actor.Role;
                q.VerifiedAt = now;
                q.SupervisorDecisionSince = null;
                if (confirmed)
                {
                    q.ClosedAt = now;
                }
                else
                {
                    // Rework («на доопрацювання»): back to the same executor, counted (F6.2).
                    q.ReworkCount++;
                    q.ResultCode = null;
                }
            }, ct);
    }

    /// <summary>
    /// F6.2, the rework limit reached: the «not confirmed» answer is recorded, the question stays on verification and
    /// waits for the supervisor (<see cref="DecideAfterReworkLimitAsync"/>); the supervisors are told at once.
    /// </summary>
    private async Task<Appeal> RequestSupervisorDecisionAsync(Appeal appeal, Question question, VerificationRequest request, Actor actor, CancellationToken ct)
    {
        await access.EnsureCanReadAsync(appeal, actor, ct);
        // The same permission as a rework: whoever may send it back may bring it to the supervisor.
        AppealStateMachine.Fire(question.Status, AppealTrigger.RejectResult, actor.ActorRole);
        await access.EnsureCanActAsync(appeal, question, actor, ct);
        var now = time.GetUtcNow();
        question.VerificationConfirmed = false;
        question.VerificationRating = request.Rating;
        question.VerificationComment = request.Comment?.Trim();
        question.VerificationVia = request.Via?.Trim() is { Length: > 0 } via ? via[..Math.Min(via.Length, 32)] : actor.Role;
        question.VerifiedAt = now;
        question.SupervisorDecisionSince = now;
        Touch(appeal, now);
        AddHistory(appeal, question, actor, "supervisorDecisionRequested", null, null, request.Comment?.Trim(), isPublic: false);
        db.StaffNotifications.Add(new Control.StaffNotification
        {
            At = now,
            RecipientRole = Identity.Roles.Supervisor,
            Kind = "reworkLimit",
            RegistrationNumber = appeal.RegistrationNumber,
            Text = $"Заявник не підтвердив виконання звернення {appeal.RegistrationNumber} після {question.ReworkCount} доопрацювань: потрібне рішення керівника.",
        });
        audit.Add(actor, "update", "appeal", appeal.RegistrationNumber, "SupervisorDecisionRequested");
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, "supervisorDecisionRequested", ct);
        return appeal;
    }

    /// <summary>
    /// F6.2: the supervisor's decision on a result not confirmed after the rework limit — back to the executor for one
    /// more rework, or closed (the applicant's «not confirmed» stays on record; it is the head's close).
    /// </summary>
    public async Task<Appeal> DecideAfterReworkLimitAsync(string number, int? questionNumber, bool rework, ReasonRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var errors = new ValidationErrors();
        RequireText(errors, "reason", request.Reason, 4000);
        errors.ThrowIfAny();
        var appeal = await LoadAsync(number, ct);
        if (PickQuestion(appeal, questionNumber).SupervisorDecisionSince is null)
            throw new ConflictException(Text.Get("verification.noSupervisorDecision"));
        return await TransitionAsync(number, questionNumber, rework ? AppealTrigger.RejectResult : AppealTrigger.ConfirmResult, actor,
            rework ? "returnedForRework" : "closedBySupervisor", request.Reason!.Trim(), true, (q, now) =>
            {
                q.SupervisorDecisionSince = null;
                if (rework)
                {
                    q.ReworkCount++;
                    q.ResultCode = null;
                }
                else
                {
                    q.VerificationVia = "supervisor";
                    q.ClosedAt = now;
                }
            }, ct);
    }

    public async Task<Appeal> AnswerAsync(string number, int? questionNumber, AnswerRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "text", request.Text, 8000);
        errors.ThrowIfAny();
        return await TransitionAsync(number, questionNumber, AppealTrigger.Answer, actor, "answered", request.Text, true, (q, now) =>
        {
            q.ResultText = request.Text!.Trim();
            q.ResultAt = now;
            q.ClosedAt = now;
        }, ct);
    }

    public async Task<Appeal> ForwardAsync(string number, int? questionNumber, ForwardRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "body", request.Body, 500);
        RequireText(errors, "explanation", request.Explanation, 4000);
        RequireText(errors, "legalBasis", request.LegalBasis, 1000);
        errors.ThrowIfAny();
        return await TransitionAsync(number, questionNumber, AppealTrigger.Forward, actor, "forwarded", request.Body, true, (q, now) =>
        {
            q.ForwardedTo = request.Body!.Trim();
            q.ResultText = request.Explanation!.Trim();
            q.LegalBasis = request.LegalBasis!.Trim();
            q.ResultAt = now;
            q.ClosedAt = now;
        }, ct);
    }

    public async Task<Appeal> RejectAsync(string number, int? questionNumber, RejectRequest request, Actor actor, CancellationToken ct)
    {
        // R5: a refusal names its legal basis and reasons and explains how to appeal it.
        var errors = new ValidationErrors();
        RequireText(errors, "legalBasis", request.LegalBasis, 1000);
        RequireText(errors, "reasons", request.Reasons, 4000);
        RequireText(errors, "appealProcedure", request.AppealProcedure, 2000);
        errors.ThrowIfAny();
        return await TransitionAsync(number, questionNumber, AppealTrigger.Reject, actor, "rejected", request.Reasons, true, (q, now) =>
        {
            q.LegalBasis = request.LegalBasis!.Trim();
            q.ResultText = request.Reasons!.Trim() + "\n\n" + request.AppealProcedure!.Trim();
            q.ResultAt = now;
            q.ClosedAt = now;
        }, ct);
    }

    public async Task<Appeal> TerminateAsync(string number, int? questionNumber, TerminateRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "reason", request.Reason, 4000);
        errors.ThrowIfAny();
        var text = request.EarlierRegistrationNumber is { Length: > 0 } earlier ? $"{request.Reason!.Trim()} ({earlier})" : request.Reason!.Trim();
        return await TransitionAsync(number, questionNumber, AppealTrigger.Terminate, actor, "terminated", text, true, (q, now) =>
        {
            q.ResultText = text;
            q.LegalBasis = "ст. 8 Закону України «Про звернення громадян»";
            q.ResultAt = now;
            q.ClosedAt = now;
        }, ct);
    }

    public async Task<Appeal> ReturnToApplicantAsync(string number, int? questionNumber, ReturnRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "explanation", request.Explanation, 4000);
        errors.ThrowIfAny();
        return await TransitionAsync(number, questionNumber, AppealTrigger.ReturnToApplicant, actor, "returned", request.Explanation, true, (q, now) =>
        {
            q.ResultText = request.Explanation!.Trim();
            q.LegalBasis = "ст. 5 Закону України «Про звернення громадян»";
            q.ResultAt = now;
            q.ClosedAt = now;
        }, ct);
    }

    /// <summary>Deferred work taken up again by the executor.</summary>
    public Task<Appeal> ResumeAsync(string number, int? questionNumber, ReasonRequest request, Actor actor, CancellationToken ct) =>
        TransitionAsync(number, questionNumber, AppealTrigger.Resume, actor, "resumed", request.Reason?.Trim(), true, null, ct);

    /// <summary>F6.3: the applicant did not answer the verification; closed as not verified (counted separately).</summary>
    public Task<Appeal> CloseUnverifiedAsync(string number, int? questionNumber, ReasonRequest request, Actor actor, CancellationToken ct) =>
        TransitionAsync(number, questionNumber, AppealTrigger.CloseUnverified, actor, "closedUnverified", request.Reason?.Trim(), false, (q, now) =>
        {
            q.VerificationConfirmed = null;
            q.VerificationVia = "unverified";
            q.ClosedAt = now;
        }, ct);

    public async Task<AppealComment> CommentAsync(string number, int? questionNumber, CommentRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        RequireText(errors, "text", request.Text, 4000);
        errors.ThrowIfAny();
        var appeal = await LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        if (actor.Role is Identity.Roles.Leadership or Identity.Roles.Integration)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        if (questionNumber is not null)
            PickQuestion(appeal, questionNumber);
        var comment = new AppealComment
        {
            AppealId = appeal.Id,
            QuestionNumber = questionNumber,
            At = time.GetUtcNow(),
            AuthorUserId = actor.UserId,
            AuthorName = actor.Name,
            Text = request.Text!.Trim(),
            Public = request.Public,
        };
        db.AppealComments.Add(comment);
        db.AppealHistory.Add(new AppealHistoryEntry
        {
            AppealId = appeal.Id,
            QuestionNumber = questionNumber,
            At = comment.At,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = request.Public ? "publicComment" : "comment",
            Comment = comment.Text,
            Public = request.Public,
        });
        audit.Add(actor, "create", "comment", appeal.RegistrationNumber);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, "comment", ct);
        return comment;
    }

    public async Task<ExecutorRequest> CreateRequestAsync(string number, int? questionNumber, ExecutorRequestInput input, Actor actor, CancellationToken ct)
    {
        var appeal = await LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var question = PickQuestion(appeal, questionNumber);
        if (!actor.IsExecutorSide && !actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        await access.EnsureCanActAsync(appeal, question, actor, ct);

        var errors = new ValidationErrors();
        if (input.Type is null)
            errors.Add("type", Text.Get("field.required"));
        RequireText(errors, "reason", input.Reason, 4000, "request.reason.required");
        if (input.Type == ExecutorRequestType.Extend && input.WorkingDays is not (>= 1 and <= DeadlineCalculator.MaxExtensionWorkingDays))
            errors.Add("workingDays", Text.Get("request.workingDays.range", DeadlineCalculator.MaxExtensionWorkingDays));
        if (input.ExecutorId is { } eid && !(await executors.LookupAsync(ct)).Exists(eid))
            errors.Add("executorId", Text.Get("executor.unknown", eid));
        errors.ThrowIfAny();

        var type = input.Type!.Value;
        if (!AppealStateMachine.IsOpen(question.Status) || question.Status == AppealStatus.ResultReported)
            throw new ConflictException(Text.Get("error.transitionStatus", Text.Status(question.Status)));
        if (await db.ExecutorRequests.AnyAsync(r => r.QuestionId == question.Id && r.Type == type && r.Status == ExecutorRequestStatus.Pending, ct))
            throw new ConflictException(Text.Get("request.pending"));
        if (type == ExecutorRequestType.Extend)
            await CheckExtensionAsync(appeal, question, input.WorkingDays!.Value, ct);

        var now = time.GetUtcNow();
        var request = new ExecutorRequest
        {
            AppealId = appeal.Id,
            QuestionId = question.Id,
            Type = type,
            Reason = input.Reason!.Trim(),
            TargetExecutorId = input.ExecutorId,
            WorkingDays = input.WorkingDays,
            Status = ExecutorRequestStatus.Pending,
            RequestedByExecutorId = actor.ExecutorId,
            RequestedByUserId = actor.UserId,
            RequestedByName = actor.Name,
            RequestedAt = now,
        };
        db.ExecutorRequests.Add(request);
        AddHistory(appeal, question, actor, "request." + type.ToString().ToLowerInvariant(), null, null, request.Reason, isPublic: false);
        audit.Add(actor, "create", "executorRequest", appeal.RegistrationNumber, type.ToString());
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, "request." + type.ToString().ToLowerInvariant(), ct);
        return request;
    }

    public async Task<ExecutorRequest> DecideAsync(long requestId, bool approve, DecisionRequest decision, Actor actor, CancellationToken ct)
    {
        if (!actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var request = await db.ExecutorRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new NotFoundException(Text.Get("request.notFound", requestId));
        if (request.Status != ExecutorRequestStatus.Pending)
            throw new ConflictException(Text.Get("request.notPending"));
        if (!approve && string.IsNullOrWhiteSpace(decision.Reason))
            throw AppValidationException.For("reason", Text.Get("request.decline.reason"));

        var appeal = await db.Appeals.Include(a => a.Questions).ThenInclude(q => q.Assignments).AsSplitQuery()
            .FirstAsync(a => a.Id == request.AppealId, ct);
        var question = appeal.Questions.First(q => q.Id == request.QuestionId);
        var now = time.GetUtcNow();
        var lookup = await executors.LookupAsync(ct);
        var action = $"request.{request.Type.ToString().ToLowerInvariant()}.{(approve ? "approved" : "declined")}";
        AppealStatus? from = null, to = null;
        var comment = decision.Reason?.Trim();

        if (approve)
        {
            switch (request.Type)
            {
                case ExecutorRequestType.Reassign:
                    var target = decision.ExecutorId ?? request.TargetExecutorId
                        ?? throw AppValidationException.For("executorId", Text.Get("request.executor.required"));
                    if (!lookup.Exists(target))
                        throw AppValidationException.For("executorId", Text.Get("executor.unknown", target));
                    if (appeal.Kind == AppealKind.Complaint && appeal.ContestedExecutorId == target)
                        throw AppValidationException.For("executorId", Text.Get("complaint.contestedExecutor"));
                    var reassigned = AppealStateMachine.Fire(question.Status, AppealTrigger.Reassign, actor.ActorRole);
                    (from, to) = (reassigned.From, reassigned.To);
                    MoveTo(question, target, null, now);
                    question.Status = reassigned.To;
                    request.TargetExecutorId = target;
                    comment = Join(lookup.Ref(target)!.Name, comment);
                    break;
                case ExecutorRequestType.Extend:
                    var newDue = await CheckExtensionAsync(appeal, question, request.WorkingDays!.Value, ct);
                    request.PreviousDueAt = question.DueAt;
                    question.DueAt = newDue;
                    question.ExtendedWorkingDays += request.WorkingDays!.Value;
                    // A new deadline gets its own reminder.
                    question.ReminderSentAt = null;
                    comment = Join(TimeZoneInfo.ConvertTime(newDue, calendar.TimeZone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), comment);
                    break;
                case ExecutorRequestType.Defer:
                    var deferred = AppealStateMachine.Fire(question.Status, AppealTrigger.Defer, actor.ActorRole);
                    (from, to) = (deferred.From, deferred.To);
                    question.Status = deferred.To;
                    break;
                case ExecutorRequestType.AdditionalControl:
                    appeal.AdditionalControl = true;
                    break;
            }
        }
        request.Status = approve ? ExecutorRequestStatus.Approved : ExecutorRequestStatus.Declined;
        request.DecidedByName = actor.Name;
        request.DecidedAt = now;
        request.DecisionReason = decision.Reason?.Trim();
        Touch(appeal, now);
        // The applicant is told of an extension's reason and new date (R8); reassignments are public too.
        AddHistory(appeal, question, actor, action, from, to, comment,
            isPublic: approve && request.Type is ExecutorRequestType.Extend or ExecutorRequestType.Reassign);
        audit.Add(actor, "update", "executorRequest", appeal.RegistrationNumber, action);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, action, ct);
        return request;
    }

    private async Task<DateTimeOffset> CheckExtensionAsync(Appeal appeal, Question question, int workingDays, CancellationToken ct)
    {
        var cal = await calendar.GetCalendarAsync(ct);
        var current = question.DueAt ?? appeal.ReceivedAt;
        var outcome = DeadlineCalculator.Extend(appeal.ReceivedAt, current, workingDays, question.ExtendedWorkingDays, cal);
        if (!outcome.Allowed)
        {
            var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            throw new RuleViolationException(outcome.Refusal ?? "extension.refused", (english ? null : outcome.RefusalUk) ?? outcome.Refusal ?? "");
        }
        return outcome.NewDue!.Value;
    }

    private async Task<Appeal> TransitionAsync(
        string number, int? questionNumber, AppealTrigger trigger, Actor actor, string action, string? comment, bool isPublic,
        Action<Question, DateTimeOffset>? apply, CancellationToken ct)
    {
        var appeal = await LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var question = PickQuestion(appeal, questionNumber);
        var outcome = AppealStateMachine.Fire(question.Status, trigger, actor.ActorRole);
        await access.EnsureCanActAsync(appeal, question, actor, ct);
        var now = time.GetUtcNow();
        question.Status = outcome.To;
        if (outcome.Result is { } result)
            question.ResultCode = result;
        apply?.Invoke(question, now);
        Touch(appeal, now);
        AddHistory(appeal, question, actor, action, outcome.From, outcome.To, comment, isPublic);
        audit.Add(actor, "update", "appeal", appeal.RegistrationNumber, trigger.ToString());
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(appeal, action, ct);
        return appeal;
    }

    private static void MoveTo(Question question, int executorId, string? assigneeUserId, DateTimeOffset now)
    {
        foreach (var a in question.Assignments.Where(a => a.Active && a.Role == AssignmentRole.Main))
            a.Active = false;
        question.Assignments.Add(new Assignment { ExecutorId = executorId, Role = AssignmentRole.Main, AssignedAt = now });
        question.ExecutorId = executorId;
        question.AssigneeUserId = assigneeUserId;
        question.AcceptedAt = null;
    }

    private static void AddCoExecutors(Question question, AssignRequest request, DateTimeOffset now)
    {
        void Add(IEnumerable<int>? ids, AssignmentRole role)
        {
            foreach (var id in ids ?? [])
            {
                if (!question.Assignments.Any(a => a.Active && a.ExecutorId == id && a.Role == role))
                    question.Assignments.Add(new Assignment { ExecutorId = id, Role = role, AssignedAt = now });
            }
        }
        Add(request.CoExecutorIds, AssignmentRole.CoExecutor);
        Add(request.ForInformationIds, AssignmentRole.ForInformation);
    }

    private static void Touch(Appeal appeal, DateTimeOffset now) => AppealProjection.Touch(appeal, now);

    private void AddHistory(Appeal appeal, Question question, Actor actor, string action, AppealStatus? from, AppealStatus? to, string? comment, bool isPublic) =>
        db.AppealHistory.Add(new AppealHistoryEntry
        {
            AppealId = appeal.Id,
            QuestionNumber = appeal.Questions.Count > 1 ? question.Number : null,
            At = time.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            Comment = comment is { Length: > 4000 } ? comment[..4000] : comment,
            Public = isPublic,
        });

    private static void RequireText(ValidationErrors errors, string field, string? value, int max, string requiredKey = "field.required")
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, Text.Get(requiredKey));
        else if (value.Length > max)
            errors.Add(field, Text.Get("field.tooLong", max));
    }

    private static string? Join(string a, string? b) => string.IsNullOrWhiteSpace(b) ? a : $"{a}: {b}";
}
